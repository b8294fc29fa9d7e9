"""How a periodic report is drafted from the monitoring data, edited, refreshed and issued.

`gather` takes a snapshot of the figures (tasks by status, targets by attainment, the task table,
agency scores, the agencies' difficulties and proposals, the tasks due next period); `compose`
writes the report's sections from it in the words of a Vietnamese administrative report; `issue`
gives the report its number from the issuer's register and freezes it. The document is always
written in Vietnamese (Decree 30/2020/NĐ-CP), whatever language the officer's screen uses.
"""

import datetime
from collections import Counter, defaultdict

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from doingoai.core.history import acting_user
from doingoai.core.text import format_date, format_number
from doingoai.organizations.choices import AgencyKind
from doingoai.organizations.models import Agency
from doingoai.programs.choices import (
    RECURRING_KINDS,
    STANDARD_PERIODS,
    STATUS_SEVERITY,
    Comparator,
    DueKind,
    Measure,
    PeriodKind,
    ReviewState,
    TaskStatus,
    Trajectory,
)
from doingoai.programs.models import Program, ProgressReport, ReportingPeriod, Target, Task
from doingoai.programs.services import queries, rules
from doingoai.programs.tables import target_wording

from .choices import ReportState
from .models import NumberRegister, Report

DOCUMENT_LANGUAGE = "vi"
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
COMPLETED = (TaskStatus.COMPLETED_ON_TIME, TaskStatus.COMPLETED_LATE)


# ---------------------------------------------------------------- wording of periods and programmes


def period_phrases(kind: str, year: int, number: int | None, start: datetime.date, end: datetime.date):
    """What the period is called in the title, and what the next one is: ("6 tháng đầu năm 2026",
    "6 tháng cuối năm 2026")."""
    if kind == PeriodKind.SIX_MONTH:
        return _("6 tháng đầu năm %(y)s") % {"y": year}, _("6 tháng cuối năm %(y)s") % {"y": year}
    if kind == PeriodKind.NINE_MONTH:
        return _("9 tháng đầu năm %(y)s") % {"y": year}, _("quý IV năm %(y)s") % {"y": year}
    if kind == PeriodKind.ANNUAL:
        return _("năm %(y)s") % {"y": year}, _("năm %(y)s") % {"y": year + 1}
    if kind == PeriodKind.QUARTERLY and number in ROMAN:
        following = (ROMAN[number + 1], year) if number < 4 else ("I", year + 1)
        return (
            _("quý %(q)s năm %(y)s") % {"q": ROMAN[number], "y": year},
            _("quý %(q)s năm %(y)s") % {"q": following[0], "y": following[1]},
        )
    if kind == PeriodKind.MONTHLY and number:
        following = (number + 1, year) if number < 12 else (1, year + 1)
        return (
            _("tháng %(m)s năm %(y)s") % {"m": number, "y": year},
            _("tháng %(m)s năm %(y)s") % {"m": following[0], "y": following[1]},
        )
    span = {"start": format_date(start), "end": format_date(end)}
    return _("từ %(start)s đến %(end)s") % span, _("thời gian tới")


def period_dates(kind: str, year: int, number: int | None, start=None, end=None):
    """The period's first and last day: by Decree 09 for the standard kinds, as given otherwise."""
    if kind in STANDARD_PERIODS:
        try:
            return rules.period_bounds(kind, year, number)
        except ValueError as error:
            raise ValidationError({"period_number": _("Kỳ quý cần số quý 1-4, kỳ tháng cần số tháng 1-12.")}) from error
    if not start or not end:
        raise ValidationError({"start_date": _("Kỳ này cần ngày bắt đầu và ngày kết thúc.")})
    return start, end


def program_phrase(program: Program) -> str:
    """ "Chương trình số 175/CTr-UBND về nâng cao …", "Kế hoạch về thúc đẩy …"."""
    label = str(program.get_kind_display())
    title = program.title.strip()
    if title.lower().startswith(label.lower()):
        title = title[len(label) :].strip()
    head = f"{label} số {program.number}" if program.number else label
    return f"{head} {title[:1].lower()}{title[1:]}" if title else head


def covered_programs(program: Program | None, issuer: Agency) -> list[Program]:
    if program is not None:
        return [program]
    return list(Program.objects.filter(focal_agency=issuer, is_active=True).order_by("pk"))


# ---------------------------------------------------------------- the snapshot


def _attainment(target, result) -> str:
    """How far the latest figure goes towards the target: "Đạt", or the share of it reached."""
    if result.latest is None:
        return "—"
    if result.status == Trajectory.ACHIEVED:
        return _("Đạt")
    spec = queries.target_spec(target)
    value = result.measured_rate if target.measure == Measure.GROWTH_RATE else result.latest.value
    if value is None or not spec.required or not spec.upward or target.comparator == Comparator.AT_MOST:
        return _("Chưa đạt")
    return _("Chưa đạt (%(share)s%% mục tiêu)") % {"share": format_number(round(100 * value / spec.required))}


def _target_rows(programs, many: bool) -> tuple[list[dict], Counter]:
    targets = (
        Target.objects.filter(program__in=programs, is_active=True)
        .select_related("program", "lead_agency")
        .prefetch_related("measurements")
        .order_by("program_id", "pk")
    )
    rows, counts = [], Counter()
    for target in targets:
        result = queries.target_trajectory(target)
        counts[result.status] += 1
        baseline = ""
        if target.baseline_value is not None:
            baseline = f"{format_number(target.baseline_value)} {target.value_unit or target.unit}".strip()
            if target.baseline_year:
                baseline += f" ({target.baseline_year})"
        latest = ""
        if result.latest is not None:
            latest = f"{format_number(round(result.latest.value, 2))} ({format_date(result.latest.as_of)})"
        rows.append(
            {
                "program": (target.program.number or target.program.title) if many else "",
                # Documents write indicators mid-sentence ("tỷ lệ ..."); a table cell starts a sentence.
                "indicator": target.indicator[:1].upper() + target.indicator[1:],
                "baseline": baseline,
                "target": f"{target_wording(target)} ({target.year})",
                "latest": latest,
                "attainment": _attainment(target, result),
                "status": str(result.status.label),
            }
        )
    return rows, counts


def _task_rows(programs, periods, on, many: bool) -> tuple[list[dict], list]:
    tasks = list(
        queries.with_status(Task.objects.filter(program__in=programs, is_active=True), on)
        .select_related("program")
        .prefetch_related("leads__agency")
        .order_by("program_id", "pk")
    )
    results = defaultdict(list)
    reports = (
        ProgressReport.objects.filter(period__in=periods, task__in=tasks)
        .exclude(review_state=ReviewState.RETURNED)
        .select_related("agency")
        .order_by("task_id", "agency__name")
    )
    for report in reports:
        results[report.task_id].append(report.narrative.strip())
    rows = []
    for task in tasks:
        status = queries.status_of_rank(task.status_rank)
        task.status = status
        rows.append(
            {
                "id": task.pk,
                "program": (task.program.number or task.program.title) if many else "",
                "number": task.number,
                "title": task.title,
                "lead": task.lead_text or ", ".join(lead.agency.name for lead in task.leads.all()),
                "coordinating": task.coordinating_text,
                "deadline": task.due_text or format_date(task.deadline),
                "status": str(status.label) if status else "",
                "result": " ".join(results[task.pk]),
            }
        )
    return rows, tasks


def _score(value) -> str:
    return format_number(round(value, 1)) if value is not None else "—"


def _score_rows(periods, on, many: bool) -> list[dict]:
    rows = []
    for period in periods:
        for row in queries.scorecard(period, on):
            rows.append(
                {
                    "program": (period.program.number or period.program.title) if many else "",
                    "agency": row.agency.name,
                    "total": _score(row.score.total),
                    "lead": _score(row.score.lead),
                    "punctuality": _score(row.score.punctuality),
                    "coordinating": row.coordinating,
                    "contributions": row.contributions,
                }
            )
    return rows


def next_period_end(start: datetime.date, end: datetime.date) -> datetime.date:
    """The horizon of the report's directions: a period as long as this one after it, to the end of
    that month (a deadline written as "Năm 2026" falls on 31/12, after the Decree 09 cut-off of 14/12)."""
    later = end + (end - start)
    return (
        datetime.date(later.year, 12, 31)
        if later.month == 12
        else datetime.date(later.year, later.month + 1, 1) - datetime.timedelta(days=1)
    )


def _due_next(task, next_end: datetime.date) -> bool:
    """Whether a task belongs to next period's directions: recurring work, unfinished work due by
    `next_end` (overdue included), and unfinished work of a multi-year period already under way."""
    if task.status is None:
        return False
    if task.due_kind in RECURRING_KINDS:
        return True
    if task.status in COMPLETED:
        return False
    if task.due_kind == DueKind.PERIOD and task.due_start_year and task.due_start_year <= next_end.year:
        return True
    return bool(task.deadline and task.deadline <= next_end)


def gather(program: Program | None, issuer: Agency, kind: str, year: int, number, start, end, on=None) -> dict:
    """The figures and tables of a report, as plain values (kept with the report as its snapshot)."""
    on = on or queries.today()
    programs = covered_programs(program, issuer)
    many = program is None
    periods = list(
        ReportingPeriod.objects.filter(program__in=programs, kind=kind, year=year, number=number).select_related(
            "program"
        )
    )
    target_rows, trajectories = _target_rows(programs, many)
    task_rows, tasks = _task_rows(programs, periods, on, many)
    statuses = Counter(task.status for task in tasks if task.status is not None)
    reports = list(
        ProgressReport.objects.filter(period__in=periods)
        .exclude(review_state=ReviewState.RETURNED)
        .select_related("agency")
        .order_by("agency__name", "task_id")
    )
    next_end = next_period_end(start, end)
    upcoming = [task for task in tasks if _due_next(task, next_end)]
    by_field = defaultdict(Counter)
    by_agency = defaultdict(Counter)
    for task in tasks:
        if task.status is None:
            continue
        by_field[task.section or _("Nhiệm vụ khác")][task.status] += 1
        for lead in task.leads.all():
            by_agency[lead.agency.name][queries.lead_status(lead, on)] += 1
    narratives = defaultdict(list)
    for report in reports:
        narratives[report.agency.name].append(report.narrative.strip())
    return {
        "as_of": on.isoformat(),
        "programs": [{"id": p.pk, "phrase": program_phrase(p)} for p in programs],
        "periods": [period.pk for period in periods],
        "status_counts": {status.value: statuses[status] for status in STATUS_SEVERITY},
        "trajectory_counts": {t.value: trajectories[t] for t in Trajectory},
        "targets": target_rows,
        "tasks": task_rows,
        "scores": _score_rows(periods, on, many),
        "by_field": {name: dict(counter) for name, counter in by_field.items()},
        "by_agency": {name: dict(counter) for name, counter in by_agency.items()},
        "narratives": dict(narratives),
        "difficulties": [(r.agency.name, r.difficulties.strip()) for r in reports if r.difficulties.strip()],
        "proposals": [(r.agency.name, r.proposals.strip()) for r in reports if r.proposals.strip()],
        "upcoming": [
            {
                "title": task.title,
                "lead": task.lead_text or ", ".join(lead.agency.name for lead in task.leads.all()),
                "deadline": task.due_text or format_date(task.deadline),
            }
            for task in upcoming
        ],
        "next_period_end": next_end.isoformat(),
    }


# ---------------------------------------------------------------- writing the sections


def _counts_phrase(counts: dict, labels) -> str:
    parts = [f"{str(label.label).lower()} {counts.get(label.value, 0)}" for label in labels if counts.get(label.value)]
    return "; ".join(parts)


def _status_summary(counts: dict) -> str:
    done = sum(counts.get(status, 0) for status in COMPLETED)
    overdue = counts.get(TaskStatus.OVERDUE, 0)
    total = sum(counts.values())
    return _(
        "%(total)s nhiệm vụ: hoàn thành %(done)s, quá hạn chưa hoàn thành %(overdue)s, còn lại đang triển khai"
    ) % {
        "total": total,
        "done": done,
        "overdue": overdue,
    }


def compose(data: dict, issuer_name: str, period_phrase: str, next_phrase: str) -> list[dict]:
    """The report's sections written from its snapshot, each editable before issuing."""
    statuses, trajectories = data["status_counts"], data["trajectory_counts"]
    subjects = "; ".join(p["phrase"] for p in data["programs"]) or _("các chương trình, kế hoạch")
    as_of = format_date(datetime.date.fromisoformat(data["as_of"]))
    task_total, target_total = sum(statuses.values()), sum(trajectories.values())
    intro = _("Thực hiện %(subjects)s, %(issuer)s báo cáo kết quả thực hiện %(period)s như sau:") % {
        "subjects": subjects,
        "issuer": issuer_name,
        "period": period_phrase,
    }
    overview = [_("Tính đến ngày %(date)s, tổng số nhiệm vụ được giao là %(n)s.") % {"date": as_of, "n": task_total}]
    if task_total:
        overview.append(_("Trong đó: %(parts)s.") % {"parts": _counts_phrase(statuses, STATUS_SEVERITY)})
    overview.append(_("Tổng số chỉ tiêu được theo dõi là %(n)s.") % {"n": target_total})
    if target_total:
        overview.append(_("Trong đó: %(parts)s.") % {"parts": _counts_phrase(trajectories, Trajectory)})
    targets = _("Kết quả thực hiện các chỉ tiêu (số liệu mới nhất, mức đạt so với mục tiêu) tại bảng dưới đây.")
    if not target_total:
        targets = _("Văn bản không giao chỉ tiêu định lượng.")
    by_field = [f"- {name}: {_status_summary(counts)}." for name, counts in sorted(data["by_field"].items())] or [
        _("Chưa có nhiệm vụ.")
    ]
    by_agency = []
    for name, counts in sorted(data["by_agency"].items()):
        line = f"- {name}: {_status_summary(counts)}."
        said = [text for text in data["narratives"].get(name, []) if text]
        if said:
            line += " " + " ".join(said)
        by_agency.append(line)
    by_agency = by_agency or [_("Chưa có nhiệm vụ giao cho cơ quan chủ trì.")]
    scores = _(
        "Điểm của các cơ quan trong kỳ (điểm chủ trì, điểm đúng hạn báo cáo, vai trò phối hợp) tại bảng dưới đây."
    )
    if not data["scores"]:
        scores = _("Chưa có số liệu để chấm điểm các cơ quan trong kỳ (chưa mở kỳ báo cáo hoặc không có nhiệm vụ).")
    difficulties = [f"- {name}: {text}" for name, text in data["difficulties"]] or [
        _("Các cơ quan chưa báo cáo khó khăn, vướng mắc trong kỳ.")
    ]
    directions = [_("Tiếp tục theo dõi, đôn đốc thực hiện các chỉ tiêu, nhiệm vụ được giao.")]
    if data["upcoming"]:
        directions.append(_("Tập trung thực hiện các nhiệm vụ đến hạn, quá hạn, đang triển khai và thường xuyên:"))
    directions += [f"- {t['title']} (chủ trì: {t['lead']}; thời hạn: {t['deadline']})." for t in data["upcoming"]]
    proposals = [f"- {name}: {text}" for name, text in data["proposals"]] or [_("Không có.")]
    return [
        {"key": "intro", "heading": "", "text": intro},
        {"key": "overview", "heading": _("I. KẾT QUẢ THỰC HIỆN\n1. Tình hình chung"), "text": " ".join(overview)},
        {"key": "targets", "heading": _("2. Kết quả thực hiện các chỉ tiêu"), "text": targets},
        {"key": "by_field", "heading": _("3. Kết quả theo lĩnh vực, nhóm nhiệm vụ"), "text": "\n".join(by_field)},
        {"key": "by_agency", "heading": _("4. Kết quả theo cơ quan chủ trì"), "text": "\n".join(by_agency)},
        {"key": "scores", "heading": _("5. Đánh giá, chấm điểm các cơ quan"), "text": scores},
        {"key": "difficulties", "heading": _("II. KHÓ KHĂN, VƯỚNG MẮC"), "text": "\n".join(difficulties)},
        {
            "key": "directions",
            "heading": _("III. PHƯƠNG HƯỚNG, NHIỆM VỤ %(next)s") % {"next": next_phrase.upper()},
            "text": "\n".join(directions),
        },
        {"key": "proposals", "heading": _("IV. ĐỀ XUẤT, KIẾN NGHỊ"), "text": "\n".join(proposals)},
    ]


def report_title(data: dict, period_phrase: str, next_phrase: str, program: Program | None) -> str:
    subject = data["programs"][0]["phrase"] if program is not None else _("các chương trình, kế hoạch đối ngoại")
    return _("Kết quả %(period)s thực hiện %(subject)s, phương hướng nhiệm vụ %(next)s") % {
        "subject": subject,
        "period": period_phrase,
        "next": next_phrase,
    }


# ---------------------------------------------------------------- the workflow


def _defaults(issuer: Agency) -> dict:
    """Header, recipients and signature a draft starts with: a department or board of the province
    writes "UBND TỈNH …" above its own name; the province's leadership writes its name alone."""
    if issuer.parent_id:
        parent = issuer.parent.name.upper()
    elif issuer.kind in (AgencyKind.DEPARTMENT, AgencyKind.BOARD):
        parent = _("UBND TỈNH %(province)s") % {"province": settings.PROVINCE_NAME.upper()}
    else:
        parent = ""
    return {
        "issuer_parent_line": parent,
        "issuer_line": issuer.name.upper(),
        "issuer_symbol": issuer.code,
        "place": settings.PROVINCE_NAME,
        "recipients": "\n".join(
            [
                _("Ủy ban nhân dân tỉnh (b/c);"),
                _("Các sở, ban, ngành;"),
                _("Lưu: VT, %(code)s.") % {"code": issuer.code},
            ]
        ),
        "signer_capacity": _("KT. GIÁM ĐỐC"),
        "signer_title": _("PHÓ GIÁM ĐỐC"),
    }


def _write(report: Report, on=None) -> None:
    """(Re)write the report's snapshot, title and sections from today's data."""
    with translation.override(DOCUMENT_LANGUAGE):
        phrase, next_phrase = period_phrases(
            report.period_kind, report.year, report.period_number, report.start_date, report.end_date
        )
        report.data = gather(
            report.program,
            report.issuer,
            report.period_kind,
            report.year,
            report.period_number,
            report.start_date,
            report.end_date,
            on,
        )
        report.title = report_title(report.data, phrase, next_phrase, report.program)[:500]
        report.sections = compose(report.data, report.issuer.name, phrase, next_phrase)


def create_draft(*, program, issuer, kind, year, number=None, start=None, end=None, user, on=None) -> Report:
    """A new draft for a programme (or all the issuer follows) and a period, written from the data."""
    start, end = period_dates(kind, year, number, start, end)
    with translation.override(DOCUMENT_LANGUAGE):
        defaults = _defaults(issuer)
    report = Report(
        program=program,
        issuer=issuer,
        period_kind=kind,
        year=year,
        period_number=number if kind in (PeriodKind.QUARTERLY, PeriodKind.MONTHLY) else None,
        start_date=start,
        end_date=end,
        **defaults,
    )
    report.full_clean(exclude=["title", "sections"])
    _write(report, on)
    with transaction.atomic(), acting_user(user):
        report.save()
    return report


def _check_draft(report: Report) -> None:
    if report.is_issued:
        raise ValidationError(_("Báo cáo đã ban hành, không sửa được nữa."))


def refresh(report: Report, user, on=None) -> Report:
    """Rewrite a draft from the latest data (its edited texts are replaced; history keeps them)."""
    _check_draft(report)
    _write(report, on)
    with transaction.atomic(), acting_user(user):
        report.save()
    return report


def save_edits(report: Report, user) -> Report:
    """Save an officer's edits to a draft."""
    _check_draft(Report.objects.get(pk=report.pk))
    report.full_clean()
    with transaction.atomic(), acting_user(user):
        report.save()
    return report


def next_number(issuer: Agency, year: int, document_type: str = "BC") -> int:
    """The next number of the issuer's register for the year; call inside a transaction."""
    register, _created = NumberRegister.objects.select_for_update().get_or_create(
        issuer=issuer, year=year, document_type=document_type
    )
    register.last_number += 1
    register.save(update_fields=["last_number", "updated_at"])
    return register.last_number


def issue(report: Report, user, on: datetime.date | None = None) -> Report:
    """Issue a draft: the next number of the issuer's register for the year, today's date; frozen."""
    on = on or queries.today()
    with transaction.atomic(), acting_user(user):
        report = Report.objects.select_for_update().get(pk=report.pk)
        _check_draft(report)
        report.number, report.number_year = next_number(report.issuer, on.year), on.year
        report.issued_on = on
        report.issued_by = user
        report.state = ReportState.ISSUED
        report.save()
    return report


def delete_draft(report: Report, user) -> None:
    """Only a draft may be deleted: an issued report is part of the record."""
    _check_draft(report)
    with transaction.atomic(), acting_user(user):
        report.delete()
