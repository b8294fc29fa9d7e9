"""Who may do what in the monitoring core, through the pages and the API.

Programmes, tasks, targets and periods are the focal officer's (and administrator's); an agency
officer reports on its own agency's shares, contributes where it coordinates, records values of
its targets; a leader changes nothing.
"""

import datetime

import pytest
from django.urls import reverse

from doingoai.core.testing import api_client, make_user
from doingoai.organizations.choices import Role
from doingoai.programs.models import Contribution, Measurement, Program, ProgressReport, ReportingPeriod, Target, Task
from doingoai.programs.tests.factories import ProgramFactory, TargetFactory, make_task, open_period, pdf, report

ADMIN, FOCAL, LEADER, OFFICER = Role.ADMINISTRATOR, Role.FOCAL_OFFICER, Role.LEADER, Role.AGENCY_OFFICER
ROLES = [ADMIN, FOCAL, LEADER, OFFICER]
MANAGERS = {ADMIN, FOCAL}
YEAR = datetime.date.today().year


@pytest.fixture
def plan(db, users, agency, other_agency):
    focal = users[FOCAL]
    program = ProgramFactory(focal_agency=other_agency, period_start=YEAR - 1, period_end=YEAR + 4)
    task = make_task(program, leads=[agency], coordinating=[other_agency], user=focal)
    target = TargetFactory(program=program, lead_agency=agency, target_year=YEAR + 4)
    period = open_period(program, year=YEAR, user=focal)
    return {"program": program, "task": task, "target": target, "period": period}


def login(client, user):
    client.force_login(user)
    return client


# ---------------------------------------------------------------- the three rules the issue names


@pytest.mark.django_db
def test_officer_of_agency_b_cannot_report_on_agency_a_task(client, plan, other_agency):
    officer_b = make_user(OFFICER, other_agency)
    login(client, officer_b)
    url = reverse("programs:task_report", args=[plan["task"].pk])
    assert client.get(url).status_code == 403
    response = client.post(
        url,
        {
            "period": plan["period"].pk,
            "agency": plan["task"].leads.get().agency_id,
            "progress": "in_progress",
            "percent": 10,
            "narrative": "x",
        },
    )
    assert response.status_code == 403
    api = api_client(officer_b).post(
        "/api/progress-reports/",
        {
            "task": plan["task"].pk,
            "agency": other_agency.pk,
            "period": plan["period"].pk,
            "progress": "in_progress",
            "percent": 10,
            "narrative": "x",
        },
    )
    assert api.status_code == 403
    assert not ProgressReport.objects.exists()


@pytest.mark.django_db
def test_coordinating_agency_contributes_but_cannot_send_the_official_report(client, plan, other_agency):
    coordinator = make_user(OFFICER, other_agency)
    login(client, coordinator)
    assert client.get(reverse("programs:task_report", args=[plan["task"].pk])).status_code == 403
    response = client.post(
        reverse("programs:task_contribute", args=[plan["task"].pk]),
        {"period": plan["period"].pk, "agency": other_agency.pk, "text": "Đã cung cấp số liệu.", "files": [pdf()]},
    )
    assert response.status_code == 302
    contribution = Contribution.objects.get()
    assert (contribution.agency, contribution.evidence.count()) == (other_agency, 1)
    assert not ProgressReport.objects.exists()


@pytest.mark.django_db
def test_a_leader_changes_nothing(client, users, plan):
    leader = users[LEADER]
    login(client, leader)
    task, target, period, program = plan["task"], plan["target"], plan["period"], plan["program"]
    posts = [
        reverse("programs:program_add"),
        reverse("programs:program_edit", args=[program.pk]),
        reverse("programs:program_deactivate", args=[program.pk]),
        reverse("programs:task_add") + f"?program={program.pk}",
        reverse("programs:task_edit", args=[task.pk]),
        reverse("programs:task_deactivate", args=[task.pk]),
        reverse("programs:task_report", args=[task.pk]),
        reverse("programs:task_contribute", args=[task.pk]),
        reverse("programs:target_add"),
        reverse("programs:target_edit", args=[target.pk]),
        reverse("programs:measurement_add", args=[target.pk]),
        reverse("programs:reportingperiod_add"),
        reverse("programs:reportingperiod_edit", args=[period.pk]),
        reverse("programs:reportingperiod_close", args=[period.pk]),
        reverse("programs:phase_add"),
    ]
    for url in posts:
        assert client.post(url, {"title": "x"}).status_code == 403, url
    sent = report(task, task.leads.get().agency, period, users[OFFICER])
    assert client.post(reverse("programs:report_review", args=[sent.pk]), {"decision": "accept"}).status_code == 403
    api = api_client(leader)
    for url, payload in [
        ("/api/programs/", {"title": "x"}),
        ("/api/tasks/", {"title": "x"}),
        ("/api/targets/", {"indicator": "x"}),
        ("/api/reporting-periods/", {"kind": "annual"}),
        ("/api/measurements/", {"value": 1}),
        ("/api/progress-reports/", {"narrative": "x"}),
        (f"/api/progress-reports/{sent.pk}/review/", {"accept": True}),
    ]:
        assert api.post(url, payload, format="json").status_code == 403, url
    assert api.patch(f"/api/tasks/{task.pk}/", {"title": "y"}, format="json").status_code == 403
    sent.refresh_from_db()
    assert sent.review_state == "submitted"
    task.refresh_from_db()
    assert task.title == "Nhiệm vụ thử nghiệm"


# ---------------------------------------------------------------- the role matrix


def expected(role, action) -> bool:
    return action == "view" or role in MANAGERS


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", ["view", "add", "change", "delete"])
def test_programme_pages_and_api_by_role(client, users, plan, other_agency, role, action):
    login(client, users[role])
    program = plan["program"]
    allowed = expected(role, action)
    if action == "view":
        assert client.get(reverse("programs:program_list")).status_code == 200
        assert client.get(program.get_absolute_url()).status_code == 200
        assert api_client(users[role]).get(f"/api/programs/{program.pk}/").status_code == 200
        return
    if action == "add":
        data = {
            "kind": "plan",
            "title": "Kế hoạch mới",
            "issuer": "UBND tỉnh",
            "period_start": 2026,
            "period_end": 2030,
            "focal_agency": other_agency.pk,
        }
        page = client.post(reverse("programs:program_add"), data)
        assert page.status_code == (302 if allowed else 403)
        api = api_client(users[role]).post("/api/programs/", {**data, "title": "Kế hoạch qua API"})
        assert api.status_code == (201 if allowed else 403)
        assert Program.objects.filter(title__in=["Kế hoạch mới", "Kế hoạch qua API"]).count() == (2 if allowed else 0)
    elif action == "change":
        api = api_client(users[role]).patch(f"/api/programs/{program.pk}/", {"signer": "Nguyễn Văn A"})
        assert api.status_code == (200 if allowed else 403)
        program.refresh_from_db()
        assert (program.signer == "Nguyễn Văn A") is allowed
    else:
        page = client.post(reverse("programs:program_deactivate", args=[program.pk]))
        assert page.status_code == (302 if allowed else 403)
        program.refresh_from_db()
        assert program.is_active is not allowed


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", ["view", "add", "change", "delete"])
def test_task_pages_and_api_by_role(client, users, plan, agency, role, action):
    login(client, users[role])
    task, program = plan["task"], plan["program"]
    allowed = expected(role, action)
    if action == "view":
        assert client.get(reverse("programs:task_list")).status_code == 200
        assert client.get(task.get_absolute_url()).status_code == 200
        assert api_client(users[role]).get(f"/api/tasks/{task.pk}/").status_code == 200
        return
    if action == "add":
        data = {"program": program.pk, "title": "Nhiệm vụ mới", "lead_agencies": [agency.pk], "due_text": "Năm 2027"}
        assert client.post(reverse("programs:task_add"), data).status_code == (302 if allowed else 403)
        assert api_client(users[role]).post("/api/tasks/", data).status_code == (201 if allowed else 403)
        assert Task.objects.filter(title="Nhiệm vụ mới").count() == (2 if allowed else 0)
    elif action == "change":
        api = api_client(users[role]).patch(f"/api/tasks/{task.pk}/", {"expected_output": "Báo cáo"})
        assert api.status_code == (200 if allowed else 403)
        task.refresh_from_db()
        assert (task.expected_output == "Báo cáo") is allowed
    else:
        assert api_client(users[role]).delete(f"/api/tasks/{task.pk}/").status_code == (204 if allowed else 403)
        task.refresh_from_db()
        assert task.is_active is not allowed


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_target_and_period_changes_by_role(users, plan, role):
    api = api_client(users[role])
    allowed = role in MANAGERS
    response = api.patch(f"/api/targets/{plan['target'].pk}/", {"unit": "sự kiện"})
    assert response.status_code == (200 if allowed else 403)
    response = api.post("/api/reporting-periods/", {"program": plan["program"].pk, "kind": "annual", "year": YEAR})
    assert response.status_code == (201 if allowed else 403)
    assert ReportingPeriod.objects.filter(kind="annual").exists() is allowed
    assert Target.objects.get().unit == ("sự kiện" if allowed else "hoạt động")


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_measurements_by_the_target_lead_agency_or_managers(users, plan, role):
    payload = {"target": plan["target"].pk, "as_of": f"{YEAR}-06-14", "value": "3", "source": "Sở Công Thương"}
    response = api_client(users[role]).post("/api/measurements/", payload)
    allowed = role in MANAGERS or role == OFFICER  # the officer is of the target's lead agency
    assert response.status_code == (201 if allowed else 403)
    assert Measurement.objects.exists() is allowed


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_review_by_role(client, users, plan, role):
    sent = report(plan["task"], plan["task"].leads.get().agency, plan["period"], users[OFFICER])
    login(client, users[role])
    response = client.post(reverse("programs:report_review", args=[sent.pk]), {"decision": "accept"})
    assert response.status_code == (302 if role in MANAGERS else 403)
    sent.refresh_from_db()
    assert (sent.review_state == "accepted") is (role in MANAGERS)


@pytest.mark.django_db
def test_evidence_downloads_for_those_who_may_view_it(client, users, plan):
    sent = report(
        plan["task"], plan["task"].leads.get().agency, plan["period"], users[OFFICER], files=[pdf("minh-chung.pdf")]
    )
    url = sent.evidence.get().get_absolute_url()
    login(client, users[LEADER])
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    client.logout()
    assert client.get(url).status_code == 302
