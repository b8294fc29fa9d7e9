"""Form helpers shared by every app: Bootstrap styling and Vietnamese-aware fields."""

from django import forms
from django.core.exceptions import ValidationError
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from doingoai.core.text import ParseError, parse_date, parse_number
from doingoai.organizations.choices import Role


def add_errors(form, error: ValidationError) -> None:
    """Put a service's ValidationError on a form: at the fields it names, else above the form."""
    if hasattr(error, "error_dict"):
        for name, messages in error.message_dict.items():
            for message in messages:
                form.add_error(name if name in form.fields else None, message)
    else:
        for message in error.messages:
            form.add_error(None, message)


def style_fields(fields) -> None:
    """Give each widget its Bootstrap class, so templates can render any form in one loop."""
    for field in fields.values():
        widget = field.widget
        if isinstance(widget, forms.CheckboxInput):
            css = "form-check-input"
        elif isinstance(widget, forms.CheckboxSelectMultiple | forms.RadioSelect):
            css = ""
        elif isinstance(widget, forms.Select | forms.SelectMultiple):
            css = "form-select"
        else:
            css = "form-control"
        if css:
            widget.attrs["class"] = f"{widget.attrs.get('class', '')} {css}".strip()


class StyledFormMixin:
    """Bootstrap classes on every widget, and the error style on the fields that failed validation."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style_fields(self.fields)

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                widget = self.fields[name].widget
                widget.attrs["class"] = f"{widget.attrs.get('class', '')} is-invalid".strip()


class LinesField(forms.CharField):
    """A list of strings entered one per line (aliases, phrases)."""

    widget = forms.Textarea(attrs={"rows": 3})

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return "\n".join(str(v) for v in value)
        return value

    def to_python(self, value):
        if isinstance(value, list | tuple):
            return [str(v).strip() for v in value if str(v).strip()]
        text = super().to_python(value) or ""
        return [line.strip() for line in text.splitlines() if line.strip()]

    def has_changed(self, initial, data):
        return self.to_python(initial or []) != self.to_python(data)


class VietnameseDateField(forms.DateField):
    """A date typed as 04/5/2026 (or picked in the browser's calendar, which sends 2026-05-04)."""

    widget = forms.DateInput(attrs={"placeholder": "dd/mm/yyyy"})

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if hasattr(value, "year"):
            return value
        try:
            return parse_date(value)
        except ParseError as error:
            raise forms.ValidationError(str(error), code="invalid") from error


class VietnameseDecimalField(forms.DecimalField):
    """A number typed the Vietnamese way: 15.000 or 277,556."""

    widget = forms.TextInput(attrs={"inputmode": "decimal"})
    default_error_messages = {"invalid": _("Nhập một số, ví dụ 15.000 hoặc 277,556.")}

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            return parse_number(value)
        except ParseError as error:
            raise forms.ValidationError(str(error), code="invalid") from error


class BoundedModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """A multiple choice of records that refuses ids beyond the database's integer range.

    Django guards single lookups against such ids but not `__in`, where SQLite raises OverflowError.
    """

    def _check_values(self, value):
        key = self.to_field_name or "pk"
        if key == "pk":
            for pk in value:
                try:
                    number = int(str(pk))
                except ValueError:
                    continue
                if not -(2**63) <= number < 2**63:
                    raise forms.ValidationError(
                        self.error_messages["invalid_pk_value"], code="invalid_pk_value", params={"pk": pk}
                    )
        return super()._check_values(value)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field (evidence); each file is checked by the service that stores it."""

    widget = MultipleFileInput

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data if item]
        return [single(data, initial)] if data else []


class FastSelect(forms.Select):
    """A <select> whose options are joined in one pass.

    Django renders each option through a template (tens of microseconds each); a filter listing
    thousands of programmes then costs more than the query behind the page. Option groups are not
    supported, which no filter uses.
    """

    def render(self, name, value, attrs=None, renderer=None):
        final_attrs = self.build_attrs(self.attrs, attrs)
        final_attrs["name"] = name
        if self.allow_multiple_selected:
            final_attrs["multiple"] = True
        chosen = {str(v) for v in self.format_value(value)}
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (option, mark_safe(" selected") if str(option) in chosen else "", label)
                for option, label in self.choices
            ),
        )
        return format_html("<select{}>{}</select>", flatatt(final_attrs), options)


class FastSelectMultiple(FastSelect):
    allow_multiple_selected = True

    def value_from_datadict(self, data, files, name):
        return forms.SelectMultiple.value_from_datadict(self, data, files, name)

    def value_omitted_from_data(self, data, files, name):
        return False


def owner_field(form, user) -> None:
    """The owning agency: an agency officer files records under their own agency only
    (core/permissions.py); a new record starts as the user's agency's."""
    # Imported here: the organizations app's models load after this shared module.
    from doingoai.organizations.models import Agency

    field = form.fields["owner_agency"]
    field.queryset = Agency.objects.filter(is_active=True)
    if user is None:
        return
    if user.role == Role.AGENCY_OFFICER:
        field.queryset = field.queryset.filter(pk=user.agency_id)
    if form.instance.pk is None and user.agency_id:
        form.initial.setdefault("owner_agency", user.agency_id)
