"""Programmes and plans with their phases, targets and measurements, tasks with their lead bodies,
reporting periods, progress reports with evidence, and coordinating agencies' contributions."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from doingoai.core.history import history_records
from doingoai.core.models import BaseModel, SearchableMixin, makes_cycle
from doingoai.core.permissions import Scope
from doingoai.core.text import ParseError, parse_document_number
from doingoai.organizations.models import Agency, AgencyGroup

from .choices import (
    RECURRING_KINDS,
    Comparator,
    DueKind,
    Measure,
    PeriodKind,
    PeriodState,
    PhaseKind,
    ProgramKind,
    Progress,
    ReviewState,
)

YEAR_VALIDATORS = [MinValueValidator(1945), MaxValueValidator(2100)]
PERCENT_VALIDATORS = [MinValueValidator(0), MaxValueValidator(100)]


class Program(SearchableMixin, BaseModel):
    """A directing document (văn bản chỉ đạo): a resolution, programme, plan, scheme or decision,
    with its period, its focal agency, and the document it implements."""

    kind = models.CharField(_("Loại văn bản"), max_length=20, choices=ProgramKind.choices)
    number = models.CharField(
        _("Số, ký hiệu"),
        max_length=60,
        blank=True,
        help_text=_("Ví dụ: 175/CTr-UBND, 83-NQ/TU. Để trống nếu chưa có số."),
    )
    title = models.CharField(_("Trích yếu"), max_length=500)
    issuer = models.CharField(_("Cơ quan ban hành"), max_length=255)
    issued_on = models.DateField(_("Ngày ban hành"), null=True, blank=True)
    signer = models.CharField(_("Người ký"), max_length=255, blank=True)
    period_start = models.PositiveSmallIntegerField(_("Từ năm"), validators=YEAR_VALIDATORS)
    period_end = models.PositiveSmallIntegerField(_("Đến năm"), validators=YEAR_VALIDATORS)
    vision_year = models.PositiveSmallIntegerField(
        _("Tầm nhìn đến năm"), null=True, blank=True, validators=YEAR_VALIDATORS
    )
    focal_agency = models.ForeignKey(
        Agency, verbose_name=_("Cơ quan đầu mối"), on_delete=models.PROTECT, related_name="focal_programs"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("Triển khai văn bản"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    note = models.TextField(_("Ghi chú"), blank=True)
    is_active = models.BooleanField(_("Đang theo dõi"), default=True)

    history = history_records()

    permission_scope = Scope.REFERENCE
    search_fields = ("number", "title", "issuer", "kind_label")

    class Meta:
        verbose_name = _("chương trình, kế hoạch")
        verbose_name_plural = pgettext_lazy("plural", "chương trình, kế hoạch")
        ordering = ["-period_start", "title"]

    def __str__(self) -> str:
        return f"{self.number} – {self.title}" if self.number else self.title

    def get_absolute_url(self) -> str:
        return reverse("programs:program_detail", args=[self.pk])

    @property
    def kind_label(self) -> str:
        return str(self.get_kind_display())

    def clean(self):
        errors = {}
        if self.number:
            try:
                self.number = str(parse_document_number(self.number))
            except ParseError as error:
                errors["number"] = str(error)
        if self.period_start and self.period_end and self.period_start > self.period_end:
            errors["period_end"] = _("Năm kết thúc phải từ năm bắt đầu trở đi.")
        if self.vision_year and self.period_end and self.vision_year < self.period_end:
            errors["vision_year"] = _("Năm tầm nhìn không được trước năm kết thúc giai đoạn.")
        if self.parent_id and makes_cycle(self):
            errors["parent"] = _("Văn bản không thể triển khai chính nó.")
        if self.number and "number" not in errors and self.issued_on:
            # Numbers restart every 1 January and are unique per issuer and year (Decree 30/2020).
            clash = Program.objects.filter(number=self.number, issued_on__year=self.issued_on.year).exclude(pk=self.pk)
            if clash.exists():
                errors["number"] = _("Đã có văn bản số %(number)s ban hành năm %(year)s.") % {
                    "number": self.number,
                    "year": self.issued_on.year,
                }
        if errors:
            raise ValidationError(errors)


class Phase(BaseModel):
    """A stage of a programme's roadmap, or one of its evaluations (sơ kết, giữa kỳ, tổng kết)."""

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="phases", verbose_name=_("Văn bản"))
    kind = models.CharField(_("Loại"), max_length=20, choices=PhaseKind.choices, default=PhaseKind.PHASE)
    name = models.CharField(_("Tên"), max_length=255)
    start_year = models.PositiveSmallIntegerField(_("Từ năm"), validators=YEAR_VALIDATORS)
    end_year = models.PositiveSmallIntegerField(_("Đến năm"), validators=YEAR_VALIDATORS)
    description = models.TextField(_("Nội dung"), blank=True)

    history = history_records()

    permission_scope = Scope.REFERENCE

    class Meta:
        verbose_name = _("giai đoạn")
        verbose_name_plural = pgettext_lazy("plural", "giai đoạn")
        ordering = ["program", "start_year", "end_year"]

    def __str__(self) -> str:
        years = str(self.start_year) if self.start_year == self.end_year else f"{self.start_year}-{self.end_year}"
        return f"{self.name} ({years})"

    def clean(self):
        if self.start_year and self.end_year and self.start_year > self.end_year:
            raise ValidationError({"end_year": _("Năm kết thúc phải từ năm bắt đầu trở đi.")})
        program = self.program if self.program_id else None
        if program and self.start_year and self.end_year:
            last = max(program.period_end, program.vision_year or 0)
            if self.start_year < program.period_start or self.end_year > last:
                raise ValidationError(
                    _("Giai đoạn phải nằm trong thời gian của văn bản (%(start)s-%(end)s).")
                    % {"start": program.period_start, "end": last}
                )


class Target(SearchableMixin, BaseModel):
    """A quantified target (chỉ tiêu): "FDI khoảng 15.000 - 20.000 tỷ đồng", "bình quân 15%-17%/năm".

    `measure` says how its number is read: a level reached by the target year, a value every year,
    or an average yearly growth rate (then measurements are of the quantity that grows, in
    `value_unit`, and the baseline is where the growth starts).
    """

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="targets", verbose_name=_("Văn bản"))
    code = models.CharField(_("Số thứ tự"), max_length=20, blank=True)
    indicator = models.CharField(_("Chỉ tiêu"), max_length=500)
    comparator = models.CharField(_("So sánh"), max_length=10, choices=Comparator.choices)
    min_value = models.DecimalField(_("Giá trị tối thiểu"), max_digits=20, decimal_places=4, null=True, blank=True)
    max_value = models.DecimalField(_("Giá trị tối đa"), max_digits=20, decimal_places=4, null=True, blank=True)
    unit = models.CharField(_("Đơn vị"), max_length=100)
    measure = models.CharField(_("Cách tính"), max_length=20, choices=Measure.choices, default=Measure.LEVEL)
    value_unit = models.CharField(
        _("Đơn vị số liệu đo"),
        max_length=100,
        blank=True,
        help_text=_("Với chỉ tiêu tốc độ tăng: đơn vị của đại lượng tăng."),
    )
    target_year = models.PositiveSmallIntegerField(_("Năm mục tiêu"), null=True, blank=True, validators=YEAR_VALIDATORS)
    baseline_value = models.DecimalField(_("Giá trị cơ sở"), max_digits=20, decimal_places=4, null=True, blank=True)
    baseline_year = models.PositiveSmallIntegerField(_("Năm cơ sở"), null=True, blank=True, validators=YEAR_VALIDATORS)
    lead_agency = models.ForeignKey(
        Agency,
        verbose_name=_("Cơ quan chủ trì"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="targets",
    )
    section = models.CharField(_("Mục"), max_length=500, blank=True)
    source_quote = models.TextField(_("Trích nguyên văn"), blank=True)
    is_active = models.BooleanField(_("Đang theo dõi"), default=True)

    history = history_records()

    permission_scope = Scope.REFERENCE
    search_fields = ("code", "indicator", "unit", "source_quote")

    class Meta:
        verbose_name = _("chỉ tiêu")
        verbose_name_plural = pgettext_lazy("plural", "chỉ tiêu")
        ordering = ["program_id", "pk"]

    def __str__(self) -> str:
        return self.indicator

    def get_absolute_url(self) -> str:
        return reverse("programs:target_detail", args=[self.pk])

    @property
    def year(self) -> int:
        """The target year, or the end of the programme's period when the document gives none."""
        return self.target_year or self.program.period_end

    @property
    def span(self) -> tuple[int, int]:
        """The years measurements may refer to: from the baseline (or the programme's start) to the target year."""
        return (self.baseline_year or self.program.period_start), self.year

    def clean(self):
        errors = {}
        low, high = self.min_value, self.max_value
        if self.comparator == Comparator.BETWEEN:
            if low is None or high is None:
                errors["max_value"] = _("Chỉ tiêu trong khoảng cần cả giá trị tối thiểu và tối đa.")
            elif low > high:
                errors["max_value"] = _("Giá trị tối đa phải lớn hơn hoặc bằng giá trị tối thiểu.")
        elif self.comparator == Comparator.AT_MOST:
            if high is None:
                errors["max_value"] = _("Chỉ tiêu “không quá” cần giá trị tối đa.")
        elif self.comparator and low is None:
            errors["min_value"] = _("Chỉ tiêu này cần giá trị tối thiểu.")
        if self.comparator in (Comparator.EQUAL, Comparator.APPROX) and low is not None:
            self.max_value = low
        if self.measure == Measure.GROWTH_RATE and self.baseline_value is not None and self.baseline_value <= 0:
            errors["baseline_value"] = _("Chỉ tiêu tốc độ tăng cần giá trị cơ sở lớn hơn 0.")
        if self.baseline_year and self.target_year and self.baseline_year >= self.target_year:
            errors["baseline_year"] = _("Năm cơ sở phải trước năm mục tiêu.")
        if errors:
            raise ValidationError(errors)


class ReportingPeriod(BaseModel):
    """A reporting period (kỳ báo cáo) the focal officer opens for a programme.

    Standard kinds take their dates from Decree 09/2019 cut-offs (rules.period_bounds); ad hoc,
    thematic and review periods take the dates given. A closed period takes no more reports.
    """

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="periods", verbose_name=_("Văn bản"))
    kind = models.CharField(_("Loại kỳ"), max_length=20, choices=PeriodKind.choices)
    year = models.PositiveSmallIntegerField(_("Năm"), validators=YEAR_VALIDATORS)
    number = models.PositiveSmallIntegerField(
        _("Quý/tháng"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(12)]
    )
    title = models.CharField(_("Tên kỳ báo cáo"), max_length=255)
    start_date = models.DateField(_("Từ ngày"))
    end_date = models.DateField(_("Đến ngày"))
    deadline = models.DateField(_("Hạn nộp báo cáo"))
    state = models.CharField(_("Trạng thái"), max_length=10, choices=PeriodState.choices, default=PeriodState.OPEN)
    note = models.TextField(_("Ghi chú"), blank=True)

    history = history_records()

    permission_scope = Scope.REFERENCE

    class Meta:
        verbose_name = _("kỳ báo cáo")
        verbose_name_plural = pgettext_lazy("plural", "kỳ báo cáo")
        ordering = ["-end_date", "program"]
        # One standard period per programme, kind and year (and quarter or month).
        constraints = [
            models.UniqueConstraint(
                fields=["program", "kind", "year"],
                condition=models.Q(kind__in=[PeriodKind.SIX_MONTH, PeriodKind.NINE_MONTH, PeriodKind.ANNUAL]),
                name="one_yearly_period_per_programme",
            ),
            models.UniqueConstraint(
                fields=["program", "kind", "year", "number"],
                condition=models.Q(kind__in=[PeriodKind.QUARTERLY, PeriodKind.MONTHLY]),
                name="one_quarter_or_month_per_programme",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("programs:reportingperiod_detail", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.state == PeriodState.OPEN

    def clean(self):
        errors = {}
        if self.kind == PeriodKind.QUARTERLY and self.number not in (1, 2, 3, 4):
            errors["number"] = _("Kỳ báo cáo quý cần số quý từ 1 đến 4.")
        if self.kind == PeriodKind.MONTHLY and not self.number:
            errors["number"] = _("Kỳ báo cáo tháng cần số tháng từ 1 đến 12.")
        if self.start_date and self.end_date and self.start_date > self.end_date:
            errors["end_date"] = _("Ngày kết thúc phải từ ngày bắt đầu trở đi.")
        if self.end_date and self.deadline and self.deadline < self.end_date:
            errors["deadline"] = _("Hạn nộp không được trước ngày kết thúc kỳ.")
        if errors:
            raise ValidationError(errors)


class Task(SearchableMixin, BaseModel):
    """A task (nhiệm vụ) of a programme's assignment table.

    The lead and coordinating bodies are kept as the document writes them (`lead_text`,
    `coordinating_text`) and as records: `leads` are the accountable agencies, one row each
    (normally exactly one: "một nhiệm vụ - một cơ quan chủ trì"; a named group as lead gives a
    row for each of its members), `lead_groups`, `coordinating_agencies` and `coordinating_groups`.
    The time is kept as written (`due_text`) and read into `due_kind` and a deadline.
    """

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="tasks", verbose_name=_("Văn bản"))
    number = models.CharField(_("Số thứ tự"), max_length=20, blank=True)
    title = models.TextField(_("Nội dung nhiệm vụ"))
    lead_text = models.CharField(_("Cơ quan chủ trì (nguyên văn)"), max_length=1000, blank=True)
    lead_groups = models.ManyToManyField(
        AgencyGroup, verbose_name=_("Nhóm cơ quan chủ trì"), blank=True, related_name="led_tasks"
    )
    coordinating_text = models.CharField(_("Cơ quan phối hợp (nguyên văn)"), max_length=1000, blank=True)
    coordinating_agencies = models.ManyToManyField(
        Agency, verbose_name=_("Cơ quan phối hợp"), blank=True, related_name="coordinated_tasks"
    )
    coordinating_groups = models.ManyToManyField(
        AgencyGroup, verbose_name=_("Nhóm cơ quan phối hợp"), blank=True, related_name="coordinated_tasks"
    )
    due_text = models.CharField(_("Thời gian thực hiện (nguyên văn)"), max_length=255, blank=True)
    due_kind = models.CharField(_("Loại thời hạn"), max_length=20, choices=DueKind.choices, default=DueKind.NONE)
    due_year = models.PositiveSmallIntegerField(_("Năm"), null=True, blank=True, validators=YEAR_VALIDATORS)
    due_date = models.DateField(_("Hạn"), null=True, blank=True)
    due_start_year = models.PositiveSmallIntegerField(_("Từ năm"), null=True, blank=True, validators=YEAR_VALIDATORS)
    due_end_year = models.PositiveSmallIntegerField(_("Đến năm"), null=True, blank=True, validators=YEAR_VALIDATORS)
    deadline = models.DateField(_("Hạn hoàn thành"), null=True, blank=True, editable=False)
    expected_output = models.TextField(_("Kết quả, sản phẩm"), blank=True)
    phase = models.ForeignKey(
        Phase, verbose_name=_("Giai đoạn"), on_delete=models.SET_NULL, null=True, blank=True, related_name="tasks"
    )
    section = models.CharField(_("Nhóm nhiệm vụ"), max_length=255, blank=True)
    source_quote = models.TextField(_("Trích nguyên văn"), blank=True)
    is_active = models.BooleanField(_("Đang theo dõi"), default=True)

    history = history_records(m2m_fields=["lead_groups", "coordinating_agencies", "coordinating_groups"])

    permission_scope = Scope.REFERENCE
    search_fields = ("number", "title", "lead_text", "coordinating_text", "expected_output", "due_text")

    class Meta:
        verbose_name = _("nhiệm vụ")
        verbose_name_plural = pgettext_lazy("plural", "nhiệm vụ")
        # By the programme's id, not "program" (which would follow Program's own ordering through a
        # join and sort every task before taking a page).
        ordering = ["program_id", "pk"]
        indexes = [models.Index(fields=["program", "deadline"])]

    def __str__(self) -> str:
        title = self.title if len(self.title) <= 120 else self.title[:117] + "…"
        return f"{self.number}. {title}" if self.number else title

    def get_absolute_url(self) -> str:
        return reverse("programs:task_detail", args=[self.pk])

    @property
    def is_recurring(self) -> bool:
        return self.due_kind in RECURRING_KINDS

    @property
    def departs_from_one_lead(self) -> bool:
        """Flagged for the focal officer: more than one lead body, or a group as lead."""
        return self.leads.count() > 1 or self.lead_groups.exists()


class TaskLead(BaseModel):
    """One accountable lead body of a task, with the state of its own share.

    `progress`, `percent`, `completed_on` and `deadline` are kept up to date by the services (an
    accepted report, an opened or closed period, a changed task) rather than computed on every read,
    so that lists of a hundred thousand tasks filter by status in SQL (rules.status_expression). For
    a recurring task they describe the share as judged on the programme's open periods.
    """

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="leads", verbose_name=_("Nhiệm vụ"))
    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="task_leads", verbose_name=_("Cơ quan chủ trì")
    )
    via_group = models.ForeignKey(
        AgencyGroup, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("Qua nhóm")
    )
    progress = models.CharField(_("Tiến độ"), max_length=20, choices=Progress.choices, default=Progress.NOT_STARTED)
    percent = models.PositiveSmallIntegerField(_("Phần trăm"), default=0, validators=PERCENT_VALIDATORS)
    completed_on = models.DateField(_("Ngày hoàn thành"), null=True, blank=True)
    deadline = models.DateField(_("Hạn đang xét"), null=True, blank=True)

    history = history_records()

    permission_scope = Scope.REFERENCE

    class Meta:
        verbose_name = _("phần việc chủ trì")
        verbose_name_plural = pgettext_lazy("plural", "phần việc chủ trì")
        ordering = ["task", "pk"]
        constraints = [models.UniqueConstraint(fields=["task", "agency"], name="one_share_per_lead_agency")]
        indexes = [models.Index(fields=["agency", "progress", "deadline"])]

    def __str__(self) -> str:
        return f"{self.task.number or self.task.pk} – {self.agency}"

    def get_absolute_url(self) -> str:
        return self.task.get_absolute_url()


def evidence_path(instance, filename: str) -> str:
    return f"evidence/{timezone.localdate():%Y/%m}/{filename}"


class ProgressReport(SearchableMixin, BaseModel):
    """A lead body's report on its share of a task for one period, reviewed by the focal officer.

    Sent again after being returned, it is the same record (its history keeps each version).
    """

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="reports", verbose_name=_("Nhiệm vụ"))
    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="reports", verbose_name=_("Cơ quan báo cáo")
    )
    period = models.ForeignKey(
        ReportingPeriod, on_delete=models.PROTECT, related_name="reports", verbose_name=_("Kỳ báo cáo")
    )
    progress = models.CharField(_("Tiến độ"), max_length=20, choices=Progress.choices)
    percent = models.PositiveSmallIntegerField(_("Phần trăm hoàn thành"), validators=PERCENT_VALIDATORS)
    completed_on = models.DateField(_("Ngày hoàn thành"), null=True, blank=True)
    narrative = models.TextField(_("Kết quả thực hiện"))
    difficulties = models.TextField(_("Khó khăn, vướng mắc"), blank=True)
    proposals = models.TextField(_("Đề xuất, kiến nghị"), blank=True)
    review_state = models.CharField(
        _("Duyệt"), max_length=10, choices=ReviewState.choices, default=ReviewState.SUBMITTED
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("Người gửi")
    )
    submitted_at = models.DateTimeField(_("Gửi lúc"))
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Người duyệt"),
    )
    reviewed_at = models.DateTimeField(_("Duyệt lúc"), null=True, blank=True)
    review_comment = models.TextField(_("Ý kiến của cán bộ đầu mối"), blank=True)

    history = history_records()

    permission_scope = Scope.AGENCY_OWNED
    owner_agency_field = "agency"
    search_fields = ("narrative", "difficulties", "proposals", "review_comment")

    class Meta:
        verbose_name = _("báo cáo tiến độ")
        verbose_name_plural = pgettext_lazy("plural", "báo cáo tiến độ")
        ordering = ["-submitted_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["task", "agency", "period"], name="one_report_per_share_and_period")
        ]
        indexes = [models.Index(fields=["period", "agency"])]

    def __str__(self) -> str:
        return f"{self.task.number or self.task.pk} – {self.agency} – {self.period}"

    def get_absolute_url(self) -> str:
        return reverse("programs:task_detail", args=[self.task_id]) + f"#report-{self.pk}"

    def owner_agency_ids(self) -> set[int]:
        """The reporting agency, but only while it leads the task: a coordinating agency does not
        send the official report."""
        if self.task_id and self.task.leads.filter(agency_id=self.agency_id).exists():
            return {self.agency_id}
        return set()


class Contribution(BaseModel):
    """A coordinating agency's input (ý kiến phối hợp) to a task for one period."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="contributions", verbose_name=_("Nhiệm vụ"))
    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="contributions", verbose_name=_("Cơ quan phối hợp")
    )
    period = models.ForeignKey(
        ReportingPeriod, on_delete=models.PROTECT, related_name="contributions", verbose_name=_("Kỳ báo cáo")
    )
    text = models.TextField(_("Nội dung phối hợp"))
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("Người gửi")
    )
    submitted_at = models.DateTimeField(_("Gửi lúc"))

    history = history_records()

    permission_scope = Scope.AGENCY_OWNED
    owner_agency_field = "agency"

    class Meta:
        verbose_name = _("ý kiến phối hợp")
        verbose_name_plural = pgettext_lazy("plural", "ý kiến phối hợp")
        ordering = ["-submitted_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.agency} – {self.task.number or self.task.pk}"

    def get_absolute_url(self) -> str:
        return reverse("programs:task_detail", args=[self.task_id]) + f"#contribution-{self.pk}"

    def owner_agency_ids(self) -> set[int]:
        """The contributing agency, but only while it coordinates the task (by name or through a group)."""
        from .services.queries import coordinating_agency_ids

        if self.task_id and self.agency_id in coordinating_agency_ids(self.task):
            return {self.agency_id}
        return set()


class Evidence(BaseModel):
    """A file attached to a progress report or a contribution (PDF, DOCX, XLSX, images)."""

    report = models.ForeignKey(
        ProgressReport,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="evidence",
        verbose_name=_("Báo cáo"),
    )
    contribution = models.ForeignKey(
        Contribution,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="evidence",
        verbose_name=_("Ý kiến phối hợp"),
    )
    file = models.FileField(_("Tệp"), upload_to=evidence_path)
    name = models.CharField(_("Tên tệp"), max_length=255)
    size = models.PositiveBigIntegerField(_("Dung lượng (byte)"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("Người tải lên")
    )

    history = history_records()

    permission_scope = Scope.AGENCY_OWNED
    owner_agency_field = "report__agency"

    class Meta:
        verbose_name = _("tệp minh chứng")
        verbose_name_plural = pgettext_lazy("plural", "tệp minh chứng")
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(report__isnull=False) | models.Q(contribution__isnull=False),
                name="evidence_belongs_to_something",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("programs:evidence_download", args=[self.pk])

    def owner_agency_ids(self) -> set[int]:
        owner = self.report or self.contribution
        return {owner.agency_id}


class Measurement(BaseModel):
    """A measured value of a target as of a date (the end of a period, usually), with its source."""

    target = models.ForeignKey(
        Target, on_delete=models.CASCADE, related_name="measurements", verbose_name=_("Chỉ tiêu")
    )
    as_of = models.DateField(_("Số liệu tính đến ngày"))
    value = models.DecimalField(_("Giá trị"), max_digits=20, decimal_places=4)
    period = models.ForeignKey(
        ReportingPeriod,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="measurements",
        verbose_name=_("Kỳ báo cáo"),
    )
    source = models.CharField(_("Nguồn số liệu"), max_length=500)
    evidence = models.FileField(_("Tệp minh chứng"), upload_to=evidence_path, blank=True)
    note = models.TextField(_("Ghi chú"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("Người nhập")
    )

    history = history_records()

    permission_scope = Scope.AGENCY_OWNED
    owner_agency_field = "target__lead_agency"

    class Meta:
        verbose_name = _("số liệu đo")
        verbose_name_plural = pgettext_lazy("plural", "số liệu đo")
        ordering = ["target", "as_of"]
        constraints = [models.UniqueConstraint(fields=["target", "as_of"], name="one_value_per_target_and_date")]

    def __str__(self) -> str:
        return f"{self.target} – {self.as_of:%d/%m/%Y}"

    def get_absolute_url(self) -> str:
        return self.target.get_absolute_url()

    def owner_agency_ids(self) -> set[int]:
        return {self.target.lead_agency_id} if self.target.lead_agency_id else set()

    def clean(self):
        if not self.target_id or not self.as_of:
            return
        first, last = self.target.span
        if not first <= self.as_of.year <= last:
            raise ValidationError(
                {
                    "as_of": _("Số liệu phải thuộc thời gian của chỉ tiêu (từ năm %(first)s đến năm %(last)s).")
                    % {"first": first, "last": last}
                }
            )
        if self.period_id and self.period.program_id != self.target.program_id:
            raise ValidationError({"period": _("Kỳ báo cáo thuộc văn bản khác.")})
