from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError

from doingoai.core.api import BaseViewSet, OwnedRecordMixin

from ..choices import DelegationState
from ..filtersets import ConferenceFilterSet, DelegationFilterSet
from ..models import Conference, Delegation
from .serializers import ConferenceSerializer, DelegationSerializer


class DelegationViewSet(OwnedRecordMixin, BaseViewSet):
    """Delegations, outbound and inbound, with their members; `countries` are ISO 3166-1 codes."""

    queryset = Delegation.objects.select_related("owner_agency").prefetch_related(
        "members", "partners", "commitments", "agreements"
    )
    serializer_class = DelegationSerializer
    filterset_class = DelegationFilterSet

    def perform_destroy(self, instance):
        # Only a delegation that never went (planned or cancelled) may be removed; the others are on record.
        if instance.state not in (DelegationState.PLANNED, DelegationState.CANCELLED):
            raise ValidationError({"detail": _("Chỉ xóa được đoàn còn dự kiến hoặc đã hủy.")})
        super().perform_destroy(instance)


class ConferenceViewSet(OwnedRecordMixin, BaseViewSet):
    """International conferences; `request_deadline` applies the 30/40-day rule, `state` follows the dates."""

    queryset = Conference.objects.select_related("owner_agency").prefetch_related("partners")
    serializer_class = ConferenceSerializer
    filterset_class = ConferenceFilterSet

    def perform_destroy(self, instance):
        if instance.approval_on or instance.report_on:
            raise ValidationError({"detail": _("Hội nghị đã được phép tổ chức không xóa được; hãy ghi hủy.")})
        super().perform_destroy(instance)
