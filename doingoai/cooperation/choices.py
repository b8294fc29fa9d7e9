"""Fixed vocabularies of the cooperation app."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class MechanismLevel(models.TextChoices):
    PARTY = "party", _("Kênh Đảng")
    GOVERNMENT = "government", _("Kênh chính quyền")
    SECTOR = "sector", _("Cấp sở, ngành")
    NATIONAL = "national", _("Cơ chế cấp quốc gia")
    COMMUNE = "commune", _("Cấp xã")
    BORDER_GUARD = "border_guard", _("Biên phòng")


class Frequency(models.TextChoices):
    ANNUAL = "annual", _("Hằng năm")
    REGULAR = "regular", _("Định kỳ")
    AD_HOC = "ad_hoc", _("Khi có yêu cầu")


class MeetingState(models.TextChoices):
    PLANNED = "planned", _("Dự kiến")
    HELD = "held", _("Đã tổ chức")
    CANCELLED = "cancelled", _("Hủy")


class CommitmentState(models.TextChoices):
    """Where a commitment stands, from its follow-up tasks (services.commitment_state)."""

    UNASSIGNED = "unassigned", _("Chưa giao nhiệm vụ")
    IN_PROGRESS = "in_progress", _("Đang thực hiện")
    OVERDUE = "overdue", _("Có nhiệm vụ quá hạn")
    DONE = "done", _("Đã hoàn thành")


COMMITMENT_COLOURS = {
    CommitmentState.UNASSIGNED: "secondary",
    CommitmentState.IN_PROGRESS: "primary",
    CommitmentState.OVERDUE: "danger",
    CommitmentState.DONE: "success",
}
