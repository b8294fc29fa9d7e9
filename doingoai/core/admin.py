"""The Django admin, for administrators, still asking core/permissions.py before every action."""

from django.db import models
from simple_history.admin import SimpleHistoryAdmin

from doingoai.core import permissions
from doingoai.core.forms import BoundedModelMultipleChoiceField
from doingoai.core.permissions import Action


class PermissionAdmin(SimpleHistoryAdmin):
    formfield_overrides = {models.ManyToManyField: {"form_class": BoundedModelMultipleChoiceField}}

    def has_module_permission(self, request):
        return permissions.can(request.user, Action.VIEW, self.model)

    def has_view_permission(self, request, obj=None):
        return permissions.can(request.user, Action.VIEW, obj or self.model)

    def has_add_permission(self, request):
        return permissions.can(request.user, Action.ADD, self.model)

    def has_change_permission(self, request, obj=None):
        return permissions.can(request.user, Action.CHANGE, obj or self.model)

    def has_delete_permission(self, request, obj=None):
        # Records with history are deactivated, never deleted.
        return not hasattr(self.model, "is_active") and permissions.can(request.user, Action.DELETE, obj or self.model)

    def get_queryset(self, request):
        return permissions.restrict(super().get_queryset(request), request.user, Action.VIEW)
