"""Filters for delegations and conferences; the same classes serve the pages and the API."""

import django_filters
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from doingoai.core.filtersets import BaseFilterSet, BooleanChoiceFilter
from doingoai.organizations.models import Agency
from doingoai.partners.models import Partner
from doingoai.programs.services import queries

from . import services
from .choices import DelegationState, Direction
from .models import Conference, Delegation


class DelegationFilterSet(BaseFilterSet):
    direction = django_filters.ChoiceFilter(label=_("Loại đoàn"), choices=Direction.choices, empty_label=_("Tất cả"))
    state = django_filters.MultipleChoiceFilter(label=_("Tình trạng"), choices=DelegationState.choices)
    owner_agency = django_filters.ModelChoiceFilter(label=_("Cơ quan cử, đón đoàn"), queryset=Agency.objects.all())
    partner = django_filters.ModelChoiceFilter(
        label=_("Đối tác"), field_name="partners", queryset=Partner.objects.all(), distinct=True
    )
    country = django_filters.ChoiceFilter(
        label=_("Quốc gia"), choices=countries, empty_label=_("Tất cả"), method="filter_country"
    )
    start_from = django_filters.DateFilter(label=_("Đi từ ngày"), field_name="start_on", lookup_expr="gte")
    start_to = django_filters.DateFilter(label=_("Đến ngày"), field_name="start_on", lookup_expr="lte")
    plan_year = django_filters.NumberFilter(label=_("Kế hoạch năm"), min_value=1945, max_value=2100)
    active = BooleanChoiceFilter(label=_("Chưa hủy"), method="filter_active")

    class Meta:
        model = Delegation
        fields = [
            "q",
            "direction",
            "state",
            "owner_agency",
            "partner",
            "country",
            "start_from",
            "start_to",
            "plan_year",
        ]

    def filter_country(self, queryset, name, value: str):
        # The countries are stored as "CN,LA": match one code between the commas.
        if not value:
            return queryset
        rows = queryset.order_by().values_list("pk", "countries")
        ids = [pk for pk, codes in rows if value in (codes or "").split(",")]
        return queryset.filter(pk__in=ids)

    def filter_active(self, queryset, name, value):
        if value in ("", None):
            return queryset
        cancelled = {"state": DelegationState.CANCELLED}
        return queryset.exclude(**cancelled) if value == "true" else queryset.filter(**cancelled)


class ConferenceFilterSet(BaseFilterSet):
    owner_agency = django_filters.ModelChoiceFilter(label=_("Cơ quan tổ chức"), queryset=Agency.objects.all())
    partner = django_filters.ModelChoiceFilter(
        label=_("Đối tác"), field_name="partners", queryset=Partner.objects.all(), distinct=True
    )
    start_from = django_filters.DateFilter(label=_("Từ ngày"), field_name="start_on", lookup_expr="gte")
    start_to = django_filters.DateFilter(label=_("Đến ngày"), field_name="start_on", lookup_expr="lte")
    cancelled = BooleanChoiceFilter(label=_("Đã hủy"))
    report_owed = BooleanChoiceFilter(label=_("Chưa báo cáo kết quả"), method="filter_report_owed")

    class Meta:
        model = Conference
        fields = ["q", "owner_agency", "partner", "start_from", "start_to", "cancelled", "report_owed"]

    def filter_report_owed(self, queryset, name, value):
        if value in ("", None):
            return queryset
        owing = services.conferences_owing_report(queryset, queries.today())
        return owing if value == "true" else queryset.exclude(pk__in=owing.values("pk"))
