"""Pages of the monitoring core. Lists, details and edits come from core's generic views; the
workflow pages (report, contribute, review, open/close a period) call programs/services."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import BooleanField, Count, ExpressionWrapper, Prefetch
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from doingoai.core import permissions, views
from doingoai.core.forms import add_errors
from doingoai.core.permissions import Action
from doingoai.organizations.models import Agency

from . import filtersets, forms, tables
from .choices import STATUS_COLOURS, STATUS_SEVERITY, TRAJECTORY_COLOURS, PeriodState, ReviewState, Trajectory
from .models import Contribution, Evidence, Measurement, Phase, Program, ProgressReport, ReportingPeriod, Target, Task
from .services import queries, rules, workflow


def program_from_query(request):
    """The programme named by ?program= (when adding a task, target, phase or period to it)."""
    try:
        return Program.objects.get(pk=int(request.GET.get("program", "")))
    except (ValueError, Program.DoesNotExist):
        return None


class ProgramChildEditView(views.ObjectEditView):
    def get_form(self, obj, data=None, files=None):
        program = program_from_query(self.request) if obj is None else None
        return self.form_class(data=data, files=files, instance=obj, program=program)


class ServiceSavedEditView(ProgramChildEditView):
    """Edits whose form saves through a workflow service (which sets the acting user itself)."""

    def save(self, form):
        return form.save(user=self.request.user)


# ---------------------------------------------------------------- programmes


class ProgramListView(views.ObjectListView):
    model = Program
    table_class = tables.ProgramTable
    filterset_class = filtersets.ProgramFilterSet

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("focal_agency")
            .annotate(task_count=Count("tasks", distinct=True), target_count=Count("targets", distinct=True))
        )


class ProgramDetailView(views.ObjectDetailView):
    model = Program

    def get_queryset(self):
        return super().get_queryset().select_related("focal_agency", "parent")

    def get_context_data(self, obj):
        context = super().get_context_data(obj)
        on = queries.today()
        tasks = list(
            queries.with_status(obj.tasks.filter(is_active=True), on)
            .annotate(several_leads=ExpressionWrapper(queries.departs_from_one_lead(), output_field=BooleanField()))
            .order_by("pk")
        )
        groups = {status: [] for status in STATUS_SEVERITY}
        for task in tasks:
            if task.status_rank is not None:
                groups[STATUS_SEVERITY[task.status_rank]].append(task)
        targets = list(
            obj.targets.filter(is_active=True).select_related("program", "lead_agency").prefetch_related("measurements")
        )
        for target in targets:
            target.trajectory = tables.trajectory_of(target)
        trajectory_counts = dict.fromkeys(Trajectory, 0)
        for target in targets:
            trajectory_counts[target.trajectory.status] += 1
        user = self.request.user
        context.update(
            status_groups=[(status, STATUS_COLOURS[status], groups[status]) for status in STATUS_SEVERITY],
            task_total=len(tasks),
            targets=targets,
            trajectory_counts=[(t, TRAJECTORY_COLOURS[t], n) for t, n in trajectory_counts.items()],
            phases=obj.phases.all(),
            periods=obj.periods.order_by("-end_date"),
            children=obj.children.all(),
            chart={
                "labels": [str(s.label) for s in STATUS_SEVERITY],
                "values": [len(groups[s]) for s in STATUS_SEVERITY],
                "colours": [STATUS_COLOURS[s] for s in STATUS_SEVERITY],
            },
            can_add_child=permissions.can(user, Action.ADD, Task),
            several_leads=[task for task in tasks if task.several_leads],
        )
        return context


class ProgramEditView(views.ObjectEditView):
    model = Program
    form_class = forms.ProgramForm


class PhaseEditView(ProgramChildEditView):
    model = Phase
    form_class = forms.PhaseForm


# ---------------------------------------------------------------- tasks


class TaskListView(views.ObjectListView):
    model = Task
    table_class = tables.TaskTable
    filterset_class = filtersets.TaskFilterSet

    def get_queryset(self):
        return queries.with_status(super().get_queryset()).select_related("program")


class TaskDetailView(views.ObjectDetailView):
    model = Task

    def get_queryset(self):
        return super().get_queryset().select_related("program", "phase")

    def get_context_data(self, obj):
        context = super().get_context_data(obj)
        user = self.request.user
        on = queries.today()
        leads = list(obj.leads.select_related("agency", "via_group"))
        for lead in leads:
            lead.status = queries.lead_status(lead, on)
        reports = list(
            obj.reports.select_related("agency", "period", "submitted_by", "reviewed_by").prefetch_related("evidence")
        )
        for report in reports:
            report.can_review = report.review_state == ReviewState.SUBMITTED and permissions.can(
                user, Action.REVIEW, report
            )
        coordinating = Agency.objects.filter(pk__in=queries.coordinating_agency_ids(obj)).order_by("name")
        context.update(
            leads=leads,
            task_status=rules.worst_status(lead.status for lead in leads),
            status_colours=STATUS_COLOURS,
            reports=reports,
            contributions=obj.contributions.select_related("agency", "period", "submitted_by").prefetch_related(
                "evidence"
            ),
            coordinating=coordinating,
            several_leads=len(leads) > 1 or obj.lead_groups.exists(),
            lead_groups=obj.lead_groups.all(),
            open_periods=obj.program.periods.filter(state=PeriodState.OPEN),
            can_report=bool(reporting_agencies(user, obj)),
            can_contribute=bool(contributing_agencies(user, obj)),
            review_form=forms.ReviewForm(),
        )
        return context


def reporting_agencies(user, task):
    """The lead bodies this user may send the official report for: their own agency, or (focal
    officer, administrator) any of them."""
    agencies = [lead.agency for lead in task.leads.select_related("agency")]
    return [a for a in agencies if permissions.can(user, Action.ADD, ProgressReport(task=task, agency=a))]


def contributing_agencies(user, task):
    ids = queries.coordinating_agency_ids(task)
    agencies = Agency.objects.filter(pk__in=ids).order_by("name")
    return [a for a in agencies if permissions.can(user, Action.ADD, Contribution(task=task, agency=a))]


class TaskEditView(ServiceSavedEditView):
    model = Task
    form_class = forms.TaskForm


class TaskReportView(View):
    """A lead body's officer sends (or, after a return, sends again) the report on its share."""

    template_name = "programs/task_report.html"
    form_class = forms.ReportForm
    agencies_for = staticmethod(reporting_agencies)

    def setup_task(self, request, pk):
        task = get_object_or_404(Task.objects.for_user(request.user).select_related("program"), pk=pk)
        agencies = self.agencies_for(request.user, task)
        if not agencies:
            raise PermissionDenied
        return task, Agency.objects.filter(pk__in=[a.pk for a in agencies])

    def get(self, request, pk):
        task, agencies = self.setup_task(request, pk)
        return self.respond(task, self.form_class(task=task, agencies=agencies))

    def post(self, request, pk):
        task, agencies = self.setup_task(request, pk)
        form = self.form_class(request.POST, request.FILES, task=task, agencies=agencies)
        if form.is_valid():
            try:
                self.act(task, form.cleaned_data)
            except ValidationError as error:
                add_errors(form, error)
            else:
                messages.success(request, self.done_message)
                return HttpResponseRedirect(task.get_absolute_url())
        messages.error(request, _("Chưa gửi được: hãy sửa các ô báo lỗi bên dưới."))
        return self.respond(task, form, status=400)

    @property
    def done_message(self):
        return _("Đã gửi báo cáo; cán bộ đầu mối sẽ xem xét.")

    def act(self, task, data):
        fields = ("progress", "percent", "completed_on", "narrative", "difficulties", "proposals")
        workflow.submit_report(
            task=task,
            agency=data["agency"],
            period=data["period"],
            user=self.request.user,
            data={name: data.get(name) for name in fields},
            files=data.get("files") or [],
        )

    def respond(self, task, form, status=200):
        context = {
            "object": task,
            "task": task,
            "form": form,
            "title": str(task),
            "max_mb": settings.EVIDENCE_MAX_BYTES // 2**20,
        }
        return render(self.request, self.template_name, context, status=status)


class TaskContributeView(TaskReportView):
    """A coordinating agency adds its input."""

    template_name = "programs/task_contribute.html"
    form_class = forms.ContributionForm
    agencies_for = staticmethod(contributing_agencies)

    @property
    def done_message(self):
        return _("Đã gửi ý kiến phối hợp.")

    def act(self, task, data):
        workflow.add_contribution(
            task=task,
            agency=data["agency"],
            period=data["period"],
            user=self.request.user,
            text=data["text"],
            files=data.get("files") or [],
        )


class ReportReviewView(View):
    """The focal officer accepts a report or returns it with a comment."""

    def post(self, request, pk):
        report = get_object_or_404(ProgressReport.objects.for_user(request.user).select_related("task"), pk=pk)
        permissions.require(request.user, Action.REVIEW, report)
        form = forms.ReviewForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Hãy chọn chấp nhận hoặc trả lại."))
            return HttpResponseRedirect(report.get_absolute_url())
        accept = form.cleaned_data["decision"] == "accept"
        try:
            workflow.review_report(report, accept=accept, comment=form.cleaned_data["comment"], user=request.user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("Đã chấp nhận báo cáo.") if accept else _("Đã trả lại báo cáo để bổ sung."))
        return HttpResponseRedirect(report.get_absolute_url())


class EvidenceDownloadView(View):
    def get(self, request, pk):
        evidence = get_object_or_404(Evidence.objects.for_user(request.user), pk=pk)
        permissions.require(request.user, Action.VIEW, evidence)
        try:
            handle = evidence.file.open("rb")
        except FileNotFoundError as error:
            raise Http404 from error
        return FileResponse(handle, as_attachment=True, filename=evidence.name)


# ---------------------------------------------------------------- targets


class TargetListView(views.ObjectListView):
    model = Target
    table_class = tables.TargetTable
    filterset_class = filtersets.TargetFilterSet

    def get_queryset(self):
        return super().get_queryset().select_related("program", "lead_agency").prefetch_related("measurements")


class TargetDetailView(views.ObjectDetailView):
    model = Target

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("program", "lead_agency")
            .prefetch_related(
                Prefetch("measurements", queryset=Measurement.objects.select_related("period", "recorded_by"))
            )
        )

    def get_context_data(self, obj):
        context = super().get_context_data(obj)
        result = tables.trajectory_of(obj)
        spec = queries.target_spec(obj)
        measurements = list(obj.measurements.all())
        context.update(
            trajectory=result,
            trajectory_colour=TRAJECTORY_COLOURS[result.status],
            wording=tables.target_wording(obj),
            measurements=measurements,
            can_measure=permissions.can(self.request.user, Action.ADD, Measurement(target=obj)),
            chart=target_chart(spec, measurements, result),
        )
        return context


def target_chart(spec, measurements, result) -> dict:
    """The series of a target's chart: measurements, the path from baseline to target, the projection."""
    origin = rules._end_of(spec.origin_year)
    end = rules._end_of(spec.target_year)
    years = range(spec.origin_year, spec.target_year + 1)
    path = [[f"{year}-12-31", rules.expected_value(spec, rules._end_of(year))] for year in years]
    projection = []
    if result.latest is not None and result.projected is not None:
        projection = [[result.latest.as_of.isoformat(), result.latest.value], [end.isoformat(), result.projected]]
    return {
        "measured": [[m.as_of.isoformat(), float(m.value)] for m in measurements],
        "path": [point for point in path if point[1] is not None],
        "projection": projection,
        "origin": origin.isoformat(),
        "labels": {
            "measured": str(_("Số liệu đo")),
            "path": str(_("Lộ trình đến mục tiêu")),
            "projection": str(_("Dự báo")),
        },
    }


class TargetEditView(ProgramChildEditView):
    model = Target
    form_class = forms.TargetForm


class MeasurementAddView(View):
    template_name = "programs/measurement_form.html"

    def get_target(self, request, pk):
        target = get_object_or_404(Target.objects.for_user(request.user).select_related("program"), pk=pk)
        if not permissions.can(request.user, Action.ADD, Measurement(target=target)):
            raise PermissionDenied
        return target

    def get(self, request, pk):
        target = self.get_target(request, pk)
        return self.respond(target, forms.MeasurementForm(target=target))

    def post(self, request, pk):
        target = self.get_target(request, pk)
        form = forms.MeasurementForm(request.POST, request.FILES, target=target)
        if form.is_valid():
            try:
                workflow.record_measurement(form.instance, request.user)
            except ValidationError as error:
                add_errors(form, error)
            else:
                messages.success(request, _("Đã lưu số liệu."))
                return HttpResponseRedirect(target.get_absolute_url())
        messages.error(request, _("Chưa lưu được: hãy sửa các ô báo lỗi bên dưới."))
        return self.respond(target, form, status=400)

    def respond(self, target, form, status=200):
        context = {"object": target, "target": target, "form": form, "title": str(target)}
        return render(self.request, self.template_name, context, status=status)


# ---------------------------------------------------------------- reporting periods


class PeriodListView(views.ObjectListView):
    model = ReportingPeriod
    table_class = tables.PeriodTable
    filterset_class = filtersets.PeriodFilterSet

    def get_queryset(self):
        return super().get_queryset().select_related("program")


class PeriodDetailView(views.ObjectDetailView):
    model = ReportingPeriod

    def get_queryset(self):
        return super().get_queryset().select_related("program")

    def get_context_data(self, obj):
        context = super().get_context_data(obj)
        duties = queries.period_duties(obj)
        context.update(
            duties=duties,
            totals={
                "owed": sum(d.owed for d in duties),
                "submitted": sum(d.submitted for d in duties),
                "missing": sum(d.missing for d in duties),
                "late": sum(d.late for d in duties),
            },
            today=queries.today(),
        )
        return context


class PeriodEditView(ServiceSavedEditView):
    model = ReportingPeriod
    form_class = forms.PeriodForm


class PeriodStateView(View):
    """Close a period (it takes no more reports) or reopen it."""

    state = PeriodState.CLOSED

    def post(self, request, pk):
        period = get_object_or_404(ReportingPeriod.objects.for_user(request.user), pk=pk)
        permissions.require(request.user, Action.CHANGE, period)
        workflow.set_period_state(period, self.state, request.user)
        if self.state == PeriodState.CLOSED:
            messages.success(request, _("Đã đóng kỳ báo cáo; kỳ này không nhận thêm báo cáo."))
        else:
            messages.success(request, _("Đã mở lại kỳ báo cáo."))
        return HttpResponseRedirect(period.get_absolute_url())


# ---------------------------------------------------------------- scorecard and "Việc của tôi"


class ScorecardView(View):
    template_name = "programs/scorecard.html"

    def get(self, request):
        permissions.require(request.user, Action.VIEW, ReportingPeriod)
        periods = ReportingPeriod.objects.for_user(request.user).select_related("program")
        try:
            period = periods.get(pk=int(request.GET.get("period", "")))
        except (ValueError, ReportingPeriod.DoesNotExist):
            # Without a choice: the open period due first, else the latest one.
            period = periods.order_by("state", "deadline", "pk").first()
        rows = queries.scorecard(period) if period else []
        context = {
            "title": _("Chấm điểm cơ quan"),
            # Periods of other programmes are reached from their pages or the list of periods.
            "periods": periods.filter(program_id=period.program_id).order_by("-end_date") if period else [],
            "period": period,
            "rows": rows,
            "formula": rules.SCORE_FORMULA,
            "weights": {
                "lead": settings.SCORE_LEAD_WEIGHT,
                "report": settings.SCORE_REPORT_WEIGHT,
                "late": settings.SCORE_LATE_CREDIT,
            },
        }
        return render(request, self.template_name, context)


class MyWorkView(View):
    template_name = "programs/my_work.html"

    def get(self, request):
        work = queries.my_work(request.user)
        return render(
            request,
            self.template_name,
            {
                "title": _("Việc của tôi"),
                "work": work,
                "status_colours": STATUS_COLOURS,
                "periods_url": reverse("programs:reportingperiod_list") + "?state=open",
            },
        )
