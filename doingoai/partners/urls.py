from django.urls import path

from doingoai.core import views as core_views
from doingoai.core.urls import object_urls

from . import views
from .models import Partner, PartnerContact

app_name = "partners"

urlpatterns = [
    *object_urls(
        "partners",
        Partner,
        list=views.PartnerListView,
        detail=views.PartnerDetailView,
        edit=views.PartnerEditView,
    ),
    path("contacts/add/", views.PartnerContactEditView.as_view(), name="partnercontact_add"),
    path("contacts/<int:pk>/edit/", views.PartnerContactEditView.as_view(), name="partnercontact_edit"),
    path(
        "contacts/<int:pk>/history/",
        core_views.ObjectHistoryView.as_view(model=PartnerContact),
        name="partnercontact_history",
    ),
]
