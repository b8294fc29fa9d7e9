"""Filters of the report list (the page and the API)."""

import django_filters
from django.utils.translation import gettext_lazy as _

from doingoai.core.filtersets import BaseFilterSet
from doingoai.organizations.models import Agency
from doingoai.programs.choices import PeriodKind
from doingoai.programs.models import Program

from .choices import ReportState
from .models import Report


class ReportFilterSet(BaseFilterSet):
    program = django_filters.ModelChoiceFilter(label=_("Văn bản"), queryset=Program.objects.all())
    issuer = django_filters.ModelChoiceFilter(label=_("Cơ quan ban hành"), queryset=Agency.objects.all())
    period_kind = django_filters.ChoiceFilter(label=_("Loại kỳ"), choices=PeriodKind.choices, empty_label=_("Tất cả"))
    year = django_filters.NumberFilter(label=_("Năm"), min_value=1945, max_value=2100)
    state = django_filters.ChoiceFilter(label=_("Trạng thái"), choices=ReportState.choices, empty_label=_("Tất cả"))

    class Meta:
        model = Report
        fields = ["q", "program", "issuer", "period_kind", "year", "state"]
