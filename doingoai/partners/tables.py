"""The partner list's table (and its Excel export)."""

import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from doingoai.core.tables import ActiveColumn, BaseTable, DateColumn

from .models import Partner


class PartnerTable(BaseTable):
    name = tables.Column(linkify=True)
    # django-tables2 shows a field with choices by its label: the country's Vietnamese name.
    country = tables.Column(verbose_name=_("Quốc gia"))
    parent = tables.Column(verbose_name=_("Trực thuộc"), order_by="parent__name")
    since = DateColumn()
    is_active = ActiveColumn()

    class Meta(BaseTable.Meta):
        model = Partner
        fields = ["name", "name_en", "name_native", "kind", "country", "parent", "relation", "since", "is_active"]
        order_by = "name"
