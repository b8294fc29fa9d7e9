"""Filters of the monitoring lists; the same classes serve the pages and the API."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from doingoai.core.filtersets import BaseFilterSet, BooleanChoiceFilter, StyledFilterSet
from doingoai.organizations.models import Agency, AgencyGroup

from .choices import DueKind, Measure, PeriodKind, PeriodState, ProgramKind, ReviewState, TaskStatus, Trajectory
from .models import Measurement, Phase, Program, ProgressReport, ReportingPeriod, Target, Task
from .services import queries


def agencies(request=None):
    return Agency.objects.all()


def programs(request=None):
    return Program.objects.all()


@extend_schema_field(OpenApiTypes.INT)
class AgencyIdFilter(django_filters.ModelChoiceFilter):
    """An agency chosen by id, filtered by a method (the schema cannot guess its type by itself)."""


class ProgramFilterSet(BaseFilterSet):
    kind = django_filters.ChoiceFilter(label=_("Loại văn bản"), choices=ProgramKind.choices, empty_label=_("Tất cả"))
    focal_agency = django_filters.ModelChoiceFilter(label=_("Cơ quan đầu mối"), queryset=agencies)
    year = django_filters.NumberFilter(
        label=_("Có hiệu lực trong năm"), method="filter_year", min_value=1945, max_value=2100
    )
    is_active = BooleanChoiceFilter(label=_("Đang theo dõi"))

    class Meta:
        model = Program
        fields = ["q", "kind", "focal_agency", "year", "is_active"]

    def filter_year(self, queryset, name, value):
        return queryset.filter(period_start__lte=value, period_end__gte=value)


class TaskFilterSet(BaseFilterSet):
    program = django_filters.ModelChoiceFilter(label=_("Văn bản"), queryset=programs)
    lead = django_filters.ModelChoiceFilter(
        label=_("Cơ quan chủ trì"), queryset=agencies, field_name="leads__agency", distinct=True
    )
    coordinating = AgencyIdFilter(label=_("Cơ quan phối hợp"), queryset=agencies, method="filter_coordinating")
    status = django_filters.MultipleChoiceFilter(
        label=_("Tình trạng"), choices=TaskStatus.choices, method="filter_status"
    )
    due_year = django_filters.NumberFilter(
        label=_("Hạn trong năm"), field_name="deadline__year", min_value=1945, max_value=2100
    )
    due_kind = django_filters.ChoiceFilter(label=_("Loại thời hạn"), choices=DueKind.choices, empty_label=_("Tất cả"))
    phase = django_filters.ModelChoiceFilter(label=_("Giai đoạn"), queryset=Phase.objects.all())
    several_leads = BooleanChoiceFilter(label=_("Không đúng một cơ quan chủ trì"), method="filter_several_leads")
    section = django_filters.CharFilter(label=_("Lĩnh vực, nhóm"), max_length=255)
    is_active = BooleanChoiceFilter(label=_("Đang theo dõi"))

    class Meta:
        model = Task
        fields = [
            "q",
            "program",
            "lead",
            "coordinating",
            "status",
            "due_year",
            "due_kind",
            "phase",
            "several_leads",
            "section",
            "is_active",
        ]

    def filter_status(self, queryset, name, value):
        return queries.filter_status(queryset, value) if value else queryset

    def filter_coordinating(self, queryset, name, agency):
        """Named as coordinating, or a member of a coordinating group, and not itself a lead."""
        active = Agency.active_profile()
        groups = [g.pk for g in AgencyGroup.objects.prefetch_related("members") if agency.pk in g.resolved_ids(active)]
        named = Task.objects.filter(Q(coordinating_agencies=agency) | Q(coordinating_groups__in=groups))
        return queryset.filter(pk__in=named.values("pk")).exclude(leads__agency=agency)

    def filter_several_leads(self, queryset, name, value):
        if value in ("", None):
            return queryset
        condition = queries.departs_from_one_lead()
        return queryset.filter(condition if value == "true" else ~condition)


class TargetFilterSet(BaseFilterSet):
    program = django_filters.ModelChoiceFilter(label=_("Văn bản"), queryset=programs)
    lead_agency = django_filters.ModelChoiceFilter(label=_("Cơ quan chủ trì"), queryset=agencies)
    measure = django_filters.ChoiceFilter(label=_("Cách tính"), choices=Measure.choices, empty_label=_("Tất cả"))
    target_year = django_filters.NumberFilter(label=_("Năm mục tiêu"), min_value=1945, max_value=2100)
    trajectory = django_filters.MultipleChoiceFilter(
        label=_("Đánh giá"), choices=Trajectory.choices, method="filter_trajectory"
    )
    section = django_filters.CharFilter(label=_("Lĩnh vực, nhóm"), max_length=500)
    is_active = BooleanChoiceFilter(label=_("Đang theo dõi"))

    class Meta:
        model = Target
        fields = ["q", "program", "lead_agency", "measure", "target_year", "trajectory", "section", "is_active"]

    def filter_trajectory(self, queryset, name, value):
        """Trajectories are worked out from each target's measurements (queries.trajectories), so
        this filter reads the targets already narrowed by the others and keeps the matching ids."""
        if not value:
            return queryset
        wanted = set(value)
        ids = [pk for pk, result in queries.trajectories(queryset).items() if result.status in wanted]
        return queryset.filter(pk__in=ids)


class PeriodFilterSet(StyledFilterSet):
    program = django_filters.ModelChoiceFilter(label=_("Văn bản"), queryset=programs)
    kind = django_filters.ChoiceFilter(label=_("Loại kỳ"), choices=PeriodKind.choices, empty_label=_("Tất cả"))
    year = django_filters.NumberFilter(label=_("Năm"), min_value=1945, max_value=2100)
    state = django_filters.ChoiceFilter(label=_("Trạng thái"), choices=PeriodState.choices, empty_label=_("Tất cả"))

    class Meta:
        model = ReportingPeriod
        fields = ["program", "kind", "year", "state"]


class ProgressReportFilterSet(StyledFilterSet):
    task = django_filters.NumberFilter(label=_("Nhiệm vụ"), min_value=1)
    agency = django_filters.ModelChoiceFilter(label=_("Cơ quan báo cáo"), queryset=agencies)
    period = django_filters.ModelChoiceFilter(label=_("Kỳ báo cáo"), queryset=ReportingPeriod.objects.all())
    review_state = django_filters.ChoiceFilter(label=_("Duyệt"), choices=ReviewState.choices, empty_label=_("Tất cả"))

    class Meta:
        model = ProgressReport
        fields = ["task", "agency", "period", "review_state"]


class MeasurementFilterSet(StyledFilterSet):
    target = django_filters.NumberFilter(label=_("Chỉ tiêu"), min_value=1)
    period = django_filters.ModelChoiceFilter(label=_("Kỳ báo cáo"), queryset=ReportingPeriod.objects.all())

    class Meta:
        model = Measurement
        fields = ["target", "period"]
