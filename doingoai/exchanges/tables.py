"""Tables of the delegation and conference lists (and their Excel exports)."""

import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from doingoai.core.tables import BaseTable, DateColumn, ListColumn

from . import services
from .models import Conference, Delegation


class DelegationTable(BaseTable):
    title = tables.Column(linkify=True)
    owner_agency = tables.Column(order_by="owner_agency__name")
    partners = tables.ManyToManyColumn(verbose_name=_("Đối tác"), orderable=False, separator="; ")
    # Through the names property: django-tables2 cannot show a multiple-country field by its choices.
    countries = ListColumn(verbose_name=_("Quốc gia"), accessor="country_names", orderable=False)
    start_on = DateColumn()
    end_on = DateColumn()
    report_due = DateColumn(verbose_name=_("Hạn báo cáo"), orderable=False)

    class Meta(BaseTable.Meta):
        model = Delegation
        fields = [
            "direction",
            "title",
            "owner_agency",
            "head_name",
            "partners",
            "countries",
            "start_on",
            "end_on",
            "state",
            "report_due",
        ]
        order_by = "-start_on"


class ConferenceTable(BaseTable):
    title = tables.Column(linkify=True)
    owner_agency = tables.Column(order_by="owner_agency__name")
    start_on = DateColumn()
    end_on = DateColumn()
    state = tables.Column(verbose_name=_("Tình trạng"), accessor="pk", orderable=False)

    class Meta(BaseTable.Meta):
        model = Conference
        fields = [
            "title",
            "owner_agency",
            "start_on",
            "end_on",
            "venue",
            "vietnamese_participants",
            "foreign_participants",
            "state",
        ]
        order_by = "-start_on"

    def render_state(self, record):
        return services.conference_state(record).label

    def value_state(self, record):
        return str(services.conference_state(record).label)
