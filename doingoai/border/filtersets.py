"""Filters for gates and trade records; the same classes serve the pages and the API."""

import django_filters
from django.utils.translation import gettext_lazy as _

from doingoai.core.filtersets import BaseFilterSet, BooleanChoiceFilter, StyledFilterSet

from .choices import Flow, GateKind, GateStatus
from .models import BorderGate, TradeRecord, TradeTarget


class BorderGateFilterSet(BaseFilterSet):
    kind = django_filters.MultipleChoiceFilter(label=_("Loại"), choices=GateKind.choices)
    status = django_filters.ChoiceFilter(label=_("Tình trạng"), choices=GateStatus.choices, empty_label=_("Tất cả"))
    is_active = BooleanChoiceFilter(label=_("Đang theo dõi"))

    class Meta:
        model = BorderGate
        fields = ["q", "kind", "status", "is_active"]


class TradeRecordFilterSet(StyledFilterSet):
    gate = django_filters.ModelChoiceFilter(label=_("Cửa khẩu"), queryset=BorderGate.objects.all())
    flow = django_filters.MultipleChoiceFilter(label=_("Loại hình"), choices=Flow.choices)
    commodity = django_filters.CharFilter(label=_("Nhóm hàng"), max_length=120)
    year = django_filters.NumberFilter(label=_("Năm"), field_name="month__year", min_value=1990, max_value=2100)
    month_from = django_filters.DateFilter(label=_("Từ tháng"), field_name="month", lookup_expr="gte")
    month_to = django_filters.DateFilter(label=_("Đến tháng"), field_name="month", lookup_expr="lte")

    class Meta:
        model = TradeRecord
        fields = ["gate", "flow", "commodity", "year", "month_from", "month_to"]


class TradeTargetFilterSet(StyledFilterSet):
    gate = django_filters.ModelChoiceFilter(label=_("Cửa khẩu"), queryset=BorderGate.objects.all())

    class Meta:
        model = TradeTarget
        fields = ["gate"]
