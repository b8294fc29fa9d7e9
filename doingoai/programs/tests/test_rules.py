"""The pure monitoring rules: tables of cases at their boundaries, and properties for every input."""

import datetime
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from doingoai.core.text import ParseError
from doingoai.programs.choices import STATUS_SEVERITY, Comparator, DueKind, Measure, PeriodKind, Progress, TaskStatus
from doingoai.programs.choices import Trajectory as T
from doingoai.programs.services.rules import (
    Due,
    Obligation,
    Point,
    TargetSpec,
    agency_score,
    attained,
    completion_points,
    deadline_of,
    growth_rate,
    parse_due,
    period_bounds,
    period_title,
    recurring_state,
    report_points,
    task_status,
    trajectory,
    worst_status,
)

S = TaskStatus


@pytest.mark.parametrize(
    ("text", "due", "deadline"),
    [
        ("Năm 2027", Due(DueKind.YEAR, year=2027), date(2027, 12, 31)),
        ("năm 2026", Due(DueKind.YEAR, year=2026), date(2026, 12, 31)),
        ("2030", Due(DueKind.YEAR, year=2030), date(2030, 12, 31)),
        ("Giai đoạn 2026-2030", Due(DueKind.PERIOD, start_year=2026, end_year=2030), date(2030, 12, 31)),
        ("Giai doạn 2026- 2030", Due(DueKind.PERIOD, start_year=2026, end_year=2030), date(2030, 12, 31)),
        ("2026 – 2030", Due(DueKind.PERIOD, start_year=2026, end_year=2030), date(2030, 12, 31)),
        ("Thường xuyên", Due(DueKind.RECURRING), None),
        ("Hằng năm", Due(DueKind.ANNUAL), None),
        ("Hàng năm", Due(DueKind.ANNUAL), None),
        ("Thường xuyên hoặc theo yêu cầu của cơ quan cấp trên", Due(DueKind.ON_REQUEST), None),
        ("Theo yêu cầu", Due(DueKind.ON_REQUEST), None),
        ("", Due(DueKind.NONE), None),
        ("Quý II/2026", Due(DueKind.DATE, date=date(2026, 6, 30)), date(2026, 6, 30)),
        ("Quý 4 năm 2027", Due(DueKind.DATE, date=date(2027, 12, 31)), date(2027, 12, 31)),
        ("Tháng 2/2028", Due(DueKind.DATE, date=date(2028, 2, 29)), date(2028, 2, 29)),
        ("tháng 2 năm 2027", Due(DueKind.DATE, date=date(2027, 2, 28)), date(2027, 2, 28)),
        ("6 tháng đầu năm 2026", Due(DueKind.DATE, date=date(2026, 6, 30)), date(2026, 6, 30)),
        ("Trước ngày 30/6/2026", Due(DueKind.DATE, date=date(2026, 6, 30)), date(2026, 6, 30)),
        ("29/02/2028", Due(DueKind.DATE, date=date(2028, 2, 29)), date(2028, 2, 29)),
    ],
)
def test_due_wording_gives_the_deadline(text, due, deadline):
    assert parse_due(text) == due
    assert deadline_of(due) == deadline


@pytest.mark.parametrize("text", ["sớm nhất có thể", "Giai đoạn 2030-2026", "29/02/2027", "Quý V/2026"])
def test_unreadable_due_wording_is_refused(text):
    with pytest.raises(ParseError):
        parse_due(text)


TODAY = date(2026, 11, 23)
DEC31 = date(2026, 12, 31)

# (progress, completed_on, deadline, today, expected)
STATUS_CASES = [
    # Completed: on the deadline day is on time, the day after is late; leap day counts.
    (Progress.COMPLETED, DEC31, DEC31, date(2027, 1, 5), S.COMPLETED_ON_TIME),
    (Progress.COMPLETED, date(2027, 1, 1), DEC31, date(2027, 1, 5), S.COMPLETED_LATE),
    (Progress.COMPLETED, date(2028, 2, 29), date(2028, 2, 29), date(2028, 3, 1), S.COMPLETED_ON_TIME),
    (Progress.COMPLETED, date(2028, 3, 1), date(2028, 2, 29), date(2028, 3, 1), S.COMPLETED_LATE),
    (Progress.COMPLETED, date(2026, 5, 1), None, TODAY, S.COMPLETED_ON_TIME),
    # In progress around the deadline: on 31/12 still due soon, from 1/1 overdue.
    (Progress.IN_PROGRESS, None, DEC31, DEC31, S.DUE_SOON),
    (Progress.IN_PROGRESS, None, DEC31, date(2027, 1, 1), S.OVERDUE),
    (Progress.NOT_STARTED, None, DEC31, date(2027, 1, 1), S.OVERDUE),
    (Progress.IN_PROGRESS, None, date(2028, 2, 29), date(2028, 2, 29), S.DUE_SOON),
    (Progress.IN_PROGRESS, None, date(2028, 2, 29), date(2028, 3, 1), S.OVERDUE),
    # The due-soon window: exactly 30 days ahead is due soon, 31 days is not.
    (Progress.IN_PROGRESS, None, date(2026, 12, 23), TODAY, S.DUE_SOON),
    (Progress.IN_PROGRESS, None, date(2026, 12, 24), TODAY, S.IN_PROGRESS_ON_TIME),
    (Progress.NOT_STARTED, None, date(2026, 12, 24), TODAY, S.NOT_STARTED),
    (Progress.NOT_STARTED, None, date(2026, 12, 23), TODAY, S.DUE_SOON),
    # Paused wins over everything, even a passed deadline.
    (Progress.PAUSED, None, date(2020, 1, 1), TODAY, S.PAUSED),
    # No deadline (on request, or recurring with no open period).
    (Progress.IN_PROGRESS, None, None, TODAY, S.NO_DEADLINE),
    (Progress.NOT_STARTED, None, None, TODAY, S.NO_DEADLINE),
]


@pytest.mark.parametrize(("progress", "completed_on", "deadline", "today", "expected"), STATUS_CASES)
def test_task_status_at_the_boundaries(progress, completed_on, deadline, today, expected):
    assert task_status(progress, completed_on, deadline, today, window_days=30) == expected


def test_due_soon_window_is_a_setting():
    assert task_status(Progress.IN_PROGRESS, None, date(2026, 12, 31), TODAY, window_days=60) == S.DUE_SOON
    assert task_status(Progress.IN_PROGRESS, None, date(2026, 12, 31), TODAY, window_days=7) == S.IN_PROGRESS_ON_TIME


dates = st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 12, 31))
progresses = st.sampled_from(list(Progress))


@given(progresses, st.one_of(st.none(), dates), st.one_of(st.none(), dates), dates, st.integers(0, 120))
def test_every_share_gets_exactly_one_known_status(progress, completed_on, deadline, today, window):
    status = task_status(progress, completed_on, deadline, today, window)
    assert status in STATUS_SEVERITY
    assert sum(status == candidate for candidate in TaskStatus) == 1


@given(dates, dates, st.one_of(st.none(), dates), dates)
def test_finishing_earlier_never_worsens_the_status(earlier, later, deadline, today):
    earlier, later = min(earlier, later), max(earlier, later)
    rank_earlier = STATUS_SEVERITY.index(task_status(Progress.COMPLETED, earlier, deadline, today))
    rank_later = STATUS_SEVERITY.index(task_status(Progress.COMPLETED, later, deadline, today))
    assert rank_earlier >= rank_later


unfinished = st.sampled_from([Progress.NOT_STARTED, Progress.IN_PROGRESS, Progress.PAUSED])


@given(unfinished, dates, st.one_of(st.none(), dates), dates)
def test_finishing_never_worsens_the_status(progress, finished_on, deadline, today):
    finished_on = min(finished_on, today)
    before = STATUS_SEVERITY.index(task_status(progress, None, deadline, today))
    after = STATUS_SEVERITY.index(task_status(Progress.COMPLETED, finished_on, deadline, today))
    assert after >= before


def test_a_task_with_several_lead_bodies_shows_the_worst_of_their_shares():
    assert worst_status([S.COMPLETED_ON_TIME, S.OVERDUE, S.DUE_SOON]) == S.OVERDUE
    assert worst_status([S.COMPLETED_ON_TIME, S.COMPLETED_LATE]) == S.COMPLETED_LATE
    assert worst_status([]) is None


JUNE, DEC = date(2026, 6, 18), date(2026, 12, 18)


@pytest.mark.parametrize(
    ("obligations", "today", "expected"),
    [
        ([], TODAY, S.NO_DEADLINE),
        ([Obligation(JUNE)], TODAY, S.OVERDUE),  # reported nothing for the 6 months
        ([Obligation(JUNE, Progress.IN_PROGRESS, date(2026, 6, 10)), Obligation(DEC)], TODAY, S.DUE_SOON),
        ([Obligation(JUNE, Progress.COMPLETED, date(2026, 6, 10))], TODAY, S.COMPLETED_ON_TIME),
        ([Obligation(JUNE, Progress.IN_PROGRESS, date(2026, 7, 2))], TODAY, S.COMPLETED_LATE),
        (
            [
                Obligation(JUNE, Progress.COMPLETED, date(2026, 7, 2)),
                Obligation(DEC, Progress.COMPLETED, date(2026, 11, 2)),
            ],
            TODAY,
            S.COMPLETED_LATE,
        ),
        ([Obligation(JUNE, Progress.NOT_STARTED, date(2026, 6, 10))], TODAY, S.OVERDUE),  # reported doing nothing
        ([Obligation(JUNE, Progress.PAUSED, date(2026, 6, 10))], TODAY, S.PAUSED),
        ([Obligation(DEC)], date(2026, 6, 1), S.NOT_STARTED),
    ],
)
def test_recurring_tasks_are_judged_per_open_reporting_period(obligations, today, expected):
    state = recurring_state(obligations)
    assert task_status(state.progress, state.completed_on, state.deadline, today) == expected


@pytest.mark.parametrize(
    ("kind", "year", "number", "start", "end", "title"),
    [
        (PeriodKind.SIX_MONTH, 2026, None, date(2025, 12, 15), date(2026, 6, 14), "Báo cáo 6 tháng đầu năm 2026"),
        (PeriodKind.NINE_MONTH, 2026, None, date(2025, 12, 15), date(2026, 9, 14), "Báo cáo 9 tháng năm 2026"),
        (PeriodKind.ANNUAL, 2026, None, date(2025, 12, 15), date(2026, 12, 14), "Báo cáo năm 2026"),
        (PeriodKind.QUARTERLY, 2026, 1, date(2025, 12, 15), date(2026, 3, 14), "Báo cáo quý I năm 2026"),
        (PeriodKind.QUARTERLY, 2026, 4, date(2026, 9, 15), date(2026, 12, 14), "Báo cáo quý IV năm 2026"),
        (PeriodKind.MONTHLY, 2028, 3, date(2028, 2, 15), date(2028, 3, 14), "Báo cáo tháng 3 năm 2028"),
        (PeriodKind.MONTHLY, 2026, 1, date(2025, 12, 15), date(2026, 1, 14), "Báo cáo tháng 1 năm 2026"),
    ],
)
def test_periods_follow_decree_09_cut_offs(kind, year, number, start, end, title):
    assert period_bounds(kind, year, number) == (start, end)
    assert period_title(kind, year, number) == title


@given(st.integers(2000, 2100), st.integers(1, 12))
def test_monthly_periods_tile_the_year_without_gaps(year, month):
    start, end = period_bounds(PeriodKind.MONTHLY, year, month)
    if month > 1:
        assert period_bounds(PeriodKind.MONTHLY, year, month - 1)[1] + datetime.timedelta(days=1) == start
    assert start < end


def test_non_standard_periods_have_no_computed_bounds():
    with pytest.raises(ValueError):
        period_bounds(PeriodKind.AD_HOC, 2026)
    with pytest.raises(ValueError):
        period_bounds(PeriodKind.QUARTERLY, 2026, 5)


def spec(comparator=Comparator.AT_LEAST, minimum=100.0, maximum=None, measure=Measure.LEVEL, **kw):
    values = {"target_year": 2030, "start_year": 2025, **kw}
    return TargetSpec(comparator, minimum, maximum, measure, **values)


@pytest.mark.parametrize(
    ("target", "value", "expected"),
    [
        (spec(Comparator.AT_LEAST, 26), 26, True),
        (spec(Comparator.AT_LEAST, 26), 25.9, False),
        (spec(Comparator.AT_MOST, None, 5), 5, True),
        (spec(Comparator.AT_MOST, None, 5), 5.1, False),
        (spec(Comparator.BETWEEN, 15000, 20000), 15000, True),
        (spec(Comparator.BETWEEN, 15000, 20000), 25000, True),  # exceeding a range still reaches it
        (spec(Comparator.BETWEEN, 15000, 20000), 14999, False),
        (spec(Comparator.APPROX, 6), 5.7, True),  # within 5 %
        (spec(Comparator.APPROX, 6), 5.69, False),
        (spec(Comparator.EQUAL, 100), 100, True),
        (spec(Comparator.EQUAL, 100), 99.5, False),
        (spec(Comparator.EQUAL, 2, baseline_value=5), 2, True),  # a target reached by falling
        (spec(Comparator.EQUAL, 2, baseline_value=5), 3, False),
    ],
)
def test_comparators(target, value, expected):
    assert attained(target, value) is expected


def test_growth_rate_compounds():
    assert growth_rate(100, 121, 2) == pytest.approx(10)
    assert growth_rate(812, 812 * 1.15**5, 5) == pytest.approx(15)
    assert growth_rate(0, 10, 1) is None


@pytest.mark.parametrize(
    ("target", "points", "expected"),
    [
        (spec(), [], T.NO_DATA),
        (
            spec(Comparator.AT_LEAST, 10, baseline_value=0, baseline_year=2025),
            [Point(date(2027, 12, 31), 10)],
            T.ACHIEVED,
        ),
        # Straight line from 0 (2025) through 4 (2027) reaches 10 by 2030: on track.
        (
            spec(Comparator.AT_LEAST, 10, baseline_value=0, baseline_year=2025),
            [Point(date(2027, 12, 31), 4)],
            T.ON_TRACK,
        ),
        # Through 3.7 it reaches 9.25 by 2030: within 10 % of the way, at risk.
        (
            spec(Comparator.AT_LEAST, 10, baseline_value=0, baseline_year=2025),
            [Point(date(2027, 12, 31), 3.7)],
            T.AT_RISK,
        ),
        (
            spec(Comparator.AT_LEAST, 10, baseline_value=0, baseline_year=2025),
            [Point(date(2027, 12, 31), 1)],
            T.OFF_TRACK,
        ),
        # "Không quá": falling from 10 toward at most 5.
        (
            spec(Comparator.AT_MOST, None, 5, baseline_value=10, baseline_year=2025),
            [Point(date(2027, 12, 31), 8)],
            T.ON_TRACK,
        ),
        (
            spec(Comparator.AT_MOST, None, 5, baseline_value=10, baseline_year=2025),
            [Point(date(2027, 12, 31), 9.8)],
            T.OFF_TRACK,
        ),
        # Annual: 2 - 3 activities a year.
        (spec(Comparator.BETWEEN, 2, 3, Measure.ANNUAL), [Point(date(2026, 12, 31), 2)], T.ACHIEVED),
        (spec(Comparator.BETWEEN, 2, 3, Measure.ANNUAL), [Point(date(2026, 6, 30), 1)], T.ON_TRACK),
        (spec(Comparator.BETWEEN, 2, 3, Measure.ANNUAL), [Point(date(2026, 12, 31), 1)], T.OFF_TRACK),
        # Growth of 15 - 17 % a year from 812 (2025).
        (
            spec(Comparator.BETWEEN, 15, 17, Measure.GROWTH_RATE, baseline_value=812, baseline_year=2025),
            [Point(date(2026, 12, 31), 812 * 1.16)],
            T.ON_TRACK,
        ),
        (
            spec(Comparator.BETWEEN, 15, 17, Measure.GROWTH_RATE, baseline_value=812, baseline_year=2025),
            [Point(date(2026, 12, 31), 812 * 1.14)],
            T.AT_RISK,
        ),
        (
            spec(Comparator.BETWEEN, 15, 17, Measure.GROWTH_RATE, baseline_value=812, baseline_year=2025),
            [Point(date(2026, 12, 31), 812 * 1.05)],
            T.OFF_TRACK,
        ),
        (
            spec(Comparator.BETWEEN, 15, 17, Measure.GROWTH_RATE, baseline_value=812, baseline_year=2025),
            [Point(date(2030, 12, 31), 812 * 1.16**5)],
            T.ACHIEVED,
        ),
        (spec(Comparator.BETWEEN, 15, 17, Measure.GROWTH_RATE), [Point(date(2026, 12, 31), 900)], T.NO_DATA),
    ],
)
def test_target_trajectory(target, points, expected):
    assert trajectory(target, points).status == expected


def test_trajectory_projects_the_value_at_the_target_year():
    target = spec(Comparator.AT_LEAST, 10, baseline_value=0, baseline_year=2025)
    result = trajectory(target, [Point(date(2027, 12, 31), 4)])
    assert result.projected == pytest.approx(10, rel=0.01)
    assert result.expected_now == pytest.approx(4, rel=0.01)
    growth = trajectory(
        spec(Comparator.BETWEEN, 15, 17, Measure.GROWTH_RATE, baseline_value=812, baseline_year=2025),
        [Point(date(2026, 12, 31), 812 * 1.16)],
    )
    assert growth.measured_rate == pytest.approx(16, rel=0.01)
    assert growth.projected == pytest.approx(812 * 1.16**5, rel=0.01)


def test_agency_score_weights_its_parts_and_drops_a_part_without_data():
    score = agency_score([1.0, 0.5, 0.0], [1.0, 1.0], lead_weight=0.7, report_weight=0.3)
    assert score.lead == pytest.approx(50)
    assert score.punctuality == pytest.approx(100)
    assert score.total == pytest.approx(0.7 * 50 + 0.3 * 100)
    assert agency_score([], [0.5]).total == pytest.approx(50)
    assert agency_score([], []).total is None


@pytest.mark.parametrize(
    ("status", "points"),
    [
        (S.COMPLETED_ON_TIME, 1.0),
        (S.COMPLETED_LATE, 0.5),
        (S.OVERDUE, 0.0),
        (S.IN_PROGRESS_ON_TIME, None),
        (S.PAUSED, None),
    ],
)
def test_completion_points(status, points):
    assert completion_points(status) == points


@pytest.mark.parametrize(
    ("submitted", "on", "points"),
    [
        (date(2026, 6, 18), JUNE, 1.0),
        (date(2026, 6, 19), TODAY, 0.5),
        (None, TODAY, 0.0),
        (None, date(2026, 6, 1), None),
    ],
)
def test_report_points(submitted, on, points):
    assert report_points(submitted, JUNE, on) == points


fractions = st.floats(0, 1)


@given(
    st.lists(fractions, max_size=30),
    st.lists(fractions, max_size=30),
    st.floats(0, 10),
    st.floats(0, 10),
)
def test_scores_stay_within_0_and_100(lead_points, reporting_points, lead_weight, report_weight):
    score = agency_score(lead_points, reporting_points, lead_weight, report_weight)
    for value in (score.total, score.lead, score.punctuality):
        assert value is None or 0 <= value <= 100 + 1e-9
