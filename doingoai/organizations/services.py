"""Rules about agencies and users that views, the API, commands and importers share: the system
account, password changes, and reading the bodies a document names."""

import re
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext_noop
from simple_history.utils import update_change_reason

from doingoai.core.history import acting_user
from doingoai.core.text import normalize

from .choices import Role
from .models import Agency, AgencyGroup, User

# Stored as history change reasons in Vietnamese and translated when shown.
PASSWORD_CHANGED = gettext_noop("Đổi mật khẩu")
PASSWORD_RESET = gettext_noop("Đặt lại mật khẩu")


def system_user() -> User:
    """The account that commands and jobs act as when no user is named; it cannot sign in."""
    user, created = User.objects.get_or_create(
        username=settings.SYSTEM_USERNAME,
        defaults={"first_name": "Hệ thống", "role": Role.ADMINISTRATOR},
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def change_password(user: User, password: str, by: User) -> None:
    """Set a new password; the history records that it changed, never the password itself."""
    with transaction.atomic(), acting_user(by):
        user.set_password(password)
        user.save()
        update_change_reason(user, PASSWORD_CHANGED if by == user else PASSWORD_RESET)


@dataclass
class BodyMatch:
    """The agencies and groups a document's wording names, and any words no record matches."""

    agencies: list = field(default_factory=list)
    groups: list = field(default_factory=list)
    unmatched: list[str] = field(default_factory=list)


# "theo Quyết định số 1382/QĐ-UBND ngày 27/11/2025 của Ủy ban nhân dân tỉnh": a reference, not a body.
_REFERENCE = re.compile(
    r"\btheo (?:quyet dinh|ke hoach|nghi quyet|chi thi|van ban|thong bao)\b.*?(?= va |;|$)", re.IGNORECASE
)
# "Ủy ban nhân dân các xã: Thanh Thủy, Lao Chải và ...": an enumeration of communes (or wards).
_ENUMERATION = re.compile(r"(?:uy ban nhan dan )?cac (xa|phuong)\s*:\s*(.+?)(?= va uy ban| va cac|;|$)")
_LEFTOVER = re.compile(r"\((?:theo|trong|tren)[^)]*\)|\bva\b|[,;:/()]")


def _spellings():
    """Every normalised spelling of every active agency and group, longest first."""
    entries = []
    for agency in Agency.objects.filter(is_active=True):
        for text in (agency.name, agency.short_name, *agency.aliases):
            if text:
                entries.append((normalize(text), agency))
    for group in AgencyGroup.objects.filter(is_active=True):
        for text in (group.name, *group.aliases):
            entries.append((normalize(text), group))
    return sorted(entries, key=lambda entry: -len(entry[0]))


def match_bodies(text: str, spellings=None) -> BodyMatch:
    """Read the bodies a lead or coordinating cell names, accents ignored, longest names first.

    "Ủy ban nhân dân xã Thanh Thủy và các đơn vị liên quan" → the commune and the group "Các đơn
    vị liên quan"; "Ủy ban nhân dân các xã: Thanh Thủy, Lao Chải" → both communes. A decision
    cited after "theo" and a qualifier in brackets ("(theo hình thức đối đẳng)") are not bodies.
    """
    rest = normalize(text)
    rest = _REFERENCE.sub(" ", rest)
    rest = _ENUMERATION.sub(
        lambda m: "; ".join(f"{m.group(1)} {name.strip()}" for name in re.split(r",| va ", m.group(2)) if name.strip()),
        rest,
    )
    found = BodyMatch()
    for spelling, record in spellings if spellings is not None else _spellings():
        pattern = re.compile(rf"(?<![\w]){re.escape(spelling)}(?![\w])")
        if not pattern.search(rest):
            continue
        rest = pattern.sub(" ; ", rest)
        bucket = found.groups if isinstance(record, AgencyGroup) else found.agencies
        if record not in bucket:
            bucket.append(record)
    leftover = [part.strip() for part in re.split(r"\s*;\s*", _LEFTOVER.sub(";", rest))]
    found.unmatched = [part for part in leftover if part]
    return found
