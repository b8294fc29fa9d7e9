from django.urls import path

from doingoai.core.urls import object_urls

from . import views
from .models import Report

app_name = "reports"

urlpatterns = [
    path("", views.DashboardView.as_view(), name="dashboard"),
    *object_urls(
        "periodic",
        Report,
        list=views.ReportListView,
        detail=views.ReportDetailView,
        edit=views.ReportEditView,
        activation=False,
    ),
    path("periodic/<int:pk>/refresh/", views.ReportActionView.as_view(action="refresh"), name="report_refresh"),
    path("periodic/<int:pk>/issue/", views.ReportActionView.as_view(action="issue"), name="report_issue"),
    path("periodic/<int:pk>/delete/", views.ReportActionView.as_view(action="delete"), name="report_delete"),
    path("periodic/<int:pk>/docx/", views.ReportFileView.as_view(kind="docx"), name="report_docx"),
    path("periodic/<int:pk>/xlsx/", views.ReportFileView.as_view(kind="xlsx"), name="report_xlsx"),
]
