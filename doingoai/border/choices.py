"""Fixed vocabularies of the border app."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class GateKind(models.TextChoices):
    INTERNATIONAL = "international", _("Cửa khẩu quốc tế")
    BILATERAL = "bilateral", _("Cửa khẩu song phương")
    NATIONAL = "national", _("Cửa khẩu chính")
    OPENING = "opening", _("Lối mở")
    BORDER_MARKET = "border_market", _("Chợ biên giới")


class GateStatus(models.TextChoices):
    OPERATING = "operating", _("Đang hoạt động")
    SUSPENDED = "suspended", _("Dừng hoạt động")
    PLANNED = "planned", _("Quy hoạch")


class Flow(models.TextChoices):
    EXPORT = "export", _("Xuất khẩu")
    IMPORT = "import", _("Nhập khẩu")
    TEMPORARY = "temporary", _("Tạm nhập tái xuất")
    TRANSIT = "transit", _("Quá cảnh")
