"""Monitoring pages as their users meet them: forms that refuse bad input in Vietnamese, the
programme page's counts, the task list's filters, "Việc của tôi", the scorecard, notifications."""

import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from doingoai.core.models import Notification
from doingoai.organizations.choices import Role
from doingoai.programs.models import ProgressReport, ReportingPeriod, Task
from doingoai.programs.services import queries
from doingoai.programs.tests.factories import ProgramFactory, TargetFactory, make_task, open_period, pdf, report

YEAR = datetime.date.today().year
FOCAL, OFFICER = Role.FOCAL_OFFICER, Role.AGENCY_OFFICER


@pytest.fixture
def plan(db, users, agency, other_agency):
    program = ProgramFactory(focal_agency=other_agency, period_start=YEAR - 1, period_end=YEAR + 4)
    task = make_task(program, leads=[agency], due=f"Năm {YEAR + 1}", user=users[FOCAL], number="I.1")
    return {"program": program, "task": task, "period": open_period(program, year=YEAR, user=users[FOCAL])}


@pytest.fixture
def focal(client, users):
    client.force_login(users[FOCAL])
    return client


@pytest.mark.django_db
def test_task_form_refuses_a_task_with_no_lead_in_vietnamese(focal, plan):
    response = focal.post(reverse("programs:task_add"), {"program": plan["program"].pk, "title": "Không có chủ trì"})
    assert response.status_code == 400
    assert response.context["form"].errors["lead_agencies"] == ["Nhiệm vụ phải có cơ quan chủ trì."]
    assert not Task.objects.filter(title="Không có chủ trì").exists()


@pytest.mark.django_db
def test_task_form_refuses_an_agency_both_leading_and_coordinating(focal, plan, agency):
    data = {
        "program": plan["program"].pk,
        "title": "Trùng",
        "lead_agencies": [agency.pk],
        "coordinating_agencies": [agency.pk],
    }
    response = focal.post(reverse("programs:task_add"), data)
    assert response.status_code == 400
    assert "vừa chủ trì vừa phối hợp" in response.context["form"].errors["coordinating_agencies"][0]
    assert not Task.objects.filter(title="Trùng").exists()


@pytest.mark.django_db
def test_task_form_reads_the_due_wording_or_says_why_not(focal, plan, agency):
    data = {"program": plan["program"].pk, "title": "Có hạn", "lead_agencies": [agency.pk], "due_text": "sớm"}
    response = focal.post(reverse("programs:task_add"), data)
    assert "Không hiểu thời hạn" in response.context["form"].errors["due_text"][0]
    focal.post(reverse("programs:task_add"), {**data, "due_text": "Quý II/2027"})
    assert Task.objects.get(title="Có hạn").deadline == datetime.date(2027, 6, 30)


@pytest.mark.django_db
def test_task_edit_keeps_its_lead_and_records_the_change(focal, users, plan, agency):
    task = plan["task"]
    response = focal.post(
        reverse("programs:task_edit", args=[task.pk]),
        {"program": plan["program"].pk, "title": "Tên mới", "lead_agencies": [agency.pk], "due_text": task.due_text},
    )
    assert response.status_code == 302
    task.refresh_from_db()
    assert task.title == "Tên mới" and task.leads.get().agency == agency
    latest = task.history.latest()
    assert latest.history_user == users[FOCAL] and latest.title == "Tên mới"


@pytest.mark.django_db
def test_period_form_fills_decree_09_dates_and_refuses_a_second_one(focal, plan):
    data = {"program": plan["program"].pk, "kind": "quarterly", "year": 2027, "number": 2}
    assert focal.post(reverse("programs:reportingperiod_add"), data).status_code == 302
    period = ReportingPeriod.objects.get(kind="quarterly")
    assert (period.title, period.start_date, period.end_date) == (
        "Báo cáo quý II năm 2027",
        datetime.date(2027, 3, 15),
        datetime.date(2027, 6, 14),
    )
    again = focal.post(reverse("programs:reportingperiod_add"), data)
    assert "đã có kỳ báo cáo" in again.context["form"].errors["kind"][0]
    ad_hoc = focal.post(
        reverse("programs:reportingperiod_add"), {"program": plan["program"].pk, "kind": "ad_hoc", "year": 2027}
    )
    assert "cần nhập" in ad_hoc.context["form"].errors["start_date"][0]


@pytest.mark.django_db
def test_report_form_refuses_bad_input_with_vietnamese_messages(client, users, plan, agency):
    client.force_login(users[OFFICER])
    url = reverse("programs:task_report", args=[plan["task"].pk])
    base = {"period": plan["period"].pk, "agency": agency.pk, "progress": "in_progress", "narrative": "Đang làm."}
    response = client.post(url, {**base, "percent": 150})
    assert response.status_code == 400
    assert "100" in response.context["form"].errors["percent"][0]
    response = client.post(url, {**base, "percent": 50, "files": [pdf(name="mau.exe")]})
    assert "không được chấp nhận" in response.context["form"].errors["files"][0]
    plan["period"].state = "closed"
    plan["period"].save()
    response = client.post(url, {**base, "percent": 50})
    assert response.status_code == 400
    assert not ProgressReport.objects.exists()


@pytest.mark.django_db
def test_the_report_loop_through_the_pages(client, users, plan, agency):
    """Officer sends a report with a file; the focal officer accepts it; the counts and score move."""
    task, program, period = plan["task"], plan["program"], plan["period"]
    client.force_login(users[OFFICER])
    response = client.post(
        reverse("programs:task_report", args=[task.pk]),
        {
            "period": period.pk,
            "agency": agency.pk,
            "progress": "completed",
            "percent": 100,
            "narrative": "Xong.",
            "files": [pdf()],
        },
    )
    assert response.status_code == 302
    sent = ProgressReport.objects.get()
    client.force_login(users[FOCAL])
    page = client.get(program.get_absolute_url())
    assert {s.value: len(t) for s, _, t in page.context["status_groups"]}["completed_on_time"] == 0
    client.post(reverse("programs:report_review", args=[sent.pk]), {"decision": "accept", "comment": ""})
    page = client.get(program.get_absolute_url())
    assert {s.value: len(t) for s, _, t in page.context["status_groups"]}["completed_on_time"] == 1


@pytest.mark.django_db
def test_task_list_filters_by_status_lead_coordinating_year_and_text(focal, users, plan, agency, other_agency):
    other = make_task(
        plan["program"],
        leads=[other_agency],
        coordinating=[agency],
        due="Thường xuyên",
        user=users[FOCAL],
        number="II.1",
        title="Tăng cường hợp tác với Thanh Thủy",
    )
    url = reverse("programs:task_list")

    def numbers(params):
        return sorted(row.record.number for row in focal.get(url, params).context["table"].page.object_list)

    assert numbers({"lead": agency.pk}) == ["I.1"]
    assert numbers({"coordinating": agency.pk}) == ["II.1"]
    assert numbers({"due_year": YEAR + 1}) == ["I.1"]
    assert numbers({"q": "thanh thuy"}) == ["II.1"]
    assert numbers({"status": "not_started"}) == ["I.1"]
    # II.1 is recurring, judged on the open period; its status depends on today's date.
    recurring = queries.task_status(other).value
    assert numbers({"status": ["not_started", recurring]}) == ["I.1", "II.1"]
    assert numbers({"due_kind": "recurring"}) == ["II.1"]


@pytest.mark.django_db
def test_task_list_exports_the_filtered_rows_with_their_status(focal, plan):
    response = focal.get(reverse("programs:task_list"), {"status": "not_started", "export": "xlsx"})
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert [row[1] for row in rows[1:]] == ["I.1"]
    assert rows[1][rows[0].index("Tình trạng")] == "Chưa thực hiện"


@pytest.mark.django_db
def test_my_work_lists_the_agency_shares_and_reports_owed(client, users, plan):
    client.force_login(users[OFFICER])
    page = client.get(reverse("home"), follow=True)
    assert page.redirect_chain[-1][0] == reverse("programs:my_work")
    work = page.context["work"]
    assert [share.task for share in work.shares] == [plan["task"]]
    owed = [(period, [item.lead.task for item in items], waiting) for period, items, waiting in work.owed]
    assert owed == [(plan["period"], [plan["task"]], 1)]


@pytest.mark.django_db
def test_my_work_puts_the_most_urgent_first(client, users, plan, agency):
    urgent = make_task(plan["program"], leads=[agency], due=f"01/01/{YEAR - 1}", user=users[FOCAL], number="I.0")
    client.force_login(users[OFFICER])
    shares = client.get(reverse("programs:my_work")).context["work"].shares
    assert shares[0].task == urgent and shares[0].status == "overdue"


@pytest.mark.django_db
def test_scorecard_shows_the_formula_and_every_agency_that_owes(focal, plan, agency):
    page = focal.get(reverse("programs:scorecard"), {"period": plan["period"].pk})
    html = page.content.decode()
    assert "Cách tính điểm" in html and "Điểm chủ trì" in html
    assert [row.agency for row in page.context["rows"]] == [agency]
    assert focal.get(reverse("programs:scorecard"), {"period": "rác"}).status_code == 200


@pytest.mark.django_db
def test_period_page_shows_who_owes_and_who_sent(focal, users, plan, agency):
    report(plan["task"], agency, plan["period"], users[OFFICER])
    page = focal.get(plan["period"].get_absolute_url())
    duty = page.context["duties"][0]
    assert (duty.agency, duty.owed, duty.submitted) == (agency, 1, 1)


@pytest.mark.django_db
def test_target_page_shows_the_assessment_and_takes_measurements(client, users, plan, agency):
    target = TargetFactory(
        program=plan["program"],
        lead_agency=agency,
        min_value=10,
        baseline_value=0,
        baseline_year=YEAR - 1,
        target_year=YEAR + 4,
    )
    client.force_login(users[OFFICER])
    url = reverse("programs:measurement_add", args=[target.pk])
    bad = client.post(url, {"as_of": f"01/01/{YEAR + 10}", "value": "4", "source": "x"})
    assert "thuộc thời gian của chỉ tiêu" in bad.context["form"].errors["as_of"][0]
    wrong_number = client.post(url, {"as_of": f"31/12/{YEAR}", "value": "4.5", "source": "x"})
    assert "không phải là số hợp lệ" in wrong_number.context["form"].errors["value"][0]
    assert client.post(url, {"as_of": f"31/12/{YEAR}", "value": "4", "source": "Sở"}).status_code == 302
    page = client.get(target.get_absolute_url())
    assert page.context["trajectory"].status == "on_track"
    assert page.context["chart"]["measured"] == [[f"{YEAR}-12-31", 4.0]]


@pytest.mark.django_db
def test_notification_centre_lists_and_marks_read(client, users):
    officer = users[OFFICER]
    notice = Notification.objects.create(user=officer, key="k", title="Quá hạn: nhiệm vụ", url="/monitoring/tasks/")
    Notification.objects.create(user=users[FOCAL], key="k", title="Không phải của bạn")
    client.force_login(officer)
    page = client.get(reverse("notifications"))
    assert [n.title for n in page.context["page"].object_list] == ["Quá hạn: nhiệm vụ"]
    response = client.post(reverse("notifications_read"), {"id": notice.pk, "go": "1"})
    assert response["Location"] == "/monitoring/tasks/"
    notice.refresh_from_db()
    assert notice.read_at is not None


@pytest.mark.django_db
def test_a_programme_cannot_implement_itself_through_its_children(focal, plan, other_agency):
    child = ProgramFactory(focal_agency=other_agency, parent=plan["program"])
    response = focal.post(
        reverse("programs:program_edit", args=[plan["program"].pk]),
        {
            "kind": "plan",
            "title": "Kế hoạch",
            "issuer": "UBND tỉnh",
            "period_start": 2026,
            "period_end": 2030,
            "focal_agency": other_agency.pk,
            "parent": child.pk,
        },
    )
    assert response.status_code == 400
    assert response.context["form"].errors["parent"] == ["Văn bản không thể triển khai chính nó."]


@pytest.mark.django_db
def test_programme_numbers_are_read_and_unique_per_year(focal, plan, other_agency):
    data = {
        "kind": "programme",
        "title": "Chương trình",
        "issuer": "UBND tỉnh",
        "period_start": 2026,
        "period_end": 2030,
        "focal_agency": other_agency.pk,
        "issued_on": "04/5/2026",
    }
    bad = focal.post(reverse("programs:program_add"), {**data, "number": "175 CTr UBND"})
    assert "số, ký hiệu văn bản hợp lệ" in bad.context["form"].errors["number"][0]
    assert focal.post(reverse("programs:program_add"), {**data, "number": "Số: 175/CTr-UBND"}).status_code == 302
    again = focal.post(reverse("programs:program_add"), {**data, "number": "175/CTr-UBND"})
    assert "Đã có văn bản số 175/CTr-UBND ban hành năm 2026" in again.context["form"].errors["number"][0]
