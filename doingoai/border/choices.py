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


class Scale(models.IntegerChoices):
    """The unit a target counts trade in, as a number of USD."""

    USD = 1, _("USD")
    THOUSAND = 1_000, _("nghìn USD")
    MILLION = 1_000_000, _("triệu USD")
    BILLION = 1_000_000_000, _("tỷ USD")


class ImportState(models.TextChoices):
    """Where an import job stands: waiting for the worker, checking rows, saving, or over."""

    WAITING = "waiting", _("Đang chờ xử lý")
    CHECKING = "checking", _("Đang kiểm tra")
    SAVING = "saving", _("Đang ghi")
    DONE = "done", _("Đã nhập")
    REFUSED = "refused", _("Bị từ chối")
    FAILED = "failed", _("Lỗi hệ thống")
