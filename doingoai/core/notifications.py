"""Sending notifications: in the application, and by e-mail to users who have an address."""

import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from doingoai.core.models import Notification

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Message:
    """One event to announce to some users."""

    key: str
    title: str
    body: str = ""
    url: str = ""
    level: str = "info"


def notify(users, message: Message) -> int:
    """Announce `message` to each user who has not had it yet; returns how many new notifications.

    The unique (user, key) constraint is what makes a reminder run safe to repeat.
    """
    users = [user for user in users if user.is_active]
    already = set(Notification.objects.filter(user__in=users, key=message.key).values_list("user_id", flat=True))
    created = 0
    for user in users:
        if user.pk in already:
            continue
        with transaction.atomic():
            notification, new = Notification.objects.get_or_create(
                user=user,
                key=message.key,
                defaults={
                    "title": message.title[:300],
                    "body": message.body,
                    "url": message.url,
                    "level": message.level,
                },
            )
        if not new:
            continue
        created += 1
        if user.email:
            _email(notification, user)
    return created


def _email(notification: Notification, user) -> None:
    link = f"{settings.SITE_URL.rstrip('/')}{notification.url}" if notification.url else settings.SITE_URL
    try:
        send_mail(
            subject=f"[{settings.SITE_NAME}] {notification.title}",
            message=f"{notification.body}\n\n{link}".strip(),
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[user.email],
        )
    except OSError:
        # A mail server that is down must not stop the reminders: the in-app notice stands, and
        # emailed_at stays empty so that the failure is visible.
        logger.exception("could not e-mail notification %s to %s", notification.pk, user.email)
        return
    Notification.objects.filter(pk=notification.pk).update(emailed_at=timezone.now())
