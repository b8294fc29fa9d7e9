"""Sign-in and sign-out hooks."""

from django.contrib import messages
from django.contrib.auth.models import update_last_login
from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.utils import timezone
from django.utils.translation import gettext as _


def record_last_login(sender, user, **kwargs):
    """Store the login time without a history record: signing in is not a change to the account."""
    type(user).objects.filter(pk=user.pk).update(last_login=timezone.now())


def say_goodbye(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "_messages"):
        messages.info(request, _("Bạn đã đăng xuất."))


def connect():
    user_logged_in.disconnect(update_last_login, dispatch_uid="update_last_login")
    user_logged_in.connect(record_last_login, dispatch_uid="doingoai_last_login")
    user_logged_out.connect(say_goodbye, dispatch_uid="doingoai_logout_message")
