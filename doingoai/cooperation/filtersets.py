"""Filters for mechanisms, meetings, commitments and agreements; the same classes serve the pages and the API."""

import django_filters
from django.utils.translation import gettext_lazy as _

from doingoai.core.filtersets import BaseFilterSet, BooleanChoiceFilter
from doingoai.organizations.models import Agency
from doingoai.partners.models import Partner

from . import services
from .choices import SIGNED_STATES, AgreementForm, AgreementState, Frequency, MechanismLevel, MeetingState
from .models import Agreement, Commitment, Mechanism, Meeting


class MechanismFilterSet(BaseFilterSet):
    level = django_filters.MultipleChoiceFilter(label=_("Cấp"), choices=MechanismLevel.choices)
    frequency = django_filters.ChoiceFilter(label=_("Tần suất"), choices=Frequency.choices, empty_label=_("Tất cả"))
    member = django_filters.ModelChoiceFilter(
        label=_("Thành viên"), field_name="members", queryset=Partner.objects.all(), distinct=True
    )
    is_active = BooleanChoiceFilter(label=_("Đang duy trì"))

    class Meta:
        model = Mechanism
        fields = ["q", "level", "frequency", "member", "is_active"]


class MeetingFilterSet(BaseFilterSet):
    mechanism = django_filters.ModelChoiceFilter(label=_("Cơ chế"), queryset=Mechanism.objects.all())
    state = django_filters.ChoiceFilter(label=_("Tình trạng"), choices=MeetingState.choices, empty_label=_("Tất cả"))
    year = django_filters.NumberFilter(label=_("Năm"), min_value=1945, max_value=2100)
    host = django_filters.ModelChoiceFilter(label=_("Bên đăng cai"), queryset=Partner.objects.all())

    class Meta:
        model = Meeting
        fields = ["q", "mechanism", "state", "year", "host"]


class CommitmentFilterSet(BaseFilterSet):
    meeting = django_filters.ModelChoiceFilter(
        label=_("Phiên họp"), queryset=Meeting.objects.select_related("mechanism")
    )
    mechanism = django_filters.ModelChoiceFilter(
        label=_("Cơ chế"), field_name="meeting__mechanism", queryset=Mechanism.objects.all()
    )
    partner = django_filters.ModelChoiceFilter(
        label=_("Đối tác thực hiện"), field_name="responsible_partners", queryset=Partner.objects.all(), distinct=True
    )
    assigned = BooleanChoiceFilter(label=_("Đã giao nhiệm vụ"), method="filter_assigned")

    class Meta:
        model = Commitment
        fields = ["q", "meeting", "mechanism", "partner", "assigned"]

    def filter_assigned(self, queryset, name, value):
        if value in ("", None):
            return queryset
        return queryset.filter(tasks__isnull=value != "true").distinct()


class AgreementFilterSet(BaseFilterSet):
    state = django_filters.MultipleChoiceFilter(
        label=_("Tình trạng"), choices=AgreementState.choices, method="filter_state"
    )
    form = django_filters.ChoiceFilter(label=_("Hình thức"), choices=AgreementForm.choices, empty_label=_("Tất cả"))
    partner = django_filters.ModelChoiceFilter(
        label=_("Bên ký kết"), field_name="partners", queryset=Partner.objects.all(), distinct=True
    )
    owner_agency = django_filters.ModelChoiceFilter(label=_("Cơ quan theo dõi"), queryset=Agency.objects.all())
    expiring_within = django_filters.NumberFilter(
        label=_("Hết hiệu lực trong (ngày)"), method="filter_expiring", min_value=0, max_value=3650
    )
    evaluated_year = django_filters.NumberFilter(
        label=_("Chưa đánh giá năm"), method="filter_not_evaluated", min_value=1945, max_value=2100
    )
    signing_report_missing = BooleanChoiceFilter(label=_("Chưa gửi báo cáo sau ký"), method="filter_report_missing")

    class Meta:
        model = Agreement
        fields = [
            "q",
            "state",
            "form",
            "partner",
            "owner_agency",
            "expiring_within",
            "evaluated_year",
            "signing_report_missing",
        ]

    def filter_state(self, queryset, name, value):
        """By the state as it stands today: a binding agreement past its validity counts as expired."""
        if not value:
            return queryset
        if "current_state" not in queryset.query.annotations:
            queryset = services.with_current_state(queryset)
        return queryset.filter(current_state__in=value)

    def filter_expiring(self, queryset, name, value):
        """Still binding and ending within `value` days (the dashboard's expiry figure)."""
        if value in (None, ""):
            return queryset
        return services.expiring_within(queryset, int(value))

    def filter_not_evaluated(self, queryset, name, value):
        """Bound the province during the year and have no evaluation for it."""
        if value in (None, ""):
            return queryset
        year = int(value)
        return services.live_in_year(queryset, year).exclude(evaluations__year=year)

    def filter_report_missing(self, queryset, name, value):
        if value in ("", None):
            return queryset
        missing = queryset.filter(state__in=SIGNED_STATES, signing_report_on__isnull=True)
        return missing if value == "true" else queryset.exclude(pk__in=missing.values("pk"))
