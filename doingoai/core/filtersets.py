"""The base of every filterset: one class filters a list page and its API endpoint alike."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from doingoai.core.forms import FastSelect, FastSelectMultiple, style_fields
from doingoai.core.search import search


class StyledFilterSet(django_filters.FilterSet):
    """Bootstrap widgets and "Tất cả" for every optional choice."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.form.fields.values():
            # Filters are optional; "Tất cả" reads better than Django's "---------".
            if getattr(field, "empty_label", None) == "---------":
                field.empty_label = _("Tất cả")
            # Record choices (programmes, agencies) can run to thousands of options.
            if type(field.widget) is forms.Select:
                field.widget = FastSelect(attrs=field.widget.attrs, choices=field.widget.choices)
            elif type(field.widget) is forms.SelectMultiple:
                field.widget = FastSelectMultiple(attrs=field.widget.attrs, choices=field.widget.choices)
        style_fields(self.form.fields)


class BaseFilterSet(StyledFilterSet):
    """Adds `q`, the diacritic-insensitive search over the model's `search_text`."""

    q = django_filters.CharFilter(method="filter_q", label=_("Tìm kiếm"), max_length=200)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.form.fields["q"].widget.attrs.update(placeholder=_("Gõ có dấu hoặc không dấu…"), autocomplete="off")

    def filter_q(self, queryset, name, value):
        return search(queryset, value)


class BooleanChoiceFilter(django_filters.ChoiceFilter):
    """Yes / no / either, with Vietnamese labels."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("choices", [("true", _("Có")), ("false", _("Không"))])
        kwargs.setdefault("empty_label", _("Tất cả"))
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        if value in ("", None):
            return qs
        return qs.filter(**{self.field_name: value == "true"})
