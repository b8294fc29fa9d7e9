"""Changes to tasks, periods, reports and measurements: validated, in one transaction, as the acting user.

Views, the API and the demo loader call these; each refuses bad input with a ValidationError whose
Vietnamese message names the field at fault, and saves nothing then.
"""

import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from doingoai.core import permissions
from doingoai.core.history import acting_user
from doingoai.core.notifications import Message, notify
from doingoai.core.permissions import Action
from doingoai.core.text import ParseError

from ..choices import RECURRING_KINDS, PeriodKind, PeriodState, Progress, ReviewState
from ..models import Contribution, Evidence, ProgressReport, ReportingPeriod, Task, TaskLead
from . import rules
from .queries import agency_users

# ---------------------------------------------------------------- evidence files

FILE_SIGNATURES = {
    "pdf": (b"%PDF-",),
    "docx": (b"PK\x03\x04",),
    "xlsx": (b"PK\x03\x04",),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
}


def check_evidence_file(upload) -> None:
    """Accept only the allowed kinds (by name and by content) up to the size limit."""
    name = upload.name or ""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    allowed = settings.EVIDENCE_EXTENSIONS
    if extension not in allowed:
        raise ValidationError(
            _("Tệp “%(name)s” không được chấp nhận; chỉ nhận các loại: %(allowed)s.")
            % {"name": name, "allowed": ", ".join(allowed)}
        )
    if upload.size > settings.EVIDENCE_MAX_BYTES:
        raise ValidationError(
            _("Tệp “%(name)s” quá lớn (%(size)s MB); tối đa %(limit)s MB.")
            % {
                "name": name,
                "size": round(upload.size / 1024 / 1024, 1),
                "limit": settings.EVIDENCE_MAX_BYTES // 1024 // 1024,
            }
        )
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if not head.startswith(FILE_SIGNATURES[extension]):
        raise ValidationError(
            _("Nội dung tệp “%(name)s” không đúng với loại .%(extension)s.") % {"name": name, "extension": extension}
        )


def _attach(files, user, **owner) -> None:
    for upload in files:
        Evidence.objects.create(file=upload, name=upload.name[:255], size=upload.size, uploaded_by=user, **owner)


# ---------------------------------------------------------------- tasks and their lead bodies


def check_bodies(lead_agencies, lead_groups, coordinating_agencies) -> None:
    """ "Một nhiệm vụ - một cơ quan chủ trì": at least one lead, and no agency both leading and coordinating."""
    errors = {}
    if not lead_agencies and not lead_groups:
        errors["lead_agencies"] = _("Nhiệm vụ phải có cơ quan chủ trì.")
    both = sorted({a.name for a in lead_agencies} & {a.name for a in coordinating_agencies})
    if both:
        errors["coordinating_agencies"] = _("Cơ quan vừa chủ trì vừa phối hợp: %(names)s.") % {"names": ", ".join(both)}
    if errors:
        raise ValidationError(errors)


def apply_due(task: Task) -> None:
    """Read the due wording into the task's due fields and deadline (the wording itself is kept)."""
    try:
        due = rules.parse_due(task.due_text)
    except ParseError as error:
        raise ValidationError({"due_text": str(error)}) from error
    task.due_kind = due.kind
    task.due_year = due.year
    task.due_date = due.date
    task.due_start_year = due.start_year
    task.due_end_year = due.end_year
    task.deadline = rules.deadline_of(due)


def save_task(task: Task, *, lead_agencies, lead_groups, coordinating_agencies, coordinating_groups, user) -> Task:
    """Save a task with its bodies. Each named lead agency, and each member of a named lead group,
    gets its own accountable share; shares whose agency already reported are never dropped."""
    check_bodies(lead_agencies, lead_groups, coordinating_agencies)
    with transaction.atomic(), acting_user(user):
        apply_due(task)
        task.full_clean()
        task.save()
        task.lead_groups.set(lead_groups)
        task.coordinating_agencies.set(coordinating_agencies)
        task.coordinating_groups.set(coordinating_groups)
        wanted = {agency.pk: None for agency in lead_agencies}
        for group in lead_groups:
            for agency in group.resolve():
                wanted.setdefault(agency.pk, group.pk)
        dropped = task.leads.exclude(agency_id__in=wanted)
        reported = dropped.filter(agency__reports__task=task).distinct()
        if reported.exists():
            names = ", ".join(str(lead.agency) for lead in reported)
            raise ValidationError(
                {"lead_agencies": _("Không bỏ được cơ quan đã có báo cáo: %(names)s.") % {"names": names}}
            )
        for lead in dropped:
            lead.delete()
        existing = set(task.leads.values_list("agency_id", flat=True))
        for agency_id, group_id in wanted.items():
            if agency_id not in existing:
                TaskLead.objects.create(task=task, agency_id=agency_id, via_group_id=group_id)
        refresh_leads(TaskLead.objects.filter(task=task))
    return task


# ---------------------------------------------------------------- the state of each share


def _share_state(lead: TaskLead, open_periods, reports) -> tuple[rules.LeadState, int]:
    """What a share's progress and percent are now, from its reports.

    One-off tasks follow their latest accepted report; recurring ones are judged on the open
    periods (rules.recurring_state) with the percent of the latest report not returned.
    """
    task = lead.task
    own = [r for r in reports if r.agency_id == lead.agency_id and r.task_id == lead.task_id]
    if task.due_kind in RECURRING_KINDS:
        standing = [r for r in own if r.review_state != ReviewState.RETURNED]
        obligations = []
        for period in open_periods:
            report = next((r for r in standing if r.period_id == period.pk), None)
            obligations.append(
                rules.Obligation(
                    period.deadline,
                    report.progress if report else None,
                    timezone.localdate(report.submitted_at) if report else None,
                )
            )
        latest = max(standing, key=lambda r: r.submitted_at, default=None)
        return rules.recurring_state(obligations), latest.percent if latest else 0
    accepted = sorted(
        (r for r in own if r.review_state == ReviewState.ACCEPTED), key=lambda r: (r.period.end_date, r.submitted_at)
    )
    if not accepted:
        return rules.LeadState(Progress.NOT_STARTED, None, task.deadline), 0
    latest = accepted[-1]
    completed_on = None
    if latest.progress == Progress.COMPLETED:
        completed_on = latest.completed_on or timezone.localdate(latest.submitted_at)
    return rules.LeadState(latest.progress, completed_on, task.deadline), latest.percent


def refresh_leads(leads) -> int:
    """Bring the stored state of these shares up to date; returns how many changed."""
    leads = list(leads.select_related("task"))
    if not leads:
        return 0
    task_ids = {lead.task_id for lead in leads}
    program_ids = {lead.task.program_id for lead in leads}
    reports = list(ProgressReport.objects.filter(task_id__in=task_ids).select_related("period"))
    open_periods = {pid: [] for pid in program_ids}
    for period in ReportingPeriod.objects.filter(program_id__in=program_ids, state=PeriodState.OPEN):
        open_periods[period.program_id].append(period)
    changed = 0
    for lead in leads:
        state, percent = _share_state(lead, open_periods[lead.task.program_id], reports)
        new = (state.progress, state.completed_on, state.deadline, percent)
        if (lead.progress, lead.completed_on, lead.deadline, lead.percent) != new:
            lead.progress, lead.completed_on, lead.deadline, lead.percent = new
            lead.save(update_fields=["progress", "completed_on", "deadline", "percent", "updated_at"])
            changed += 1
    return changed


# ---------------------------------------------------------------- reporting periods


def standard_period(program, kind: str, year: int, number: int | None = None) -> ReportingPeriod:
    """An unsaved period with its Decree 09 dates, its report deadline and its usual title."""
    start, end = rules.period_bounds(kind, year, number)
    return ReportingPeriod(
        program=program,
        kind=kind,
        year=year,
        number=number if kind in (PeriodKind.QUARTERLY, PeriodKind.MONTHLY) else None,
        title=rules.period_title(kind, year, number),
        start_date=start,
        end_date=end,
        deadline=end + datetime.timedelta(days=settings.REPORT_DEADLINE_DAYS_AFTER_PERIOD),
    )


def save_period(period: ReportingPeriod, user) -> ReportingPeriod:
    """Save a period (a new one opens): its agencies owe reports while it is open, and recurring
    tasks are judged on it too."""
    with transaction.atomic(), acting_user(user):
        period.full_clean()
        period.save()
        _refresh_recurring(period.program_id)
    return period


def set_period_state(period: ReportingPeriod, state: str, user) -> ReportingPeriod:
    """Close a period (it takes no more reports) or reopen it."""
    with transaction.atomic(), acting_user(user):
        period.state = state
        period.save(update_fields=["state", "updated_at"])
        _refresh_recurring(period.program_id)
    return period


def _refresh_recurring(program_id) -> None:
    refresh_leads(TaskLead.objects.filter(task__program_id=program_id, task__due_kind__in=RECURRING_KINDS))


# ---------------------------------------------------------------- reports, contributions, review


def _check_period(task: Task, period: ReportingPeriod) -> None:
    if period.program_id != task.program_id:
        raise ValidationError({"period": _("Kỳ báo cáo này thuộc văn bản khác.")})
    if period.state != PeriodState.OPEN:
        raise ValidationError(
            {"period": _("Kỳ báo cáo “%(period)s” đã đóng, không nhận báo cáo.") % {"period": period}}
        )


def submit_report(*, task: Task, agency, period: ReportingPeriod, user, data: dict, files=()) -> ProgressReport:
    """A lead body reports on its share for a period; sending again after a return updates the same report.

    `data`: progress, percent, narrative, and optionally completed_on, difficulties, proposals.
    """
    report = ProgressReport.objects.filter(task=task, agency=agency, period=period).first()
    if report is None:
        report = ProgressReport(task=task, agency=agency, period=period)
    if not permissions.can(user, Action.ADD if report.pk is None else Action.CHANGE, report):
        raise PermissionDenied(_("Chỉ cơ quan chủ trì gửi báo cáo chính thức của nhiệm vụ."))
    _check_period(task, period)
    if report.review_state == ReviewState.ACCEPTED and report.pk:
        raise ValidationError(_("Báo cáo kỳ này đã được chấp nhận, không sửa được nữa."))
    progress = data.get("progress")
    percent = data.get("percent")
    errors = {}
    if percent is None or not 0 <= percent <= 100:
        errors["percent"] = _("Phần trăm hoàn thành phải từ 0 đến 100.")
    if progress == Progress.COMPLETED and percent != 100:
        errors["percent"] = _("Nhiệm vụ đã hoàn thành thì phần trăm là 100.")
    if progress == Progress.NOT_STARTED and percent not in (0, None):
        errors["percent"] = _("Nhiệm vụ chưa thực hiện thì phần trăm là 0.")
    completed_on = data.get("completed_on")
    if completed_on and completed_on > timezone.localdate():
        errors["completed_on"] = _("Ngày hoàn thành không được sau hôm nay.")
    if progress != Progress.COMPLETED:
        completed_on = None
    file_errors = []
    for upload in files:
        try:
            check_evidence_file(upload)
        except ValidationError as error:
            file_errors.extend(error.messages)
    if file_errors:
        errors["files"] = file_errors
    if errors:
        raise ValidationError(errors)
    with transaction.atomic(), acting_user(user):
        report.progress = progress
        report.percent = percent
        report.completed_on = completed_on or (timezone.localdate() if progress == Progress.COMPLETED else None)
        report.narrative = data.get("narrative") or ""
        report.difficulties = data.get("difficulties") or ""
        report.proposals = data.get("proposals") or ""
        report.review_state = ReviewState.SUBMITTED
        report.submitted_by = user
        report.submitted_at = timezone.now()
        report.reviewed_by, report.reviewed_at = None, None
        report.full_clean()
        report.save()
        _attach(files, user, report=report)
        refresh_leads(TaskLead.objects.filter(task=task, agency=agency))
    return report


def add_contribution(*, task: Task, agency, period: ReportingPeriod, user, text: str, files=()) -> Contribution:
    """A coordinating agency adds its input to a task for a period."""
    contribution = Contribution(task=task, agency=agency, period=period, text=text)
    if not permissions.can(user, Action.ADD, contribution):
        raise PermissionDenied(_("Chỉ cơ quan phối hợp của nhiệm vụ gửi ý kiến phối hợp."))
    _check_period(task, period)
    errors = {}
    if not (text or "").strip():
        errors["text"] = _("Hãy nhập nội dung phối hợp.")
    file_errors = []
    for upload in files:
        try:
            check_evidence_file(upload)
        except ValidationError as error:
            file_errors.extend(error.messages)
    if file_errors:
        errors["files"] = file_errors
    if errors:
        raise ValidationError(errors)
    with transaction.atomic(), acting_user(user):
        contribution.submitted_by = user
        contribution.submitted_at = timezone.now()
        contribution.full_clean()
        contribution.save()
        _attach(files, user, contribution=contribution)
    return contribution


def review_report(report: ProgressReport, *, accept: bool, comment: str, user) -> ProgressReport:
    """The focal officer accepts a report (it then sets the share's progress) or returns it with a comment."""
    permissions.require(user, Action.REVIEW, report)
    if report.review_state != ReviewState.SUBMITTED:
        raise ValidationError(_("Chỉ duyệt được báo cáo đang chờ duyệt."))
    if not accept and not (comment or "").strip():
        raise ValidationError({"comment": _("Trả lại báo cáo thì phải ghi rõ cần bổ sung gì.")})
    with transaction.atomic(), acting_user(user):
        report.review_state = ReviewState.ACCEPTED if accept else ReviewState.RETURNED
        report.review_comment = comment or ""
        report.reviewed_by = user
        report.reviewed_at = timezone.now()
        report.save()
        refresh_leads(TaskLead.objects.filter(task_id=report.task_id, agency_id=report.agency_id))
    if not accept:
        notify(agency_users([report.agency_id]).get(report.agency_id, []), returned_message(report))
    return report


def returned_message(report: ProgressReport) -> Message:
    """The notice of a returned report; the reminder job uses the same key, so it is sent once."""
    return Message(
        key=f"report-returned:{report.pk}:{report.reviewed_at:%Y%m%d%H%M%S}",
        title=_("Báo cáo bị trả lại: %(task)s") % {"task": report.task},
        body=report.review_comment,
        url=report.get_absolute_url(),
        level="warning",
    )


def record_measurement(measurement, user, file=None):
    """Record a target's measured value (the target's lead agency, or the focal officer)."""
    if not permissions.can(user, Action.ADD, measurement):
        raise PermissionDenied(_("Chỉ cơ quan chủ trì chỉ tiêu hoặc cán bộ đầu mối nhập số liệu."))
    if file:
        check_evidence_file(file)
    with transaction.atomic(), acting_user(user):
        measurement.recorded_by = user
        if file:
            measurement.evidence = file
        measurement.full_clean()
        measurement.save()
    return measurement
