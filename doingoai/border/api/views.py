from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from doingoai.core.api import BaseViewSet
from doingoai.core.permissions import Action

from .. import services
from ..filtersets import BorderGateFilterSet, TradeRecordFilterSet
from ..models import BorderGate, TradeRecord
from .serializers import BorderGateSerializer, TradeRecordSerializer


class BorderGateViewSet(BaseViewSet):
    """Border gates and openings with their counterparts across the border."""

    queryset = BorderGate.objects.order_by("name")
    serializer_class = BorderGateSerializer
    filterset_class = BorderGateFilterSet


class TradeRecordViewSet(BaseViewSet):
    """Monthly trade records (USD); entered by the focal officer and the agencies of TRADE_DATA_AGENCIES."""

    queryset = TradeRecord.objects.select_related("gate")
    serializer_class = TradeRecordSerializer
    filterset_class = TradeRecordFilterSet

    # Targets measured from trade follow every change of the figures.
    def perform_create(self, serializer):
        super().perform_create(serializer)
        services.feed_targets(self.request.user)

    def perform_update(self, serializer):
        super().perform_update(serializer)
        services.feed_targets(self.request.user)

    def perform_destroy(self, instance):
        super().perform_destroy(instance)
        services.feed_targets(self.request.user)


class TradeSummaryView(APIView):
    """Totals of trade value (USD) per `period` (month, quarter, year), optionally per `group`
    (gate, flow, commodity), over the records the trade-record filters select."""

    permission_classes = [IsAuthenticated]

    @extend_schema(
        parameters=[
            OpenApiParameter("period", OpenApiTypes.STR, enum=list(services.PERIODS)),
            OpenApiParameter("group", OpenApiTypes.STR, enum=["gate", "flow", "commodity"]),
        ],
        responses=OpenApiTypes.OBJECT,
    )
    def get(self, request):
        period = request.query_params.get("period", "year")
        group = request.query_params.get("group") or None
        if period not in services.PERIODS:
            raise ValidationError({"period": _("Kỳ tổng hợp phải là month, quarter hoặc year.")})
        if group not in (None, "gate", "flow", "commodity"):
            raise ValidationError({"group": _("Nhóm theo phải là gate, flow hoặc commodity.")})
        records = TradeRecord.objects.for_user(request.user, Action.VIEW)
        filterset = TradeRecordFilterSet(request.query_params, queryset=records, request=request)
        if not filterset.is_valid():
            raise ValidationError(filterset.errors)
        rows = services.totals(filterset.qs, period, group)
        return Response(
            {
                "period": period,
                "group": group,
                "rows": [{**row, "period": row["period"].isoformat(), "value": str(row["value"])} for row in rows],
            }
        )
