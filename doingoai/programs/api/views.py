from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response

from doingoai.core.api import BaseViewSet, StandardPagination
from doingoai.core.history import acting_user

from .. import filtersets
from ..models import Measurement, Program, ProgressReport, ReportingPeriod, Target, Task
from ..services import queries, workflow
from .serializers import (
    MeasurementSerializer,
    ProgramSerializer,
    ProgressReportSerializer,
    ReportingPeriodSerializer,
    ReviewSerializer,
    TargetSerializer,
    TaskSerializer,
)


class ProgramViewSet(BaseViewSet):
    """Programmes and plans; `q` searches number, title and issuer without diacritics."""

    queryset = Program.objects.select_related("focal_agency")
    serializer_class = ProgramSerializer
    filterset_class = filtersets.ProgramFilterSet
    ordering_fields = ["period_start", "title", "number"]


class TargetViewSet(BaseViewSet):
    """Targets with their computed `trajectory` (achieved, on_track, at_risk, off_track, no_data)."""

    queryset = Target.objects.select_related("program").prefetch_related("measurements")
    serializer_class = TargetSerializer
    filterset_class = filtersets.TargetFilterSet
    ordering_fields = ["program", "target_year", "indicator"]


class MeasurementViewSet(BaseViewSet):
    """Measured values of targets; the target's lead agency or the focal officer records them."""

    queryset = Measurement.objects.select_related("target")
    serializer_class = MeasurementSerializer
    filterset_class = filtersets.MeasurementFilterSet
    ordering_fields = ["as_of"]

    def perform_create(self, serializer):
        measurement = Measurement(**serializer.validated_data)
        try:
            serializer.instance = workflow.record_measurement(measurement, self.request.user)
        except DjangoPermissionDenied as error:
            raise PermissionDenied(str(error)) from error


class TaskViewSet(BaseViewSet):
    """Tasks with their computed `status` (the worst of their lead bodies' shares) and each share."""

    queryset = Task.objects.select_related("program").prefetch_related(
        "leads__agency", "lead_groups", "coordinating_agencies", "coordinating_groups"
    )
    serializer_class = TaskSerializer
    filterset_class = filtersets.TaskFilterSet
    ordering_fields = ["program", "number", "deadline", "status_rank"]

    def get_queryset(self):
        return queries.with_status(super().get_queryset())

    def _save(self, serializer):
        data = dict(serializer.validated_data)
        bodies = {
            "lead_agencies": data.pop("lead_agencies", None),
            "lead_groups": data.pop("lead_groups", None),
            "coordinating_agencies": data.pop("coordinating_agencies", None),
            "coordinating_groups": data.pop("coordinating_groups", None),
        }
        task = serializer.instance or Task()
        for name, value in data.items():
            setattr(task, name, value)
        current = {
            "lead_agencies": [lead.agency for lead in task.leads.filter(via_group__isnull=True)] if task.pk else [],
            "lead_groups": list(task.lead_groups.all()) if task.pk else [],
            "coordinating_agencies": list(task.coordinating_agencies.all()) if task.pk else [],
            "coordinating_groups": list(task.coordinating_groups.all()) if task.pk else [],
        }
        bodies = {name: value if value is not None else current[name] for name, value in bodies.items()}
        serializer.instance = workflow.save_task(task, user=self.request.user, **bodies)

    perform_create = _save
    perform_update = _save


class ReportingPeriodViewSet(BaseViewSet):
    """Reporting periods; a new one opens. DELETE is not offered: close a period instead."""

    queryset = ReportingPeriod.objects.select_related("program")
    serializer_class = ReportingPeriodSerializer
    filterset_class = filtersets.PeriodFilterSet
    ordering_fields = ["end_date", "deadline"]
    http_method_names = ["get", "post", "put", "patch", "head", "options"]

    def perform_create(self, serializer):
        serializer.instance = workflow.save_period(ReportingPeriod(**serializer.validated_data), self.request.user)

    def perform_update(self, serializer):
        with acting_user(self.request.user):
            serializer.save()


class ProgressReportViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet
):
    """Progress reports. POST sends (or re-sends) a lead body's report; `review` accepts or returns it."""

    queryset = ProgressReport.objects.select_related("task", "agency", "period")
    serializer_class = ProgressReportSerializer
    filterset_class = filtersets.ProgressReportFilterSet
    pagination_class = StandardPagination
    ordering_fields = ["submitted_at"]

    get_queryset = BaseViewSet.get_queryset

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        fields = ("progress", "percent", "completed_on", "narrative", "difficulties", "proposals")
        try:
            report = workflow.submit_report(
                task=data["task"],
                agency=data["agency"],
                period=data["period"],
                user=request.user,
                data={name: data.get(name) for name in fields},
            )
        except DjangoPermissionDenied as error:
            raise PermissionDenied(str(error)) from error
        return Response(self.get_serializer(report).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=ReviewSerializer, responses=ProgressReportSerializer)
    @action(detail=True, methods=["post"])
    def review(self, request, pk=None):
        report = self.get_object()
        decision = ReviewSerializer(data=request.data)
        decision.is_valid(raise_exception=True)
        try:
            workflow.review_report(
                report,
                accept=decision.validated_data["accept"],
                comment=decision.validated_data["comment"],
                user=request.user,
            )
        except DjangoPermissionDenied as error:
            raise PermissionDenied(str(error)) from error
        return Response(self.get_serializer(report).data)
