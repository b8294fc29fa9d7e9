"""Load the demo instance from the YAML files in demo/data/. Every loader only adds what is missing,
so running `demo` again keeps whatever users changed since."""

from pathlib import Path

import yaml
from django.db import transaction

from doingoai.organizations.choices import AgencyKind
from doingoai.organizations.models import Agency, AgencyGroup, User

DATA_DIR = Path(__file__).resolve().parent / "data"


def read(name: str):
    with open(DATA_DIR / name, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@transaction.atomic
def load_agencies() -> int:
    """Agencies of agencies.yaml, matched by code; returns how many were added."""
    added = 0
    for row in read("agencies.yaml"):
        if Agency.objects.filter(code=row["code"]).exists():
            continue
        agency = Agency(
            code=row["code"],
            name=row["name"],
            kind=row.get("kind", AgencyKind.OTHER),
            is_border=bool(row.get("border", False)),
            aliases=row.get("aliases", []),
            note=row.get("note", ""),
        )
        agency.full_clean()
        agency.save()
        added += 1
    return added


@transaction.atomic
def load_agency_groups() -> int:
    added = 0
    for row in read("agency_groups.yaml"):
        if AgencyGroup.objects.filter(code=row["code"]).exists():
            continue
        group = AgencyGroup(
            code=row["code"],
            name=row["name"],
            aliases=row.get("aliases", []),
            member_kinds=row.get("member_kinds", []),
            border_only=bool(row.get("border_only", False)),
            note=row.get("note", ""),
        )
        group.full_clean()
        group.save()
        group.members.set(Agency.objects.filter(code__in=row.get("members", [])))
        added += 1
    return added


@transaction.atomic
def load_users() -> list[dict]:
    """The demo users; an existing account is left as it is (its password may have been changed)."""
    logins = []
    for row in read("users.yaml"):
        user = User.objects.filter(username=row["username"]).first()
        created = user is None
        if created:
            user = User(
                username=row["username"],
                last_name=row.get("last_name", ""),
                first_name=row.get("first_name", ""),
                role=row["role"],
                title=row.get("title", ""),
                agency=Agency.objects.get(code=row["agency"]) if row.get("agency") else None,
            )
            user.set_password(row["password"])
            user.full_clean()
            user.save()
        logins.append({"user": user, "password": row["password"], "created": created})
    return logins
