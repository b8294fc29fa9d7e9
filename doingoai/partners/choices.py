"""Fixed vocabularies of the partners app."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PartnerKind(models.TextChoices):
    PROVINCE = "province", _("Tỉnh, khu tự trị")
    PREFECTURE = "prefecture", _("Châu")
    CITY = "city", _("Thành phố")
    COUNTY = "county", _("Huyện, hương, trấn")
    STATE = "state", _("Bang")
    INTERNATIONAL_ORG = "international_org", _("Tổ chức quốc tế")
    NGO_NETWORK = "ngo_network", _("Tổ chức phi chính phủ, mạng lưới")
    MISSION = "mission", _("Cơ quan đại diện")
    MINISTRY = "ministry", _("Bộ, cơ quan trung ương")
    VN_PROVINCE = "vn_province", _("Tỉnh, thành phố Việt Nam")
    ENTERPRISE = "enterprise", _("Doanh nghiệp")
    OTHER = "other", _("Khác")


class Relation(models.TextChoices):
    ESTABLISHED = "established", _("Đã thiết lập quan hệ")
    POTENTIAL = "potential", _("Đang kết nối")
    MECHANISM = "mechanism", _("Cùng tham gia cơ chế")
    NONE = "none", _("Chưa có quan hệ")
