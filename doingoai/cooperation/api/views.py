from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError

from doingoai.core.api import BaseViewSet, OwnedRecordMixin

from .. import services
from ..choices import SIGNED_STATES
from ..filtersets import AgreementFilterSet, CommitmentFilterSet, MechanismFilterSet, MeetingFilterSet
from ..models import Agreement, Commitment, Mechanism, Meeting
from .serializers import AgreementSerializer, CommitmentSerializer, MechanismSerializer, MeetingSerializer


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


class AgreementViewSet(OwnedRecordMixin, BaseViewSet):
    """International agreements; `current_state` is the state as it stands today (expired once past
    validity), `signing_report_due` the 15-day report's deadline. DELETE removes a draft record."""

    queryset = Agreement.objects.select_related("owner_agency").prefetch_related("partners", "tasks", "evaluations")
    serializer_class = AgreementSerializer
    filterset_class = AgreementFilterSet

    def perform_destroy(self, instance):
        # A signed agreement stays on record; it ends by termination or expiry, never by deletion.
        if instance.state in SIGNED_STATES:
            raise ValidationError(
                {"detail": _("Thỏa thuận đã ký không xóa được; hãy ghi chấm dứt hoặc để hết hiệu lực.")}
            )
        super().perform_destroy(instance)
