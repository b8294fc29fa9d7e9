"""Delegations (đoàn ra, đoàn vào) with their members, and international conferences (hội nghị,
hội thảo quốc tế): approval beforehand and the results report afterwards. Each belongs to the
agency that sends, receives or organises it (`owner_agency`)."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries.fields import CountryField

from doingoai.cooperation.models import Agreement, Commitment
from doingoai.core.history import history_records
from doingoai.core.models import BaseModel, SearchableMixin
from doingoai.core.permissions import Scope
from doingoai.organizations.models import Agency
from doingoai.partners.models import COUNTRY_ERROR, Partner
from doingoai.programs.models import Program

from .choices import ApprovalLevel, DelegationState, Direction, Funding, PassportType


def _dates_in_order(start, end, errors: dict) -> None:
    if start and end and end < start:
        errors["end_on"] = _("Ngày kết thúc không được trước ngày bắt đầu.")


class Delegation(SearchableMixin, BaseModel):
    """An outbound or inbound delegation: who, with whom, where, when, why, who pays, the decision
    that approves it, and the results report due a set number of days after return
    (settings.DELEGATION_REPORT_DAYS). Its state moves through services.transition."""

    direction = models.CharField(_("Loại đoàn"), max_length=10, choices=Direction.choices)
    title = models.CharField(_("Tên đoàn"), max_length=500)
    owner_agency = models.ForeignKey(
        Agency, verbose_name=_("Cơ quan cử, đón đoàn"), on_delete=models.PROTECT, related_name="delegations"
    )
    head_name = models.CharField(_("Trưởng đoàn"), max_length=255)
    head_title = models.CharField(_("Chức vụ trưởng đoàn"), max_length=255, blank=True)
    partners = models.ManyToManyField(Partner, verbose_name=_("Đối tác"), related_name="delegations", blank=True)
    countries = CountryField(_("Quốc gia"), multiple=True, blank=True, error_messages={"invalid_choice": COUNTRY_ERROR})
    start_on = models.DateField(_("Ngày đi (đến)"))
    end_on = models.DateField(_("Ngày về (rời)"))
    purpose = models.TextField(_("Mục đích, nội dung"))
    programme = models.ForeignKey(
        Program,
        verbose_name=_("Thực hiện văn bản"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="delegations",
    )
    plan_year = models.PositiveSmallIntegerField(
        _("Thuộc kế hoạch đoàn năm"),
        null=True,
        blank=True,
        help_text=_("Để trống nếu là đoàn phát sinh ngoài kế hoạch."),
    )
    funding = models.CharField(_("Nguồn kinh phí"), max_length=20, choices=Funding.choices)
    funding_amount = models.DecimalField(
        _("Kinh phí (đồng)"), max_digits=16, decimal_places=0, null=True, blank=True, validators=[MinValueValidator(0)]
    )
    state = models.CharField(
        _("Tình trạng"), max_length=12, choices=DelegationState.choices, default=DelegationState.PLANNED, editable=False
    )
    approval_number = models.CharField(_("Quyết định cử đoàn (số)"), max_length=100, blank=True, editable=False)
    approval_on = models.DateField(_("Ngày quyết định"), null=True, blank=True, editable=False)
    approval_signer = models.CharField(_("Người ký quyết định"), max_length=255, blank=True, editable=False)
    returned_on = models.DateField(_("Ngày về thực tế"), null=True, blank=True, editable=False)
    report_number = models.CharField(_("Báo cáo kết quả (số)"), max_length=100, blank=True, editable=False)
    report_on = models.DateField(_("Ngày báo cáo"), null=True, blank=True, editable=False)
    report_text = models.TextField(_("Kết quả chuyến đi"), blank=True, editable=False)
    commitments = models.ManyToManyField(
        Commitment, verbose_name=_("Nhận thức chung đạt được"), related_name="delegations", blank=True
    )
    agreements = models.ManyToManyField(
        Agreement, verbose_name=_("Thỏa thuận ký kết, triển khai"), related_name="delegations", blank=True
    )
    cancel_reason = models.TextField(_("Lý do hủy"), blank=True, editable=False)
    note = models.TextField(_("Ghi chú"), blank=True)

    history = history_records(m2m_fields=["partners", "commitments", "agreements"])

    permission_scope = Scope.AGENCY_OWNED
    owner_agency_field = "owner_agency"
    search_fields = ("title", "head_name", "purpose", "partner_names", "country_names", "report_text")

    class Meta:
        verbose_name = _("đoàn ra, đoàn vào")
        verbose_name_plural = pgettext_lazy("plural", "đoàn ra, đoàn vào")
        ordering = ["-start_on", "-pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("exchanges:delegation_detail", args=[self.pk])

    def owner_agency_ids(self) -> set[int]:
        return {self.owner_agency_id}

    @property
    def partner_names(self) -> list[str]:
        return [p.name for p in self.partners.all()] if self.pk else []

    @property
    def country_names(self) -> list[str]:
        return [str(country.name) for country in self.countries]

    @property
    def report_due(self) -> datetime.date | None:
        """The results report is due DELEGATION_REPORT_DAYS after the actual (else planned) return."""
        back = self.returned_on or self.end_on
        return back + datetime.timedelta(days=settings.DELEGATION_REPORT_DAYS) if back else None

    def clean(self):
        errors = {}
        _dates_in_order(self.start_on, self.end_on, errors)
        if self.plan_year and self.start_on and self.plan_year != self.start_on.year:
            errors["plan_year"] = _("Đoàn thuộc kế hoạch năm %(year)s phải đi trong năm đó.") % {"year": self.plan_year}
        if errors:
            raise ValidationError(errors)


class DelegationMember(BaseModel):
    """A member of a delegation: name, title, agency, passport type."""

    delegation = models.ForeignKey(Delegation, verbose_name=_("Đoàn"), on_delete=models.CASCADE, related_name="members")
    name = models.CharField(_("Họ và tên"), max_length=255)
    title = models.CharField(_("Chức vụ"), max_length=255, blank=True)
    agency = models.CharField(_("Cơ quan, đơn vị"), max_length=255, blank=True)
    passport_type = models.CharField(_("Loại hộ chiếu"), max_length=12, choices=PassportType.choices, blank=True)

    history = history_records()

    permission_scope = Scope.AGENCY_OWNED
    owner_agency_field = "delegation__owner_agency"

    class Meta:
        verbose_name = _("thành viên đoàn")
        verbose_name_plural = pgettext_lazy("plural", "thành viên đoàn")
        ordering = ["delegation", "pk"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return self.delegation.get_absolute_url()

    def owner_agency_ids(self) -> set[int]:
        return {self.delegation.owner_agency_id}


class Conference(SearchableMixin, BaseModel):
    """An international conference or seminar the province organises (Decision 06/2020/QĐ-TTg):
    the request for approval, due 30 days ahead (40 when the Prime Minister approves), and the
    results report due 15 days after it ends. Its state follows from these dates
    (services.conference_state)."""

    title = models.CharField(_("Tên hội nghị, hội thảo"), max_length=500)
    owner_agency = models.ForeignKey(
        Agency, verbose_name=_("Cơ quan tổ chức"), on_delete=models.PROTECT, related_name="conferences"
    )
    co_organisers = models.CharField(_("Đơn vị phối hợp tổ chức"), max_length=500, blank=True)
    partners = models.ManyToManyField(
        Partner, verbose_name=_("Đối tác nước ngoài"), related_name="conferences", blank=True
    )
    start_on = models.DateField(_("Ngày bắt đầu"))
    end_on = models.DateField(_("Ngày kết thúc"))
    venue = models.CharField(_("Địa điểm"), max_length=255)
    vietnamese_participants = models.PositiveIntegerField(_("Số đại biểu Việt Nam"), default=0)
    foreign_participants = models.PositiveIntegerField(_("Số đại biểu nước ngoài"), default=0)
    approval_level = models.CharField(
        _("Cấp cho phép"), max_length=20, choices=ApprovalLevel.choices, default=ApprovalLevel.PROVINCE
    )
    request_on = models.DateField(_("Ngày trình xin phép"), null=True, blank=True)
    approval_number = models.CharField(_("Văn bản cho phép (số)"), max_length=100, blank=True)
    approval_on = models.DateField(_("Ngày cho phép"), null=True, blank=True)
    cancelled = models.BooleanField(_("Đã hủy"), default=False)
    report_on = models.DateField(_("Ngày báo cáo kết quả"), null=True, blank=True, editable=False)
    report_text = models.TextField(_("Kết quả hội nghị"), blank=True, editable=False)
    note = models.TextField(_("Ghi chú"), blank=True)

    history = history_records(m2m_fields=["partners"])

    permission_scope = Scope.AGENCY_OWNED
    owner_agency_field = "owner_agency"
    search_fields = ("title", "venue", "co_organisers", "partner_names", "report_text")

    class Meta:
        verbose_name = _("hội nghị, hội thảo quốc tế")
        verbose_name_plural = pgettext_lazy("plural", "hội nghị, hội thảo quốc tế")
        ordering = ["-start_on", "-pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("exchanges:conference_detail", args=[self.pk])

    def owner_agency_ids(self) -> set[int]:
        return {self.owner_agency_id}

    @property
    def partner_names(self) -> list[str]:
        return [p.name for p in self.partners.all()] if self.pk else []

    @property
    def request_deadline(self) -> datetime.date | None:
        """The last day the request for approval may go in."""
        if not self.start_on:
            return None
        return self.start_on - datetime.timedelta(days=settings.CONFERENCE_REQUEST_DAYS[self.approval_level])

    @property
    def report_due(self) -> datetime.date | None:
        return self.end_on + datetime.timedelta(days=settings.CONFERENCE_REPORT_DAYS) if self.end_on else None

    def clean(self):
        errors = {}
        _dates_in_order(self.start_on, self.end_on, errors)
        deadline = self.request_deadline
        if self.request_on and deadline and self.request_on > deadline:
            errors["request_on"] = _(
                "Hồ sơ xin phép phải trình trước ngày khai mạc ít nhất %(days)s ngày, tức chậm nhất ngày %(date)s."
            ) % {"days": settings.CONFERENCE_REQUEST_DAYS[self.approval_level], "date": deadline.strftime("%d/%m/%Y")}
        if self.approval_on and self.request_on and self.approval_on < self.request_on:
            errors["approval_on"] = _("Ngày cho phép không được trước ngày trình.")
        if self.approval_on and not self.approval_number:
            errors["approval_number"] = _("Hãy ghi số văn bản cho phép.")
        if errors:
            raise ValidationError(errors)
