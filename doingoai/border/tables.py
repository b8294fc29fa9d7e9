"""Tables of the gate and trade-record lists (and their Excel exports)."""

import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from doingoai.core.tables import ActiveColumn, BaseTable
from doingoai.core.text import format_number

from .models import BorderGate, TradeRecord, TradeTarget


class BorderGateTable(BaseTable):
    name = tables.Column(linkify=True)
    counterpart_partner = tables.Column(order_by="counterpart_partner__name")
    commune = tables.Column(order_by="commune__name")
    is_active = ActiveColumn()

    class Meta(BaseTable.Meta):
        model = BorderGate
        fields = [
            "name",
            "counterpart",
            "counterpart_native",
            "counterpart_partner",
            "kind",
            "status",
            "commune",
            "is_active",
        ]
        order_by = "name"


class MonthColumn(tables.Column):
    def render(self, value):
        return value.strftime("%m/%Y")

    def value(self, value):
        return value


class NumberColumn(tables.Column):
    def render(self, value):
        return format_number(value)

    def value(self, value):
        return value


class TradeRecordTable(BaseTable):
    month = MonthColumn(linkify=True)
    gate = tables.Column(order_by="gate__name")
    value_usd = NumberColumn(attrs={"td": {"class": "text-end"}})
    volume_t = NumberColumn(attrs={"td": {"class": "text-end"}})
    illustrative = tables.Column(verbose_name=_("Minh họa"))

    class Meta(BaseTable.Meta):
        model = TradeRecord
        fields = [
            "month",
            "gate",
            "flow",
            "commodity",
            "value_usd",
            "volume_t",
            "vehicles",
            "declarations",
            "illustrative",
        ]
        order_by = "-month"

    def render_illustrative(self, value):
        return _("số liệu minh họa") if value else ""


class TradeTargetTable(BaseTable):
    target = tables.Column(linkify=True, order_by="target_id")
    program = tables.Column(accessor="target__program", verbose_name=_("Văn bản"), order_by="target__program_id")
    gate = tables.Column(default=_("Mọi cửa khẩu"), order_by="gate__name")

    class Meta(BaseTable.Meta):
        model = TradeTarget
        fields = ["target", "program", "gate", "scale"]
        order_by = "target"
