"""An agency officer in a real browser: signs in, finds Sở Công Thương without diacritics, exports."""

from urllib.parse import parse_qs, urlparse

import pytest
from openpyxl import load_workbook

from doingoai.core.testing import login
from doingoai.demo import loaders
from doingoai.organizations.models import Agency

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(transactional_db):
    loaders.load_agencies()
    loaders.load_agency_groups()
    loaders.load_users()


def test_agency_officer_finds_an_agency_without_diacritics_and_exports_exactly_those_rows(page, demo, tmp_path):
    login(page, "canbo.sct", "DoiNgoai@2026")
    assert page.locator("html").get_attribute("lang") == "vi", "Vietnamese even for an English-speaking browser"
    menu = page.get_by_role("navigation", name="Điều hướng chính")
    menu.get_by_role("button", name="Danh mục").click()
    menu.get_by_role("link", name="Cơ quan, đơn vị").click()
    total = Agency.objects.count()
    assert page.get_by_test_id("result-count").inner_text() == f"{total} kết quả"

    page.get_by_label("Tìm kiếm").fill("so cong thuong")
    page.get_by_test_id("result-count").filter(has_text="1 kết quả").wait_for()
    rows = page.locator("#object-table tbody tr")
    assert rows.count() == 1
    assert "Sở Công Thương" in rows.first.inner_text()
    assert parse_qs(urlparse(page.url).query)["q"] == ["so cong thuong"], "the filtered list has its own address"

    with page.expect_download() as download_info:
        page.get_by_test_id("export-xlsx").click()
    path = tmp_path / "export.xlsx"
    download_info.value.save_as(path)
    sheet = load_workbook(path).active
    exported = list(sheet.iter_rows(values_only=True))
    assert exported[0][:2] == ("Mã", "Tên cơ quan, đơn vị")
    assert [row[:2] for row in exported[1:]] == [("SCT", "Sở Công Thương")]


def test_agency_officer_sees_no_edit_buttons_on_the_registry(page, demo):
    login(page, "canbo.sct", "DoiNgoai@2026")
    page.goto(f"/organizations/agencies/{Agency.objects.get(code='SCT').pk}/")
    assert page.get_by_role("link", name="Lịch sử thay đổi").is_visible()
    assert page.get_by_role("link", name="Sửa").count() == 0
    assert page.get_by_role("link", name="Thêm mới").count() == 0
