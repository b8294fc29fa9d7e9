"""The leadership dashboard: widgets that each show a few figures, every figure linked to the
filtered list it counts.

A module adds its own widgets with `register(fn)`, where `fn(user, filters)` returns a `Widget` or
None (nothing to show this user); the monitoring core's widgets are below. The test suite follows
every figure's link and checks that the list behind it holds exactly that many rows.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from doingoai.core import permissions
from doingoai.core.forms import FastSelect, StyledFormMixin
from doingoai.core.permissions import Action
from doingoai.core.text import format_date
from doingoai.programs.choices import (
    STATUS_COLOURS,
    STATUS_SEVERITY,
    TRAJECTORY_COLOURS,
    PeriodState,
    TaskStatus,
    Trajectory,
)
from doingoai.programs.models import Program, ReportingPeriod, Target, Task, TaskLead
from doingoai.programs.services import queries

TOP_AGENCIES = 10
OPEN_PERIODS_SHOWN = 6
PROGRAM_LABEL_CHARS = 90


@dataclass(frozen=True)
class DashboardFilters:
    """The dashboard's filters: a programme, a field (the group of tasks and targets as the document
    heads it) and a reporting period (whose programme it implies)."""

    program: Program | None = None
    section: str = ""
    period: ReportingPeriod | None = None

    @classmethod
    def from_query(cls, query) -> "DashboardFilters":
        form = FilterForm(query or None)
        if not form.is_bound or not form.is_valid():
            return cls()
        period = form.cleaned_data.get("period")
        program = form.cleaned_data.get("program") or (period.program if period else None)
        if period and program and period.program_id != program.pk:
            period = None
        return cls(program, form.cleaned_data.get("section") or "", period)

    def list_query(self, **extra) -> str:
        """The query string of a list page that shows what a figure counts."""
        params = {}
        if self.program:
            params["program"] = self.program.pk
        if self.section:
            params["section"] = self.section
        params.update({key: value for key, value in extra.items() if value not in (None, "")})
        return urlencode(params, doseq=True)

    def tasks(self, user):
        tasks = Task.objects.for_user(user, Action.VIEW).filter(is_active=True)
        if self.program:
            tasks = tasks.filter(program=self.program)
        if self.section:
            tasks = tasks.filter(section=self.section)
        return tasks

    def targets(self, user):
        targets = Target.objects.for_user(user, Action.VIEW).filter(is_active=True)
        if self.program:
            targets = targets.filter(program=self.program)
        if self.section:
            targets = targets.filter(section=self.section)
        return targets

    def periods(self, user, limit: int = OPEN_PERIODS_SHOWN):
        """The period chosen, or else the open periods (of the programme chosen) due first."""
        if self.period:
            return [self.period]
        periods = ReportingPeriod.objects.for_user(user, Action.VIEW).filter(state=PeriodState.OPEN)
        if self.program:
            periods = periods.filter(program=self.program)
        return list(periods.select_related("program").order_by("deadline", "pk")[:limit])


def sections():
    """Every field (group heading) tasks and targets are filed under."""
    names = set(Task.objects.exclude(section="").values_list("section", flat=True).distinct())
    names |= set(Target.objects.exclude(section="").values_list("section", flat=True).distinct())
    return sorted(names)


class ShortProgramChoiceField(forms.ModelChoiceField):
    """Programmes by number and the start of their title: a select cannot show 300-character titles,
    and two thousand of them made the page half a megabyte."""

    def label_from_instance(self, obj) -> str:
        return Truncator(str(obj)).chars(PROGRAM_LABEL_CHARS)


class FilterForm(StyledFormMixin, forms.Form):
    program = ShortProgramChoiceField(
        label=gettext_lazy("Văn bản"),
        queryset=Program.objects.filter(is_active=True),
        required=False,
        widget=FastSelect,
    )
    section = forms.ChoiceField(label=gettext_lazy("Lĩnh vực, nhóm"), required=False, widget=FastSelect)
    period = forms.ModelChoiceField(
        label=gettext_lazy("Kỳ báo cáo"), queryset=ReportingPeriod.objects.none(), required=False, widget=FastSelect
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].choices = [("", _("Tất cả"))] + [(name, name) for name in sections()]
        # A ten-year database holds tens of thousands of periods, named alike across programmes:
        # offer the chosen programme's (and the one asked for, so that a link naming it stays valid).
        program, period = (str(self.data.get(key, "")) for key in ("program", "period"))
        periods = ReportingPeriod.objects.select_related("program").order_by("program_id", "-end_date", "pk")
        wanted = Q(program_id=program) if program.isdigit() else Q(pk__in=[])
        if period.isdigit():
            wanted |= Q(pk=period)
        periods = periods.filter(wanted)
        if not program.isdigit():
            self.fields["period"].help_text = _("Chọn văn bản rồi lọc để chọn kỳ báo cáo của văn bản đó.")
        self.fields["period"].queryset = periods


@dataclass
class Figure:
    label: str
    value: float | int | None
    url: str = ""
    colour: str = "primary"
    detail: str = ""


@dataclass
class Widget:
    key: str
    title: str
    figures: list[Figure] = field(default_factory=list)
    chart: str = "bar"  # "bar", "pie" or "" (figures only)
    note: str = ""
    more_url: str = ""
    order: int = 100


WidgetFunction = Callable[[object, DashboardFilters], Widget | None]
_WIDGETS: list[WidgetFunction] = []


def register(function: WidgetFunction) -> WidgetFunction:
    if function not in _WIDGETS:
        _WIDGETS.append(function)
    return function


def compute(user, filters: DashboardFilters) -> list[Widget]:
    widgets = [widget for widget in (function(user, filters) for function in _WIDGETS) if widget is not None]
    return sorted(widgets, key=lambda widget: widget.order)


# ---------------------------------------------------------------- the monitoring core's widgets


def tasks_by_status(user, filters: DashboardFilters) -> Widget | None:
    if not permissions.can(user, Action.VIEW, Task):
        return None
    counts = queries.status_counts(filters.tasks(user))
    base = reverse("programs:task_list")
    figures = [
        Figure(
            str(status.label),
            counts.get(status, 0),
            f"{base}?{filters.list_query(status=status.value)}",
            STATUS_COLOURS[status],
        )
        for status in STATUS_SEVERITY
    ]
    return Widget(
        "tasks_by_status",
        _("Nhiệm vụ theo tình trạng"),
        figures,
        "pie",
        more_url=f"{base}?{filters.list_query()}",
        order=10,
    )


def targets_at_risk(user, filters: DashboardFilters) -> Widget | None:
    if not permissions.can(user, Action.VIEW, Target):
        return None
    counts = dict.fromkeys(Trajectory, 0)
    for result in queries.trajectories(filters.targets(user)).values():
        counts[result.status] += 1
    base = reverse("programs:target_list")
    order = [Trajectory.OFF_TRACK, Trajectory.AT_RISK, Trajectory.NO_DATA, Trajectory.ON_TRACK, Trajectory.ACHIEVED]
    figures = [
        Figure(str(t.label), counts[t], f"{base}?{filters.list_query(trajectory=t.value)}", TRAJECTORY_COLOURS[t])
        for t in order
    ]
    at_risk = counts[Trajectory.AT_RISK] + counts[Trajectory.OFF_TRACK]
    note = _("%(n)s chỉ tiêu có nguy cơ không đạt hoặc chệch hướng.") % {"n": at_risk}
    return Widget("targets_at_risk", _("Chỉ tiêu có nguy cơ"), figures, "pie", note, order=20)


def overdue_by_agency(user, filters: DashboardFilters) -> Widget | None:
    if not permissions.can(user, Action.VIEW, Task):
        return None
    overdue = queries.filter_status(filters.tasks(user), [TaskStatus.OVERDUE])
    rows = (
        TaskLead.objects.filter(task__in=overdue.values("pk"))
        .values("agency", "agency__name")
        .annotate(n=Count("task", distinct=True))
        .order_by("-n", "agency__name")
    )
    base = reverse("programs:task_list")
    figures = [
        Figure(
            row["agency__name"],
            row["n"],
            f"{base}?{filters.list_query(status='overdue', lead=row['agency'])}",
            "danger",
        )
        for row in rows[:TOP_AGENCIES]
    ]
    total = overdue.count()
    note = _("Tổng cộng %(n)s nhiệm vụ quá hạn.") % {"n": total}
    more = f"{base}?{filters.list_query(status='overdue')}"
    return Widget("overdue_by_agency", _("Nhiệm vụ quá hạn theo cơ quan chủ trì"), figures, "bar", note, more, order=30)


def due_soon(user, filters: DashboardFilters) -> Widget | None:
    if not permissions.can(user, Action.VIEW, Task):
        return None
    tasks = queries.filter_status(filters.tasks(user), [TaskStatus.DUE_SOON])
    base = reverse("programs:task_list")
    figures = [
        Figure(str(task), None, task.get_absolute_url(), "warning", format_date(task.deadline) or task.due_text)
        for task in tasks.order_by("deadline", "pk")[:8]
    ]
    days = settings.DUE_SOON_DAYS
    title = _("Đến hạn trong %(days)s ngày tới") % {"days": days}
    count = Figure(
        _("Nhiệm vụ sắp đến hạn"), tasks.count(), f"{base}?{filters.list_query(status='due_soon')}", "warning"
    )
    return Widget("due_soon", title, [count, *figures], "", order=40)


def agency_ranking(user, filters: DashboardFilters) -> Widget | None:
    periods = filters.periods(user, limit=1)
    period = periods[0] if periods else None
    if period is None:
        return None
    url = reverse("programs:scorecard") + f"?period={period.pk}"
    rows = queries.scorecard(period)
    figures = [
        Figure(row.agency.name, round(row.score.total, 1), url, "success")
        for row in rows
        if row.score.total is not None
    ][:TOP_AGENCIES]
    note = _("Kỳ: %(period)s – %(program)s") % {"period": period, "program": period.program}
    return Widget("agency_ranking", _("Xếp hạng cơ quan"), figures, "bar", note, url, order=50)


def reports_owed(user, filters: DashboardFilters) -> Widget | None:
    periods = filters.periods(user)
    if not periods:
        return None
    figures = []
    for period in periods:
        duties = queries.period_duties(period)
        url = period.get_absolute_url()
        owed = sum(d.owed for d in duties)
        missing = sum(d.missing for d in duties)
        late = sum(d.late for d in duties)
        detail = _("phải nộp %(owed)s, chưa gửi %(missing)s") % {"owed": owed, "missing": missing}
        name = f"{period.program.number or period.program.title[:40]} – {period}"
        figures.append(Figure(name, late, url, "danger" if late else "success", detail))
    return Widget("reports_owed", _("Báo cáo phải nộp và quá hạn"), figures, "", order=60)


def register_monitoring_widgets() -> None:
    for function in (tasks_by_status, targets_at_risk, overdue_by_agency, due_soon, agency_ranking, reports_owed):
        register(function)
