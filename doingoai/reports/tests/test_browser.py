"""The header's search box and the dashboard in a real browser, on the demo."""

import io

import pytest
from django.core.management import call_command

from doingoai.core.testing import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
DEMO_PASSWORD = "DoiNgoai@2026"


@pytest.fixture
def demo(transactional_db):
    call_command("demo", stdout=io.StringIO())


def test_search_box_finds_the_plan_without_diacritics_and_marks_the_words(page, demo):
    login(page, "lanhdao", DEMO_PASSWORD)
    box = page.get_by_test_id("global-search")
    box.fill("ke hoach kinh te cua khau")
    box.press("Enter")
    group = page.get_by_test_id("search-group-programs.program")
    assert "Kế hoạch về thúc đẩy phát triển kinh tế cửa khẩu" in group.inner_text()
    assert group.locator("mark").count() >= 5
    group.get_by_role("link").first.click()
    assert "/monitoring/programs/" in page.url


def test_dashboard_figure_opens_the_list_it_counts(page, demo):
    login(page, "lanhdao", DEMO_PASSWORD)
    page.goto("/reports/")
    widget = page.get_by_test_id("widget-overdue_by_agency")
    # ECharts drew the chart (a canvas) from the vendored file.
    widget.locator("canvas").first.wait_for()
    figure = widget.get_by_test_id("figure").first
    expected = int(widget.get_by_test_id("value").first.inner_text())
    figure.click()
    page.wait_for_url("**/monitoring/tasks/**")
    assert page.locator("#object-table tbody tr").count() == expected
