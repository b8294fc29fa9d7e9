from django.urls import path

from doingoai.core.urls import object_urls

from . import views
from .models import Agreement, Commitment, Mechanism, Meeting

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
    *object_urls(
        "agreements",
        Agreement,
        list=views.AgreementListView,
        detail=views.AgreementDetailView,
        edit=views.AgreementEditView,
        activation=False,
    ),
    path("agreements/<int:pk>/evaluate/", views.AgreementEvaluateView.as_view(), name="agreement_evaluate"),
    path("commitments/<int:pk>/follow-up/", views.FollowUpTaskView.as_view(), name="commitment_follow_up"),
]
