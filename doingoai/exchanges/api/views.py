from doingoai.core.api import BaseViewSet, OwnedRecordMixin

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


class ConferenceViewSet(OwnedRecordMixin, BaseViewSet):
    """International conferences; `request_deadline` applies the 30/40-day rule, `state` follows the dates."""

    queryset = Conference.objects.select_related("owner_agency").prefetch_related("partners")
    serializer_class = ConferenceSerializer
    filterset_class = ConferenceFilterSet
