"""Who may do what: the one place that decides.

Every page, form, API endpoint and admin screen asks `can(user, action, target)` for a yes/no and
`restrict(queryset, user, action)` (through `AgencyScopedQuerySet.for_user`) for the rows the user
may act on. A model states which rule table applies to it with `permission_scope`; an agency-owned
model also gives `owner_agency_field` (the lookup from a row to its owning agency, for querysets),
`owner_agency_ids()` (the same for one instance) and, if it has one, `confidential_field`.

Rule table (✓ everything, — nothing):

| scope           | action | administrator | focal officer | leader | agency officer                     |
|-----------------|--------|---------------|---------------|--------|------------------------------------|
| REFERENCE       | view   | ✓             | ✓             | ✓      | ✓                                  |
| (agencies,      | add    | ✓             | ✓             | —      | —                                  |
|  groups)        | change | ✓             | ✓             | —      | —                                  |
|                 | delete | ✓             | ✓             | —      | —                                  |
| ACCOUNTS        | view   | ✓             | ✓             | ✓      | users of their own agency          |
| (users)         | add    | ✓             | —             | —      | —                                  |
|                 | change | ✓             | —             | —      | — (own password: its own page)     |
|                 | delete | ✓             | —             | —      | —                                  |
| AGENCY_OWNED    | view   | ✓             | ✓             | ✓      | not confidential, or their agency's|
| (records owned  | add    | ✓             | ✓             | —      | their agency's                     |
|  by an agency)  | change | ✓             | ✓             | —      | their agency's                     |
|                 | delete | ✓             | ✓             | —      | their agency's                     |
| PERSONAL        | all    | ✓             | their own     | their own | their own                       |
| (notifications) |        |               |               |        |                                    |
| DESIGNATED      | view   | ✓             | ✓             | ✓      | ✓                                  |
| (border trade)  | write  | ✓             | ✓             | —      | if their agency is designated      |
| any scope       | review | ✓             | ✓             | —      | —                                  |

What an agency owns is decided by the record (`owner_agency_ids()`): a progress report belongs to
its agency only while that agency leads the task, a contribution only while it coordinates it, a
measurement to the target's lead agency. Review (accepting or returning a report) is the focal
officer's.

DESIGNATED data is entered by the agencies a setting names (`model.designated_setting`, e.g.
TRADE_DATA_AGENCIES: the Department of Industry and Trade and the Economic Zone board), besides the
focal officer.

"Everything in their scope": the administrator's scope is the whole system including accounts;
the focal officer's is all domain data but not accounts. A leader views everything and changes
nothing. Anonymous and deactivated users may do nothing; a Django superuser counts as an
administrator. Delete means deactivate wherever a record keeps history (agencies, users).
"""

from enum import StrEnum

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from rest_framework.permissions import BasePermission

from doingoai.organizations.choices import Role


class Action(StrEnum):
    VIEW = "view"
    ADD = "add"
    CHANGE = "change"
    DELETE = "delete"
    REVIEW = "review"


class Scope(StrEnum):
    REFERENCE = "reference"
    ACCOUNTS = "accounts"
    AGENCY_OWNED = "agency_owned"
    PERSONAL = "personal"
    DESIGNATED = "designated"


WRITE_ACTIONS = frozenset({Action.ADD, Action.CHANGE, Action.DELETE})


def role_of(user) -> str | None:
    """The role the rules use, or None for anyone who may do nothing."""
    if user is None or not user.is_authenticated or not user.is_active:
        return None
    if user.is_superuser:
        return Role.ADMINISTRATOR
    return user.role


def _model_of(target):
    return target if isinstance(target, type) else type(target)


def _is_confidential(obj) -> bool:
    name = getattr(obj, "confidential_field", None)
    return bool(name and getattr(obj, name))


def _is_designated(user, model) -> bool:
    from django.conf import settings

    codes = getattr(settings, model.designated_setting)
    return user.agency_id is not None and user.agency.code in codes


def can(user, action: Action, target) -> bool:
    """May `user` do `action` on `target` (a model class: on some rows of it; an instance: on this one)?"""
    role = role_of(user)
    if role is None:
        return False
    action = Action(action)
    model = _model_of(target)
    scope = model.permission_scope
    instance = None if isinstance(target, type) else target
    if role == Role.ADMINISTRATOR:
        return True
    if action == Action.REVIEW:
        return role == Role.FOCAL_OFFICER
    if scope == Scope.PERSONAL:
        return instance is None or getattr(instance, model.owner_user_field + "_id") == user.pk
    if scope == Scope.ACCOUNTS:
        if action != Action.VIEW:
            return False
        if role in (Role.FOCAL_OFFICER, Role.LEADER) or instance is None:
            return True
        return user.agency_id is not None and instance.agency_id == user.agency_id
    if role == Role.FOCAL_OFFICER:
        return True
    if role == Role.LEADER:
        return action == Action.VIEW
    # Agency officer.
    if scope == Scope.REFERENCE:
        return action == Action.VIEW
    if scope == Scope.DESIGNATED:
        return action == Action.VIEW or _is_designated(user, model)
    if instance is None:
        return True
    owns = user.agency_id is not None and user.agency_id in instance.owner_agency_ids()
    if action == Action.VIEW:
        return owns or not _is_confidential(instance)
    return owns


def require(user, action: Action, target) -> None:
    """Raise PermissionDenied (the Vietnamese 403 page) unless `can` allows it."""
    if not can(user, action, target):
        raise PermissionDenied


def restrict(queryset, user, action: Action):
    """The rows of `queryset` on which `user` may do `action`, in one query."""
    role = role_of(user)
    action = Action(action)
    model = queryset.model
    scope = model.permission_scope
    if role is None or not can(user, action, model):
        return queryset.none()
    if role == Role.ADMINISTRATOR:
        return queryset
    if scope == Scope.PERSONAL:
        return queryset.filter(**{model.owner_user_field: user})
    if action == Action.REVIEW:
        return queryset
    if scope == Scope.ACCOUNTS:
        if role == Role.AGENCY_OFFICER:
            return queryset.filter(agency_id=user.agency_id) if user.agency_id else queryset.none()
        return queryset
    if role in (Role.FOCAL_OFFICER, Role.LEADER) or scope in (Scope.REFERENCE, Scope.DESIGNATED):
        return queryset
    if user.agency_id is None:
        return queryset.none()
    owned = Q(**{model.owner_agency_field: user.agency_id})
    if action == Action.VIEW and getattr(model, "confidential_field", None):
        owned |= Q(**{model.confidential_field: False})
    elif action == Action.VIEW:
        return queryset
    filtered = queryset.filter(owned)
    return filtered.distinct() if "__" in model.owner_agency_field else filtered


METHOD_ACTIONS = {
    "GET": Action.VIEW,
    "HEAD": Action.VIEW,
    "OPTIONS": Action.VIEW,
    "POST": Action.ADD,
    "PUT": Action.CHANGE,
    "PATCH": Action.CHANGE,
    "DELETE": Action.DELETE,
}


class RolePermission(BasePermission):
    """The API's door to these rules: the model-level question first, then the object-level one."""

    def has_permission(self, request, view):
        if not request.user or not request.user.is_authenticated:
            return False
        model = getattr(getattr(view, "queryset", None), "model", None)
        if model is None:
            return True
        return can(request.user, METHOD_ACTIONS.get(request.method, Action.CHANGE), model)

    def has_object_permission(self, request, view, obj):
        return can(request.user, METHOD_ACTIONS.get(request.method, Action.CHANGE), obj)
