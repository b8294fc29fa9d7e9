"""An outbound delegation's whole course in a real browser, as the sending agency's officer does it."""

import datetime
import io
import re

import pytest
from django.core.management import call_command

from doingoai.core.testing import login
from doingoai.exchanges.models import Delegation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
DEMO_PASSWORD = "DoiNgoai@2026"


@pytest.fixture
def demo(transactional_db):
    call_command("demo", stdout=io.StringIO())


def test_delegation_to_van_son_from_plan_to_report_with_its_reminder(page, demo):
    today = datetime.date.today()
    login(page, "canbo.sngv", DEMO_PASSWORD)
    page.goto("/exchanges/delegations/add/")
    page.select_option("#id_direction", "outbound")
    page.fill("#id_title", "Đoàn làm việc với châu Văn Sơn về cửa khẩu")
    page.fill("#id_head_name", "Trần Văn B")
    page.select_option("#id_partners", label="châu Văn Sơn")
    page.select_option("#id_countries", "CN")
    page.fill("#id_start_on", (today - datetime.timedelta(days=4)).isoformat())
    page.fill("#id_end_on", (today - datetime.timedelta(days=2)).isoformat())
    page.fill("#id_purpose", "Trao đổi về công trình giao thông qua biên giới Thanh Thủy - Thiên Bảo")
    page.select_option("#id_funding", "provincial_budget")
    page.fill("#id_members-0-name", "Nguyễn Thị H")
    page.get_by_role("button", name="Lưu").click()
    page.wait_for_url(re.compile(r".*/exchanges/delegations/\d+/$"))
    assert "Dự kiến" in page.get_by_test_id("delegation-state").inner_text()

    approve = page.get_by_test_id("action-approve")
    approve.locator("[name=approval_number]").fill("1700/QĐ-UBND")
    approve.locator("[name=approval_on]").fill((today - datetime.timedelta(days=6)).isoformat())
    approve.locator("[name=approval_signer]").fill("Chủ tịch UBND tỉnh")
    approve.get_by_role("button").click()
    page.wait_for_load_state()
    assert "Đã phê duyệt" in page.get_by_test_id("delegation-state").inner_text()

    back = page.get_by_test_id("action-return")
    back.locator("[name=returned_on]").fill((today - datetime.timedelta(days=2)).isoformat())
    back.get_by_role("button").click()
    page.wait_for_load_state()
    assert "chờ báo cáo" in page.get_by_test_id("delegation-state").inner_text()

    # The agency's officer is told at once that the results report is due.
    page.get_by_test_id("notifications").click()
    notice = page.get_by_text("Báo cáo kết quả đoàn “Đoàn làm việc với châu Văn Sơn về cửa khẩu”")
    assert notice.count() == 1
    delegation = Delegation.objects.get(title="Đoàn làm việc với châu Văn Sơn về cửa khẩu")
    page.goto(delegation.get_absolute_url())
    report = page.get_by_test_id("action-report")
    report.locator("[name=report_text]").fill("Thống nhất đẩy nhanh tiến độ cầu Thanh Thủy - Thiên Bảo.")
    report.get_by_role("button").click()
    page.wait_for_load_state()
    assert "Đã báo cáo kết quả" in page.get_by_test_id("delegation-state").inner_text()

    # The reminder is gone once the report is in.
    page.get_by_test_id("notifications").click()
    assert page.get_by_text("Báo cáo kết quả đoàn “Đoàn làm việc với châu Văn Sơn về cửa khẩu”").count() == 0
    # And the partner's page lists the delegation.
    page.goto(delegation.partners.get().get_absolute_url())
    assert "Đoàn làm việc với châu Văn Sơn về cửa khẩu" in page.get_by_test_id("partner-delegations").inner_text()
