"""The landing page after sign-in."""

from django.shortcuts import render

from doingoai.core import permissions
from doingoai.core.permissions import Action
from doingoai.organizations.models import Agency


def home(request):
    """Who the user is and where to start; each later module adds its own summary here."""
    context = {
        "agency_count": Agency.objects.filter(is_active=True).count(),
        "can_manage_agencies": permissions.can(request.user, Action.CHANGE, Agency),
    }
    return render(request, "core/home.html", context)
