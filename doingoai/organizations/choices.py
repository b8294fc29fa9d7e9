"""Fixed vocabularies of the organizations app."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """The one role each user has; what each may do is decided in core/permissions.py."""

    FOCAL_OFFICER = "focal_officer", _("Cán bộ đầu mối")
    AGENCY_OFFICER = "agency_officer", _("Cán bộ cơ quan, đơn vị")
    LEADER = "leader", _("Lãnh đạo")
    ADMINISTRATOR = "administrator", _("Quản trị hệ thống")


class AgencyKind(models.TextChoices):
    PROVINCE_LEADERSHIP = "province_leadership", _("Lãnh đạo tỉnh")
    DEPARTMENT = "department", _("Sở, ngành")
    BOARD = "board", _("Ban")
    ARMED_FORCE = "armed_force", _("Lực lượng vũ trang")
    POLICE = "police", _("Công an")
    STEERING_COMMITTEE = "steering_committee", _("Ban chỉ đạo")
    WORKING_GROUP = "working_group", _("Tổ công tác, tiểu ban")
    COMMUNE = "commune", _("Ủy ban nhân dân xã")
    WARD = "ward", _("Ủy ban nhân dân phường")
    ENTERPRISE = "enterprise", _("Doanh nghiệp")
    MASS_ORGANISATION = "mass_organisation", _("Tổ chức chính trị - xã hội")
    MEDIA = "media", _("Cơ quan báo chí")
    OTHER = "other", _("Khác")
