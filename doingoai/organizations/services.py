"""Rules about users that views, the API and commands share: the system account and password changes."""

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext_noop
from simple_history.utils import update_change_reason

from doingoai.core.history import acting_user

from .choices import Role
from .models import User

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
