"""Cooperation mechanisms (cơ chế hợp tác), their meetings (hội đàm, hội nghị), the commitments
(nhận thức chung) each meeting's minutes or joint communiqué records, followed up through tasks,
and the province's international agreements (thỏa thuận quốc tế) with their yearly evaluations."""

import datetime

from django.conf import settings
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

from .choices import SIGNED_STATES, AgreementForm, AgreementState, Frequency, MechanismLevel, MeetingState, Rating


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


class Agreement(SearchableMixin, BaseModel):
    """An international agreement of the province (Law on International Agreements 2020): its
    form and parties, the Ministry of Foreign Affairs' opinion and the authorisation required
    before signing, signing, validity, the report due within 15 days of signing, its lifecycle,
    the tasks that implement it and its yearly evaluations. It belongs to the agency that
    proposed and follows it (`owner_agency`)."""

    name = models.CharField(_("Tên thỏa thuận"), max_length=500)
    form = models.CharField(_("Hình thức"), max_length=20, choices=AgreementForm.choices)
    number = models.CharField(_("Số, ký hiệu"), max_length=100, blank=True)
    partners = models.ManyToManyField(Partner, verbose_name=_("Bên ký kết nước ngoài"), related_name="agreements")
    owner_agency = models.ForeignKey(
        Agency, verbose_name=_("Cơ quan đề xuất, theo dõi"), on_delete=models.PROTECT, related_name="agreements"
    )
    fields = models.CharField(_("Lĩnh vực hợp tác"), max_length=500, blank=True)
    state = models.CharField(
        _("Tình trạng"), max_length=20, choices=AgreementState.choices, default=AgreementState.NEGOTIATING
    )
    mofa_opinion_number = models.CharField(_("Văn bản ý kiến của Bộ Ngoại giao"), max_length=100, blank=True)
    mofa_opinion_on = models.DateField(_("Ngày Bộ Ngoại giao cho ý kiến"), null=True, blank=True)
    other_opinions = models.TextField(_("Ý kiến các cơ quan khác"), blank=True)
    signer_name = models.CharField(_("Người ký"), max_length=255, blank=True)
    signer_title = models.CharField(_("Chức vụ người ký"), max_length=255, blank=True)
    authorisation = models.CharField(
        _("Văn bản ủy quyền ký"),
        max_length=255,
        blank=True,
        help_text=_("Số, ngày văn bản ủy quyền khi người ký không phải Chủ tịch UBND tỉnh."),
    )
    signed_on = models.DateField(_("Ngày ký"), null=True, blank=True)
    signed_at = models.CharField(_("Nơi ký"), max_length=255, blank=True)
    languages = models.CharField(_("Ngôn ngữ văn bản"), max_length=255, blank=True)
    effective_on = models.DateField(_("Ngày có hiệu lực"), null=True, blank=True)
    expires_on = models.DateField(_("Ngày hết hiệu lực"), null=True, blank=True)
    extended_to = models.DateField(_("Gia hạn đến"), null=True, blank=True)
    amendment = models.TextField(_("Sửa đổi, bổ sung"), blank=True)
    suspended_on = models.DateField(_("Ngày tạm đình chỉ"), null=True, blank=True)
    terminated_on = models.DateField(_("Ngày chấm dứt"), null=True, blank=True)
    signing_report = models.CharField(_("Báo cáo sau ký (số, ký hiệu)"), max_length=100, blank=True)
    signing_report_on = models.DateField(_("Ngày gửi báo cáo sau ký"), null=True, blank=True)
    implementation_plan = models.ForeignKey(
        "programs.Program",
        verbose_name=_("Kế hoạch triển khai"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="agreements",
    )
    tasks = models.ManyToManyField(Task, verbose_name=_("Nhiệm vụ triển khai"), related_name="agreements", blank=True)
    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("Ký tại phiên họp"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="agreements",
    )
    signed_scan = models.FileField(_("Bản ký (bản chụp)"), upload_to="cooperation/agreements/%Y/", blank=True)
    vietnamese_text = models.FileField(_("Văn bản tiếng Việt"), upload_to="cooperation/agreements/%Y/", blank=True)
    note = models.TextField(_("Ghi chú"), blank=True)

    history = history_records(m2m_fields=["partners", "tasks"])

    permission_scope = Scope.AGENCY_OWNED
    owner_agency_field = "owner_agency"
    search_fields = ("name", "number", "fields", "signer_name", "signed_at", "partner_names", "note")

    class Meta:
        verbose_name = _("thỏa thuận quốc tế")
        verbose_name_plural = pgettext_lazy("plural", "thỏa thuận quốc tế")
        ordering = ["-signed_on", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("cooperation:agreement_detail", args=[self.pk])

    def owner_agency_ids(self) -> set[int]:
        return {self.owner_agency_id}

    @property
    def partner_names(self) -> list[str]:
        if self.pk is None:
            return []
        return [p.name for p in self.partners.all()]

    @property
    def valid_until(self) -> datetime.date | None:
        """The last day it binds: the extension's end when extended, else the expiry date."""
        return self.extended_to or self.expires_on

    @property
    def signing_report_due(self) -> datetime.date | None:
        """The report to the Prime Minister (copy to the Ministry) is due within 15 days of signing."""
        if self.signed_on is None:
            return None
        return self.signed_on + datetime.timedelta(days=settings.AGREEMENT_SIGNING_REPORT_DAYS)

    def clean(self):
        """Dates in order, and a signed agreement carries what signing requires."""
        errors = {}
        signed = self.state in SIGNED_STATES
        if signed and not self.signed_on:
            errors["signed_on"] = _("Thỏa thuận đã ký phải có ngày ký.")
        if signed and not (self.mofa_opinion_number and self.mofa_opinion_on):
            errors["mofa_opinion_number"] = _(
                "Phải có ý kiến bằng văn bản của Bộ Ngoại giao (số văn bản và ngày) trước khi ký."
            )
        if signed and not self.signer_name:
            errors["signer_name"] = _("Thỏa thuận đã ký phải ghi người ký.")
        if self.signed_on and self.signed_on > timezone.localdate():
            errors["signed_on"] = _("Ngày ký không được sau hôm nay.")
        if self.signed_on and self.mofa_opinion_on and self.mofa_opinion_on > self.signed_on:
            errors["mofa_opinion_on"] = _("Bộ Ngoại giao phải cho ý kiến trước ngày ký.")
        if self.signed_on and self.effective_on and self.effective_on < self.signed_on:
            errors["effective_on"] = _("Ngày có hiệu lực không được trước ngày ký.")
        if self.signed_on and self.expires_on and self.expires_on <= self.signed_on:
            errors["expires_on"] = _("Ngày hết hiệu lực phải sau ngày ký.")
        if self.extended_to and (not self.expires_on or self.extended_to <= self.expires_on):
            errors["extended_to"] = _("Ngày gia hạn phải sau ngày hết hiệu lực ban đầu.")
        if self.state == AgreementState.EXTENDED and not self.extended_to:
            errors["extended_to"] = _("Thỏa thuận đã gia hạn phải có ngày gia hạn đến.")
        if self.state == AgreementState.SUSPENDED and not self.suspended_on:
            errors["suspended_on"] = _("Hãy ghi ngày tạm đình chỉ.")
        if self.state == AgreementState.TERMINATED and not self.terminated_on:
            errors["terminated_on"] = _("Hãy ghi ngày chấm dứt.")
        if self.signing_report_on and self.signed_on and self.signing_report_on < self.signed_on:
            errors["signing_report_on"] = _("Báo cáo sau ký không được gửi trước ngày ký.")
        if errors:
            raise ValidationError(errors)


class AgreementEvaluation(BaseModel):
    """The yearly evaluation of an agreement ("100% thỏa thuận được theo dõi, đánh giá định kỳ")."""

    agreement = models.ForeignKey(
        Agreement, verbose_name=_("Thỏa thuận"), on_delete=models.CASCADE, related_name="evaluations"
    )
    year = models.PositiveSmallIntegerField(_("Năm đánh giá"), validators=YEAR_VALIDATORS)
    rating = models.CharField(_("Mức đánh giá"), max_length=10, choices=Rating.choices)
    narrative = models.TextField(_("Kết quả thực hiện, đánh giá"))
    evaluated_on = models.DateField(_("Ngày đánh giá"), default=timezone.localdate)

    history = history_records()

    permission_scope = Scope.AGENCY_OWNED
    owner_agency_field = "agreement__owner_agency"

    class Meta:
        verbose_name = _("đánh giá thỏa thuận")
        verbose_name_plural = pgettext_lazy("plural", "đánh giá thỏa thuận")
        ordering = ["agreement", "-year"]
        constraints = [models.UniqueConstraint(fields=["agreement", "year"], name="one_evaluation_per_agreement_year")]

    def __str__(self) -> str:
        return f"{self.agreement} – {self.year}"

    def get_absolute_url(self) -> str:
        return self.agreement.get_absolute_url()

    def owner_agency_ids(self) -> set[int]:
        return {self.agreement.owner_agency_id}

    def clean(self):
        if self.evaluated_on and self.year and self.evaluated_on.year < self.year:
            raise ValidationError(
                {"year": _("Chưa thể đánh giá năm %(year)s trước khi năm đó bắt đầu.") % {"year": self.year}}
            )
