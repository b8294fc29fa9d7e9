"""Change history: who made each change, and how a change is shown to the user.

Every model keeps its history through django-simple-history (`history_records()`). The user a
record carries is, in order: the user set with `acting_user()` (services, commands, imports and
jobs set it explicitly), else the user of the web request being served.
"""

import contextlib
import json
from contextvars import ContextVar
from dataclasses import dataclass, field

from django.db import models
from django.utils.formats import localize
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords
from simple_history.utils import get_m2m_reverse_field_name

# Fields that change on every save or only mirror others; never worth showing as a change.
NOISE_FIELDS = ("updated_at", "search_text")

_acting_user: ContextVar = ContextVar("acting_user", default=None)


@contextlib.contextmanager
def acting_user(user):
    """Record every change made inside the block as made by `user`."""
    token = _acting_user.set(user)
    try:
        yield user
    finally:
        _acting_user.reset(token)


def current_user(request=None, **kwargs):
    """The `get_user` of every history: the explicit acting user first, then the request's user."""
    user = _acting_user.get()
    if user is not None:
        return user
    return getattr(request, "user", None)


def history_records(**kwargs) -> HistoricalRecords:
    """The history descriptor every model declares as `history = history_records()`."""
    excluded = [*NOISE_FIELDS, *kwargs.pop("excluded_fields", [])]
    return HistoricalRecords(get_user=current_user, excluded_fields=excluded, **kwargs)


CHANGE_KINDS = {
    "+": pgettext_lazy("history", "Tạo mới"),
    "~": pgettext_lazy("history", "Sửa"),
    "-": pgettext_lazy("history", "Xóa"),
}


@dataclass
class FieldChange:
    label: str
    before: str
    after: str


@dataclass
class ChangeEntry:
    """One line of the "Lịch sử thay đổi" page: who, when, what kind, and each field before → after."""

    when: object
    user: object
    kind: str
    kind_label: str
    reason: str = ""
    changes: list[FieldChange] = field(default_factory=list)


def _tracked_fields(record) -> list:
    return [
        f
        for f in record.instance_type._meta.get_fields()
        if f.concrete
        and not f.auto_created
        and f.name not in (*NOISE_FIELDS, "created_at")
        and hasattr(record, f.attname)
    ] + [f for f in record.instance_type._meta.many_to_many if hasattr(record, f.name)]


def _related_names(records, fields) -> dict:
    """Names of every object a foreign key in these records points to, one query per related model."""
    wanted: dict = {}
    for f in fields:
        if f.many_to_one:
            ids = {getattr(r, f.attname) for r in records} - {None}
            wanted.setdefault(f.related_model, set()).update(ids)
    names = {}
    for model, ids in wanted.items():
        for obj in model._base_manager.filter(pk__in=ids):
            names[(model, obj.pk)] = str(obj)
    return names


def _show(f, value, names) -> str:
    if value is None or value == "" or value == []:
        return "—"
    if f.many_to_many:
        reverse_name = get_m2m_reverse_field_name(f)
        ids = [row[reverse_name] if isinstance(row, dict) else row for row in value]
        objs = {o.pk: str(o) for o in f.related_model._base_manager.filter(pk__in=ids)}
        return ", ".join(sorted(objs.get(i, str(i)) for i in ids)) or "—"
    if f.many_to_one:
        return names.get((f.related_model, value), f"#{value}")
    if f.choices:
        return str(dict(f.flatchoices).get(value, value))
    if isinstance(f, models.BooleanField):
        return _("Có") if value else _("Không")
    if isinstance(f, models.JSONField):
        if isinstance(value, list):
            return "; ".join(str(v) for v in value) or "—"
        return json.dumps(value, ensure_ascii=False)
    return str(localize(value))


def change_log(obj) -> list[ChangeEntry]:
    """The object's history, newest first, with each record compared to the one before it."""
    records = list(obj.history.select_related("history_user").order_by("-history_date", "-history_id"))
    if not records:
        return []
    previous_of = dict(zip(records, [*records[1:], None], strict=True))
    fields = _tracked_fields(records[0])
    names = _related_names(records, fields)
    entries = []
    for record in records:
        entry = ChangeEntry(
            when=record.history_date,
            user=record.history_user,
            kind=record.history_type,
            kind_label=str(CHANGE_KINDS.get(record.history_type, record.history_type)),
            reason=record.history_change_reason or "",
        )
        previous = previous_of[record]
        if record.history_type == "+" or previous is None:
            for f in fields:
                value = getattr(record, f.name if f.many_to_many else f.attname)
                if f.many_to_many:
                    value = list(value.values_list(get_m2m_reverse_field_name(f), flat=True))
                if value not in (None, "", [], False):
                    entry.changes.append(FieldChange(str(f.verbose_name), "—", _show(f, value, names)))
        elif record.history_type == "~":
            delta = record.diff_against(previous)
            by_name = {f.name: f for f in fields}
            for change in delta.changes:
                f = by_name.get(change.field)
                if f is None:
                    continue
                entry.changes.append(
                    FieldChange(str(f.verbose_name), _show(f, change.old, names), _show(f, change.new, names))
                )
        entries.append(entry)
    return entries
