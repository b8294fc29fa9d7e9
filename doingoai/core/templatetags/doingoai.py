"""Template filters for Vietnamese dates and numbers, and the links between generic pages."""

import datetime
import math
from decimal import Decimal

from django import template
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from doingoai.core import permissions
from doingoai.core.text import format_date, format_long_date, format_number
from doingoai.core.views import object_url

register = template.Library()


@register.filter
def vn_date(value) -> str:
    """04/05/2026"""
    if value is None or value == "":
        return ""
    return format_date(value.date() if hasattr(value, "date") and callable(value.date) else value)


@register.filter
def vn_long_date(value) -> str:
    """ngày 04 tháng 5 năm 2026"""
    return format_long_date(value) if value else ""


@register.filter
def vn_number(value, decimals=None) -> str:
    """15.000 and 277,556"""
    if value is None or value == "":
        return ""
    return format_number(value, None if decimals in (None, "") else int(decimals))


@register.filter
def million(value, decimals=1) -> str:
    """An amount in millions, the Vietnamese way: 818412345.6 → "818,4" (the unit is written beside it)."""
    if value is None or value == "":
        return ""
    return format_number(Decimal(str(value)) / 1_000_000, int(decimals))


@register.filter
def percent(fraction, decimals=1) -> str:
    """A fraction as a percentage, the Vietnamese way: 0.1534 → "15,3 %"."""
    if fraction is None or fraction == "" or not math.isfinite(fraction):
        return "—"
    return f"{format_number(Decimal(str(fraction)) * 100, int(decimals))} %"


@register.filter
def points(fraction, decimals=1) -> str:
    """A difference of two rates in percentage points, with its sign: -0.012 → "-1,2 điểm %"."""
    if fraction is None or fraction == "" or not math.isfinite(fraction):
        return "—"
    number = format_number(Decimal(str(fraction)) * 100, int(decimals))
    return _("%(sign)s%(number)s điểm %%") % {"sign": "+" if fraction > 0 else "", "number": number}


@register.simple_tag
def url_for(obj, view: str) -> str:
    """The URL of one of an object's generic pages ("edit", "history"...), or "" if it has none."""
    return object_url(obj, view) or ""


@register.simple_tag(takes_context=True)
def may(context, action: str, target) -> bool:
    """{% may "change" object as can_change %}: the permission core, asked from a template."""
    return permissions.can(context["request"].user, action, target)


# Columns that are bookkeeping, not facts about the object.
_HIDDEN_FIELDS = {"id", "search_text", "password", "created_at", "updated_at"}


@register.simple_tag
def field_rows(obj, exclude: str = "") -> list[tuple[str, str]]:
    """(label, shown value) for each field of an object, for the generic detail page."""
    skipped = _HIDDEN_FIELDS | set(exclude.split(","))
    rows = []
    for f in obj._meta.concrete_fields:
        if f.name in skipped:
            continue
        value = getattr(obj, f.name)
        if isinstance(value, list) or getattr(f, "multiple", False):
            # A list of choices (several countries) has no get_..._display: show each by its name.
            shown = "; ".join(str(getattr(v, "name", v)) for v in value)
        elif f.choices:
            shown = getattr(obj, f"get_{f.name}_display")()
        elif isinstance(value, bool):
            shown = _("Có") if value else _("Không")
        elif isinstance(value, datetime.datetime):
            shown = localtime(value).strftime("%d/%m/%Y %H:%M")
        elif isinstance(value, datetime.date):
            shown = format_date(value)
        else:
            shown = "" if value is None else str(value)
        rows.append((str(f.verbose_name), shown))
    return rows


@register.filter
def get_item(mapping, key):
    """mapping[key] in a template (rows of a report's stored tables)."""
    return mapping.get(key, "") if hasattr(mapping, "get") else ""
