"""Periodic reports (báo cáo định kỳ) drafted from the monitoring data, edited, then issued with a
number from the issuer's yearly register (Decree 30/2020/NĐ-CP)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from doingoai.core.history import history_records
from doingoai.core.models import BaseModel, SearchableMixin
from doingoai.core.permissions import Scope
from doingoai.organizations.models import Agency
from doingoai.programs.choices import PeriodKind
from doingoai.programs.models import YEAR_VALIDATORS, Program

from .choices import ReportState


class Report(SearchableMixin, BaseModel):
    """A periodic report on one programme (or on every programme its issuer follows) for one period.

    `sections` are the texts the builder wrote from the data and the officer then edited
    (a list of {"key", "heading", "text"}); `data` is the snapshot of figures and tables the
    sections were written from (services.gather). Once issued the report is frozen: its number,
    texts and tables never change again.
    """

    program = models.ForeignKey(
        Program,
        verbose_name=_("Văn bản"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reports",
        help_text=_("Để trống để báo cáo mọi chương trình, kế hoạch cơ quan ban hành theo dõi."),
    )
    issuer = models.ForeignKey(
        Agency, verbose_name=_("Cơ quan ban hành"), on_delete=models.PROTECT, related_name="issued_reports"
    )
    period_kind = models.CharField(_("Loại kỳ"), max_length=20, choices=PeriodKind.choices)
    year = models.PositiveSmallIntegerField(_("Năm"), validators=YEAR_VALIDATORS)
    period_number = models.PositiveSmallIntegerField(
        _("Quý/tháng"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(12)]
    )
    start_date = models.DateField(_("Từ ngày"))
    end_date = models.DateField(_("Đến ngày"))
    title = models.CharField(_("Trích yếu"), max_length=500)
    sections = models.JSONField(_("Nội dung"), default=list)
    data = models.JSONField(_("Số liệu"), default=dict, editable=False)
    issuer_parent_line = models.CharField(_("Cơ quan chủ quản (dòng trên)"), max_length=200, blank=True)
    issuer_line = models.CharField(_("Tên cơ quan ban hành (dòng dưới)"), max_length=200)
    issuer_symbol = models.CharField(
        _("Chữ viết tắt cơ quan"), max_length=30, help_text=_("Dùng trong số, ký hiệu: Số: 12/BC-SNgV.")
    )
    place = models.CharField(_("Địa danh"), max_length=100, default="Tuyên Quang")
    recipients = models.TextField(_("Nơi nhận"), help_text=_("Mỗi dòng một nơi nhận."))
    signer_capacity = models.CharField(
        _("Thẩm quyền ký"), max_length=100, blank=True, help_text=_("Ví dụ: KT. GIÁM ĐỐC, TM. ỦY BAN NHÂN DÂN.")
    )
    signer_title = models.CharField(_("Chức vụ người ký"), max_length=100)
    signer_name = models.CharField(_("Họ tên người ký"), max_length=100, blank=True)
    state = models.CharField(_("Trạng thái"), max_length=10, choices=ReportState.choices, default=ReportState.DRAFT)
    number = models.PositiveIntegerField(_("Số"), null=True, blank=True, editable=False)
    number_year = models.PositiveSmallIntegerField(_("Năm của sổ đăng ký"), null=True, blank=True, editable=False)
    issued_on = models.DateField(_("Ngày ban hành"), null=True, blank=True, editable=False)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Người ban hành"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    history = history_records(excluded_fields=["data"])

    permission_scope = Scope.AGENCY_OWNED
    owner_agency_field = "issuer"
    search_fields = ("symbol", "title", "issuer_line", "section_texts")

    class Meta:
        verbose_name = _("báo cáo định kỳ")
        verbose_name_plural = pgettext_lazy("plural", "báo cáo định kỳ")
        ordering = ["-year", "-end_date", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["issuer", "number_year", "number"],
                condition=models.Q(number__isnull=False),
                name="one_report_number_per_issuer_and_year",
            )
        ]

    def __str__(self) -> str:
        return f"{self.symbol} – {self.title}" if self.number else self.title

    def get_absolute_url(self) -> str:
        return reverse("reports:report_detail", args=[self.pk])

    def owner_agency_ids(self) -> set[int]:
        return {self.issuer_id}

    @property
    def is_issued(self) -> bool:
        return self.state == ReportState.ISSUED

    @property
    def symbol(self) -> str:
        """ "12/BC-SNgV" once issued; "…/BC-SNgV" (the number left blank) while a draft."""
        number = str(self.number) if self.number else "…"
        return f"{number}/BC-{self.issuer_symbol}"

    @property
    def section_texts(self) -> str:
        return " ".join(section.get("text", "") for section in self.sections or [])

    def clean(self):
        errors = {}
        if self.start_date and self.end_date and self.start_date > self.end_date:
            errors["end_date"] = _("Ngày kết thúc phải từ ngày bắt đầu trở đi.")
        if self.program_id and self.issuer_id and self.program.focal_agency_id != self.issuer_id:
            errors["issuer"] = _("Chỉ cơ quan đầu mối của văn bản (%(agency)s) báo cáo văn bản này.") % {
                "agency": self.program.focal_agency
            }
        if errors:
            raise ValidationError(errors)


class NumberRegister(BaseModel):
    """The issuer's register of report numbers for one year (sổ đăng ký văn bản).

    Numbers restart every 1 January and only go up: a number once given is never given again that
    year, even if the report it went to were ever withdrawn.
    """

    issuer = models.ForeignKey(Agency, verbose_name=_("Cơ quan ban hành"), on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField(_("Năm"), validators=YEAR_VALIDATORS)
    document_type = models.CharField(_("Loại văn bản"), max_length=10, default="BC")
    last_number = models.PositiveIntegerField(_("Số cuối đã cấp"), default=0)

    history = history_records()

    permission_scope = Scope.AGENCY_OWNED
    owner_agency_field = "issuer"

    class Meta:
        verbose_name = _("sổ đăng ký số văn bản")
        verbose_name_plural = pgettext_lazy("plural", "sổ đăng ký số văn bản")
        constraints = [
            models.UniqueConstraint(
                fields=["issuer", "year", "document_type"], name="one_register_per_issuer_year_type"
            )
        ]

    def __str__(self) -> str:
        return f"{self.document_type} {self.year} – {self.issuer}"

    def owner_agency_ids(self) -> set[int]:
        return {self.issuer_id}
