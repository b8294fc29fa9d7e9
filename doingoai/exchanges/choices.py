"""Fixed vocabularies of the exchanges app (delegations and international conferences)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Direction(models.TextChoices):
    OUTBOUND = "outbound", _("Đoàn ra")
    INBOUND = "inbound", _("Đoàn vào")


class DelegationState(models.TextChoices):
    PLANNED = "planned", _("Dự kiến")
    APPROVED = "approved", _("Đã phê duyệt")
    UNDER_WAY = "under_way", _("Đang thực hiện")
    RETURNED = "returned", _("Đã kết thúc, chờ báo cáo")
    REPORTED = "reported", _("Đã báo cáo kết quả")
    CANCELLED = "cancelled", _("Hủy")


class Funding(models.TextChoices):
    PROVINCIAL_BUDGET = "provincial_budget", _("Ngân sách tỉnh")
    AGENCY_BUDGET = "agency_budget", _("Kinh phí của cơ quan")
    PARTNER = "partner", _("Phía đối tác chi trả")
    SPONSOR = "sponsor", _("Tài trợ")
    OTHER = "other", _("Nguồn khác")


class PassportType(models.TextChoices):
    DIPLOMATIC = "diplomatic", _("Hộ chiếu ngoại giao")
    OFFICIAL = "official", _("Hộ chiếu công vụ")
    ORDINARY = "ordinary", _("Hộ chiếu phổ thông")
    FOREIGN = "foreign", _("Hộ chiếu nước ngoài")


class ApprovalLevel(models.TextChoices):
    """Who approves an international conference (Decision 06/2020/QĐ-TTg), which sets how early the
    request must go in."""

    PROVINCE = "province", _("Chủ tịch UBND tỉnh")
    PRIME_MINISTER = "prime_minister", _("Thủ tướng Chính phủ")


class ConferenceState(models.TextChoices):
    PROPOSED = "proposed", _("Dự kiến")
    REQUESTED = "requested", _("Đã trình xin phép")
    APPROVED = "approved", _("Đã được phép")
    HELD = "held", _("Đã tổ chức, chờ báo cáo")
    REPORTED = "reported", _("Đã báo cáo kết quả")
    CANCELLED = "cancelled", _("Hủy")
