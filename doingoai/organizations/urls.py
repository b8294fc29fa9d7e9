from django.urls import path

from doingoai.core.urls import object_urls

from . import views
from .models import Agency, AgencyGroup, User

app_name = "organizations"

urlpatterns = [
    *object_urls(
        "agencies",
        Agency,
        list=views.AgencyListView,
        detail=views.AgencyDetailView,
        edit=views.AgencyEditView,
    ),
    *object_urls(
        "agency-groups",
        AgencyGroup,
        list=views.AgencyGroupListView,
        detail=views.AgencyGroupDetailView,
        edit=views.AgencyGroupEditView,
    ),
    *object_urls("users", User, list=views.UserListView, detail=views.UserDetailView, edit=views.UserEditView),
    path("users/<int:pk>/set-password/", views.UserSetPasswordView.as_view(), name="user_set_password"),
]
