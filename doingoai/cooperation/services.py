"""Rules of mechanisms, meetings, commitments and agreements: where a commitment stands, its
follow-up tasks, the next meeting of a mechanism, an agreement's effective state, its 15-day report
and expiry alerts, the yearly evaluation figure, the reminders, and what the partner page shows."""

import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Case, CharField, F, Q, Value, When, prefetch_related_objects
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext as _

from doingoai.core import permissions
from doingoai.core.history import acting_user
from doingoai.core.permissions import Action
from doingoai.core.text import format_date
from doingoai.organizations.choices import Role
from doingoai.organizations.models import User
from doingoai.partners import services as partner_pages
from doingoai.programs.choices import TaskStatus
from doingoai.programs.models import Task
from doingoai.programs.services import queries, workflow

from .choices import COMMITMENT_COLOURS, LIVE_STATES, SIGNED_STATES, AgreementState, CommitmentState, MeetingState
from .models import Agreement, AgreementEvaluation, Commitment, Mechanism, Meeting

DONE_STATUSES = frozenset({TaskStatus.COMPLETED_ON_TIME, TaskStatus.COMPLETED_LATE})


def commitment_state(statuses) -> CommitmentState:
    """A commitment's state from the statuses of its follow-up tasks: unassigned without tasks,
    overdue when one is, done when all are completed, in progress otherwise (a paused or undated
    task keeps it open)."""
    statuses = list(statuses)
    if not statuses:
        return CommitmentState.UNASSIGNED
    if TaskStatus.OVERDUE in statuses:
        return CommitmentState.OVERDUE
    if all(status in DONE_STATUSES for status in statuses):
        return CommitmentState.DONE
    return CommitmentState.IN_PROGRESS


def with_states(commitments, on: datetime.date | None = None) -> list[Commitment]:
    """The commitments (a queryset or a page of them), each with `follow_ups` (its tasks with
    `status`), `state` and `colour`, in three more queries however many there are."""
    commitments = list(commitments)
    prefetch_related_objects(commitments, "tasks__leads", "tasks__program")
    for commitment in commitments:
        commitment.follow_ups = list(commitment.tasks.all())
        for task in commitment.follow_ups:
            task.status = queries.task_status(task, on)
        commitment.state = commitment_state(task.status for task in commitment.follow_ups)
        commitment.colour = COMMITMENT_COLOURS[commitment.state]
    return commitments


def create_follow_up_task(
    commitment: Commitment, *, program, title, lead_agencies, coordinating_agencies, due_text, expected_output, user
) -> Task:
    """A task of the monitoring core that carries out a commitment: one lead agency, a deadline, and
    the commitment's text kept as its source quote, linked back to the commitment."""
    permissions.require(user, Action.ADD, Task)
    permissions.require(user, Action.CHANGE, commitment)
    task = Task(
        program=program,
        title=title,
        due_text=due_text,
        expected_output=expected_output,
        section=_("Triển khai nhận thức chung: %(meeting)s") % {"meeting": commitment.meeting},
        source_quote=commitment.text,
        lead_text=", ".join(agency.name for agency in lead_agencies),
        coordinating_text=", ".join(agency.name for agency in coordinating_agencies),
    )
    with transaction.atomic(), acting_user(user):
        workflow.save_task(
            task,
            lead_agencies=lead_agencies,
            lead_groups=[],
            coordinating_agencies=coordinating_agencies,
            coordinating_groups=[],
            user=user,
        )
        commitment.tasks.add(task)
    return task


def next_meeting(mechanism: Mechanism, on: datetime.date | None = None) -> Meeting | None:
    """The next meeting: the earliest planned one from today's year on (a planned meeting may only
    know its year, "năm 2027, thời gian thống nhất qua kênh ngoại giao")."""
    on = on or queries.today()
    planned = mechanism.meetings.filter(state=MeetingState.PLANNED, year__gte=on.year)
    planned = planned.filter(Q(held_on__isnull=True) | Q(held_on__gte=on))
    return planned.order_by("year", "held_on", "pk").first()


# ---------------------------------------------------------------- agreements


def agreement_state(agreement: Agreement, on: datetime.date | None = None) -> AgreementState:
    """The state as recorded, except that an agreement still recorded as binding is expired once
    the day after its validity (or extension) has come."""
    on = on or queries.today()
    state = AgreementState(agreement.state)
    if state in LIVE_STATES and agreement.valid_until and agreement.valid_until < on:
        return AgreementState.EXPIRED
    return state


def with_current_state(agreements, on: datetime.date | None = None):
    """Annotate `current_state`: `agreement_state` in SQL, so lists filter and sort by it."""
    on = on or queries.today()
    past = Q(extended_to__lt=on) | Q(extended_to__isnull=True, expires_on__lt=on)
    return agreements.annotate(
        current_state=Case(
            When(Q(state__in=LIVE_STATES) & past, then=Value(AgreementState.EXPIRED.value)),
            default=F("state"),
            output_field=CharField(),
        )
    )


def signing_report_overdue(agreement: Agreement, on: datetime.date | None = None) -> bool:
    """Signed, the 15 days gone, and no report sent."""
    on = on or queries.today()
    due = agreement.signing_report_due
    return agreement.state in SIGNED_STATES and agreement.signing_report_on is None and due is not None and due < on


def expiry_threshold(agreement: Agreement, on: datetime.date | None = None) -> int | None:
    """The smallest alert threshold (settings.AGREEMENT_EXPIRY_ALERT_DAYS: 180, 90, 30) the days left
    have reached, or None when expiry is further off, already past or the agreement no longer binds."""
    on = on or queries.today()
    if agreement_state(agreement, on) not in LIVE_STATES or agreement.valid_until is None:
        return None
    left = (agreement.valid_until - on).days
    reached = [days for days in settings.AGREEMENT_EXPIRY_ALERT_DAYS if left <= days]
    return min(reached) if reached else None


def expiring_within(agreements, days: int, on: datetime.date | None = None):
    """Still binding and ending (after any extension) within `days` days from `on`."""
    on = on or queries.today()
    return agreements.annotate(binding_until=Coalesce("extended_to", "expires_on")).filter(
        state__in=LIVE_STATES, binding_until__gte=on, binding_until__lte=on + datetime.timedelta(days=days)
    )


def live_in_year(agreements, year: int):
    """The agreements that bound the province at some time in `year`: signed by its end, not ended
    before its start. These are the ones the year's evaluation must cover."""
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    ended_before = (
        Q(terminated_on__lt=start) | Q(extended_to__lt=start) | Q(extended_to__isnull=True, expires_on__lt=start)
    )
    return agreements.filter(state__in=SIGNED_STATES, signed_on__lte=end).exclude(ended_before)


def evaluation_coverage(agreements, year: int) -> tuple[int, int]:
    """(evaluated, to evaluate) for the year: the figure behind "100% thỏa thuận được theo dõi,
    đánh giá định kỳ"."""
    due = live_in_year(agreements, year)
    evaluated = due.filter(evaluations__year=year).distinct().count()
    return evaluated, due.count()


def add_evaluation(
    agreement: Agreement, *, year: int, rating: str, narrative: str, user, on=None
) -> AgreementEvaluation:
    """The agency's (or focal officer's) evaluation of the agreement for a year; one per year."""
    permissions.require(user, Action.CHANGE, agreement)
    evaluation = AgreementEvaluation(
        agreement=agreement, year=year, rating=rating, narrative=narrative, evaluated_on=on or queries.today()
    )
    with transaction.atomic(), acting_user(user):
        evaluation.full_clean()
        evaluation.save()
    return evaluation


def cooperation_reminders(on: datetime.date):
    """Today's events of the cooperation registry, as (users, Message) for core.reminders:
    agreements reaching an expiry threshold, 15-day signing reports due within five days or late,
    and meetings coming within the due-soon window (to the mechanism's focal agency)."""
    from doingoai.core.notifications import Message

    agreements = list(Agreement.objects.filter(state__in=SIGNED_STATES).select_related("owner_agency"))
    window = datetime.timedelta(days=settings.DUE_SOON_DAYS)
    meetings = list(
        Meeting.objects.filter(state=MeetingState.PLANNED, held_on__gte=on, held_on__lte=on + window)
        .exclude(mechanism__focal_agency=None)
        .select_related("mechanism")
    )
    users = queries.agency_users(
        {a.owner_agency_id for a in agreements} | {m.mechanism.focal_agency_id for m in meetings}
    )
    # The focal officers follow every agreement ("100% được theo dõi"), whoever proposed it.
    focal = list(User.objects.filter(role=Role.FOCAL_OFFICER, is_active=True))
    for agreement in agreements:
        recipients = list({user.pk: user for user in [*users.get(agreement.owner_agency_id, []), *focal]}.values())
        threshold = expiry_threshold(agreement, on)
        if threshold is not None:
            yield (
                recipients,
                Message(
                    key=f"agreement-{agreement.pk}-expiry-{threshold}",
                    title=_("“%(name)s” hết hiệu lực ngày %(date)s")
                    % {"name": agreement, "date": format_date(agreement.valid_until)},
                    body=_("Còn %(days)s ngày. Hãy đề xuất gia hạn, ký mới hoặc chấm dứt.")
                    % {"days": (agreement.valid_until - on).days},
                    url=agreement.get_absolute_url(),
                    level="danger" if threshold <= 30 else "warning",
                ),
            )
        due = agreement.signing_report_due
        if agreement.signing_report_on is None and due and due - datetime.timedelta(days=5) <= on:
            late = due < on
            yield (
                recipients,
                Message(
                    key=f"agreement-{agreement.pk}-signing-report{'-late' if late else ''}",
                    title=(
                        _("Quá hạn báo cáo sau ký thỏa thuận “%(name)s”")
                        if late
                        else _("Sắp đến hạn báo cáo sau ký thỏa thuận “%(name)s”")
                    )
                    % {"name": agreement},
                    body=_(
                        "Báo cáo Thủ tướng Chính phủ, đồng gửi Bộ Ngoại giao trong 15 ngày kể từ ngày ký; hạn %(date)s."
                    )
                    % {"date": format_date(due)},
                    url=agreement.get_absolute_url(),
                    level="danger" if late else "warning",
                ),
            )
    for meeting in meetings:
        yield (
            users.get(meeting.mechanism.focal_agency_id, []),
            Message(
                key=f"meeting-{meeting.pk}-coming",
                title=_("Sắp diễn ra: %(meeting)s") % {"meeting": meeting},
                body=" · ".join(filter(None, [meeting.place, format_date(meeting.held_on)])),
                url=meeting.get_absolute_url(),
            ),
        )


# ---------------------------------------------------------------- the partner page


def _mechanisms_section(partner, user):
    ids = partner_pages.family(partner)
    mechanisms = Mechanism.objects.for_user(user, Action.VIEW).filter(members__in=ids).distinct().order_by("name")
    items = [partner_pages.RelatedItem(str(m), m.get_absolute_url(), m.get_level_display()) for m in mechanisms]
    return partner_pages.RelatedSection("mechanisms", _("Cơ chế hợp tác"), items, order=20)


def _meetings_section(partner, user):
    ids = partner_pages.family(partner)
    meetings = (
        Meeting.objects.for_user(user, Action.VIEW)
        .filter(Q(host__in=ids) | Q(mechanism__members__in=ids) | Q(commitments__responsible_partners__in=ids))
        .distinct()
        .select_related("mechanism", "host")
    )
    items = [
        partner_pages.RelatedItem(
            str(m),
            m.get_absolute_url(),
            " · ".join(filter(None, [m.place, format_date(m.held_on)])),
            m.get_state_display(),
        )
        for m in meetings
    ]
    return partner_pages.RelatedSection("meetings", _("Hội đàm, phiên họp"), items, order=30)


def _commitments_section(partner, user):
    ids = partner_pages.family(partner)
    commitments = (
        Commitment.objects.for_user(user, Action.VIEW)
        .filter(Q(responsible_partners__in=ids) | Q(meeting__host__in=ids))
        .distinct()
        .select_related("meeting__mechanism")
    )
    items = [
        partner_pages.RelatedItem(str(c), c.get_absolute_url(), str(c.meeting), c.state.label, c.colour)
        for c in with_states(commitments)
    ]
    return partner_pages.RelatedSection("commitments", _("Nhận thức chung"), items, order=40)


def _tasks_section(partner, user):
    ids = partner_pages.family(partner)
    tasks = (
        queries.with_status(Task.objects.for_user(user, Action.VIEW).filter(is_active=True))
        .filter(
            Q(commitments__responsible_partners__in=ids)
            | Q(commitments__meeting__host__in=ids)
            | Q(agreements__partners__in=ids)
        )
        .distinct()
        .select_related("program")
        .order_by("deadline", "pk")
    )
    items = []
    for task in tasks:
        status = queries.status_of_rank(task.status_rank)
        items.append(
            partner_pages.RelatedItem(
                str(task),
                task.get_absolute_url(),
                task.program.number or task.program.title,
                str(status.label) if status else "",
            )
        )
    return partner_pages.RelatedSection("tasks", _("Nhiệm vụ liên quan"), items, order=90)


def _agreements_section(partner, user):
    ids = partner_pages.family(partner)
    agreements = Agreement.objects.for_user(user, Action.VIEW).filter(partners__in=ids).distinct()
    items = []
    for agreement in agreements:
        state = agreement_state(agreement)
        detail = " · ".join(filter(None, [agreement.get_form_display(), format_date(agreement.signed_on)]))
        items.append(partner_pages.RelatedItem(str(agreement), agreement.get_absolute_url(), detail, state.label))
    add_url = reverse("cooperation:agreement_add") if permissions.can(user, Action.ADD, Agreement) else ""
    return partner_pages.RelatedSection("agreements", _("Thỏa thuận quốc tế"), items, add_url, order=10)


def register_partner_sections() -> None:
    for function in (_agreements_section, _mechanisms_section, _meetings_section, _commitments_section, _tasks_section):
        partner_pages.register(function)


# ---------------------------------------------------------------- the dashboard


def agreements_widget(user, filters):
    """Agreements on the leaders' dashboard: expiring within the first alert threshold, the share
    evaluated this year, reports after signing not yet sent. The programme filters do not apply."""
    from doingoai.reports.dashboard import Figure, Widget

    if not permissions.can(user, Action.VIEW, Agreement):
        return None
    on = queries.today()
    agreements = Agreement.objects.for_user(user, Action.VIEW)
    base = reverse("cooperation:agreement_list")
    horizon = max(settings.AGREEMENT_EXPIRY_ALERT_DAYS)
    expiring = expiring_within(agreements, horizon, on).count()
    evaluated, due = evaluation_coverage(agreements, on.year)
    unreported = agreements.filter(state__in=SIGNED_STATES, signing_report_on__isnull=True).count()
    share = round(100 * evaluated / due) if due else None
    figures = [
        Figure(
            _("Hết hiệu lực trong %(days)s ngày tới") % {"days": horizon},
            expiring,
            f"{base}?expiring_within={horizon}",
            "warning",
        ),
        Figure(
            _("Chưa đánh giá năm %(year)s") % {"year": on.year},
            due - evaluated,
            f"{base}?evaluated_year={on.year}",
            "danger" if due - evaluated else "success",
            _("đã đánh giá %(evaluated)s/%(due)s (%(share)s%%)") % {"evaluated": evaluated, "due": due, "share": share},
        ),
        Figure(_("Chưa gửi báo cáo sau ký"), unreported, f"{base}?signing_report_missing=true", "danger"),
    ]
    return Widget("agreements", _("Thỏa thuận quốc tế"), figures, "", more_url=base, order=70)
