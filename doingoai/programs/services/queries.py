"""What pages, the API and the reminder job read: statuses, owed reports, scorecards, "Việc của tôi"."""

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, Exists, IntegerField, Min, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from doingoai.core.notifications import Message
from doingoai.organizations.choices import Role
from doingoai.organizations.models import Agency, User

from ..choices import RECURRING_KINDS, STATUS_SEVERITY, DueKind, PeriodState, Progress, ReviewState, TaskStatus
from . import rules


def today() -> datetime.date:
    return timezone.localdate()


# ---------------------------------------------------------------- statuses


def lead_status(lead, on: datetime.date | None = None) -> TaskStatus:
    """The status of one lead body's share."""
    return rules.task_status(lead.progress, lead.completed_on, lead.deadline, on or today(), settings.DUE_SOON_DAYS)


def task_status(task, on: datetime.date | None = None) -> TaskStatus | None:
    """A task's status: the worst of its lead bodies' shares (use with prefetched `leads`)."""
    return rules.worst_status(lead_status(lead, on) for lead in task.leads.all())


def with_status(tasks, on: datetime.date | None = None):
    """Annotate tasks with `status_rank` (the position in STATUS_SEVERITY, 0 worst), computed in SQL."""
    from ..models import TaskLead

    ranks = (
        TaskLead.objects.filter(task=OuterRef("pk"))
        .order_by()
        .values("task")
        .annotate(rank=Min(rules.status_expression(on or today(), settings.DUE_SOON_DAYS, ranks=True)))
        .values("rank")
    )
    return tasks.annotate(status_rank=Subquery(ranks, output_field=IntegerField()))


def _share_ranks(on: datetime.date | None):
    from ..models import TaskLead

    return TaskLead.objects.annotate(
        share_rank=rules.status_expression(on or today(), settings.DUE_SOON_DAYS, ranks=True)
    )


def filter_status(tasks, statuses, on: datetime.date | None = None):
    """The tasks whose status is one of `statuses` (their worst share), in SQL.

    A task has the status of rank r when one share has rank r and none a worse (lower) one. Written
    as EXISTS / NOT EXISTS, the database joins the shares once instead of computing every task's
    worst share, which is what makes the overdue and due-soon lists of a large database fast.
    """
    shares = _share_ranks(on)
    wanted = Q()
    for rank in sorted({STATUS_SEVERITY.index(TaskStatus(status)) for status in statuses}):
        condition = Q(Exists(shares.filter(task=OuterRef("pk"), share_rank=rank)))
        if rank:
            condition &= ~Q(Exists(shares.filter(task=OuterRef("pk"), share_rank__lt=rank)))
        wanted |= condition
    return tasks.filter(wanted) if wanted else tasks.none()


def status_of_rank(rank: int | None) -> TaskStatus | None:
    return None if rank is None else STATUS_SEVERITY[rank]


def status_counts(tasks, on: datetime.date | None = None) -> dict[TaskStatus, int]:
    """How many of these tasks have each status, every status listed (zero included).

    One grouped pass over the tasks' shares (each task's worst rank), counted here.
    """
    counts = dict.fromkeys(STATUS_SEVERITY, 0)
    ranks = (
        _share_ranks(on)
        .filter(task__in=tasks.order_by().values("pk"))
        .order_by()
        .values("task")
        .annotate(rank=Min("share_rank"))
        .values_list("rank", flat=True)
    )
    for rank, count in Counter(ranks).items():
        counts[STATUS_SEVERITY[rank]] += count
    return counts


def departs_from_one_lead():
    """The condition "more than one lead share, or a group named as lead", for filters and annotations."""
    from ..models import Task, TaskLead

    several = TaskLead.objects.filter(task=OuterRef("pk")).values("task").annotate(n=Count("pk")).filter(n__gt=1)
    groups = Task.lead_groups.through.objects.filter(task=OuterRef("pk"))
    return Q(Exists(several)) | Q(Exists(groups))


# ---------------------------------------------------------------- bodies


def coordinating_agency_ids(task) -> set[int]:
    """The agencies coordinating a task: those named, and the members of the groups named, but
    never one of its lead bodies ("các sở, ban, ngành phối hợp" does not include the lead)."""
    ids = set(task.coordinating_agencies.values_list("pk", flat=True))
    active = Agency.active_profile()
    for group in task.coordinating_groups.all():
        ids |= group.resolved_ids(active)
    return ids - set(task.leads.values_list("agency_id", flat=True))


def agency_users(agency_ids) -> dict[int, list]:
    """The active officers (agency officers and focal officers) of each agency: who reminders reach."""
    users = defaultdict(list)
    officers = User.objects.filter(
        agency_id__in=agency_ids, is_active=True, role__in=[Role.AGENCY_OFFICER, Role.FOCAL_OFFICER]
    )
    for user in officers:
        users[user.agency_id].append(user)
    return users


# ---------------------------------------------------------------- periods: who owes what


@dataclass
class OwedReport:
    """A report one lead body owes for one task in a period, and where it stands."""

    lead: object
    report: object | None
    state: str  # "accepted", "submitted", "returned", "late", "missing"

    @property
    def submitted_on(self) -> datetime.date | None:
        if self.report is None or self.report.review_state == ReviewState.RETURNED:
            return None
        return timezone.localdate(self.report.submitted_at)


def _owes(lead, period) -> bool:
    """Whether a share owes a report in a period: not on request, has a time, not finished before it."""
    task = lead.task
    if not task.is_active or task.due_kind in (DueKind.ON_REQUEST, DueKind.NONE):
        return False
    return not (lead.progress == Progress.COMPLETED and lead.completed_on and lead.completed_on < period.start_date)


def _owed(period, leads, reports: dict, on: datetime.date) -> list[OwedReport]:
    """What these shares (all of the period's programme) owe in the period, and where each stands."""
    missing = "late" if on > period.deadline else "missing"
    owed = []
    for lead in leads:
        if _owes(lead, period):
            report = reports.get((lead.task_id, lead.agency_id, period.pk))
            owed.append(OwedReport(lead, report, report.review_state if report else missing))
    return owed


def owed_reports(period, on: datetime.date | None = None) -> list[OwedReport]:
    """Every (task, lead body) that owes a report in `period`: all shares of the programme's active
    tasks but those on request, without a deadline, or finished before the period began."""
    from ..models import ProgressReport, TaskLead

    leads = (
        TaskLead.objects.filter(task__program_id=period.program_id)
        .select_related("task", "agency")
        .order_by("agency__name", "task_id")
    )
    reports = {(r.task_id, r.agency_id, r.period_id): r for r in ProgressReport.objects.filter(period=period)}
    return _owed(period, leads, reports, on or today())


def owed_by_agency(agency_id, on: datetime.date | None = None) -> list[tuple]:
    """What one agency owes in every open period, as (period, [OwedReport]), in three queries."""
    from ..models import ProgressReport, ReportingPeriod, TaskLead

    leads = list(TaskLead.objects.filter(agency_id=agency_id).select_related("task", "agency").order_by("task_id"))
    program_ids = {lead.task.program_id for lead in leads}
    periods = list(
        ReportingPeriod.objects.filter(state=PeriodState.OPEN, program_id__in=program_ids)
        .select_related("program")
        .order_by("deadline", "pk")
    )
    reports = {
        (r.task_id, r.agency_id, r.period_id): r
        for r in ProgressReport.objects.filter(agency_id=agency_id, period__in=periods)
    }
    by_programme = defaultdict(list)
    for lead in leads:
        by_programme[lead.task.program_id].append(lead)
    on = on or today()
    owed = ((period, _owed(period, by_programme[period.program_id], reports, on)) for period in periods)
    return [(period, items) for period, items in owed if items]


@dataclass
class AgencyDuty:
    agency: object
    owed: int = 0
    submitted: int = 0
    accepted: int = 0
    returned: int = 0
    missing: int = 0
    late: int = 0
    rows: list = field(default_factory=list)


def period_duties(period, on: datetime.date | None = None) -> list[AgencyDuty]:
    """Per agency: how many reports it owes in the period, sent, accepted, returned, missing, late."""
    duties: dict[int, AgencyDuty] = {}
    for item in owed_reports(period, on):
        duty = duties.setdefault(item.lead.agency_id, AgencyDuty(item.lead.agency))
        duty.owed += 1
        duty.rows.append(item)
        if item.state in (ReviewState.SUBMITTED, ReviewState.ACCEPTED):
            duty.submitted += 1
        if item.state == ReviewState.ACCEPTED:
            duty.accepted += 1
        if item.state == ReviewState.RETURNED:
            duty.returned += 1
        if item.state in ("missing", "late"):
            duty.missing += 1
        if item.state == "late":
            duty.late += 1
    return sorted(duties.values(), key=lambda d: (-d.late, -d.missing, d.agency.name))


# ---------------------------------------------------------------- scores


@dataclass
class ScoreRow:
    agency: object
    score: rules.AgencyScore
    coordinating: int = 0
    contributions: int = 0


def scorecard(period, on: datetime.date | None = None) -> list[ScoreRow]:
    """Every agency's score for the period (rules.SCORE_FORMULA), best first, with its coordinating
    role tallied beside it."""
    from ..models import Contribution, Task

    on = on or today()
    late_credit = settings.SCORE_LATE_CREDIT
    lead_points: dict[int, list[float]] = defaultdict(list)
    punctuality: dict[int, list[float]] = defaultdict(list)
    agencies = {}
    for item in owed_reports(period, on):
        lead = item.lead
        agencies[lead.agency_id] = lead.agency
        points = rules.report_points(item.submitted_on, period.deadline, on, late_credit)
        if points is not None:
            punctuality[lead.agency_id].append(points)
        if lead.task.due_kind in RECURRING_KINDS:
            acted = item.report is not None and item.report.progress in (Progress.IN_PROGRESS, Progress.COMPLETED)
            share = rules.report_points(item.submitted_on if acted else None, period.deadline, on, late_credit)
        elif lead.task.deadline and lead.task.deadline <= period.end_date:
            status = rules.task_status(lead.progress, lead.completed_on, lead.task.deadline, on, settings.DUE_SOON_DAYS)
            share = rules.completion_points(status, late_credit)
        else:
            share = None
        if share is not None:
            lead_points[lead.agency_id].append(share)
    coordinating: dict[int, int] = defaultdict(int)
    tasks = Task.objects.filter(program_id=period.program_id, is_active=True).prefetch_related(
        "coordinating_agencies", "coordinating_groups__members", "leads"
    )
    active = Agency.active_profile()
    for task in tasks:
        ids = {a.pk for a in task.coordinating_agencies.all()}
        for group in task.coordinating_groups.all():
            ids |= group.resolved_ids(active)
        for agency_id in ids - {lead.agency_id for lead in task.leads.all()}:
            coordinating[agency_id] += 1
    contributions = dict(
        Contribution.objects.filter(period=period).values("agency").annotate(n=Count("pk")).values_list("agency", "n")
    )
    missing = set(coordinating) - set(agencies)
    agencies.update({agency.pk: agency for agency in Agency.objects.filter(pk__in=missing)})
    rows = [
        ScoreRow(
            agency,
            rules.agency_score(
                lead_points[agency_id], punctuality[agency_id], settings.SCORE_LEAD_WEIGHT, settings.SCORE_REPORT_WEIGHT
            ),
            coordinating[agency_id],
            contributions.get(agency_id, 0),
        )
        for agency_id, agency in agencies.items()
    ]
    return sorted(rows, key=lambda r: (r.score.total is None, -(r.score.total or 0), r.agency.name))


# ---------------------------------------------------------------- "Việc của tôi"


@dataclass
class MyWork:
    shares: list
    owed: list  # (period, its first waiting items, how many wait in all), most urgent period first
    more_periods: int = 0
    to_review: int = 0


# An officer's page stays readable however much is owed: the rest is on each period's page.
PERIODS_SHOWN, ITEMS_PER_PERIOD = 20, 10


def my_work(user, on: datetime.date | None = None, limit: int = 100) -> MyWork:
    """An officer's work: the shares their agency leads, most urgent first, and the reports it owes
    in open periods (for focal officers also how many reports wait for review)."""
    from ..models import ProgressReport, TaskLead

    on = on or today()
    if not user.agency_id:
        return MyWork([], [])
    rank = rules.status_expression(on, settings.DUE_SOON_DAYS, ranks=True)
    shares = list(
        TaskLead.objects.filter(agency_id=user.agency_id, task__is_active=True)
        .annotate(rank=rank)
        .select_related("task__program")
        .order_by("rank", Coalesce("deadline", datetime.date.max), "task_id")[:limit]
    )
    for share in shares:
        share.status = STATUS_SEVERITY[share.rank]
    owed = []
    for period, items in owed_by_agency(user.agency_id, on):
        waiting = [item for item in items if item.state in ("missing", "late", ReviewState.RETURNED)]
        if waiting:
            owed.append((period, waiting[:ITEMS_PER_PERIOD], len(waiting)))
    to_review = 0
    if user.role in (Role.FOCAL_OFFICER, Role.ADMINISTRATOR):
        to_review = ProgressReport.objects.filter(
            review_state=ReviewState.SUBMITTED, task__program__focal_agency_id=user.agency_id
        ).count()
    return MyWork(shares, owed[:PERIODS_SHOWN], max(0, len(owed) - PERIODS_SHOWN), to_review)


# ---------------------------------------------------------------- targets


def _number(value):
    return float(value) if value is not None else None


def target_spec(target) -> rules.TargetSpec:
    return rules.TargetSpec(
        comparator=target.comparator,
        minimum=_number(target.min_value),
        maximum=_number(target.max_value),
        measure=target.measure,
        target_year=target.year,
        start_year=target.program.period_start - 1,
        baseline_value=_number(target.baseline_value),
        baseline_year=target.baseline_year,
    )


def target_trajectory(target) -> rules.TrajectoryResult:
    """Where a target stands (use with prefetched `measurements`)."""
    points = [rules.Point(m.as_of, float(m.value)) for m in target.measurements.all()]
    return rules.trajectory(
        target_spec(target), points, settings.TARGET_AT_RISK_MARGIN, settings.TARGET_APPROX_TOLERANCE
    )


def trajectories(targets) -> dict[int, rules.TrajectoryResult]:
    """Where each of these targets stands, by id: `target_trajectory` for many targets at once.

    Dashboards and filters read thousands of targets; two narrow queries and plain tuples cost a
    fraction of building every target and measurement as a model instance.
    """
    from ..models import Measurement

    points = defaultdict(list)
    measurements = Measurement.objects.filter(target__in=targets.order_by().values("pk")).order_by()
    for target_id, as_of, value in measurements.values_list("target_id", "as_of", "value"):
        points[target_id].append(rules.Point(as_of, float(value)))
    results = {}
    columns = (
        "pk",
        "comparator",
        "min_value",
        "max_value",
        "measure",
        "target_year",
        "baseline_value",
        "baseline_year",
    )
    for row in targets.order_by().values(*columns, "program__period_start", "program__period_end"):
        spec = rules.TargetSpec(
            comparator=row["comparator"],
            minimum=_number(row["min_value"]),
            maximum=_number(row["max_value"]),
            measure=row["measure"],
            # Target.year: the programme's last year when the document gives none.
            target_year=row["target_year"] or row["program__period_end"],
            start_year=row["program__period_start"] - 1,
            baseline_value=_number(row["baseline_value"]),
            baseline_year=row["baseline_year"],
        )
        results[row["pk"]] = rules.trajectory(
            spec, points[row["pk"]], settings.TARGET_AT_RISK_MARGIN, settings.TARGET_APPROX_TOLERANCE
        )
    return results


# ---------------------------------------------------------------- reminders


def program_reminders(on: datetime.date):
    """Today's events of the monitoring core, as (users, Message) for core.reminders.

    Tasks coming due and overdue (one-off tasks; recurring ones are reminded through their period),
    period reports due within a few days or late, returned reports; an overdue share past the
    escalation limit also goes to the focal officers and leaders.
    """
    from ..models import ProgressReport, ReportingPeriod, TaskLead

    window = datetime.timedelta(days=settings.DUE_SOON_DAYS)
    escalate_after = datetime.timedelta(days=settings.ESCALATE_OVERDUE_DAYS)
    shares = list(
        TaskLead.objects.filter(task__is_active=True, deadline__isnull=False, deadline__lte=on + window)
        .exclude(progress__in=[Progress.COMPLETED, Progress.PAUSED])
        .exclude(task__due_kind__in=RECURRING_KINDS)
        .select_related("task", "agency")
    )
    periods = list(ReportingPeriod.objects.filter(state=PeriodState.OPEN).select_related("program"))
    owing = []
    for period in periods:
        days_left = (period.deadline - on).days
        if days_left > settings.REMIND_REPORT_DAYS_BEFORE:
            continue
        waiting: dict[int, int] = defaultdict(int)
        for item in owed_reports(period, on):
            if item.state in ("missing", "late"):
                waiting[item.lead.agency_id] += 1
        owing.extend((period, agency_id, count) for agency_id, count in waiting.items())
    returned = list(
        ProgressReport.objects.filter(review_state=ReviewState.RETURNED, period__state=PeriodState.OPEN).select_related(
            "task"
        )
    )
    users = agency_users(
        {s.agency_id for s in shares} | {agency_id for _, agency_id, _ in owing} | {r.agency_id for r in returned}
    )
    overseers = list(User.objects.filter(is_active=True, role__in=[Role.FOCAL_OFFICER, Role.LEADER]))
    for share in shares:
        task, deadline = share.task, share.deadline
        if deadline >= on:
            message = Message(
                key=f"task-due-soon:{share.pk}:{deadline}",
                title=_("Sắp đến hạn: %(task)s") % {"task": task},
                body=_("Hạn hoàn thành %(date)s (còn %(days)s ngày).")
                % {"date": f"{deadline:%d/%m/%Y}", "days": (deadline - on).days},
                url=task.get_absolute_url(),
                level="warning",
            )
            yield users.get(share.agency_id, []), message
            continue
        yield (
            users.get(share.agency_id, []),
            Message(
                key=f"task-overdue:{share.pk}:{deadline}",
                title=_("Quá hạn: %(task)s") % {"task": task},
                body=_("Hạn hoàn thành %(date)s đã qua.") % {"date": f"{deadline:%d/%m/%Y}"},
                url=task.get_absolute_url(),
                level="danger",
            ),
        )
        if on - deadline > escalate_after:
            yield (
                overseers,
                Message(
                    key=f"task-escalated:{share.pk}:{deadline}",
                    title=_("Quá hạn trên %(days)s ngày: %(task)s (%(agency)s)")
                    % {"days": settings.ESCALATE_OVERDUE_DAYS, "task": task, "agency": share.agency},
                    body=_("Cơ quan chủ trì %(agency)s; hạn %(date)s.")
                    % {"agency": share.agency, "date": f"{deadline:%d/%m/%Y}"},
                    url=task.get_absolute_url(),
                    level="danger",
                ),
            )
    for period, agency_id, count in owing:
        late = on > period.deadline
        yield (
            users.get(agency_id, []),
            Message(
                key=f"period-{'late' if late else 'due'}:{period.pk}:{agency_id}",
                title=(_("Chậm nộp báo cáo: %(period)s") if late else _("Sắp đến hạn nộp báo cáo: %(period)s"))
                % {"period": period},
                body=_("%(count)s báo cáo chưa gửi; hạn nộp %(date)s.")
                % {"count": count, "date": f"{period.deadline:%d/%m/%Y}"},
                url=period.get_absolute_url(),
                level="danger" if late else "warning",
            ),
        )
    from .workflow import returned_message

    for report in returned:
        yield users.get(report.agency_id, []), returned_message(report)
