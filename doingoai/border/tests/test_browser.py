"""Importing a trade file and reading the dashboard in a real browser, as the Department of
Industry and Trade's officer does it: the job runs on the database backend, so the page really
polls and its progress bar moves from waiting to done."""

import csv
import io
import re

import pytest
from django.core.management import call_command

from doingoai.border import imports
from doingoai.border.models import TradeRecord
from doingoai.core.testing import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
DEMO_PASSWORD = "DoiNgoai@2026"


@pytest.fixture
def demo(transactional_db):
    call_command("demo", stdout=io.StringIO())


def test_import_with_its_progress_bar_then_the_dashboard(page, demo, settings, tmp_path):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    rows = [
        [gate, "10/2026", flow, f"Nhóm hàng thử {number}", str(1000 + number)]
        for number in range(300)
        for gate, flow in [("Phố Bảng", "Nhập khẩu"), ("Xín Mần", "Xuất khẩu")]
    ]
    path = tmp_path / "kim-ngach-10-2026.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows([[heading for _key, heading in imports.COLUMNS], *rows])

    login(page, "canbo.sct", DEMO_PASSWORD)
    page.goto("/border/")
    page.get_by_role("link", name="Nhập tệp số liệu").first.click()
    with page.expect_download() as download:
        page.get_by_test_id("template-link").click()
    assert download.value.suggested_filename == "mau-so-lieu-kim-ngach.xlsx"
    page.set_input_files("#id_file", str(path))
    page.get_by_role("button", name="Tải lên và nhập").click()
    page.wait_for_url(re.compile(r".*/border/trade/import/\d+/$"))
    progress = page.get_by_test_id("import-progress")
    assert progress.get_attribute("data-state") == "waiting"
    assert page.get_by_test_id("progress-bar").is_visible()

    # The worker takes the job; the page, polling every second, follows it to the end.
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", stdout=io.StringIO())
    page.wait_for_selector("[data-testid=import-progress][data-state=done]")
    assert page.get_by_test_id("progress-bar").get_attribute("aria-valuenow") == "100"
    assert "Đã nhập 600 dòng" in page.get_by_test_id("import-result").inner_text()
    assert TradeRecord.objects.filter(commodity__startswith="Nhóm hàng thử").count() == 600

    page.get_by_role("link", name="Kim ngạch xuất nhập khẩu").first.click()
    page.wait_for_url(re.compile(r".*/border/$"))
    assert "1.606,5" in page.get_by_test_id("five-years").inner_text()
    assert "818,4" in page.get_by_test_id("last-year").inner_text()
    assert "điểm %" in page.get_by_test_id("gap").inner_text()
    assert "MAPE" in page.get_by_test_id("forecast-method").inner_text()
    assert page.get_by_test_id("illustrative").is_visible()
    # ECharts drew the trend with its forecast band, and the breakdowns.
    for chart in ("trend", "years", "gate", "flow", "commodity"):
        assert page.locator(f"#chart-{chart} canvas").count() == 1, chart
    # Drill down: the gate filter narrows every figure to that gate.
    page.select_option("#id_gate", label="Xín Mần - Đô Long")
    page.get_by_role("button", name="Lọc").click()
    page.wait_for_url(re.compile(r".*gate=\d+.*"))
    assert page.get_by_test_id("by-gate").locator("tbody tr").count() == 1
