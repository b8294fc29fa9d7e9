"""Cooperation mechanisms (cơ chế hợp tác), their meetings (hội đàm, hội nghị) and the commitments
(nhận thức chung) each meeting's minutes or joint communiqué records, followed up through tasks."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from doingoai.core.history import history_records
from doingoai.core.models import BaseModel, SearchableMixin
from doingoai.core.permissions import Scope
from doingoai.organizations.models import Agency
from doingoai.partners.models import Partner
from doingoai.programs.models import YEAR_VALIDATORS, Task

from .choices import Frequency, MechanismLevel, MeetingState


class Mechanism(SearchableMixin, BaseModel):
    """A standing cooperation mechanism: who sits in it (Vietnamese provinces and foreign partners),
    at what level, how often it meets. National mechanisms the province only proposes content to
    have `province_is_member` off; grass-roots pairings count how many are set up and planned."""

    name = models.CharField(_("Tên cơ chế"), max_length=500, unique=True)
    short_name = models.CharField(_("Tên ngắn"), max_length=200, blank=True)
    level = models.CharField(_("Cấp"), max_length=20, choices=MechanismLevel.choices)
    frequency = models.CharField(_("Tần suất"), max_length=20, choices=Frequency.choices, default=Frequency.ANNUAL)
    members = models.ManyToManyField(Partner, verbose_name=_("Thành viên"), related_name="mechanisms", blank=True)
    province_is_member = models.BooleanField(
        _("Tỉnh là thành viên"), default=True, help_text=_("Bỏ chọn với cơ chế cấp quốc gia tỉnh chỉ đề xuất nội dung.")
    )
    established_count = models.PositiveSmallIntegerField(_("Số cặp đã thiết lập"), null=True, blank=True)
    planned_count = models.PositiveSmallIntegerField(_("Số cặp theo kế hoạch"), null=True, blank=True)
    focal_agency = models.ForeignKey(
        Agency,
        verbose_name=_("Cơ quan đầu mối"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="mechanisms",
    )
    note = models.TextField(_("Ghi chú"), blank=True)
    is_active = models.BooleanField(_("Đang duy trì"), default=True)

    history = history_records(m2m_fields=["members"])

    permission_scope = Scope.REFERENCE
    search_fields = ("name", "short_name", "note")

    class Meta:
        verbose_name = _("cơ chế hợp tác")
        verbose_name_plural = pgettext_lazy("plural", "cơ chế hợp tác")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.short_name or self.name

    def get_absolute_url(self) -> str:
        return reverse("cooperation:mechanism_detail", args=[self.pk])

    def clean(self):
        if (
            self.established_count is not None
            and self.planned_count is not None
            and self.established_count > self.planned_count
        ):
            raise ValidationError(
                {"established_count": _("Số cặp đã thiết lập không được lớn hơn số cặp theo kế hoạch.")}
            )


class Meeting(SearchableMixin, BaseModel):
    """One meeting of a mechanism (or a planned one): its number, date, place and host, the
    province's head of delegation, and the outcome document (minutes, joint communiqué)."""

    mechanism = models.ForeignKey(
        Mechanism, verbose_name=_("Cơ chế"), on_delete=models.PROTECT, related_name="meetings"
    )
    number = models.PositiveSmallIntegerField(_("Lần thứ"), null=True, blank=True)
    year = models.PositiveSmallIntegerField(_("Năm"), validators=YEAR_VALIDATORS)
    held_on = models.DateField(_("Ngày họp"), null=True, blank=True)
    place = models.CharField(_("Địa điểm"), max_length=255, blank=True)
    host = models.ForeignKey(
        Partner,
        verbose_name=_("Bên đăng cai"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="hosted_meetings",
        help_text=_("Để trống nếu tỉnh ta đăng cai."),
    )
    our_head = models.CharField(_("Trưởng đoàn của tỉnh"), max_length=255, blank=True)
    state = models.CharField(_("Tình trạng"), max_length=20, choices=MeetingState.choices, default=MeetingState.PLANNED)
    outcome_document = models.CharField(_("Văn kiện kết quả"), max_length=255, blank=True)
    outcome_file = models.FileField(_("Tệp văn kiện"), upload_to="cooperation/meetings/%Y/", blank=True)
    stated_commitments = models.PositiveSmallIntegerField(_("Số nhận thức chung trong văn kiện"), null=True, blank=True)
    note = models.TextField(_("Ghi chú"), blank=True)

    history = history_records()

    permission_scope = Scope.REFERENCE
    search_fields = ("mechanism_name", "place", "our_head", "outcome_document", "note")

    class Meta:
        verbose_name = _("phiên họp")
        verbose_name_plural = pgettext_lazy("plural", "phiên họp")
        ordering = ["-year", "-held_on", "-pk"]
        constraints = [models.UniqueConstraint(fields=["mechanism", "number"], name="one_meeting_number_per_mechanism")]

    def __str__(self) -> str:
        when = self.held_on.strftime("%d/%m/%Y") if self.held_on else str(self.year)
        number = _("lần thứ %(n)s") % {"n": self.number} if self.number else ""
        return " ".join(filter(None, [str(self.mechanism), number, f"({when})"]))

    def get_absolute_url(self) -> str:
        return reverse("cooperation:meeting_detail", args=[self.pk])

    @property
    def mechanism_name(self) -> str:
        return self.mechanism.name if self.mechanism_id else ""

    def clean(self):
        errors = {}
        if self.held_on and self.year and self.held_on.year != self.year:
            errors["held_on"] = _("Ngày họp phải thuộc năm %(year)s.") % {"year": self.year}
        if self.state == MeetingState.HELD and not self.held_on:
            errors["held_on"] = _("Phiên họp đã tổ chức phải có ngày họp.")
        if self.state == MeetingState.HELD and self.held_on and self.held_on > timezone.localdate():
            errors["state"] = _("Ngày họp chưa đến thì chưa thể ghi “đã tổ chức”.")
        if errors:
            raise ValidationError(errors)


class Commitment(SearchableMixin, BaseModel):
    """A numbered commitment (nhận thức chung) of a meeting, with the parties responsible; the focal
    officer follows it up through tasks of the monitoring core (`tasks`)."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("Phiên họp"), on_delete=models.CASCADE, related_name="commitments"
    )
    number = models.PositiveSmallIntegerField(_("Số thứ tự"))
    text = models.TextField(_("Nội dung"))
    topic = models.CharField(_("Lĩnh vực"), max_length=255, blank=True)
    responsible_text = models.CharField(_("Bên thực hiện (nguyên văn)"), max_length=500, blank=True)
    responsible_partners = models.ManyToManyField(
        Partner, verbose_name=_("Đối tác thực hiện"), related_name="commitments", blank=True
    )
    tasks = models.ManyToManyField(Task, verbose_name=_("Nhiệm vụ triển khai"), related_name="commitments", blank=True)

    history = history_records(m2m_fields=["responsible_partners", "tasks"])

    permission_scope = Scope.REFERENCE
    search_fields = ("text", "topic", "responsible_text")

    class Meta:
        verbose_name = _("nhận thức chung")
        verbose_name_plural = pgettext_lazy("plural", "nhận thức chung")
        ordering = ["meeting", "number"]
        constraints = [models.UniqueConstraint(fields=["meeting", "number"], name="one_commitment_number_per_meeting")]

    def __str__(self) -> str:
        return f"{self.number}. {self.text[:120]}"

    def get_absolute_url(self) -> str:
        return reverse("cooperation:commitment_detail", args=[self.pk])
