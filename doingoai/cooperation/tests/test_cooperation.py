"""Mechanisms, meetings and commitments: validation, the commitment state rule, follow-up tasks,
the demo's reference facts, permissions and pinned queries."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from doingoai.cooperation import services
from doingoai.cooperation.choices import CommitmentState
from doingoai.cooperation.models import Commitment, Mechanism, Meeting
from doingoai.core.testing import api_client
from doingoai.demo.loaders import read
from doingoai.organizations.choices import Role
from doingoai.organizations.models import Agency, User
from doingoai.partners.models import Partner
from doingoai.programs.choices import TaskStatus
from doingoai.programs.models import Program, Task
from doingoai.programs.services import queries
from doingoai.programs.tests.factories import ProgramFactory

ADMIN, FOCAL, LEADER, OFFICER = Role.ADMINISTRATOR, Role.FOCAL_OFFICER, Role.LEADER, Role.AGENCY_OFFICER
ROLES = [ADMIN, FOCAL, LEADER, OFFICER]
ON = datetime.date(2026, 11, 23)
S = TaskStatus


@pytest.mark.parametrize(
    ("statuses", "expected"),
    [
        ([], CommitmentState.UNASSIGNED),
        ([S.NOT_STARTED], CommitmentState.IN_PROGRESS),
        ([S.COMPLETED_ON_TIME, S.COMPLETED_LATE], CommitmentState.DONE),
        ([S.COMPLETED_ON_TIME, S.OVERDUE], CommitmentState.OVERDUE),
        ([S.COMPLETED_ON_TIME, S.PAUSED], CommitmentState.IN_PROGRESS),
        ([S.DUE_SOON, S.NO_DEADLINE], CommitmentState.IN_PROGRESS),
    ],
)
def test_commitment_state_from_its_tasks(statuses, expected):
    assert services.commitment_state(statuses) == expected


@given(st.lists(st.sampled_from(list(TaskStatus)), min_size=1))
def test_commitment_state_properties(statuses):
    state = services.commitment_state(statuses)
    assert (state == CommitmentState.OVERDUE) == (TaskStatus.OVERDUE in statuses)
    assert (state == CommitmentState.DONE) == all(s in services.DONE_STATUSES for s in statuses)


@pytest.fixture
def demo(db, monkeypatch):
    call_command("demo", stdout=io.StringIO())
    monkeypatch.setattr(queries, "today", lambda: ON)
    return {name: User.objects.get(username=name) for name in ("daumoi", "lanhdao", "canbo.sct", "quantri")}


def test_demo_holds_every_reference_partner_and_mechanism(demo):
    partners = read("partners.yaml")
    assert set(Partner.objects.values_list("name", flat=True)) >= {row["name"] for row in partners}
    wenshan = Partner.objects.get(name="châu Văn Sơn")
    assert (wenshan.parent.name, wenshan.country.code, wenshan.name_native) == (
        "tỉnh Vân Nam",
        "CN",
        "文山壮族苗族自治州",
    )
    assert set(Mechanism.objects.values_list("name", flat=True)) >= {row["name"] for row in read("mechanisms.yaml")}
    jwc = Meeting.objects.get(number=17, mechanism__name__startswith="Hội nghị Ủy ban công tác liên hợp")
    assert (jwc.held_on, jwc.place, jwc.host.name) == (
        datetime.date(2026, 2, 11),
        "Nam Ninh",
        "Khu tự trị dân tộc Choang Quảng Tây",
    )
    assert jwc.our_head == "Phó Chủ tịch UBND tỉnh"
    spring = Meeting.objects.get(mechanism__name__startswith="Gặp gỡ đầu Xuân", year=2026)
    assert spring.stated_commitments == 23
    national = Mechanism.objects.get(name="Ủy ban Liên hợp Biên giới trên đất liền Việt Nam - Trung Quốc")
    assert national.province_is_member is False
    upcoming = services.next_meeting(spring.mechanism, ON)
    assert (upcoming.year, upcoming.host.name) == (2027, "thành phố Hải Phòng")


def test_partner_page_of_van_son_lists_its_meetings_commitments_and_tasks(client, demo):
    client.force_login(demo["lanhdao"])
    wenshan = Partner.objects.get(name="châu Văn Sơn")
    sections = {s.key: s for s in client.get(wenshan.get_absolute_url()).context["sections"]}
    assert [item.title for item in sections["meetings"].items] == [
        "Hội đàm Tuyên Quang - Văn Sơn (2027)",
        "Hội đàm Tuyên Quang - Văn Sơn lần thứ 1 (18/03/2026)",
    ]
    assert len(sections["commitments"].items) == 2
    assert [item.title for item in sections["tasks"].items] == [
        "I.1. Xây dựng công trình giao thông qua biên giới khu vực cửa khẩu quốc tế Thanh Thủy (Việt Nam) - "
        "Thiên Bảo (Trung Quốc)."
    ]
    # Yunnan's page gathers what its prefecture does.
    yunnan = client.get(Partner.objects.get(name="tỉnh Vân Nam").get_absolute_url()).context["sections"]
    assert len({s.key: s for s in yunnan}["meetings"].items) >= 2


def test_focal_officer_assigns_a_follow_up_task_and_the_meeting_shows_its_status(client, demo):
    commitment = Commitment.objects.get(number=2, meeting__mechanism__short_name="Hội đàm Tuyên Quang - Văn Sơn")
    plan = Program.objects.get(title__startswith="Kế hoạch về thúc đẩy")
    lead = Agency.objects.get(code="BDBP")
    client.force_login(demo["daumoi"])
    url = reverse("cooperation:commitment_follow_up", args=[commitment.pk])
    data = {
        "program": plan.pk,
        "title": "Trao đổi danh sách lao động qua biên giới với châu Văn Sơn",
        "lead_agency": lead.pk,
        "coordinating_agencies": [Agency.objects.get(code="SNV").pk],
        "due_text": "30/6/2026",
    }
    assert client.post(url, data).status_code == 302
    task = commitment.tasks.get()
    assert (task.program, list(task.leads.values_list("agency__code", flat=True))) == (plan, ["BDBP"])
    assert task.deadline == datetime.date(2026, 6, 30) and task.source_quote == commitment.text
    page = client.get(commitment.meeting.get_absolute_url())
    shown = {c.number: c for c in page.context["commitments"]}
    # Due 30/6/2026 and not done on 23/11/2026: overdue, and the commitment says so.
    assert shown[2].state == CommitmentState.OVERDUE and shown[2].follow_ups == [task]
    assert shown[1].state == CommitmentState.IN_PROGRESS
    assert "Có nhiệm vụ quá hạn" in page.content.decode()


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"lead_agency": ""}, "lead_agency", "Trường này là bắt buộc."),
        ({"due_text": "sớm nhất có thể"}, "due_text", ""),
        ({"program": "999999"}, "program", "Hãy chọn một lựa chọn hợp lệ"),
    ],
)
def test_bad_follow_up_task_is_refused_and_saves_nothing(client, demo, data, field, message):
    commitment = Commitment.objects.get(number=2, meeting__mechanism__short_name="Hội đàm Tuyên Quang - Văn Sơn")
    client.force_login(demo["daumoi"])
    base = {
        "program": Program.objects.get(number="175/CTr-UBND").pk,
        "title": "Việc",
        "lead_agency": Agency.objects.get(code="SNGV").pk,
        "due_text": "Năm 2026",
    }
    tasks = Task.objects.count()
    response = client.post(reverse("cooperation:commitment_follow_up", args=[commitment.pk]), {**base, **data})
    assert response.status_code == 400
    assert response.context["form"].errors[field] and message in " ".join(response.context["form"].errors[field])
    assert Task.objects.count() == tasks and not commitment.tasks.exists()


def test_only_the_focal_officer_and_administrator_assign_follow_ups(client, demo):
    commitment = Commitment.objects.first()
    url = reverse("cooperation:commitment_follow_up", args=[commitment.pk])
    for name, status in (("daumoi", 200), ("quantri", 200), ("lanhdao", 403), ("canbo.sct", 403)):
        client.force_login(demo[name])
        assert client.get(url).status_code == status, name


@pytest.fixture
def meeting(db):
    mechanism = Mechanism.objects.create(name="Hội đàm thử", level="government")
    return Meeting.objects.create(
        mechanism=mechanism, number=1, year=2026, held_on=datetime.date(2026, 3, 1), state="held"
    )


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"held_on": "2025-12-31"}, "held_on", "Ngày họp phải thuộc năm 2026."),
        ({"held_on": "", "state": "held"}, "held_on", "Phiên họp đã tổ chức phải có ngày họp."),
        ({"held_on": "2099-03-01", "year": "2099", "state": "held"}, "state", "chưa thể ghi “đã tổ chức”"),
        ({"number": "1"}, "__all__", "đã tồn tại"),
    ],
)
def test_bad_meeting_input_is_refused_in_vietnamese(client, users, meeting, changes, field, message):
    client.force_login(users[FOCAL])
    data = {"mechanism": meeting.mechanism.pk, "number": "2", "year": "2026", "held_on": "2026-05-05", "state": "held"}
    response = client.post(reverse("cooperation:meeting_add"), {**data, **changes})
    assert response.status_code == 400
    assert message in " ".join(response.context["form"].errors[field])
    assert Meeting.objects.count() == 1


def test_a_commitment_number_is_used_once_per_meeting(client, users, meeting):
    Commitment.objects.create(meeting=meeting, number=1, text="Thúc đẩy thương mại")
    client.force_login(users[FOCAL])
    response = client.post(reverse("cooperation:commitment_add"), {"meeting": meeting.pk, "number": 1, "text": "Khác"})
    assert response.status_code == 400 and "đã tồn tại" in str(response.context["form"].errors)
    assert Commitment.objects.count() == 1


# ---------------------------------------------------------------- permissions and queries

MODELS = {
    "mechanism": (
        lambda meeting: meeting.mechanism,
        {"name": "Cơ chế mới", "level": "sector", "frequency": "annual", "province_is_member": "on"},
    ),
    "meeting": (
        lambda meeting: meeting,
        {"number": "5", "year": "2026", "held_on": "2026-06-01", "state": "held", "place": "Hà Giang"},
    ),
    "commitment": (
        lambda meeting: Commitment.objects.create(meeting=meeting, number=1, text="Nội dung"),
        {"number": "3", "text": "Nội dung mới", "topic": "Thương mại"},
    ),
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("model", MODELS)
def test_permission_matrix_of_mechanisms_meetings_and_commitments(client, users, meeting, role, model):
    """Reference data: everyone views; the administrator and the focal officer add and change."""
    make, data = MODELS[model]
    obj = make(meeting)
    data = {**data, "mechanism": meeting.mechanism.pk, "meeting": meeting.pk}
    allowed = role in (ADMIN, FOCAL)
    client.force_login(users[role])
    api = api_client(users[role])
    assert client.get(reverse(f"cooperation:{model}_list")).status_code == 200
    assert client.get(obj.get_absolute_url()).status_code == 200
    assert api.get(reverse(f"api:{model}-list")).status_code == 200
    before = type(obj).objects.count()
    assert client.post(reverse(f"cooperation:{model}_add"), data).status_code == (302 if allowed else 403)
    assert type(obj).objects.count() == before + allowed
    edited = client.post(
        reverse(f"cooperation:{model}_edit", args=[obj.pk]), {**data, "name": "Cơ chế đã sửa", "number": "9"}
    )
    assert edited.status_code == (302 if allowed else 403)
    assert api.patch(reverse(f"api:{model}-detail", args=[obj.pk]), {}, format="json").status_code == (
        200 if allowed else 403
    )


def add_rows(meeting, count):
    partner = Partner.objects.create(name="đối tác", kind="city", country="CN")
    task = Task.objects.create(program=ProgramFactory(), title="Nhiệm vụ triển khai")
    for number in range(count):
        mechanism = Mechanism.objects.create(name=f"Cơ chế {number}", level="government")
        mechanism.members.add(partner)
        other = Meeting.objects.create(mechanism=mechanism, number=1, year=2026, host=partner)
        commitment = Commitment.objects.create(meeting=other, number=1, text=f"Nội dung {number}")
        commitment.responsible_partners.add(partner)
        commitment.tasks.add(task)


# Pages: session, user, notification badge, count, rows (+ prefetch) and the filters' choices; the API: count,
# rows, prefetches (commitments: partners, then tasks with their shares and programmes for the state).
PAGES = {"cooperation:mechanism_list": 7, "cooperation:meeting_list": 7, "cooperation:commitment_list": 9}
APIS = {"api:mechanism-list": 3, "api:meeting-list": 2, "api:commitment-list": 6}


@pytest.mark.parametrize("rows", [3, 20])
def test_lists_and_endpoints_have_pinned_query_counts(client, users, meeting, django_assert_num_queries, rows):
    add_rows(meeting, rows)
    client.force_login(users[FOCAL])
    for name, expected in PAGES.items():
        with django_assert_num_queries(expected):
            assert client.get(reverse(name)).status_code == 200
    api = api_client(users[FOCAL])
    for name, expected in APIS.items():
        with django_assert_num_queries(expected):
            assert api.get(reverse(name)).status_code == 200


def test_remind_announces_a_meeting_coming_up_to_the_mechanisms_focal_agency(demo):
    from doingoai.core import reminders
    from doingoai.core.models import Notification

    mechanism = Mechanism.objects.get(short_name="Hội đàm Tuyên Quang - Văn Sơn")  # followed by Sở Ngoại vụ
    coming = Meeting.objects.create(
        mechanism=mechanism, number=2, year=2026, held_on=datetime.date(2026, 12, 15), place="Tuyên Quang"
    )
    reminders.run(ON)
    told = set(Notification.objects.filter(key=f"meeting-{coming.pk}-coming").values_list("user__username", flat=True))
    assert told == {"daumoi", "canbo.sngv"}
    far = Meeting.objects.create(mechanism=mechanism, number=3, year=2027, held_on=datetime.date(2027, 3, 1))
    reminders.run(ON)
    assert not Notification.objects.filter(key=f"meeting-{far.pk}-coming").exists()
