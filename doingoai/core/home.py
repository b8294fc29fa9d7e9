"""The landing page after sign-in."""

from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse

from doingoai.core import permissions
from doingoai.core.permissions import Action
from doingoai.organizations.choices import Role
from doingoai.organizations.models import Agency


def home(request):
    """Officers land on their own work ("Việc của tôi"); others see where to start."""
    if request.user.role in (Role.AGENCY_OFFICER, Role.FOCAL_OFFICER) and request.user.agency_id:
        try:
            return redirect(reverse("programs:my_work"))
        except NoReverseMatch:
            pass
    context = {
        "agency_count": Agency.objects.filter(is_active=True).count(),
        "can_manage_agencies": permissions.can(request.user, Action.CHANGE, Agency),
    }
    return render(request, "core/home.html", context)
