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


class AgreementForm(models.TextChoices):
    """The names an international agreement of a province may take (Law on International Agreements
    2020); never a treaty's names."""

    AGREEMENT = "agreement", _("Thỏa thuận")
    MOU = "mou", _("Bản ghi nhớ")
    MINUTES = "minutes", _("Biên bản thỏa thuận")
    PROGRAMME = "programme", _("Chương trình hợp tác")
    PLAN = "plan", _("Kế hoạch hợp tác")
    LETTER_OF_INTENT = "letter_of_intent", _("Ý định thư")
    OTHER = "other", _("Hình thức khác")


class AgreementState(models.TextChoices):
    NEGOTIATING = "negotiating", _("Đang đàm phán")
    AWAITING_OPINIONS = "awaiting_opinions", _("Đang lấy ý kiến")
    SIGNED = "signed", _("Đã ký")
    IN_FORCE = "in_force", _("Đang có hiệu lực")
    EXTENDED = "extended", _("Đã gia hạn")
    AMENDED = "amended", _("Đã sửa đổi, bổ sung")
    SUSPENDED = "suspended", _("Tạm đình chỉ")
    TERMINATED = "terminated", _("Chấm dứt")
    EXPIRED = "expired", _("Hết hiệu lực")


# States of an agreement that has been signed and still binds the province: the ones followed,
# evaluated yearly and watched for expiry.
LIVE_STATES = frozenset(
    {AgreementState.SIGNED, AgreementState.IN_FORCE, AgreementState.EXTENDED, AgreementState.AMENDED}
)
SIGNED_STATES = LIVE_STATES | {AgreementState.SUSPENDED, AgreementState.TERMINATED, AgreementState.EXPIRED}


class Rating(models.TextChoices):
    GOOD = "good", _("Thực hiện tốt")
    FAIR = "fair", _("Thực hiện đạt yêu cầu")
    POOR = "poor", _("Thực hiện chưa hiệu quả")
    NONE = "none", _("Chưa triển khai")
