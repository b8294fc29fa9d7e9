from doingoai.core.api import BaseModelSerializer

from ..models import BorderGate, TradeRecord


class BorderGateSerializer(BaseModelSerializer):
    class Meta:
        model = BorderGate
        fields = [
            "id",
            "display",
            "name",
            "counterpart",
            "counterpart_native",
            "counterpart_partner",
            "kind",
            "status",
            "commune",
            "note",
            "is_active",
        ]
        read_only_fields = ["is_active"]


class TradeRecordSerializer(BaseModelSerializer):
    class Meta:
        model = TradeRecord
        fields = [
            "id",
            "gate",
            "month",
            "flow",
            "commodity",
            "value_usd",
            "volume_t",
            "vehicles",
            "declarations",
            "illustrative",
        ]
        read_only_fields = ["illustrative"]
