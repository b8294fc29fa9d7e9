"""Table columns shared by every list page."""

import django_tables2 as tables
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from doingoai.core.text import format_date


class BaseTable(tables.Table):
    """Every list's table: Vietnamese empty state; subclasses list their columns."""

    class Meta:
        empty_text = gettext_lazy("Không có dữ liệu phù hợp. Hãy thử bỏ bớt điều kiện lọc.")


class YesNoColumn(tables.Column):
    """Shows ✓ on the page and "Có"/"Không" in Excel."""

    def render(self, value):
        return format_html('<i class="bi bi-check-lg text-success" aria-label="{}"></i>', _("Có")) if value else ""

    def value(self, value):
        return _("Có") if value else _("Không")


class ListColumn(tables.Column):
    """A list of strings (aliases) joined with semicolons."""

    def render(self, value):
        return "; ".join(value)

    def value(self, value):
        return "; ".join(value or [])


class DateColumn(tables.Column):
    def render(self, value):
        return format_date(value)

    def value(self, value):
        return value


class ActiveColumn(tables.Column):
    def render(self, value):
        if value:
            return format_html('<span class="badge text-bg-success">{}</span>', _("Hoạt động"))
        return format_html('<span class="badge text-bg-secondary">{}</span>', _("Ngừng hoạt động"))

    def value(self, value):
        return _("Hoạt động") if value else _("Ngừng hoạt động")
