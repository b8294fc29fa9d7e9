from doingoai.core.api import BaseViewSet

from .. import services
from ..filtersets import CommitmentFilterSet, MechanismFilterSet, MeetingFilterSet
from ..models import Commitment, Mechanism, Meeting
from .serializers import CommitmentSerializer, MechanismSerializer, MeetingSerializer


class MechanismViewSet(BaseViewSet):
    """Cooperation mechanisms; `members` are partner ids. DELETE stops following one (it keeps its meetings)."""

    queryset = Mechanism.objects.prefetch_related("members").order_by("name")
    serializer_class = MechanismSerializer
    filterset_class = MechanismFilterSet


class MeetingViewSet(BaseViewSet):
    """Meetings of the mechanisms, newest first."""

    queryset = Meeting.objects.select_related("mechanism")
    serializer_class = MeetingSerializer
    filterset_class = MeetingFilterSet


class CommitmentViewSet(BaseViewSet):
    """Commitments of the meetings; `state` comes from the follow-up tasks (`tasks`)."""

    queryset = Commitment.objects.select_related("meeting__mechanism").prefetch_related("responsible_partners")
    serializer_class = CommitmentSerializer
    filterset_class = CommitmentFilterSet

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        return services.with_states(page) if page is not None else page
