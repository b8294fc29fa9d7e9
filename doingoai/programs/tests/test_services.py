"""The monitoring workflows on the database: tasks and their lead bodies, reports, review, periods,
statuses in SQL, scores and reminders."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase as HypothesisTestCase

from doingoai.core.models import Notification
from doingoai.core.testing import make_user
from doingoai.organizations.choices import Role
from doingoai.organizations.models import AgencyGroup
from doingoai.organizations.tests.factories import AgencyFactory
from doingoai.programs.choices import DueKind, PeriodKind, PeriodState, Progress, ReviewState, TaskStatus
from doingoai.programs.models import Contribution, Measurement, ProgressReport, Task, TaskLead
from doingoai.programs.services import queries, rules, workflow
from doingoai.programs.tests.factories import (
    ProgramFactory,
    TargetFactory,
    backdate,
    make_task,
    open_period,
    pdf,
    report,
)

TODAY = datetime.date.today()


@pytest.fixture
def world(db, users, agency, other_agency):
    """A plan focal-led by `other_agency`, with a task `agency` leads and a group coordinates."""
    focal = users[Role.FOCAL_OFFICER]
    program = ProgramFactory(focal_agency=other_agency, period_start=TODAY.year - 1, period_end=TODAY.year + 4)
    commune = AgencyFactory(code="X-TT", name="Ủy ban nhân dân xã Thanh Thủy", kind="commune", is_border=True)
    border = AgencyGroup.objects.create(
        code="XBG", name="UBND các xã biên giới", member_kinds=["commune"], border_only=True
    )
    task = make_task(program, leads=[agency], coordinating_groups=[border], due=f"Năm {TODAY.year + 1}", user=focal)
    return {"program": program, "task": task, "commune": commune, "border": border, "focal": focal, "users": users}


# ---------------------------------------------------------------- tasks and lead bodies


@pytest.mark.django_db
def test_a_task_without_a_lead_is_refused_and_nothing_saved(world):
    with pytest.raises(ValidationError) as error:
        make_task(world["program"], leads=[], user=world["focal"])
    assert error.value.message_dict["lead_agencies"] == ["Nhiệm vụ phải có cơ quan chủ trì."]
    assert Task.objects.count() == 1


@pytest.mark.django_db
def test_an_agency_cannot_both_lead_and_coordinate_a_task(world, agency):
    with pytest.raises(ValidationError) as error:
        make_task(world["program"], leads=[agency], coordinating=[agency], user=world["focal"])
    assert "vừa chủ trì vừa phối hợp: Sở Công Thương" in error.value.message_dict["coordinating_agencies"][0]
    assert Task.objects.count() == 1


@pytest.mark.django_db
def test_unreadable_due_wording_is_refused(world, agency):
    with pytest.raises(ValidationError):
        make_task(world["program"], leads=[agency], due="khi nào xong", user=world["focal"])
    assert Task.objects.count() == 1


@pytest.mark.django_db
def test_due_wording_sets_the_deadline(world, agency):
    task = make_task(world["program"], leads=[agency], due="Giai đoạn 2026-2030", user=world["focal"])
    assert (task.due_kind, task.deadline) == (DueKind.PERIOD, datetime.date(2030, 12, 31))
    assert TaskLead.objects.get(task=task).deadline == datetime.date(2030, 12, 31)


@pytest.mark.django_db
def test_a_lead_group_gives_each_member_its_own_share_and_is_flagged(world):
    second = AgencyFactory(code="X-XM", kind="commune", is_border=True)
    task = make_task(world["program"], lead_groups=[world["border"]], user=world["focal"])
    assert {lead.agency for lead in task.leads.all()} == {world["commune"], second}
    assert all(lead.via_group == world["border"] for lead in task.leads.all())
    assert task.departs_from_one_lead


@pytest.mark.django_db
def test_several_lead_bodies_are_flagged_and_one_is_not(world, agency, other_agency):
    several = make_task(world["program"], leads=[agency, other_agency], user=world["focal"])
    assert several.departs_from_one_lead
    assert not world["task"].departs_from_one_lead


@pytest.mark.django_db
def test_a_lead_that_already_reported_cannot_be_dropped(world, agency, other_agency):
    period = open_period(world["program"], year=TODAY.year)
    report(world["task"], agency, period, world["users"][Role.AGENCY_OFFICER])
    with pytest.raises(ValidationError, match="đã có báo cáo"):
        workflow.save_task(
            world["task"],
            lead_agencies=[other_agency],
            lead_groups=[],
            coordinating_agencies=[],
            coordinating_groups=[],
            user=world["focal"],
        )
    assert list(world["task"].leads.values_list("agency", flat=True)) == [agency.pk]


@pytest.mark.django_db
def test_group_coordination_never_includes_the_lead(world, agency):
    task = make_task(
        world["program"], leads=[world["commune"]], coordinating_groups=[world["border"]], user=world["focal"]
    )
    assert queries.coordinating_agency_ids(task) == set()
    assert queries.coordinating_agency_ids(world["task"]) == {world["commune"].pk}


# ---------------------------------------------------------------- reports and review


@pytest.mark.django_db
def test_accepted_report_sets_the_share_progress(world, agency):
    period = open_period(world["program"], year=TODAY.year)
    sent = report(world["task"], agency, period, world["users"][Role.AGENCY_OFFICER], progress="completed", percent=100)
    share = TaskLead.objects.get(task=world["task"])
    assert share.progress == Progress.NOT_STARTED, "a report counts only once accepted"
    workflow.review_report(sent, accept=True, comment="", user=world["focal"])
    share.refresh_from_db()
    assert (share.progress, share.percent, share.completed_on) == (Progress.COMPLETED, 100, TODAY)
    assert queries.lead_status(share) == TaskStatus.COMPLETED_ON_TIME


@pytest.mark.django_db
def test_a_report_into_a_closed_period_is_refused(world, agency):
    period = open_period(world["program"], year=TODAY.year)
    workflow.set_period_state(period, PeriodState.CLOSED, world["focal"])
    with pytest.raises(ValidationError) as error:
        report(world["task"], agency, period, world["users"][Role.AGENCY_OFFICER])
    assert "đã đóng, không nhận báo cáo" in error.value.message_dict["period"][0]
    assert not ProgressReport.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("progress", "percent", "message"),
    [
        ("in_progress", 101, "từ 0 đến 100"),
        ("in_progress", -1, "từ 0 đến 100"),
        ("completed", 90, "phần trăm là 100"),
        ("not_started", 20, "phần trăm là 0"),
    ],
)
def test_percent_must_fit_the_progress(world, agency, progress, percent, message):
    period = open_period(world["program"], year=TODAY.year)
    with pytest.raises(ValidationError) as error:
        report(world["task"], agency, period, world["users"][Role.AGENCY_OFFICER], progress=progress, percent=percent)
    assert message in error.value.message_dict["percent"][0]
    assert not ProgressReport.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (lambda: pdf(size=21 * 1024 * 1024), "quá lớn"),
        (lambda: pdf(name="virus.exe"), "không được chấp nhận"),
        (lambda: pdf(name="bang.xlsx"), "không đúng với loại .xlsx"),
    ],
)
def test_evidence_files_are_checked_and_a_bad_one_saves_nothing(world, agency, upload, message):
    period = open_period(world["program"], year=TODAY.year)
    with pytest.raises(ValidationError) as error:
        report(world["task"], agency, period, world["users"][Role.AGENCY_OFFICER], files=[pdf(), upload()])
    assert message in " ".join(error.value.message_dict["files"])
    assert not ProgressReport.objects.exists()


@pytest.mark.django_db
def test_evidence_files_are_kept_with_the_report(world, agency):
    period = open_period(world["program"], year=TODAY.year)
    sent = report(
        world["task"], agency, period, world["users"][Role.AGENCY_OFFICER], files=[pdf("a.pdf"), pdf("b.pdf")]
    )
    assert sorted(sent.evidence.values_list("name", flat=True)) == ["a.pdf", "b.pdf"]


@pytest.mark.django_db
def test_officer_of_another_agency_cannot_report_on_the_task(world, other_agency):
    period = open_period(world["program"], year=TODAY.year)
    stranger = make_user(Role.AGENCY_OFFICER, other_agency)
    with pytest.raises(PermissionDenied):
        report(world["task"], other_agency, period, stranger)
    with pytest.raises(PermissionDenied):
        report(world["task"], world["task"].leads.get().agency, period, stranger)


@pytest.mark.django_db
def test_coordinating_agency_contributes_but_cannot_send_the_official_report(world):
    period = open_period(world["program"], year=TODAY.year)
    officer = make_user(Role.AGENCY_OFFICER, world["commune"])
    workflow.add_contribution(
        task=world["task"], agency=world["commune"], period=period, user=officer, text="Đã phối hợp."
    )
    assert Contribution.objects.filter(agency=world["commune"]).count() == 1
    with pytest.raises(PermissionDenied):
        report(world["task"], world["commune"], period, officer)


@pytest.mark.django_db
def test_returning_a_report_needs_a_comment_and_notifies_the_agency(world, agency):
    period = open_period(world["program"], year=TODAY.year)
    officer = world["users"][Role.AGENCY_OFFICER]
    sent = report(world["task"], agency, period, officer)
    with pytest.raises(ValidationError):
        workflow.review_report(sent, accept=False, comment=" ", user=world["focal"])
    workflow.review_report(sent, accept=False, comment="Bổ sung số liệu.", user=world["focal"])
    assert Notification.objects.get(user=officer).body == "Bổ sung số liệu."
    again = report(world["task"], agency, period, officer, narrative="Đã bổ sung.")
    assert again.pk == sent.pk and again.review_state == ReviewState.SUBMITTED


@pytest.mark.django_db
def test_only_focal_officers_review(world, agency):
    period = open_period(world["program"], year=TODAY.year)
    sent = report(world["task"], agency, period, world["users"][Role.AGENCY_OFFICER])
    for role in (Role.AGENCY_OFFICER, Role.LEADER):
        with pytest.raises(PermissionDenied):
            workflow.review_report(sent, accept=True, comment="", user=world["users"][role])
    sent.refresh_from_db()
    assert sent.review_state == ReviewState.SUBMITTED


@pytest.mark.django_db
def test_accepted_report_is_not_changed_again(world, agency):
    period = open_period(world["program"], year=TODAY.year)
    officer = world["users"][Role.AGENCY_OFFICER]
    workflow.review_report(report(world["task"], agency, period, officer), accept=True, comment="", user=world["focal"])
    with pytest.raises(ValidationError, match="đã được chấp nhận"):
        report(world["task"], agency, period, officer, percent=60)


@pytest.mark.django_db
def test_every_step_is_in_the_history_with_its_user(world, agency):
    period = open_period(world["program"], year=TODAY.year)
    officer = world["users"][Role.AGENCY_OFFICER]
    sent = report(world["task"], agency, period, officer)
    workflow.review_report(sent, accept=True, comment="Tốt.", user=world["focal"])
    history = list(sent.history.order_by("history_date"))
    assert [h.history_user for h in history] == [officer, world["focal"]]
    assert [h.review_state for h in history] == [ReviewState.SUBMITTED, ReviewState.ACCEPTED]


# ---------------------------------------------------------------- recurring tasks and periods


@pytest.mark.django_db
def test_recurring_task_is_judged_on_the_open_periods(world, agency):
    focal, officer = world["focal"], world["users"][Role.AGENCY_OFFICER]
    task = make_task(world["program"], leads=[agency], due="Thường xuyên", user=focal)
    share = TaskLead.objects.get(task=task)
    assert queries.lead_status(share) == TaskStatus.NO_DEADLINE
    past = open_period(
        world["program"],
        kind=PeriodKind.AD_HOC,
        title="Đột xuất",
        start_date=TODAY - datetime.timedelta(days=60),
        end_date=TODAY - datetime.timedelta(days=20),
        deadline=TODAY - datetime.timedelta(days=10),
        user=focal,
    )
    share.refresh_from_db()
    assert queries.lead_status(share) == TaskStatus.OVERDUE
    backdate(report(task, agency, past, officer), TODAY - datetime.timedelta(days=5))
    share.refresh_from_db()
    assert queries.lead_status(share) == TaskStatus.COMPLETED_LATE
    workflow.set_period_state(past, PeriodState.CLOSED, focal)
    share.refresh_from_db()
    assert queries.lead_status(share) == TaskStatus.NO_DEADLINE


@pytest.mark.django_db
def test_standard_periods_take_decree_09_dates_and_a_deadline(world):
    period = open_period(world["program"], kind=PeriodKind.SIX_MONTH, year=2026)
    assert (period.start_date, period.end_date) == (datetime.date(2025, 12, 15), datetime.date(2026, 6, 14))
    assert period.deadline == datetime.date(2026, 6, 18)
    assert period.title == "Báo cáo 6 tháng đầu năm 2026"


@pytest.mark.django_db
def test_period_owes_reports_from_every_lead_and_says_who_is_late(world, agency, other_agency):
    focal, officer = world["focal"], world["users"][Role.AGENCY_OFFICER]
    make_task(world["program"], leads=[other_agency], user=focal)
    make_task(world["program"], leads=[other_agency], due="Theo yêu cầu", user=focal)
    period = open_period(world["program"], year=TODAY.year)
    report(world["task"], agency, period, officer)
    duties = {d.agency: d for d in queries.period_duties(period, on=period.deadline + datetime.timedelta(days=1))}
    assert (duties[agency].owed, duties[agency].submitted, duties[agency].late) == (1, 1, 0)
    assert (duties[other_agency].owed, duties[other_agency].missing, duties[other_agency].late) == (1, 1, 1)


# ---------------------------------------------------------------- measurements


@pytest.mark.django_db
def test_a_measurement_outside_the_target_span_is_refused(world, agency):
    target = TargetFactory(program=world["program"], lead_agency=agency, baseline_year=TODAY.year - 1)
    late = Measurement(target=target, as_of=datetime.date(world["program"].period_end + 1, 1, 1), value=5, source="x")
    with pytest.raises(ValidationError) as error:
        workflow.record_measurement(late, world["users"][Role.AGENCY_OFFICER])
    assert "thuộc thời gian của chỉ tiêu" in error.value.message_dict["as_of"][0]
    assert not Measurement.objects.exists()


@pytest.mark.django_db
def test_only_the_target_lead_agency_or_the_focal_officer_records_values(world, agency, other_agency):
    target = TargetFactory(program=world["program"], lead_agency=agency)
    stranger = make_user(Role.AGENCY_OFFICER, other_agency)
    with pytest.raises(PermissionDenied):
        workflow.record_measurement(Measurement(target=target, as_of=TODAY, value=3, source="x"), stranger)
    workflow.record_measurement(Measurement(target=target, as_of=TODAY, value=3, source="x"), world["focal"])
    assert Measurement.objects.get().recorded_by == world["focal"]


# ---------------------------------------------------------------- statuses in SQL and in Python agree


dates = st.dates(min_value=datetime.date(2024, 1, 1), max_value=datetime.date(2028, 12, 31))


class StatusInSqlAgreesWithTheRule(HypothesisTestCase):
    """rules.status_expression (used to filter lists) gives what rules.task_status gives."""

    @classmethod
    def setUpTestData(cls):
        cls.agency = AgencyFactory()
        cls.task = Task.objects.create(program=ProgramFactory(), title="x")

    @given(
        st.lists(
            st.tuples(st.sampled_from(list(Progress)), st.one_of(st.none(), dates), st.one_of(st.none(), dates)),
            min_size=1,
            max_size=6,
        ),
        dates,
    )
    def test_sql_and_python_give_the_same_status(self, shares, today):
        TaskLead.objects.filter(task=self.task).delete()
        leads = []
        for progress, completed_on, deadline in shares:
            leads.append(
                TaskLead.objects.create(
                    task=self.task,
                    agency=AgencyFactory(),
                    progress=progress,
                    completed_on=completed_on,
                    deadline=deadline,
                )
            )
        in_sql = dict(
            TaskLead.objects.filter(task=self.task)
            .annotate(s=rules.status_expression(today, 30))
            .values_list("pk", "s")
        )
        for lead in leads:
            assert in_sql[lead.pk] == rules.task_status(lead.progress, lead.completed_on, lead.deadline, today, 30)
        task_rank = queries.with_status(Task.objects.filter(pk=self.task.pk), today).get().status_rank
        expected = rules.worst_status(
            rules.task_status(x.progress, x.completed_on, x.deadline, today, 30) for x in leads
        )
        assert queries.status_of_rank(task_rank) == expected


# ---------------------------------------------------------------- scores


@pytest.mark.django_db
def test_accepting_a_report_changes_the_agency_score(world, agency):
    focal = world["focal"]
    task = make_task(world["program"], leads=[agency], due="Hằng năm", user=focal)
    period = open_period(
        world["program"],
        kind=PeriodKind.AD_HOC,
        title="Kỳ thử",
        start_date=TODAY - datetime.timedelta(days=40),
        end_date=TODAY - datetime.timedelta(days=10),
        deadline=TODAY + datetime.timedelta(days=5),
        user=focal,
    )

    def score():
        return {
            row.agency: row.score for row in queries.scorecard(period, on=period.deadline + datetime.timedelta(days=1))
        }

    assert score()[agency].total == 0
    officer = world["users"][Role.AGENCY_OFFICER]
    report(task, agency, period, officer)
    # The recurring task is done for the period (lead 100); one of the two owed reports is in (50).
    assert score()[agency] == rules.AgencyScore(85.0, 100.0, 50.0, 1, 2)
    report(world["task"], agency, period, officer)
    assert score()[agency].total == 100


@pytest.mark.django_db
def test_coordination_is_tallied_apart_from_the_score(world):
    period = open_period(world["program"], year=TODAY.year)
    officer = make_user(Role.AGENCY_OFFICER, world["commune"])
    workflow.add_contribution(task=world["task"], agency=world["commune"], period=period, user=officer, text="Có.")
    row = next(r for r in queries.scorecard(period) if r.agency == world["commune"])
    assert (row.coordinating, row.contributions, row.score.total) == (1, 1, None)


# ---------------------------------------------------------------- reminders


@pytest.fixture
def reminder_world(world, agency, settings):
    settings.DUE_SOON_DAYS = 30
    settings.ESCALATE_OVERDUE_DAYS = 30
    focal = world["focal"]
    officer = world["users"][Role.AGENCY_OFFICER]
    officer.email = "canbo@example.vn"
    officer.save()
    soon = make_task(
        world["program"], leads=[agency], due=(TODAY + datetime.timedelta(days=10)).strftime("%d/%m/%Y"), user=focal
    )
    late = make_task(
        world["program"], leads=[agency], due=(TODAY - datetime.timedelta(days=40)).strftime("%d/%m/%Y"), user=focal
    )
    return {"soon": soon, "late": late, "officer": officer, **world}


@pytest.mark.django_db
def test_remind_twice_announces_each_event_once(reminder_world):
    call_command("remind", stdout=open("/dev/null", "w"))  # noqa: SIM115
    officer = reminder_world["officer"]
    first = set(Notification.objects.filter(user=officer).values_list("title", flat=True))
    assert any(title.startswith("Sắp đến hạn") for title in first)
    assert any(title.startswith("Quá hạn") for title in first)
    sent = len(mail.outbox)
    assert sent == len(first)
    call_command("remind", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert set(Notification.objects.filter(user=officer).values_list("title", flat=True)) == first
    assert Notification.objects.filter(user=officer).count() == len(first)
    assert len(mail.outbox) == sent


@pytest.mark.django_db
def test_overdue_beyond_the_limit_escalates_to_focal_officers_and_leaders(reminder_world):
    call_command("remind", stdout=open("/dev/null", "w"))  # noqa: SIM115
    users = reminder_world["users"]
    for role in (Role.FOCAL_OFFICER, Role.LEADER):
        titles = list(Notification.objects.filter(user=users[role]).values_list("title", flat=True))
        assert any(title.startswith("Quá hạn trên 30 ngày") for title in titles)
    assert not Notification.objects.filter(user=users[Role.ADMINISTRATOR]).exists()


@pytest.mark.django_db
def test_period_reports_due_within_days_are_reminded(world, agency):
    open_period(
        world["program"],
        kind=PeriodKind.AD_HOC,
        title="Báo cáo đột xuất",
        start_date=TODAY - datetime.timedelta(days=30),
        end_date=TODAY,
        deadline=TODAY + datetime.timedelta(days=3),
        user=world["focal"],
    )
    call_command("remind", stdout=open("/dev/null", "w"))  # noqa: SIM115
    titles = Notification.objects.filter(user=world["users"][Role.AGENCY_OFFICER]).values_list("title", flat=True)
    assert "Sắp đến hạn nộp báo cáo: Báo cáo đột xuất" in titles


# The worker closes its database connections between jobs, as it must in production; that needs
# real transactions rather than the one wrapping an ordinary test.
@pytest.mark.django_db(transaction=True)
def test_remind_runs_as_a_background_job_on_the_database_backend(reminder_world, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    call_command("remind", "--background", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert not Notification.objects.exists(), "queued, not yet run"
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert Notification.objects.filter(user=reminder_world["officer"]).count() >= 2
