"""International agreements: the signing prerequisites and dates, the state as it stands today,
the 15-day report, expiry alerts, the yearly evaluation figure, reminders and permissions."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from doingoai.cooperation import services
from doingoai.cooperation.choices import AgreementState
from doingoai.cooperation.models import Agreement, AgreementEvaluation
from doingoai.core import reminders
from doingoai.core.models import Notification
from doingoai.core.testing import api_client
from doingoai.organizations.models import User
from doingoai.partners.models import Partner
from doingoai.programs.services import queries

ON = datetime.date(2026, 11, 23)
D = datetime.date


def agreement(**fields) -> Agreement:
    values = {
        "name": "Thỏa thuận thử",
        "form": "agreement",
        "state": "in_force",
        "signed_on": D(2026, 1, 10),
        "mofa_opinion_number": "1/BNG",
        "mofa_opinion_on": D(2026, 1, 2),
        "signer_name": "Nguyễn Văn A",
    }
    values.update(fields)
    return Agreement(**values)


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({}, AgreementState.IN_FORCE),
        ({"expires_on": D(2026, 11, 22)}, AgreementState.EXPIRED),
        ({"expires_on": D(2026, 11, 23)}, AgreementState.IN_FORCE),
        ({"expires_on": D(2026, 1, 31), "extended_to": D(2027, 1, 31), "state": "extended"}, AgreementState.EXTENDED),
        ({"expires_on": D(2026, 1, 31), "state": "terminated"}, AgreementState.TERMINATED),
        ({"expires_on": D(2026, 1, 31), "state": "suspended"}, AgreementState.SUSPENDED),
        ({"state": "negotiating", "signed_on": None}, AgreementState.NEGOTIATING),
    ],
)
def test_state_as_it_stands_today(fields, expected):
    assert services.agreement_state(agreement(**fields), ON) == expected


@pytest.mark.parametrize(
    ("valid_until", "threshold"),
    [
        (D(2027, 6, 1), None),  # 190 days left
        (D(2027, 5, 22), 180),
        (D(2027, 2, 21), 90),
        (D(2026, 12, 23), 30),
        (D(2026, 11, 23), 30),
        (D(2026, 11, 22), None),  # expired: nothing more to announce
    ],
)
def test_expiry_alert_thresholds(valid_until, threshold):
    assert services.expiry_threshold(agreement(expires_on=valid_until), ON) == threshold


@pytest.mark.parametrize(
    ("signed_on", "sent_on", "overdue"),
    [(D(2026, 11, 8), None, False), (D(2026, 11, 7), None, True), (D(2026, 11, 1), D(2026, 11, 10), False)],
)
def test_signing_report_is_due_within_15_days(signed_on, sent_on, overdue):
    item = agreement(signed_on=signed_on, mofa_opinion_on=D(2026, 10, 1), signing_report_on=sent_on)
    assert item.signing_report_due == signed_on + datetime.timedelta(days=15)
    assert services.signing_report_overdue(item, ON) is overdue


@pytest.fixture
def demo(db, monkeypatch):
    call_command("demo", stdout=io.StringIO())
    monkeypatch.setattr(queries, "today", lambda: ON)
    return {name: User.objects.get(username=name) for name in ("daumoi", "lanhdao", "canbo.sct", "canbo.sngv")}


def test_demo_holds_an_agreement_in_every_state(demo):
    states = {services.agreement_state(a, ON) for a in Agreement.objects.all()}
    assert states == set(AgreementState)


def post_data(**changes):
    data = {
        "name": "Bản ghi nhớ hợp tác với tỉnh Ibaraki",
        "form": "mou",
        "partners": [Partner.objects.get(name="tỉnh Ibaraki").pk],
        "owner_agency": User.objects.get(username="daumoi").agency_id,
        "state": "signed",
        "mofa_opinion_number": "4411/BNG-ĐBA",
        "mofa_opinion_on": "2026-10-01",
        "signer_name": "Nguyễn Văn An",
        "signed_on": "2026-11-02",
        "expires_on": "2031-11-02",
    }
    data.update(changes)
    return data


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"expires_on": "2026-10-01"}, "expires_on", "Ngày hết hiệu lực phải sau ngày ký."),
        ({"mofa_opinion_number": ""}, "mofa_opinion_number", "ý kiến bằng văn bản của Bộ Ngoại giao"),
        ({"mofa_opinion_on": "2026-11-05"}, "mofa_opinion_on", "trước ngày ký"),
        ({"signed_on": ""}, "signed_on", "phải có ngày ký"),
        ({"signed_on": "2099-01-01", "expires_on": "2100-01-01"}, "signed_on", "không được sau hôm nay"),
        ({"effective_on": "2026-11-01"}, "effective_on", "không được trước ngày ký"),
        ({"state": "extended"}, "extended_to", "phải có ngày gia hạn"),
        ({"extended_to": "2030-01-01"}, "extended_to", "phải sau ngày hết hiệu lực ban đầu"),
        ({"state": "terminated"}, "terminated_on", "ngày chấm dứt"),
        ({"signing_report_on": "2026-11-01"}, "signing_report_on", "trước ngày ký"),
    ],
)
def test_bad_agreement_input_is_refused_in_vietnamese_and_saves_nothing(client, demo, changes, field, message):
    client.force_login(demo["daumoi"])
    before = Agreement.objects.count()
    response = client.post(reverse("cooperation:agreement_add"), post_data(**changes))
    assert response.status_code == 400
    assert message in " ".join(response.context["form"].errors[field])
    assert Agreement.objects.count() == before


def test_focal_officer_records_an_agreement_found_by_its_partner_without_diacritics(client, demo):
    client.force_login(demo["daumoi"])
    response = client.post(reverse("cooperation:agreement_add"), post_data())
    assert response.status_code == 302
    created = Agreement.objects.get(name="Bản ghi nhớ hợp tác với tỉnh Ibaraki")
    found = client.get(reverse("cooperation:agreement_list"), {"q": "ibaraki prefecture"})
    assert [row.record for row in found.context["table"].page.object_list] == []
    found = client.get(reverse("cooperation:agreement_list"), {"q": "tinh ibaraki ban ghi nho"})
    assert [row.record for row in found.context["table"].page.object_list] == [created]
    # Its partner's page lists it.
    page = client.get(Partner.objects.get(name="tỉnh Ibaraki").get_absolute_url())
    assert created.name in page.content.decode()


def test_yearly_evaluation_moves_the_coverage_figure(client, demo):
    agreements = Agreement.objects.all()
    evaluated, due = services.evaluation_coverage(agreements, 2026)
    # Bound the province in 2026: the two Văn Sơn agreements, Bách Sắc, Moriya and the suspended
    # Hessen one; not Xiêng Khoảng (ended 2025) nor Benguet (terminated 2023).
    assert (evaluated, due) == (0, 5)
    target = Agreement.objects.get(name__startswith="Chương trình hợp tác giai đoạn 2026 - 2030")
    client.force_login(demo["daumoi"])
    url = reverse("cooperation:agreement_evaluate", args=[target.pk])
    assert (
        client.post(url, {"year": 2026, "rating": "good", "narrative": "Đã triển khai 3 hoạt động."}).status_code == 302
    )
    assert services.evaluation_coverage(agreements, 2026) == (1, 5)
    # One evaluation per agreement and year.
    client.post(url, {"year": 2026, "rating": "fair", "narrative": "Lần hai"})
    assert AgreementEvaluation.objects.filter(agreement=target, year=2026).count() == 1
    not_evaluated = client.get(reverse("cooperation:agreement_list"), {"evaluated_year": 2026})
    assert not_evaluated.context["table"].paginator.count == 4


def test_reminders_announce_expiry_and_the_signing_report_once(demo, settings):
    focal = demo["daumoi"]
    reminders.run(ON)
    titles = set(Notification.objects.filter(user=focal).values_list("title", flat=True))
    assert any("hết hiệu lực ngày 10/02/2027" in t for t in titles)
    assert not any("báo cáo sau ký" in t for t in titles), "Bách Sắc's report is due 30/11, announced from 25/11"
    reminders.run(D(2026, 11, 26))
    assert Notification.objects.filter(user=focal, title__startswith="Sắp đến hạn báo cáo sau ký").count() == 1
    reminders.run(D(2026, 12, 1))
    assert Notification.objects.filter(user=focal, title__startswith="Quá hạn báo cáo sau ký").count() == 1
    count = Notification.objects.count()
    reminders.run(D(2026, 12, 1))
    assert Notification.objects.count() == count


@pytest.mark.parametrize("who", ["quantri", "daumoi", "lanhdao", "canbo.sngv", "canbo.sct"])
def test_agreement_permissions_follow_the_owning_agency(client, demo, who):
    """Everyone views; the administrator and focal officers change any; an agency officer only
    their agency's (Sở Ngoại vụ owns the Văn Sơn programme); a leader changes nothing."""
    user = User.objects.get(username=who)
    owned = Agreement.objects.get(name__startswith="Chương trình hợp tác giai đoạn 2026 - 2030")
    may_change = who in ("quantri", "daumoi", "canbo.sngv")
    client.force_login(user)
    api = api_client(user)
    assert client.get(owned.get_absolute_url()).status_code == 200
    assert api.get(reverse("api:agreement-list")).json()["count"] == 9
    edit = client.get(reverse("cooperation:agreement_edit", args=[owned.pk]))
    assert edit.status_code == (200 if may_change else 403)
    patched = api.patch(reverse("api:agreement-detail", args=[owned.pk]), {"note": "Đã rà soát"}, format="json")
    assert patched.status_code == (200 if may_change else 403)
    evaluate = client.post(
        reverse("cooperation:agreement_evaluate", args=[owned.pk]), {"year": 2026, "rating": "good", "narrative": "x"}
    )
    assert evaluate.status_code == (302 if may_change else 403)
    # Filing a new agreement under Sở Ngoại vụ: only those who may act for it.
    created = api.post(reverse("api:agreement-list"), {**post_data(), "name": f"Mới {who}"}, format="json")
    assert created.status_code == (201 if may_change else 403), created.content
    assert Agreement.objects.filter(name=f"Mới {who}").exists() is may_change


def test_agreement_list_has_pinned_query_counts(client, demo, django_assert_num_queries):
    client.force_login(demo["daumoi"])
    # session, user, badge, count, rows, partners, evaluations, and the filters' choices (partner, agency).
    with django_assert_num_queries(9):
        assert client.get(reverse("cooperation:agreement_list")).status_code == 200
    api = api_client(demo["daumoi"])
    with django_assert_num_queries(5):
        assert api.get(reverse("api:agreement-list")).status_code == 200


def test_dashboard_agreement_figures_equal_the_lists_they_link_to(client, demo):
    from doingoai.reports import dashboard

    client.force_login(demo["lanhdao"])
    widgets = {w.key: w for w in dashboard.compute(demo["lanhdao"], dashboard.DashboardFilters())}
    figures = widgets["agreements"].figures
    # The Văn Sơn labour agreement (extended to 10/02/2027); 0 of 5 evaluated in 2026; Bách Sắc unreported.
    assert [f.value for f in figures] == [1, 5, 1]
    for figure in figures:
        assert client.get(figure.url).context["table"].paginator.count == figure.value, figure.label
    assert "0/5" in figures[1].detail
    assert 'data-testid="widget-agreements"' in client.get(reverse("reports:dashboard")).content.decode()
