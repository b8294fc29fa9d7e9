"""Filters for agency, group and user lists; the same classes serve the pages and the API."""

import django_filters
from django.utils.translation import gettext_lazy as _

from doingoai.core.filtersets import BaseFilterSet, BooleanChoiceFilter

from .choices import AgencyKind, Role
from .models import Agency, AgencyGroup, User


class AgencyFilterSet(BaseFilterSet):
    kind = django_filters.MultipleChoiceFilter(label=_("Loại"), choices=AgencyKind.choices)
    is_border = BooleanChoiceFilter(label=_("Biên giới"))
    is_active = BooleanChoiceFilter(label=_("Đang hoạt động"))
    parent = django_filters.ModelChoiceFilter(label=_("Cơ quan cấp trên"), queryset=Agency.objects.all())

    class Meta:
        model = Agency
        fields = ["q", "kind", "is_border", "is_active", "parent"]


class AgencyGroupFilterSet(BaseFilterSet):
    is_active = BooleanChoiceFilter(label=_("Đang sử dụng"))

    class Meta:
        model = AgencyGroup
        fields = ["q", "is_active"]


class UserFilterSet(BaseFilterSet):
    role = django_filters.ChoiceFilter(label=_("Vai trò"), choices=Role.choices, empty_label=_("Tất cả"))
    agency = django_filters.ModelChoiceFilter(label=_("Cơ quan, đơn vị"), queryset=Agency.objects.all())
    is_active = BooleanChoiceFilter(label=_("Đang hoạt động"))

    class Meta:
        model = User
        fields = ["q", "role", "agency", "is_active"]
