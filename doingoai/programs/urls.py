from django.urls import path

from doingoai.core.urls import object_urls

from . import views
from .choices import PeriodState
from .models import Phase, Program, ReportingPeriod, Target, Task

app_name = "programs"

urlpatterns = [
    *object_urls(
        "programs", Program, list=views.ProgramListView, detail=views.ProgramDetailView, edit=views.ProgramEditView
    ),
    path("phases/add/", views.PhaseEditView.as_view(), name="phase_add"),
    path("phases/<int:pk>/edit/", views.PhaseEditView.as_view(), name="phase_edit"),
    path("phases/<int:pk>/history/", views.views.ObjectHistoryView.as_view(model=Phase), name="phase_history"),
    *object_urls("tasks", Task, list=views.TaskListView, detail=views.TaskDetailView, edit=views.TaskEditView),
    path("tasks/<int:pk>/report/", views.TaskReportView.as_view(), name="task_report"),
    path("tasks/<int:pk>/contribute/", views.TaskContributeView.as_view(), name="task_contribute"),
    path("reports/<int:pk>/review/", views.ReportReviewView.as_view(), name="report_review"),
    path("evidence/<int:pk>/", views.EvidenceDownloadView.as_view(), name="evidence_download"),
    *object_urls(
        "targets", Target, list=views.TargetListView, detail=views.TargetDetailView, edit=views.TargetEditView
    ),
    path("targets/<int:pk>/measurements/add/", views.MeasurementAddView.as_view(), name="measurement_add"),
    *object_urls(
        "periods",
        ReportingPeriod,
        list=views.PeriodListView,
        detail=views.PeriodDetailView,
        edit=views.PeriodEditView,
        activation=False,
    ),
    path(
        "periods/<int:pk>/close/", views.PeriodStateView.as_view(state=PeriodState.CLOSED), name="reportingperiod_close"
    ),
    path(
        "periods/<int:pk>/reopen/", views.PeriodStateView.as_view(state=PeriodState.OPEN), name="reportingperiod_reopen"
    ),
    path("scorecard/", views.ScorecardView.as_view(), name="scorecard"),
    path("my-work/", views.MyWorkView.as_view(), name="my_work"),
]
