"""The monitoring API: computed statuses in responses, the list filters, writes through the services."""

import datetime

import pytest

from doingoai.core.testing import api_client
from doingoai.organizations.choices import Role
from doingoai.programs.models import Measurement, ProgressReport, Task
from doingoai.programs.tests.factories import ProgramFactory, TargetFactory, make_task, open_period

YEAR = datetime.date.today().year


@pytest.fixture
def plan(db, users, agency, other_agency):
    program = ProgramFactory(focal_agency=other_agency, period_start=YEAR - 1, period_end=YEAR + 4)
    task = make_task(program, leads=[agency], due=f"Năm {YEAR + 1}", user=users[Role.FOCAL_OFFICER], number="I.1")
    target = TargetFactory(
        program=program,
        lead_agency=agency,
        min_value=10,
        baseline_value=0,
        baseline_year=YEAR - 1,
        target_year=YEAR + 4,
    )
    period = open_period(program, year=YEAR, user=users[Role.FOCAL_OFFICER])
    return {"program": program, "task": task, "target": target, "period": period}


@pytest.mark.django_db
def test_task_responses_carry_their_status_and_each_share(users, plan, agency):
    body = api_client(users[Role.LEADER]).get("/api/tasks/").json()
    row = body["results"][0]
    assert row["status"] == "not_started"
    assert row["leads"] == [
        {
            "agency": agency.pk,
            "agency_name": "Sở Công Thương",
            "via_group": None,
            "progress": "not_started",
            "percent": 0,
            "completed_on": None,
            "deadline": f"{YEAR + 1}-12-31",
            "status": "not_started",
        }
    ]
    assert api_client(users[Role.LEADER]).get("/api/tasks/", {"status": "overdue"}).json()["count"] == 0
    assert (
        api_client(users[Role.LEADER]).get("/api/tasks/", {"status": "not_started", "q": "thu nghiem"}).json()["count"]
        == 1
    )


@pytest.mark.django_db
def test_target_responses_carry_their_trajectory(users, plan):
    client = api_client(users[Role.AGENCY_OFFICER])
    assert client.get(f"/api/targets/{plan['target'].pk}/").json()["trajectory"] == "no_data"
    created = client.post(
        "/api/measurements/", {"target": plan["target"].pk, "as_of": f"{YEAR}-12-31", "value": "4", "source": "Sở"}
    )
    assert created.status_code == 201, created.json()
    assert Measurement.objects.get().recorded_by == users[Role.AGENCY_OFFICER]
    body = client.get(f"/api/targets/{plan['target'].pk}/").json()
    assert (body["trajectory"], body["latest_value"]) == ("on_track", 4.0)


@pytest.mark.django_db
def test_malformed_task_payload_gets_400_with_vietnamese_field_messages(users, plan, agency):
    client = api_client(users[Role.FOCAL_OFFICER])
    response = client.post(
        "/api/tasks/",
        {
            "program": plan["program"].pk,
            "title": "x",
            "lead_agencies": [agency.pk],
            "coordinating_agencies": [agency.pk],
            "due_text": "khi nào rảnh",
        },
        format="json",
    )
    assert response.status_code == 400
    assert "Không hiểu thời hạn" in response.json()["due_text"][0]
    response = client.post(
        "/api/tasks/",
        {
            "program": plan["program"].pk,
            "title": "x",
            "lead_agencies": [agency.pk],
            "coordinating_agencies": [agency.pk],
        },
        format="json",
    )
    assert response.status_code == 400
    assert "vừa chủ trì vừa phối hợp" in response.json()["coordinating_agencies"][0]
    response = client.post("/api/tasks/", {"program": plan["program"].pk, "title": "x"}, format="json")
    assert response.json() == {"lead_agencies": ["Nhiệm vụ phải có cơ quan chủ trì."]}
    assert Task.objects.count() == 1


@pytest.mark.django_db
def test_reports_are_sent_and_reviewed_through_the_api(users, plan, agency):
    officer, focal = api_client(users[Role.AGENCY_OFFICER]), api_client(users[Role.FOCAL_OFFICER])
    payload = {
        "task": plan["task"].pk,
        "agency": agency.pk,
        "period": plan["period"].pk,
        "progress": "completed",
        "percent": 100,
        "narrative": "Xong.",
    }
    bad = officer.post("/api/progress-reports/", {**payload, "percent": 80})
    assert bad.status_code == 400 and "phần trăm là 100" in bad.json()["percent"][0]
    sent = officer.post("/api/progress-reports/", payload)
    assert sent.status_code == 201
    report_id = sent.json()["id"]
    assert officer.post(f"/api/progress-reports/{report_id}/review/", {"accept": True}).status_code == 403
    returned = focal.post(f"/api/progress-reports/{report_id}/review/", {"accept": False})
    assert returned.status_code == 400 and "ghi rõ cần bổ sung" in returned.json()["comment"][0]
    accepted = focal.post(f"/api/progress-reports/{report_id}/review/", {"accept": True})
    assert accepted.json()["review_state"] == "accepted"
    assert focal.get(f"/api/tasks/{plan['task'].pk}/").json()["status"] == "completed_on_time"
    assert ProgressReport.objects.get().reviewed_by == users[Role.FOCAL_OFFICER]


@pytest.mark.django_db
def test_reports_into_a_closed_period_are_refused(users, plan, agency):
    focal = api_client(users[Role.FOCAL_OFFICER])
    plan["period"].state = "closed"
    plan["period"].save()
    response = api_client(users[Role.AGENCY_OFFICER]).post(
        "/api/progress-reports/",
        {
            "task": plan["task"].pk,
            "agency": agency.pk,
            "period": plan["period"].pk,
            "progress": "in_progress",
            "percent": 10,
            "narrative": "x",
        },
    )
    assert response.status_code == 400 and "đã đóng" in response.json()["period"][0]
    assert focal.get("/api/progress-reports/").json()["count"] == 0


@pytest.mark.django_db
def test_standard_periods_get_their_dates_through_the_api(users, plan):
    response = api_client(users[Role.FOCAL_OFFICER]).post(
        "/api/reporting-periods/", {"program": plan["program"].pk, "kind": "nine_month", "year": 2027}
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert (body["title"], body["start_date"], body["end_date"], body["deadline"]) == (
        "Báo cáo 9 tháng năm 2027",
        "2026-12-15",
        "2027-09-14",
        "2027-09-18",
    )
