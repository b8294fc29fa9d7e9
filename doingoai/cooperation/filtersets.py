"""Filters for mechanisms, meetings and commitments; the same classes serve the pages and the API."""

import django_filters
from django.utils.translation import gettext_lazy as _

from doingoai.core.filtersets import BaseFilterSet, BooleanChoiceFilter
from doingoai.partners.models import Partner

from .choices import Frequency, MechanismLevel, MeetingState
from .models import Commitment, Mechanism, Meeting


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
