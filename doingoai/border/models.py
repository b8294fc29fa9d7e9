"""Border gates (cửa khẩu, lối mở, chợ biên giới) paired with their Chinese counterparts, their planned
upgrades followed through monitoring-core tasks, monthly border-trade records, the programme
targets measured from them, and the imports of trade files."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from doingoai.core.history import history_records
from doingoai.core.models import BaseModel, SearchableMixin
from doingoai.core.permissions import Scope
from doingoai.organizations.models import Agency
from doingoai.partners.models import Partner
from doingoai.programs.models import YEAR_VALIDATORS, Target, Task

from .choices import Flow, GateKind, GateStatus, ImportState, Scale

NOT_NEGATIVE = MinValueValidator(0, message=_("Số liệu không được âm."))


class BorderGate(SearchableMixin, BaseModel):
    """A gate or opening of the province's border and its counterpart across it. Reference data:
    the focal officer keeps it, everyone reads it."""

    name = models.CharField(_("Tên cửa khẩu"), max_length=255, unique=True)
    counterpart = models.CharField(_("Cửa khẩu đối diện"), max_length=255)
    counterpart_native = models.CharField(_("Tên đối diện (bản ngữ)"), max_length=255, blank=True)
    counterpart_partner = models.ForeignKey(
        Partner,
        verbose_name=_("Địa phương đối diện"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="border_gates",
    )
    kind = models.CharField(_("Loại"), max_length=20, choices=GateKind.choices)
    status = models.CharField(_("Tình trạng"), max_length=20, choices=GateStatus.choices, default=GateStatus.OPERATING)
    commune = models.ForeignKey(
        Agency,
        verbose_name=_("Xã, phường"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="border_gates",
    )
    note = models.TextField(_("Ghi chú"), blank=True)
    is_active = models.BooleanField(_("Đang theo dõi"), default=True)

    history = history_records()

    permission_scope = Scope.REFERENCE
    search_fields = ("name", "counterpart", "counterpart_native", "note")

    class Meta:
        verbose_name = _("cửa khẩu")
        verbose_name_plural = pgettext_lazy("plural", "cửa khẩu")
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} - {self.counterpart}"

    def get_absolute_url(self) -> str:
        return reverse("border:bordergate_detail", args=[self.pk])


class GateUpgrade(BaseModel):
    """A planned upgrade of a gate (a dedicated cargo lane in 2027, a smart gate in 2028...), followed
    through the monitoring-core task that carries it out."""

    gate = models.ForeignKey(BorderGate, verbose_name=_("Cửa khẩu"), on_delete=models.CASCADE, related_name="upgrades")
    year = models.PositiveSmallIntegerField(_("Năm"), validators=YEAR_VALIDATORS)
    what = models.CharField(_("Nội dung"), max_length=500)
    task = models.ForeignKey(
        Task,
        verbose_name=_("Nhiệm vụ thực hiện"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="gate_upgrades",
    )

    history = history_records()

    permission_scope = Scope.REFERENCE

    class Meta:
        verbose_name = _("nâng cấp cửa khẩu")
        verbose_name_plural = pgettext_lazy("plural", "nâng cấp cửa khẩu")
        ordering = ["gate", "year", "pk"]

    def __str__(self) -> str:
        return f"{self.year}: {self.what}"

    def get_absolute_url(self) -> str:
        return self.gate.get_absolute_url()


class TradeRecord(BaseModel):
    """One month's trade through one gate in one flow and commodity group: value in USD, and
    optionally tonnes, vehicles and customs declarations. One record per gate, month, flow and
    group; re-entering a month replaces it (services), and history keeps the old figure."""

    gate = models.ForeignKey(BorderGate, verbose_name=_("Cửa khẩu"), on_delete=models.PROTECT, related_name="trade")
    month = models.DateField(_("Tháng"), help_text=_("Ngày đầu tháng."))
    flow = models.CharField(_("Loại hình"), max_length=12, choices=Flow.choices)
    commodity = models.CharField(_("Nhóm hàng"), max_length=120)
    value_usd = models.DecimalField(_("Trị giá (USD)"), max_digits=16, decimal_places=2, validators=[NOT_NEGATIVE])
    volume_t = models.DecimalField(
        _("Khối lượng (tấn)"), max_digits=14, decimal_places=2, null=True, blank=True, validators=[NOT_NEGATIVE]
    )
    vehicles = models.PositiveIntegerField(_("Lượt phương tiện"), null=True, blank=True)
    declarations = models.PositiveIntegerField(_("Số tờ khai"), null=True, blank=True)
    illustrative = models.BooleanField(_("Số liệu minh họa"), default=False)

    history = history_records()

    permission_scope = Scope.DESIGNATED
    designated_setting = "TRADE_DATA_AGENCIES"

    class Meta:
        verbose_name = _("số liệu kim ngạch")
        verbose_name_plural = pgettext_lazy("plural", "số liệu kim ngạch")
        ordering = ["-month", "gate", "flow", "commodity"]
        constraints = [
            models.UniqueConstraint(fields=["gate", "month", "flow", "commodity"], name="one_trade_record_per_key")
        ]
        indexes = [models.Index(fields=["month", "gate", "flow"])]

    def __str__(self) -> str:
        return f"{self.gate.name} {self.month:%m/%Y} {self.get_flow_display()} {self.commodity}"

    def get_absolute_url(self) -> str:
        return reverse("border:traderecord_detail", args=[self.pk])

    def clean(self):
        if self.month and self.month.day != 1:
            raise ValidationError({"month": _("Tháng được ghi bằng ngày đầu tháng.")})


class TradeTarget(BaseModel):
    """A programme target measured from the trade statistics: each complete year's trade (through
    one gate, or all) is written as the target's measurement by services.feed_targets, in the
    target's unit, so nobody retypes the figure."""

    target = models.OneToOneField(
        Target, verbose_name=_("Chỉ tiêu"), on_delete=models.CASCADE, related_name="trade_source"
    )
    gate = models.ForeignKey(
        BorderGate,
        verbose_name=_("Cửa khẩu"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Để trống: kim ngạch qua mọi cửa khẩu."),
    )
    scale = models.PositiveIntegerField(_("Đơn vị của chỉ tiêu"), choices=Scale.choices, default=Scale.MILLION)

    history = history_records()

    # Linking a target lets the statistics overwrite its measurements, whoever leads it: a decision
    # for the focal officer, not for the agencies that enter trade figures.
    permission_scope = Scope.REFERENCE

    class Meta:
        verbose_name = _("chỉ tiêu đo bằng kim ngạch")
        verbose_name_plural = pgettext_lazy("plural", "chỉ tiêu đo bằng kim ngạch")
        ordering = ["target_id"]

    def __str__(self) -> str:
        return str(self.target)

    def get_absolute_url(self) -> str:
        return reverse("border:tradetarget_detail", args=[self.pk])


class TradeImport(BaseModel):
    """An uploaded file of trade figures and the background job that checks and applies it: its
    state, how far it has got, and the bad rows when it is refused. Its history holds the upload
    (who, when, which file); the job's progress is written with `update()`, which adds no history
    rows, and the figures it saves keep their own history, by the uploader."""

    file = models.FileField(_("Tệp"), upload_to="trade-imports/%Y/%m/")
    name = models.CharField(_("Tên tệp"), max_length=255)
    state = models.CharField(_("Trạng thái"), max_length=10, choices=ImportState.choices, default=ImportState.WAITING)
    total_rows = models.PositiveIntegerField(_("Số dòng"), default=0)
    done_rows = models.PositiveIntegerField(_("Số dòng đã xử lý"), default=0)
    errors = models.JSONField(_("Dòng lỗi"), default=list, blank=True)
    counts = models.JSONField(_("Kết quả"), default=dict, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("Người nhập"), on_delete=models.PROTECT, related_name="+"
    )
    finished_at = models.DateTimeField(_("Kết thúc lúc"), null=True, blank=True)

    history = history_records()

    permission_scope = Scope.DESIGNATED
    designated_setting = "TRADE_DATA_AGENCIES"

    class Meta:
        verbose_name = _("lần nhập số liệu kim ngạch")
        verbose_name_plural = pgettext_lazy("plural", "lần nhập số liệu kim ngạch")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("border:tradeimport_detail", args=[self.pk])

    @property
    def finished(self) -> bool:
        return self.state in (ImportState.DONE, ImportState.REFUSED, ImportState.FAILED)

    @property
    def percent(self) -> int:
        """How far the checking has got; saving, being one transaction, shows as a full moving bar."""
        if self.state in (ImportState.WAITING, ImportState.FAILED) or not self.total_rows:
            return 100 if self.finished else 0
        if self.state == ImportState.CHECKING:
            return min(100, int(100 * self.done_rows / self.total_rows))
        return 100
