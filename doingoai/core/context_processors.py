"""Values every page template needs: the site's name and the user's menu."""

from django.conf import settings
from django.utils.functional import SimpleLazyObject

from doingoai.core.navigation import menu_for


def site(request) -> dict:
    user = getattr(request, "user", None)
    signed_in = user is not None and user.is_authenticated
    return {
        "brand_name": settings.SITE_NAME,
        "province_name": settings.PROVINCE_NAME,
        "menu": SimpleLazyObject(lambda: menu_for(user)) if user is not None else [],
        "unread_notifications": SimpleLazyObject(lambda: _unread(user)) if signed_in else 0,
    }


def _unread(user) -> int:
    from doingoai.core.models import Notification

    return Notification.objects.filter(user=user, read_at__isnull=True).count()
