"""The table of the report list (and its Excel export)."""

import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from doingoai.core.tables import BaseTable, DateColumn

from .models import Report


class ReportTable(BaseTable):
    symbol = tables.Column(verbose_name=_("Số, ký hiệu"), accessor="number", order_by=("number",))
    title = tables.Column(linkify=True)
    issuer = tables.Column(order_by="issuer__name")
    period_kind = tables.Column()
    year = tables.Column()
    state = tables.Column()
    issued_on = DateColumn()

    class Meta(BaseTable.Meta):
        model = Report
        fields = ["symbol", "title", "issuer", "period_kind", "year", "state", "issued_on"]

    def render_symbol(self, record):
        return record.symbol

    def value_symbol(self, record):
        return record.symbol
