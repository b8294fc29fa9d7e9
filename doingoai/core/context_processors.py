"""Values every page template needs: the site's name and the user's menu."""

from django.conf import settings
from django.utils.functional import SimpleLazyObject

from doingoai.core.navigation import menu_for


def site(request) -> dict:
    user = getattr(request, "user", None)
    return {
        "brand_name": settings.SITE_NAME,
        "province_name": settings.PROVINCE_NAME,
        "menu": SimpleLazyObject(lambda: menu_for(user)) if user is not None else [],
    }
