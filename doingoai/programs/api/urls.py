from rest_framework.routers import DefaultRouter

from .views import (
    MeasurementViewSet,
    ProgramViewSet,
    ProgressReportViewSet,
    ReportingPeriodViewSet,
    TargetViewSet,
    TaskViewSet,
)

router = DefaultRouter(trailing_slash=True)
router.register("programs", ProgramViewSet)
router.register("targets", TargetViewSet)
router.register("measurements", MeasurementViewSet)
router.register("tasks", TaskViewSet)
router.register("reporting-periods", ReportingPeriodViewSet)
router.register("progress-reports", ProgressReportViewSet)

urlpatterns = router.urls
