"""The dashboard's figures equal the lists they link to; the global search finds across kinds."""

import datetime
import io
import re

import pytest
from django.core.management import call_command
from django.urls import reverse

from doingoai.organizations.models import User
from doingoai.programs.models import Program
from doingoai.programs.services import queries
from doingoai.reports import dashboard

ON = datetime.date(2026, 11, 23)


@pytest.fixture
def demo(db, monkeypatch):
    call_command("demo", stdout=io.StringIO())
    monkeypatch.setattr(queries, "today", lambda: ON)
    return User.objects.get(username="lanhdao")


def rows_behind(client, url: str) -> int:
    """How many rows the list a figure links to holds (all pages)."""
    response = client.get(url)
    assert response.status_code == 200, url
    return response.context["table"].paginator.count


def check_widgets(client, user, query: dict):
    board = dashboard.compute(user, dashboard.DashboardFilters.from_query(query))
    widgets = {widget.key: widget for widget in board}
    assert {"tasks_by_status", "targets_at_risk", "overdue_by_agency", "due_soon"} <= set(widgets)
    for key in ("tasks_by_status", "targets_at_risk", "overdue_by_agency"):
        for figure in widgets[key].figures:
            assert rows_behind(client, figure.url) == figure.value, (key, figure.label)
    count = widgets["due_soon"].figures[0]
    assert rows_behind(client, count.url) == count.value
    overdue_total = int(re.search(r"\d+", widgets["overdue_by_agency"].note).group())
    assert rows_behind(client, widgets["overdue_by_agency"].more_url) == overdue_total
    if "agency_ranking" in widgets:
        page = client.get(widgets["agency_ranking"].more_url)
        scores = {
            row.agency.name: round(row.score.total, 1) for row in page.context["rows"] if row.score.total is not None
        }
        for figure in widgets["agency_ranking"].figures:
            assert scores[figure.label] == figure.value
    for figure in widgets.get("reports_owed", dashboard.Widget("", "")).figures:
        totals = client.get(figure.url).context["totals"]
        assert figure.value == totals["late"] and f"phải nộp {totals['owed']}" in figure.detail
    return widgets


@pytest.mark.parametrize("filtered", ["none", "programme", "programme_and_field", "period"])
def test_every_dashboard_figure_equals_the_list_it_links_to(client, demo, filtered):
    plan = Program.objects.get(title__startswith="Kế hoạch về thúc đẩy")
    query = {
        "none": {},
        "programme": {"program": plan.pk},
        "programme_and_field": {"program": plan.pk, "section": "Nhiệm vụ thường xuyên"},
        "period": {"period": plan.periods.get(kind="six_month").pk},
    }[filtered]
    client.force_login(demo)
    widgets = check_widgets(client, demo, query)
    statuses = {f.label: f.value for f in widgets["tasks_by_status"].figures}
    if filtered == "none":
        assert statuses["Đang thực hiện quá hạn"] == 1 and sum(statuses.values()) == 32
    if filtered == "programme_and_field":
        assert sum(statuses.values()) == 17
    page = client.get(reverse("reports:dashboard"), query)
    assert page.status_code == 200 and 'data-testid="widget-targets_at_risk"' in page.content.decode()


def test_dashboard_ignores_garbage_filters(client, demo):
    client.force_login(demo)
    response = client.get(reverse("reports:dashboard"), {"program": "x", "period": "-1", "section": "<b>"})
    assert response.status_code == 200


def test_period_filter_offers_the_chosen_programmes_periods(demo):
    plan = Program.objects.get(title__startswith="Kế hoạch về thúc đẩy")
    ctr175 = Program.objects.get(number="175/CTr-UBND")
    offered = dashboard.FilterForm({"program": plan.pk}).fields["period"].queryset
    assert set(offered) == set(plan.periods.all()) and offered.exists()
    # Without a programme only the period asked for is offered, and a link naming it stays valid.
    period = ctr175.periods.first() or plan.periods.first()
    form = dashboard.FilterForm({"period": period.pk})
    assert form.is_valid() and list(form.fields["period"].queryset) == [period]
    assert "Chọn văn bản" in form.fields["period"].help_text
    filters = dashboard.DashboardFilters.from_query({"period": period.pk})
    assert (filters.period, filters.program) == (period, period.program)


@pytest.mark.parametrize(
    ("query", "kind", "expected"),
    [
        ("ke hoach kinh te cua khau", "programs.program", "Kế hoạch về thúc đẩy phát triển kinh tế cửa khẩu"),
        ("thanh thuy", "programs.task", "Thanh Thủy"),
        ("so cong thuong", "organizations.agency", "Sở Công Thương"),
        ("kim ngach", "programs.target", "kim ngạch"),
        ("thieu kinh phi", "programs.progressreport", "Thiếu kinh phí"),
    ],
)
def test_global_search_finds_without_diacritics_and_marks_the_words(client, demo, query, kind, expected):
    client.force_login(demo)
    response = client.get(reverse("search"), {"q": query})
    groups = {group.kind: group for group in response.context["groups"]}
    assert kind in groups
    text = " ".join(str(hit.title) + " " + str(hit.snippet) for hit in groups[kind].hits)
    assert "<mark>" in text
    assert expected.lower() in re.sub(r"</?mark>", "", text).lower()


def test_search_for_thanh_thuy_finds_exactly_the_tasks_that_mention_it(client, demo):
    client.force_login(demo)
    response = client.get(reverse("search"), {"q": "thanh thuy"})
    group = next(g for g in response.context["groups"] if g.kind == "programs.task")
    from doingoai.programs.models import Task

    mentioning = [t for t in Task.objects.all() if "thanh thủy" in " ".join(t.search_values()).lower()]
    assert group.count == len(mentioning) >= 2


def test_search_api_groups_results_and_rejects_an_empty_query(demo):
    from doingoai.core.testing import api_client

    client = api_client(demo)
    response = client.get("/api/search/", {"q": "ke hoach kinh te cua khau"})
    assert response.status_code == 200
    kinds = {group["kind"]: group for group in response.json()["results"]}
    assert kinds["programs.program"]["count"] == 1
    assert client.get("/api/search/", {"q": "  "}).status_code == 400
    assert api_client().get("/api/search/", {"q": "x"}).status_code in (401, 403)


def test_search_index_follows_every_save(client, demo):
    plan = Program.objects.get(title__startswith="Kế hoạch về thúc đẩy")
    plan.title = "Kế hoạch hợp tác Hà Khẩu"
    plan.save()
    client.force_login(demo)
    groups = {g.kind: g for g in client.get(reverse("search"), {"q": "ha khau"}).context["groups"]}
    assert [hit.obj for hit in groups["programs.program"].hits] == [plan]
