"""The reporting loop in a real browser: an officer reports with a file, the focal officer accepts,
the programme's status counts and the agency's score change."""

import datetime

import pytest

from doingoai.core.testing import login, make_user
from doingoai.organizations.choices import Role
from doingoai.organizations.tests.factories import AgencyFactory
from doingoai.programs.choices import PeriodKind
from doingoai.programs.models import ProgressReport
from doingoai.programs.tests.factories import PDF, ProgramFactory, make_task, open_period

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
TODAY = datetime.date.today()


@pytest.fixture
def loop(transactional_db):
    industry = AgencyFactory(code="SCT", name="Sở Công Thương")
    foreign = AgencyFactory(code="SNGV", name="Sở Ngoại vụ")
    officer = make_user(Role.AGENCY_OFFICER, industry, username="canbo.sct")
    focal = make_user(Role.FOCAL_OFFICER, foreign, username="daumoi")
    program = ProgramFactory(
        focal_agency=foreign, title="Kế hoạch kinh tế cửa khẩu", period_start=TODAY.year - 1, period_end=TODAY.year + 4
    )
    task = make_task(
        program,
        leads=[industry],
        due=(TODAY + datetime.timedelta(days=5)).strftime("%d/%m/%Y"),
        user=focal,
        number="I.1",
        title="Mở lối thông quan hàng hóa",
    )
    period = open_period(
        program,
        kind=PeriodKind.AD_HOC,
        year=TODAY.year,
        title="Báo cáo đột xuất",
        user=focal,
        start_date=TODAY - datetime.timedelta(days=30),
        end_date=TODAY + datetime.timedelta(days=10),
        deadline=TODAY + datetime.timedelta(days=15),
    )
    return {"program": program, "task": task, "period": period, "officer": officer, "focal": focal}


def count_of(page, status: str) -> int:
    return int(page.locator(f'[data-testid="status-counts"] [data-status="{status}"] .count').inner_text())


def score_of(page, period, code: str) -> str:
    page.goto(f"/monitoring/scorecard/?period={period.pk}")
    return page.locator(f'[data-testid="scorecard"] tr[data-agency="{code}"] .score').inner_text()


def test_report_with_a_file_is_accepted_and_moves_counts_and_score(browser, live_server, loop, tmp_path):
    evidence = tmp_path / "bien-ban.pdf"
    evidence.write_bytes(PDF + b"noi dung")
    officer_context = browser.new_context(base_url=live_server.url, locale="vi-VN")
    focal_context = browser.new_context(base_url=live_server.url, locale="vi-VN")
    try:
        focal = focal_context.new_page()
        login(focal, "daumoi")
        assert score_of(focal, loop["period"], "SCT") == "—"
        focal.goto(loop["program"].get_absolute_url())
        assert count_of(focal, "completed_on_time") == 0
        due_soon_before = count_of(focal, "due_soon")

        officer = officer_context.new_page()
        login(officer, "canbo.sct")
        officer.goto(loop["task"].get_absolute_url())
        officer.get_by_role("link", name="Gửi báo cáo tiến độ").click()
        officer.get_by_label("Tiến độ").select_option("completed")
        officer.get_by_label("Phần trăm hoàn thành").fill("100")
        officer.get_by_label("Kết quả thực hiện").fill("Đã mở lối thông quan; biên bản kèm theo.")
        officer.get_by_label("Tệp minh chứng").set_input_files(str(evidence))
        officer.get_by_role("button", name="Gửi").click()
        officer.get_by_text("Đã gửi báo cáo; cán bộ đầu mối sẽ xem xét.").wait_for()
        assert officer.get_by_role("link", name="bien-ban.pdf").is_visible()
        assert ProgressReport.objects.get().evidence.count() == 1

        focal.goto(loop["task"].get_absolute_url())
        focal.get_by_role("button", name="Chấp nhận").click()
        focal.get_by_text("Đã chấp nhận báo cáo.").wait_for()
        assert focal.get_by_test_id("review-state").inner_text() == "Đã chấp nhận"

        focal.goto(loop["program"].get_absolute_url())
        assert count_of(focal, "completed_on_time") == 1
        assert count_of(focal, "due_soon") == due_soon_before - 1
        assert score_of(focal, loop["period"], "SCT") == "100,0"
    finally:
        officer_context.close()
        focal_context.close()
