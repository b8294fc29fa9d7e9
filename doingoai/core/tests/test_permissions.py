"""The rule table of core/permissions.py, case by case, on plain objects."""

from dataclasses import dataclass

import pytest

from doingoai.core.permissions import Action, Scope, can
from doingoai.organizations.choices import Role

A, B = 1, 2


@dataclass
class Person:
    role: str
    agency_id: int | None = A
    is_authenticated: bool = True
    is_active: bool = True
    is_superuser: bool = False


@dataclass
class Record:
    """An agency-owned record (a task, a delegation...) owned by `owner`."""

    owner: int
    secret: bool = False
    permission_scope = Scope.AGENCY_OWNED
    owner_agency_field = "owner"
    confidential_field = "secret"

    def owner_agency_ids(self):
        return {self.owner}


@dataclass
class Reference:
    permission_scope = Scope.REFERENCE


@dataclass
class Account:
    agency_id: int | None
    permission_scope = Scope.ACCOUNTS


V, AD, C, D = Action.VIEW, Action.ADD, Action.CHANGE, Action.DELETE
EVERYTHING = {V, AD, C, D}

# (role, target, actions allowed)
CASES = [
    (Role.ADMINISTRATOR, Record(B, secret=True), EVERYTHING),
    (Role.FOCAL_OFFICER, Record(B, secret=True), EVERYTHING),
    (Role.LEADER, Record(B, secret=True), {V}),
    (Role.AGENCY_OFFICER, Record(A), EVERYTHING),
    (Role.AGENCY_OFFICER, Record(A, secret=True), EVERYTHING),
    (Role.AGENCY_OFFICER, Record(B), {V}),
    (Role.AGENCY_OFFICER, Record(B, secret=True), set()),
    (Role.ADMINISTRATOR, Reference(), EVERYTHING),
    (Role.FOCAL_OFFICER, Reference(), EVERYTHING),
    (Role.LEADER, Reference(), {V}),
    (Role.AGENCY_OFFICER, Reference(), {V}),
    (Role.ADMINISTRATOR, Account(B), EVERYTHING),
    (Role.FOCAL_OFFICER, Account(B), {V}),
    (Role.LEADER, Account(B), {V}),
    (Role.AGENCY_OFFICER, Account(A), {V}),
    (Role.AGENCY_OFFICER, Account(B), set()),
]


@pytest.mark.parametrize(("role", "target", "allowed"), CASES)
@pytest.mark.parametrize("action", [V, AD, C, D])
def test_rule_table(role, target, allowed, action):
    assert can(Person(role), action, target) is (action in allowed)


@pytest.mark.parametrize("action", [V, AD, C, D])
@pytest.mark.parametrize("target", [Record(A), Reference(), Account(A)])
def test_anonymous_and_deactivated_users_may_do_nothing(action, target):
    assert not can(None, action, target)
    assert not can(Person(Role.ADMINISTRATOR, is_authenticated=False), action, target)
    assert not can(Person(Role.ADMINISTRATOR, is_active=False), action, target)


def test_superuser_counts_as_administrator():
    assert can(Person(Role.LEADER, is_superuser=True), C, Account(B))


def test_agency_officer_without_agency_owns_nothing():
    assert not can(Person(Role.AGENCY_OFFICER, agency_id=None), C, Record(A))
    assert not can(Person(Role.AGENCY_OFFICER, agency_id=None), V, Account(A))
