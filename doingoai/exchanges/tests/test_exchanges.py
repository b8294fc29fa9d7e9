"""Delegations and conferences: bad input refused in Vietnamese, the delegation's states, the
results-report reminders, the partner page, the dashboard figures, permissions and pinned queries."""

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse

from doingoai.core import reminders
from doingoai.core.models import Notification
from doingoai.core.testing import api_client
from doingoai.exchanges import services
from doingoai.exchanges.choices import ConferenceState, DelegationState
from doingoai.exchanges.models import Conference, Delegation, DelegationMember
from doingoai.organizations.models import Agency, User
from doingoai.partners.models import Partner
from doingoai.programs.services import queries

ON = datetime.date(2026, 11, 23)
D = datetime.date
S = DelegationState


@pytest.fixture
def demo(db, monkeypatch):
    call_command("demo", stdout=io.StringIO())
    monkeypatch.setattr(queries, "today", lambda: ON)
    return {
        name: User.objects.get(username=name) for name in ("daumoi", "lanhdao", "canbo.sct", "canbo.sngv", "quantri")
    }


def delegation_data(**changes):
    data = {
        "direction": "outbound",
        "title": "Đoàn làm việc tại châu Văn Sơn",
        "owner_agency": Agency.objects.get(code="SNGV").pk,
        "head_name": "Trần Văn B",
        "head_title": "Phó Chủ tịch UBND tỉnh",
        "partners": [Partner.objects.get(name="châu Văn Sơn").pk],
        "countries": ["CN"],
        "start_on": "2026-12-10",
        "end_on": "2026-12-12",
        "purpose": "Hội đàm định kỳ",
        "funding": "provincial_budget",
        "members-TOTAL_FORMS": "2",
        "members-INITIAL_FORMS": "0",
        "members-MIN_NUM_FORMS": "0",
        "members-MAX_NUM_FORMS": "1000",
        "members-0-name": "Nguyễn Thị H",
        "members-0-title": "Giám đốc Sở Ngoại vụ",
        "members-0-passport_type": "official",
        "members-1-name": "",
    }
    data.update(changes)
    return data


@pytest.mark.parametrize(
    ("changes", "where", "message"),
    [
        ({"end_on": "2026-12-01"}, "end_on", "Ngày kết thúc không được trước ngày bắt đầu."),
        ({"members-1-name": "Nguyen Thi H"}, None, "Thành viên bị ghi trùng: Nguyen Thi H."),
        ({"members-1-name": "Trần Văn B"}, None, "Thành viên bị ghi trùng: Trần Văn B."),
        ({"countries": ["CN", "XX"]}, "countries", "Mã quốc gia “XX” không có trong danh mục ISO 3166-1"),
        ({"plan_year": "2027"}, "plan_year", "phải đi trong năm đó"),
    ],
)
def test_bad_delegation_input_is_refused_in_vietnamese_and_saves_nothing(client, demo, changes, where, message):
    client.force_login(demo["daumoi"])
    before = (Delegation.objects.count(), DelegationMember.objects.count())
    response = client.post(reverse("exchanges:delegation_add"), delegation_data(**changes))
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert message in " ".join(errors[where] if where else errors["__all__"])
    assert (Delegation.objects.count(), DelegationMember.objects.count()) == before


def test_members_listed_twice_are_refused_through_the_api(demo):
    api = api_client(demo["daumoi"])
    data = {
        "direction": "outbound",
        "title": "Đoàn qua API",
        "owner_agency": Agency.objects.get(code="SNGV").pk,
        "head_name": "Trần Văn B",
        "countries": ["CN"],
        "start_on": "2026-12-10",
        "end_on": "2026-12-12",
        "purpose": "Hội đàm",
        "funding": "partner",
        "members": [{"name": "Lê Văn K"}, {"name": "le van k"}],
    }
    response = api.post(reverse("api:delegation-list"), data, format="json")
    assert response.status_code == 400 and "ghi trùng" in response.json()["members"][0]
    data["members"] = [{"name": "Lê Văn K"}]
    created = api.post(reverse("api:delegation-list"), data, format="json")
    assert created.status_code == 201, created.content
    assert Delegation.objects.get(title="Đoàn qua API").members.count() == 1
    bad_country = api.post(reverse("api:delegation-list"), {**data, "countries": ["QQ"]}, format="json")
    assert bad_country.status_code == 400


@pytest.mark.parametrize(
    ("state", "action", "allowed"),
    [
        (S.PLANNED, "approve", True),
        (S.PLANNED, "return", False),
        (S.APPROVED, "start", True),
        (S.APPROVED, "return", True),
        (S.UNDER_WAY, "return", True),
        (S.RETURNED, "report", True),
        (S.RETURNED, "cancel", False),
        (S.REPORTED, "cancel", False),
        (S.CANCELLED, "approve", False),
        (S.APPROVED, "cancel", True),
    ],
)
def test_which_actions_each_state_allows(state, action, allowed):
    assert (action in services.allowed_actions(Delegation(state=state))) is allowed


def test_a_report_for_a_cancelled_delegation_is_refused(demo):
    cancelled = Delegation.objects.get(state=S.CANCELLED)
    with pytest.raises(ValidationError, match="Đoàn đã hủy nên không có báo cáo kết quả"):
        services.transition(cancelled, "report", demo["daumoi"], report_text="Kết quả", on=ON)
    cancelled.refresh_from_db()
    assert cancelled.state == S.CANCELLED and cancelled.report_text == ""


def test_return_then_report_announces_and_then_clears_the_reminder(client, demo):
    approved = Delegation.objects.get(state=S.UNDER_WAY)  # to Gyeonggi since 20/11
    officer = demo["canbo.sngv"]  # an officer of the sending agency
    client.force_login(officer)
    url = lambda action: reverse("exchanges:delegation_action", args=[approved.pk, action])  # noqa: E731
    assert client.post(url("return"), {"returned_on": "2026-11-22"}).status_code == 302
    approved.refresh_from_db()
    assert approved.state == S.RETURNED and approved.report_due == D(2026, 12, 7)
    notice = Notification.objects.get(user=officer, key=f"delegation-{approved.pk}-report")
    assert "07/12/2026" in notice.body
    # The daily job adds nothing already announced.
    reminders.run(ON)
    assert Notification.objects.filter(user=officer, key__startswith=f"delegation-{approved.pk}").count() == 1
    assert (
        client.post(url("report"), {"report_number": "120/BC-SNGV", "report_text": "Đã ký biên bản."}).status_code
        == 302
    )
    approved.refresh_from_db()
    assert approved.state == S.REPORTED and approved.report_on == ON
    assert not Notification.objects.filter(key__startswith=f"delegation-{approved.pk}-report").exists()


def test_returned_delegation_overdue_report_is_announced_as_late(demo):
    returned = Delegation.objects.get(state=S.RETURNED)  # back 09/11, due 24/11
    reminders.run(D(2026, 11, 25))
    assert Notification.objects.filter(key=f"delegation-{returned.pk}-report-late").exists()


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        (
            # Ten days before the opening of 31/12/2026.
            {"request_on": "2026-12-21"},
            "request_on",
            "trước ngày khai mạc ít nhất 30 ngày, tức chậm nhất ngày 01/12/2026",
        ),
        (
            {"request_on": "2026-11-25", "approval_level": "prime_minister"},
            "request_on",
            "ít nhất 40 ngày, tức chậm nhất ngày 21/11/2026",
        ),
        ({"end_on": "2026-12-30"}, "end_on", "Ngày kết thúc không được trước ngày bắt đầu."),
        ({"approval_on": "2026-11-20", "approval_number": "1/UBND"}, "approval_on", "không được trước ngày trình"),
    ],
)
def test_bad_conference_input_is_refused_in_vietnamese(client, demo, changes, field, message):
    client.force_login(demo["daumoi"])
    data = {
        "title": "Hội thảo quốc tế về cửa khẩu số",
        "owner_agency": Agency.objects.get(code="SNGV").pk,
        "start_on": "2026-12-31",
        "end_on": "2026-12-31",
        "venue": "Tuyên Quang",
        "vietnamese_participants": 50,
        "foreign_participants": 10,
        "approval_level": "province",
        "request_on": "2026-11-23",
    }
    response = client.post(reverse("exchanges:conference_add"), {**data, **changes})
    assert response.status_code == 400
    assert message in " ".join(response.context["form"].errors[field])
    assert not Conference.objects.filter(title=data["title"]).exists()


def test_conference_states_follow_the_dates_and_the_report(client, demo):
    states = {c.title[:20]: services.conference_state(c, ON) for c in Conference.objects.all()}
    assert set(states.values()) == {ConferenceState.REPORTED, ConferenceState.HELD, ConferenceState.PROPOSED}
    held = next(c for c in Conference.objects.all() if services.conference_state(c, ON) == ConferenceState.HELD)
    reminders.run(ON)  # ended 13/11: due 28/11, announced from 23/11
    assert Notification.objects.filter(key=f"conference-{held.pk}-report").exists()
    client.force_login(User.objects.get(username="daumoi"))
    client.post(reverse("exchanges:conference_report", args=[held.pk]), {"report_text": "80 đại biểu trong nước."})
    held.refresh_from_db()
    assert services.conference_state(held, ON) == ConferenceState.REPORTED
    assert not Notification.objects.filter(key__startswith=f"conference-{held.pk}-report").exists()


def test_partner_page_of_van_son_lists_agreements_meetings_delegations_and_tasks(client, demo):
    client.force_login(demo["lanhdao"])
    sections = {
        s.key: s for s in client.get(Partner.objects.get(name="châu Văn Sơn").get_absolute_url()).context["sections"]
    }
    assert len(sections["agreements"].items) == 2
    assert len(sections["meetings"].items) == 2
    assert [i.title for i in sections["delegations"].items] == [
        "Đoàn công tác của tỉnh thăm và làm việc tại châu Văn Sơn (minh họa)"
    ]
    assert len(sections["conferences"].items) == 1
    assert len(sections["tasks"].items) == 1


def test_dashboard_delegation_figures_equal_the_lists(client, demo):
    from doingoai.reports import dashboard

    client.force_login(demo["lanhdao"])
    widgets = {w.key: w for w in dashboard.compute(demo["lanhdao"], dashboard.DashboardFilters())}
    # Quarter IV of 2026: Nam Ninh (returned), Gyeonggi (under way), Xiêng Khoảng (approved).
    assert {f.label: f.value for f in widgets["delegations"].figures} == {"Trung Quốc": 1, "Hàn Quốc": 1, "Lào": 1}
    assert {f.label: f.value for f in widgets["exchange_reports"].figures} == {
        "Đoàn chưa báo cáo kết quả": 1,
        "Hội nghị chưa báo cáo kết quả": 1,
    }
    for figure in widgets["delegations"].figures + widgets["exchange_reports"].figures:
        assert client.get(figure.url).context["table"].paginator.count == figure.value, figure.label


@pytest.mark.parametrize("who", ["quantri", "daumoi", "lanhdao", "canbo.sngv", "canbo.sct"])
def test_delegation_and_conference_permissions_follow_the_owning_agency(client, demo, who):
    user = User.objects.get(username=who)
    mine = Delegation.objects.get(state=S.APPROVED)  # sent by Sở Ngoại vụ
    conference = Conference.objects.get(title__startswith="Hội thảo quốc tế về Công viên")  # Sở Văn hóa
    may_change = who in ("quantri", "daumoi", "canbo.sngv")
    client.force_login(user)
    api = api_client(user)
    for url in (mine.get_absolute_url(), conference.get_absolute_url(), reverse("exchanges:delegation_list")):
        assert client.get(url).status_code == 200
    assert api.get(reverse("api:delegation-list")).json()["count"] == 6
    start = client.post(reverse("exchanges:delegation_action", args=[mine.pk, "start"]))
    assert start.status_code == (302 if may_change else 403)
    mine.refresh_from_db()
    assert (mine.state == S.UNDER_WAY) is may_change
    patched = api.patch(reverse("api:delegation-detail", args=[mine.pk]), {"note": "x"}, format="json")
    assert patched.status_code == (200 if may_change else 403)
    edit = client.get(reverse("exchanges:conference_edit", args=[conference.pk]))
    assert edit.status_code == (200 if who in ("quantri", "daumoi") else 403)
    created = client.post(reverse("exchanges:delegation_add"), {**delegation_data(), "title": f"Mới {who}"})
    assert created.status_code == (302 if may_change else (403 if who == "lanhdao" else 400))
    assert Delegation.objects.filter(title=f"Mới {who}").exists() is may_change


def test_lists_have_pinned_query_counts(client, demo, django_assert_num_queries):
    client.force_login(demo["daumoi"])
    # session, user, badge, count, rows, partners, and the filters' choices (agency, partner).
    with django_assert_num_queries(8):
        assert client.get(reverse("exchanges:delegation_list")).status_code == 200
    with django_assert_num_queries(7):
        assert client.get(reverse("exchanges:conference_list")).status_code == 200
    api = api_client(demo["daumoi"])
    with django_assert_num_queries(6):
        assert api.get(reverse("api:delegation-list")).status_code == 200
    with django_assert_num_queries(3):
        assert api.get(reverse("api:conference-list")).status_code == 200


def test_records_on_file_cannot_be_deleted_through_the_api(demo):
    from doingoai.cooperation.models import Agreement

    api = api_client(demo["daumoi"])
    signed = Agreement.objects.get(name__startswith="Chương trình hợp tác giai đoạn 2026 - 2030")
    draft = Agreement.objects.get(state="negotiating")
    assert api.delete(reverse("api:agreement-detail", args=[signed.pk])).status_code == 400
    assert api.delete(reverse("api:agreement-detail", args=[draft.pk])).status_code == 204
    reported = Delegation.objects.get(state=S.REPORTED)
    planned = Delegation.objects.get(state=S.PLANNED)
    response = api.delete(reverse("api:delegation-detail", args=[reported.pk]))
    assert response.status_code == 400 and "Chỉ xóa được đoàn còn dự kiến hoặc đã hủy." in str(response.json())
    assert api.delete(reverse("api:delegation-detail", args=[planned.pk])).status_code == 204
    approved = Conference.objects.exclude(approval_on=None).first()
    assert api.delete(reverse("api:conference-detail", args=[approved.pk])).status_code == 400
    assert Agreement.objects.filter(pk=signed.pk).exists() and Delegation.objects.filter(pk=reported.pk).exists()
