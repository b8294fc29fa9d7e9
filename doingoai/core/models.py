"""Base classes every domain model builds on."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from doingoai.core import permissions
from doingoai.core.history import history_records
from doingoai.core.text import normalize


def makes_cycle(obj, parent_field: str = "parent") -> bool:
    """Whether giving `obj` its parent would make it its own ancestor (a record's parent chain)."""
    ancestor, seen = getattr(obj, parent_field), set()
    while ancestor is not None and ancestor.pk not in seen:
        if obj.pk is not None and ancestor.pk == obj.pk:
            return True
        seen.add(ancestor.pk)
        ancestor = getattr(ancestor, parent_field)
    return False


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

    def refresh_search_text(self) -> None:
        """Rebuild the column after a change save() does not see (many-to-many links), without a
        history record: the text only mirrors other fields."""
        type(self).objects.filter(pk=self.pk).update(search_text=self.build_search_text())


class Notification(BaseModel):
    """A message to one user: a reminder (đôn đốc), an escalation, a returned report.

    `key` names the event; one user gets one notification per key, so a daily reminder job that
    meets the same event again announces nothing new.
    """

    LEVELS = [("info", _("Thông tin")), ("warning", _("Cần chú ý")), ("danger", _("Khẩn"))]

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("Người nhận"), on_delete=models.CASCADE, related_name="notifications"
    )
    key = models.CharField(_("Sự kiện"), max_length=200)
    level = models.CharField(_("Mức độ"), max_length=10, choices=LEVELS, default="info")
    title = models.CharField(_("Tiêu đề"), max_length=300)
    body = models.TextField(_("Nội dung"), blank=True)
    url = models.CharField(_("Đường dẫn"), max_length=500, blank=True)
    read_at = models.DateTimeField(_("Đã đọc lúc"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("Đã gửi thư lúc"), null=True, blank=True)

    history = history_records()

    permission_scope = permissions.Scope.PERSONAL
    owner_user_field = "user"

    class Meta:
        verbose_name = _("thông báo")
        verbose_name_plural = pgettext_lazy("plural", "thông báo")
        ordering = ["-created_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["user", "key"], name="one_notification_per_event")]
        indexes = [models.Index(fields=["user", "read_at"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return self.url or reverse("notifications")
