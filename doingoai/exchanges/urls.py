from django.urls import path

from doingoai.core.urls import object_urls

from . import views
from .models import Conference, Delegation

app_name = "exchanges"

urlpatterns = [
    *object_urls(
        "delegations",
        Delegation,
        list=views.DelegationListView,
        detail=views.DelegationDetailView,
        edit=views.DelegationEditView,
        activation=False,
    ),
    path("delegations/<int:pk>/<str:action>/", views.DelegationActionView.as_view(), name="delegation_action"),
    *object_urls(
        "conferences",
        Conference,
        list=views.ConferenceListView,
        detail=views.ConferenceDetailView,
        edit=views.ConferenceEditView,
        activation=False,
    ),
    path("conferences/<int:pk>/report/", views.ConferenceReportView.as_view(), name="conference_report"),
]
