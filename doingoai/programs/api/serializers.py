from django.utils.translation import gettext as _
from rest_framework import serializers

from doingoai.core.api import BaseModelSerializer
from doingoai.core.text import ParseError
from doingoai.organizations.models import Agency, AgencyGroup

from ..choices import STANDARD_PERIODS, TaskStatus, Trajectory
from ..models import Measurement, Program, ProgressReport, ReportingPeriod, Target, Task, TaskLead
from ..services import queries, rules, workflow


class ProgramSerializer(BaseModelSerializer):
    class Meta:
        model = Program
        fields = [
            "id",
            "display",
            "kind",
            "number",
            "title",
            "issuer",
            "issued_on",
            "signer",
            "period_start",
            "period_end",
            "vision_year",
            "focal_agency",
            "parent",
            "note",
            "is_active",
        ]
        read_only_fields = ["is_active"]


class TargetSerializer(BaseModelSerializer):
    trajectory = serializers.SerializerMethodField()
    projected_value = serializers.SerializerMethodField()
    latest_value = serializers.SerializerMethodField()

    class Meta:
        model = Target
        fields = [
            "id",
            "display",
            "program",
            "code",
            "indicator",
            "comparator",
            "min_value",
            "max_value",
            "unit",
            "measure",
            "value_unit",
            "target_year",
            "baseline_value",
            "baseline_year",
            "lead_agency",
            "section",
            "source_quote",
            "trajectory",
            "latest_value",
            "projected_value",
            "is_active",
        ]
        read_only_fields = ["is_active"]

    def _result(self, target):
        if not hasattr(target, "_trajectory"):
            target._trajectory = queries.target_trajectory(target)
        return target._trajectory

    def get_trajectory(self, target) -> str:
        return Trajectory(self._result(target).status).value

    def get_latest_value(self, target) -> float | None:
        latest = self._result(target).latest
        return latest.value if latest else None

    def get_projected_value(self, target) -> float | None:
        return self._result(target).projected


class MeasurementSerializer(BaseModelSerializer):
    class Meta:
        model = Measurement
        fields = ["id", "display", "target", "as_of", "value", "period", "source", "note", "recorded_by"]
        read_only_fields = ["recorded_by"]


class TaskLeadSerializer(serializers.ModelSerializer):
    agency_name = serializers.CharField(source="agency.name", read_only=True)
    status = serializers.SerializerMethodField()

    class Meta:
        model = TaskLead
        fields = ["agency", "agency_name", "via_group", "progress", "percent", "completed_on", "deadline", "status"]

    def get_status(self, lead) -> str:
        return queries.lead_status(lead).value


class TaskSerializer(BaseModelSerializer):
    """A task with its computed status (the worst of its lead bodies' shares) and each share.

    Write `lead_agencies` and `lead_groups` (ids) to set the lead bodies.
    """

    status = serializers.SerializerMethodField()
    leads = TaskLeadSerializer(many=True, read_only=True)
    lead_agencies = serializers.PrimaryKeyRelatedField(
        many=True, write_only=True, required=False, queryset=Agency.objects.filter(is_active=True)
    )
    lead_groups = serializers.PrimaryKeyRelatedField(
        many=True, required=False, queryset=AgencyGroup.objects.filter(is_active=True)
    )

    class Meta:
        model = Task
        fields = [
            "id",
            "display",
            "program",
            "number",
            "section",
            "title",
            "lead_text",
            "leads",
            "lead_agencies",
            "lead_groups",
            "coordinating_text",
            "coordinating_agencies",
            "coordinating_groups",
            "due_text",
            "due_kind",
            "deadline",
            "expected_output",
            "phase",
            "status",
            "is_active",
        ]
        read_only_fields = ["due_kind", "deadline", "is_active"]

    def validate_due_text(self, value):
        try:
            rules.parse_due(value)
        except ParseError as error:
            raise serializers.ValidationError(str(error)) from error
        return value

    def get_status(self, task) -> str | None:
        rank = getattr(task, "status_rank", None)
        status = queries.status_of_rank(rank) if rank is not None else queries.task_status(task)
        return TaskStatus(status).value if status else None


class ReportingPeriodSerializer(BaseModelSerializer):
    """A period; for standard kinds the title, dates and deadline may be left out (Decree 09 cut-offs)."""

    class Meta:
        model = ReportingPeriod
        fields = [
            "id",
            "display",
            "program",
            "kind",
            "year",
            "number",
            "title",
            "start_date",
            "end_date",
            "deadline",
            "state",
        ]
        read_only_fields = ["state"]
        extra_kwargs = {name: {"required": False} for name in ("title", "start_date", "end_date", "deadline")}

    def validate(self, attrs):
        kind = attrs.get("kind", getattr(self.instance, "kind", None))
        if kind in STANDARD_PERIODS and self.instance is None and attrs.get("program") and attrs.get("year"):
            try:
                standard = workflow.standard_period(attrs["program"], kind, attrs["year"], attrs.get("number"))
            except ValueError as error:
                raise serializers.ValidationError(
                    {"number": _("Kỳ quý cần số quý 1-4, kỳ tháng cần số tháng 1-12.")}
                ) from error
            for name in ("title", "start_date", "end_date", "deadline"):
                attrs.setdefault(name, getattr(standard, name))
            attrs["number"] = standard.number
        return super().validate(attrs)


class ProgressReportSerializer(BaseModelSerializer):
    class Meta:
        model = ProgressReport
        fields = [
            "id",
            "display",
            "task",
            "agency",
            "period",
            "progress",
            "percent",
            "completed_on",
            "narrative",
            "difficulties",
            "proposals",
            "review_state",
            "submitted_by",
            "submitted_at",
            "reviewed_by",
            "reviewed_at",
            "review_comment",
        ]
        read_only_fields = [
            "review_state",
            "submitted_by",
            "submitted_at",
            "reviewed_by",
            "reviewed_at",
            "review_comment",
        ]


class ReviewSerializer(serializers.Serializer):
    accept = serializers.BooleanField()
    comment = serializers.CharField(required=False, allow_blank=True, default="")
