"""Base classes every domain model builds on."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from doingoai.core import permissions
from doingoai.core.text import normalize


class AgencyScopedQuerySet(models.QuerySet):
    """A queryset that knows the permission rules: `Model.objects.for_user(user, "view")`."""

    def for_user(self, user, action=permissions.Action.VIEW):
        return permissions.restrict(self, user, action)


class BaseModel(models.Model):
    """Timestamps and the permission-aware manager; each concrete model adds `history = history_records()`
    and its `permission_scope`."""

    created_at = models.DateTimeField(_("Thời điểm tạo"), auto_now_add=True)
    updated_at = models.DateTimeField(_("Thời điểm cập nhật"), auto_now=True)

    objects = AgencyScopedQuerySet.as_manager()

    # Each concrete model names the rule table of core/permissions.py that applies to it.
    permission_scope: permissions.Scope

    class Meta:
        abstract = True


class SearchableMixin(models.Model):
    """A model found by diacritic-insensitive search through its normalised `search_text` column.

    `search_fields` names the attributes folded into it; it is rebuilt on every save
    (and by `python -m doingoai reindex` after bulk changes).
    """

    search_text = models.TextField(editable=False, default="")

    search_fields: tuple[str, ...] = ()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.search_text = self.build_search_text()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "search_text"}
        super().save(*args, **kwargs)

    def search_values(self) -> list[str]:
        values = []
        for name in self.search_fields:
            value = getattr(self, name)
            values.extend(value if isinstance(value, list | tuple) else [value])
        return [str(v) for v in values if v]

    def build_search_text(self) -> str:
        return normalize(" ".join(self.search_values()))
