from django.urls import path

from doingoai.core.urls import object_urls

from . import views
from .models import Commitment, Mechanism, Meeting

app_name = "cooperation"

urlpatterns = [
    *object_urls(
        "mechanisms",
        Mechanism,
        list=views.MechanismListView,
        detail=views.MechanismDetailView,
        edit=views.MechanismEditView,
    ),
    *object_urls(
        "meetings",
        Meeting,
        list=views.MeetingListView,
        detail=views.MeetingDetailView,
        edit=views.MeetingEditView,
        activation=False,
    ),
    *object_urls(
        "commitments",
        Commitment,
        list=views.CommitmentListView,
        detail=views.CommitmentDetailView,
        edit=views.CommitmentEditView,
        activation=False,
    ),
    path("commitments/<int:pk>/follow-up/", views.FollowUpTaskView.as_view(), name="commitment_follow_up"),
]
