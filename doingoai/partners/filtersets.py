"""Filters for the partner list; the same class serves the page and the API."""

import django_filters
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from doingoai.core.filtersets import BaseFilterSet, BooleanChoiceFilter

from .choices import PartnerKind, Relation
from .models import Partner


class PartnerFilterSet(BaseFilterSet):
    kind = django_filters.MultipleChoiceFilter(label=_("Loại đối tác"), choices=PartnerKind.choices)
    country = django_filters.ChoiceFilter(label=_("Quốc gia"), choices=countries, empty_label=_("Tất cả"))
    relation = django_filters.ChoiceFilter(label=_("Quan hệ"), choices=Relation.choices, empty_label=_("Tất cả"))
    parent = django_filters.ModelChoiceFilter(label=_("Trực thuộc"), queryset=Partner.objects.all())
    is_active = BooleanChoiceFilter(label=_("Đang theo dõi"))

    class Meta:
        model = Partner
        fields = ["q", "kind", "country", "relation", "parent", "is_active"]
