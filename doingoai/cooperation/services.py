"""Rules of mechanisms, meetings and commitments: where a commitment stands, its follow-up tasks,
the next meeting of a mechanism, and what the partner page shows of them."""

import datetime

from django.db import transaction
from django.db.models import Q, prefetch_related_objects
from django.utils.translation import gettext as _

from doingoai.core import permissions
from doingoai.core.history import acting_user
from doingoai.core.permissions import Action
from doingoai.core.text import format_date
from doingoai.partners import services as partner_pages
from doingoai.programs.choices import TaskStatus
from doingoai.programs.models import Task
from doingoai.programs.services import queries, workflow

from .choices import COMMITMENT_COLOURS, CommitmentState, MeetingState
from .models import Commitment, Mechanism, Meeting

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
        .filter(Q(commitments__responsible_partners__in=ids) | Q(commitments__meeting__host__in=ids))
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


def register_partner_sections() -> None:
    for function in (_mechanisms_section, _meetings_section, _commitments_section, _tasks_section):
        partner_pages.register(function)
