"""The monitoring rules as pure functions over plain values: deadlines, task status, reporting
periods, target trajectories and agency scores.

Nothing here touches the database, so every rule is tested by tables of cases and by hypothesis
properties; programs/services.py applies them to records. The one exception is
`status_expression`, the same status rule written as SQL so that lists can filter by status; a
test proves the two agree.
"""

import calendar
import datetime
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models import Case, CharField, F, IntegerField, Q, Value, When
from django.utils.translation import gettext as _

from doingoai.core.text import ParseError, clean_text, normalize, parse_date

from ..choices import STATUS_SEVERITY, Comparator, DueKind, Measure, PeriodKind, Progress, TaskStatus, Trajectory

# ---------------------------------------------------------------- deadlines


@dataclass(frozen=True)
class Due:
    """A task's time as the document words it, read: "Năm 2027", "Giai đoạn 2026-2030", "Thường xuyên"."""

    kind: DueKind
    year: int | None = None
    date: datetime.date | None = None
    start_year: int | None = None
    end_year: int | None = None


ROMAN_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}


def _month_end(year: int, month: int) -> datetime.date:
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def parse_due(text: str) -> Due:
    """Read the time column of a task table.

    "Năm 2027" → year; "Giai đoạn 2026-2030" → period; "Thường xuyên" → recurring; "Hằng năm" →
    annual; anything "theo yêu cầu" → on request (it wins over "Thường xuyên hoặc theo yêu cầu...");
    "Quý II/2026", "Tháng 6/2026", "6 tháng đầu năm 2026", "30/6/2026" → a date; empty → none.
    """
    raw = clean_text(text)
    folded = normalize(raw)
    if not folded:
        return Due(DueKind.NONE)
    if "theo yeu cau" in folded:
        return Due(DueKind.ON_REQUEST)
    if re.search(r"\bthuong xuyen\b", folded):
        return Due(DueKind.RECURRING)
    if re.search(r"\bhang nam\b", folded):
        return Due(DueKind.ANNUAL)
    if match := re.search(r"\b(\d{4})\s*[-–—]\s*(\d{4})\b", folded):
        start, end = int(match.group(1)), int(match.group(2))
        if start > end:
            raise ParseError(_("Thời hạn “%(value)s” có năm bắt đầu sau năm kết thúc.") % {"value": raw})
        return Due(DueKind.PERIOD, start_year=start, end_year=end)
    if match := re.search(r"\bquy\s+(iv|i{1,3}|[1-4])\s*(?:/|nam)\s*(\d{4})\b", folded):
        quarter, year = ROMAN_QUARTERS[match.group(1)], int(match.group(2))
        return Due(DueKind.DATE, date=_month_end(year, quarter * 3))
    if match := re.search(r"\b6 thang (dau|cuoi) nam\s*(\d{4})\b", folded):
        year = int(match.group(2))
        return Due(DueKind.DATE, date=_month_end(year, 6 if match.group(1) == "dau" else 12))
    if match := re.search(r"\b(\d{1,2}[/.\-]\d{1,2}[/.\-]\d{4})\b", folded):
        return Due(DueKind.DATE, date=parse_date(match.group(1)))
    if match := re.search(r"\bthang\s+(\d{1,2})\s*(?:/|nam)\s*(\d{4})\b", folded):
        month, year = int(match.group(1)), int(match.group(2))
        if 1 <= month <= 12:
            return Due(DueKind.DATE, date=_month_end(year, month))
    if match := re.fullmatch(r"(?:(?:trong|truoc|den het)\s+)?(?:nam\s+)?(\d{4})", folded):
        return Due(DueKind.YEAR, year=int(match.group(1)))
    raise ParseError(
        _("Không hiểu thời hạn “%(value)s” (ví dụ: Năm 2027, Giai đoạn 2026-2030, Thường xuyên, 30/6/2026).")
        % {"value": raw}
    )


def deadline_of(due: Due) -> datetime.date | None:
    """The last day a task may be finished on time: "Năm 2027" → 31/12/2027, a period → 31/12 of its
    last year. Recurring and annual tasks are judged per reporting period, on-request ones never."""
    if due.kind == DueKind.YEAR:
        return datetime.date(due.year, 12, 31)
    if due.kind == DueKind.PERIOD:
        return datetime.date(due.end_year, 12, 31)
    if due.kind == DueKind.DATE:
        return due.date
    return None


# ---------------------------------------------------------------- task status


def task_status(
    progress: str,
    completed_on: datetime.date | None,
    deadline: datetime.date | None,
    today: datetime.date,
    window_days: int = 30,
) -> TaskStatus:
    """One status for a share of a task on `today`, from its progress and its deadline.

    In this order: paused; completed (on time when finished by the deadline, or when there is
    none); no deadline; past the deadline (overdue, started or not); within `window_days` of it (due
    soon); not started; in progress on time. `status_expression` is this same rule in SQL.
    """
    if progress == Progress.PAUSED:
        return TaskStatus.PAUSED
    if progress == Progress.COMPLETED:
        if deadline is None or completed_on is None or completed_on <= deadline:
            return TaskStatus.COMPLETED_ON_TIME
        return TaskStatus.COMPLETED_LATE
    if deadline is None:
        return TaskStatus.NO_DEADLINE
    if deadline < today:
        return TaskStatus.OVERDUE
    if deadline <= today + datetime.timedelta(days=window_days):
        return TaskStatus.DUE_SOON
    if progress == Progress.NOT_STARTED:
        return TaskStatus.NOT_STARTED
    return TaskStatus.IN_PROGRESS_ON_TIME


def status_expression(today: datetime.date, window_days: int = 30, prefix: str = "", ranks: bool = False):
    """`task_status` as a SQL CASE over the fields progress, completed_on and deadline (after `prefix`).

    With `ranks`, it gives the position in STATUS_SEVERITY (0 = worst) instead of the status, so that
    MIN over a task's lead bodies finds the task's status.
    """

    def field(name):
        return f"{prefix}{name}"

    def out(status):
        return Value(STATUS_SEVERITY.index(status)) if ranks else Value(status.value)

    completed = Q(**{field("progress"): Progress.COMPLETED})
    no_deadline = Q(**{f"{field('deadline')}__isnull": True})
    on_time = (
        no_deadline
        | Q(**{f"{field('completed_on')}__isnull": True})
        | Q(**{f"{field('completed_on')}__lte": F(field("deadline"))})
    )
    return Case(
        When(Q(**{field("progress"): Progress.PAUSED}), then=out(TaskStatus.PAUSED)),
        When(completed & on_time, then=out(TaskStatus.COMPLETED_ON_TIME)),
        When(completed, then=out(TaskStatus.COMPLETED_LATE)),
        When(no_deadline, then=out(TaskStatus.NO_DEADLINE)),
        When(Q(**{f"{field('deadline')}__lt": today}), then=out(TaskStatus.OVERDUE)),
        When(
            Q(**{f"{field('deadline')}__lte": today + datetime.timedelta(days=window_days)}),
            then=out(TaskStatus.DUE_SOON),
        ),
        When(Q(**{field("progress"): Progress.NOT_STARTED}), then=out(TaskStatus.NOT_STARTED)),
        default=out(TaskStatus.IN_PROGRESS_ON_TIME),
        output_field=IntegerField() if ranks else CharField(),
    )


def worst_status(statuses) -> TaskStatus | None:
    """The status of a task whose lead bodies each have one: the worst of theirs."""
    statuses = list(statuses)
    if not statuses:
        return None
    return min(statuses, key=STATUS_SEVERITY.index)


@dataclass(frozen=True)
class Obligation:
    """What a recurring task's lead body owes for one open reporting period."""

    deadline: datetime.date
    progress: str | None = None  # of the report it sent; None when it sent none
    reported_on: datetime.date | None = None


@dataclass(frozen=True)
class LeadState:
    progress: str
    completed_on: datetime.date | None
    deadline: datetime.date | None


def recurring_state(obligations: Sequence[Obligation]) -> LeadState:
    """Judge a recurring ("Thường xuyên") or annual task per reporting period.

    A period counts as done when the lead body reported acting in it (in progress or completed).
    If some open period is not done, the share is judged by the earliest such deadline (not started,
    due soon or overdue); if every one is done, it is completed, late when any report came after its
    deadline; a latest report saying "paused" pauses it. With no open period there is no deadline.
    """
    if not obligations:
        return LeadState(Progress.NOT_STARTED, None, None)
    answered = (Progress.IN_PROGRESS, Progress.COMPLETED, Progress.PAUSED)
    owing = sorted((o for o in obligations if o.progress not in answered), key=_deadline)
    reported = sorted((o for o in obligations if o.progress in answered), key=_deadline)
    if reported and reported[-1].progress == Progress.PAUSED:
        return LeadState(Progress.PAUSED, None, reported[-1].deadline)
    if owing:
        return LeadState(Progress.NOT_STARTED, None, owing[0].deadline)
    late = [o for o in reported if o.reported_on and o.reported_on > o.deadline]
    judged = late[-1] if late else reported[-1]
    return LeadState(Progress.COMPLETED, judged.reported_on, judged.deadline)


def _deadline(obligation: Obligation):
    return obligation.deadline


# ---------------------------------------------------------------- reporting periods


def period_bounds(kind: str, year: int, number: int | None = None) -> tuple[datetime.date, datetime.date]:
    """First and last day of a standard period, by the cut-offs of Decree 09/2019/NĐ-CP:
    a year runs from 15/12 of the year before to 14/12; 6 months to 14/6; 9 months to 14/9;
    quarters and months likewise from the 15th."""
    year_start = datetime.date(year - 1, 12, 15)
    if kind == PeriodKind.SIX_MONTH:
        return year_start, datetime.date(year, 6, 14)
    if kind == PeriodKind.NINE_MONTH:
        return year_start, datetime.date(year, 9, 14)
    if kind == PeriodKind.ANNUAL:
        return year_start, datetime.date(year, 12, 14)
    if kind == PeriodKind.QUARTERLY and number in (1, 2, 3, 4):
        start = year_start if number == 1 else datetime.date(year, 3 * (number - 1), 15)
        return start, datetime.date(year, 3 * number, 14)
    if kind == PeriodKind.MONTHLY and number is not None and 1 <= number <= 12:
        start = year_start if number == 1 else datetime.date(year, number - 1, 15)
        return start, datetime.date(year, number, 14)
    raise ValueError(f"no standard bounds for {kind} {year} {number}")


QUARTER_NAMES = {1: "I", 2: "II", 3: "III", 4: "IV"}


def period_title(kind: str, year: int, number: int | None = None) -> str:
    """The usual title of a period's report: "Báo cáo 6 tháng đầu năm 2026", "Báo cáo quý II năm 2026"."""
    if kind == PeriodKind.SIX_MONTH:
        return _("Báo cáo 6 tháng đầu năm %(year)s") % {"year": year}
    if kind == PeriodKind.NINE_MONTH:
        return _("Báo cáo 9 tháng năm %(year)s") % {"year": year}
    if kind == PeriodKind.ANNUAL:
        return _("Báo cáo năm %(year)s") % {"year": year}
    if kind == PeriodKind.QUARTERLY:
        return _("Báo cáo quý %(quarter)s năm %(year)s") % {"quarter": QUARTER_NAMES.get(number, number), "year": year}
    if kind == PeriodKind.MONTHLY:
        return _("Báo cáo tháng %(month)s năm %(year)s") % {"month": number, "year": year}
    return str(PeriodKind(kind).label) + f" {year}"


# ---------------------------------------------------------------- targets


@dataclass(frozen=True)
class TargetSpec:
    """What a target asks for. Without a baseline a path starts from 0 at the end of `start_year`."""

    comparator: str
    minimum: float | None
    maximum: float | None
    measure: str
    target_year: int
    start_year: int
    baseline_value: float | None = None
    baseline_year: int | None = None

    @property
    def origin_year(self) -> int:
        return self.baseline_year if self.baseline_year is not None else self.start_year

    @property
    def origin_value(self) -> float:
        return self.baseline_value if self.baseline_value is not None else 0.0

    @property
    def required(self) -> float:
        """The number that counts as reaching the target: the floor, or the ceiling of "at most"."""
        if self.comparator == Comparator.AT_MOST:
            return self.maximum
        return self.minimum

    @property
    def upward(self) -> bool:
        """Whether reaching the target means growing (most targets) or falling ("không quá")."""
        if self.comparator == Comparator.AT_MOST:
            return False
        if self.measure == Measure.GROWTH_RATE:
            return True
        return not (self.baseline_value is not None and self.baseline_value > self.required)


@dataclass(frozen=True)
class Point:
    as_of: datetime.date
    value: float


@dataclass(frozen=True)
class TrajectoryResult:
    status: Trajectory
    latest: Point | None = None
    projected: float | None = None  # the value expected at the end of the target year
    expected_now: float | None = None  # where the path from baseline to target stands at `latest`
    measured_rate: float | None = None  # for growth-rate targets: % a year since the baseline


def attained(spec: TargetSpec, value: float, tolerance: float = 0.05) -> bool:
    """Whether a value reaches the target.

    A range's upper bound is an aspiration, not a ceiling: 25.000 reaches "15.000 - 20.000".
    "Khoảng" (approx) accepts `tolerance` (±5 %) around its number; "không quá" (at most) is a
    ceiling; "đạt" (equal) is reached from the side the path comes from.
    """
    required = spec.required
    if spec.comparator == Comparator.APPROX:
        margin = abs(required) * tolerance
        return value >= required - margin if spec.upward else value <= required + margin
    return value >= required if spec.upward else value <= required


def _end_of(year: int) -> datetime.date:
    return datetime.date(year, 12, 31)


def _years_between(start: datetime.date, end: datetime.date) -> float:
    return (end - start).days / 365.25


def _year_fraction(day: datetime.date) -> float:
    """How much of its calendar year has passed at the end of `day` (31/12 → 1)."""
    days_in_year = 366 if calendar.isleap(day.year) else 365
    return day.timetuple().tm_yday / days_in_year


def growth_rate(start_value: float, end_value: float, years: float) -> float | None:
    """Average yearly growth, compounded, in %: 100 → 121 over 2 years is 10."""
    if start_value <= 0 or end_value <= 0 or years <= 0:
        return None
    return ((end_value / start_value) ** (1 / years) - 1) * 100


def expected_value(spec: TargetSpec, when: datetime.date) -> float | None:
    """Where the path from the baseline to the target stands on `when`."""
    origin = _end_of(spec.origin_year)
    if spec.measure == Measure.ANNUAL:
        return spec.required * _year_fraction(when)
    if spec.measure == Measure.GROWTH_RATE:
        if not spec.baseline_value:
            return None
        return spec.baseline_value * (1 + spec.required / 100) ** _years_between(origin, when)
    total = _years_between(origin, _end_of(spec.target_year))
    share = min(1.0, max(0.0, _years_between(origin, when) / total)) if total > 0 else 1.0
    return spec.origin_value + (spec.required - spec.origin_value) * share


def _linear_projection(spec: TargetSpec, points: Sequence[Point]) -> float | None:
    """A least-squares line through the baseline and the measurements, read at the target year's end."""
    origin = _end_of(spec.origin_year)
    series = [(0.0, spec.origin_value)] + [(_years_between(origin, p.as_of), p.value) for p in points]
    count = len(series)
    mean_t = sum(t for t, _ in series) / count
    mean_v = sum(v for _, v in series) / count
    spread = sum((t - mean_t) ** 2 for t, _ in series)
    if spread == 0:
        return None
    slope = sum((t - mean_t) * (v - mean_v) for t, v in series) / spread
    horizon = _years_between(origin, _end_of(spec.target_year))
    return mean_v + slope * (horizon - mean_t)


def trajectory(spec: TargetSpec, points: Sequence[Point], margin: float = 0.10, tolerance: float = 0.05):
    """Where a target stands from its measurements: achieved, on track, at risk, off track, or no data.

    Level targets: achieved when the latest value reaches it; otherwise a straight line through the
    baseline and the measurements is read at the end of the target year. Annual targets: the latest
    year's value, a partial year scaled to a whole one. Growth-rate targets: the compound yearly
    growth from the baseline to the latest value. Short of the target but within `margin` (10 %) of
    the way from the baseline to it is "at risk".
    """
    if not points:
        return TrajectoryResult(Trajectory.NO_DATA)
    points = sorted(points, key=lambda p: p.as_of)
    latest = points[-1]
    expected_now = expected_value(spec, latest.as_of)
    if spec.measure == Measure.GROWTH_RATE:
        years = _years_between(_end_of(spec.origin_year), latest.as_of)
        rate = growth_rate(spec.baseline_value or 0, latest.value, years)
        if rate is None:
            return TrajectoryResult(Trajectory.NO_DATA, latest=latest, expected_now=expected_now)
        projected = spec.baseline_value * (1 + rate / 100) ** _years_between(
            _end_of(spec.origin_year), _end_of(spec.target_year)
        )
        if attained(spec, rate, tolerance):
            status = Trajectory.ACHIEVED if latest.as_of.year >= spec.target_year else Trajectory.ON_TRACK
        else:
            status = _short_of(rate / spec.required if spec.required else 0, margin)
        return TrajectoryResult(status, latest, projected, expected_now, rate)
    if spec.measure == Measure.ANNUAL:
        projected = latest.value / _year_fraction(latest.as_of)
        full_year = _year_fraction(latest.as_of) >= 1
        if attained(spec, projected, tolerance):
            status = Trajectory.ACHIEVED if full_year else Trajectory.ON_TRACK
        else:
            share = projected / spec.required if spec.upward else spec.required / projected if projected else 0.0
            status = _short_of(share if spec.required else 0.0, margin)
        return TrajectoryResult(status, latest, projected, expected_now)
    if attained(spec, latest.value, tolerance):
        return TrajectoryResult(Trajectory.ACHIEVED, latest, latest.value, expected_now)
    projected = _linear_projection(spec, points)
    if projected is None:
        return TrajectoryResult(Trajectory.NO_DATA, latest, None, expected_now)
    if attained(spec, projected, tolerance):
        return TrajectoryResult(Trajectory.ON_TRACK, latest, projected, expected_now)
    distance = spec.required - spec.origin_value
    share = (projected - spec.origin_value) / distance if distance else 0.0
    return TrajectoryResult(_short_of(share, margin), latest, projected, expected_now)


def _short_of(share: float, margin: float) -> Trajectory:
    """At risk when `share` (how much of the target is expected) misses it by no more than `margin`."""
    return Trajectory.AT_RISK if share >= 1 - margin else Trajectory.OFF_TRACK


# ---------------------------------------------------------------- agency scores

SCORE_FORMULA = _(
    "Điểm = (trọng số chủ trì × điểm chủ trì + trọng số báo cáo × điểm báo cáo) ÷ tổng trọng số "
    "của các phần có số liệu. "
    "Điểm chủ trì = 100 × trung bình các nhiệm vụ đến hạn trong kỳ (hoàn thành đúng hạn 1; hoàn thành quá hạn: hệ số "
    "trễ hạn; chưa hoàn thành 0). Điểm báo cáo = 100 × trung bình các báo cáo phải nộp trong kỳ (nộp đúng hạn 1; "
    "nộp muộn: hệ số trễ hạn; chưa nộp khi đã quá hạn 0). Vai trò phối hợp được thống kê riêng, không tính vào điểm."
)


@dataclass(frozen=True)
class AgencyScore:
    total: float | None
    lead: float | None
    punctuality: float | None
    lead_count: int
    report_count: int


def completion_points(status: TaskStatus, late_credit: float = 0.5) -> float | None:
    """A due share's worth in the lead score: on time 1, late `late_credit`, unfinished 0; None if not yet due."""
    if status == TaskStatus.COMPLETED_ON_TIME:
        return 1.0
    if status == TaskStatus.COMPLETED_LATE:
        return late_credit
    if status == TaskStatus.OVERDUE:
        return 0.0
    return None


def report_points(
    submitted_on: datetime.date | None, deadline: datetime.date, on: datetime.date, late_credit: float = 0.5
) -> float | None:
    """An owed report's worth in the punctuality score; None while it is missing but not yet late."""
    if submitted_on is None:
        return 0.0 if on > deadline else None
    return 1.0 if submitted_on <= deadline else late_credit


def agency_score(
    lead_points: Sequence[float],
    reporting_points: Sequence[float],
    lead_weight: float = 0.7,
    report_weight: float = 0.3,
) -> AgencyScore:
    """The agency's score for a period (see SCORE_FORMULA), each part and the total between 0 and 100."""
    lead = 100 * math.fsum(lead_points) / len(lead_points) if lead_points else None
    punctuality = 100 * math.fsum(reporting_points) / len(reporting_points) if reporting_points else None
    parts = [
        (weight, value) for weight, value in ((lead_weight, lead), (report_weight, punctuality)) if value is not None
    ]
    weights = math.fsum(weight for weight, _ in parts)
    total = math.fsum(weight * value for weight, value in parts) / weights if parts and weights > 0 else None
    return AgencyScore(total, lead, punctuality, len(lead_points), len(reporting_points))
