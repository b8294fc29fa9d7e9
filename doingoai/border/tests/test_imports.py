"""Importing trade figures: every kind of bad row refused with its row number and nothing saved;
a clean file saved whole; importing it again changes nothing; the template reads back clean."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from doingoai.border import imports
from doingoai.border.models import BorderGate, TradeRecord
from doingoai.organizations.tests.factories import UserFactory

HEADER = [heading for _key, heading in imports.COLUMNS]


@pytest.fixture
def gates(db):
    return {
        name: BorderGate.objects.create(name=name, counterpart=f"đối diện {name}", kind="bilateral")
        for name in ("Thanh Thủy", "Xín Mần")
    }


def csv_bytes(rows) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer).writerows([HEADER, *rows])
    return buffer.getvalue().encode("utf-8-sig")


GOOD = [
    ["Thanh Thủy", "01/2026", "Xuất khẩu", "Nông sản", "1.250.000", "2.100,5", "35", "28"],
    ["thanh thuy", "01/2026", "import", "Máy móc", "800000", "", "", ""],
    ["Xín Mần", "02/2026", "Tạm nhập tái xuất", "Khoáng sản", "15.000,75", "", "4", ""],
]


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (["Mường Khương", "01/2026", "Xuất khẩu", "Nông sản", "100"], "không có cửa khẩu “Mường Khương”"),
        (["Thanh Thủy", "13/2026", "Xuất khẩu", "Nông sản", "100"], "tháng “13/2026” không đúng dạng MM/YYYY"),
        (["Thanh Thủy", "tháng giêng", "Xuất khẩu", "Nông sản", "100"], "không đúng dạng MM/YYYY"),
        (["Thanh Thủy", "01/2026", "Xuất khẩu", "Nông sản", "-100"], "Trị giá không được âm"),
        (["Thanh Thủy", "01/2026", "Xuất khẩu", "Nông sản", "nhiều"], "Trị giá “nhiều” không phải là số"),
        (["Thanh Thủy", "01/2026", "Buôn lậu", "Nông sản", "100"], "loại hình “Buôn lậu” không hợp lệ"),
        (["Thanh Thủy", "01/2026", "Xuất khẩu", "", "100"], "thiếu Nhóm hàng"),
        (["Thanh Thủy", "01/2026", "Xuất khẩu", "Nông sản", "100", "", "3,5"], "Lượt phương tiện phải là số nguyên"),
        (["Thanh Thủy", "01/2026", "xuat khau", "nong san", "7"], "trùng với dòng 2"),
        (["Thanh Thủy", "01/2026", "Xuất khẩu", "Nông sản", "1.234,567"], "Trị giá có quá hai chữ số thập phân"),
        (["Thanh Thủy", "01/2026", "Xuất khẩu", "Nông sản", "1" + "0" * 14], "quá lớn"),
        (["Thanh Thủy", "01/2026", "Xuất khẩu", "Nông sản", "5", "", "9999999999"], "“9999999999” quá lớn"),
        (["Thanh Thủy", "01/2026", "Xuất khẩu", "N" * 121, "5"], "tên nhóm hàng dài quá 120 ký tự"),
    ],
)
def test_each_kind_of_bad_row_is_named_by_its_row_number_and_nothing_is_saved(gates, row, message):
    table = imports.read_table("kim-ngach.csv", csv_bytes([GOOD[0], GOOD[1], row]))
    result = imports.check(table)
    assert not result.ok
    assert [(number, message in text) for number, text in result.errors] == [(4, True)], result.errors
    assert not TradeRecord.objects.exists()


def test_a_clean_file_is_saved_whole_and_a_second_import_changes_nothing(gates):
    user = UserFactory()
    content = csv_bytes(GOOD)
    expected = [
        {"created": 3, "updated": 0, "deleted": 0, "unchanged": 0},
        {"created": 0, "updated": 0, "deleted": 0, "unchanged": 3},
    ]
    for counts in expected:
        result = imports.check(imports.read_table("kim-ngach.csv", content))
        assert result.ok, result.errors
        assert imports.apply(result, user) == counts
    assert TradeRecord.history.count() == 3
    rows = sorted(TradeRecord.objects.values_list("gate__name", "month", "flow", "commodity", "value_usd", "volume_t"))
    assert rows == [
        ("Thanh Thủy", datetime.date(2026, 1, 1), "export", "Nông sản", Decimal("1250000.00"), Decimal("2100.50")),
        ("Thanh Thủy", datetime.date(2026, 1, 1), "import", "Máy móc", Decimal("800000.00"), None),
        ("Xín Mần", datetime.date(2026, 2, 1), "temporary", "Khoáng sản", Decimal("15000.75"), None),
    ]
    # Re-importing a month with other figures replaces that gate's month.
    corrected = csv_bytes([["Thanh Thủy", "01/2026", "Xuất khẩu", "Nông sản", "1.300.000"]])
    assert imports.apply(imports.check(imports.read_table("sua.csv", corrected)), user) == {
        "created": 0,
        "updated": 1,
        "deleted": 1,
        "unchanged": 0,
    }
    assert list(TradeRecord.objects.filter(gate__name="Thanh Thủy").values_list("value_usd", flat=True)) == [
        Decimal("1300000.00")
    ]
    assert TradeRecord.objects.filter(gate__name="Xín Mần").count() == 1
    # History keeps the figures replaced and removed, each by the importing user.
    changes = sorted(
        TradeRecord.history.exclude(history_type="+").values_list("history_type", "value_usd", "history_user")
    )
    assert changes == [("-", Decimal("800000.00"), user.pk), ("~", Decimal("1300000.00"), user.pk)]


def test_the_template_is_an_xlsx_that_imports_clean(gates):
    content = imports.template_xlsx()
    assert load_workbook(io.BytesIO(content)).active["A1"].value == "Cửa khẩu"
    result = imports.check(imports.read_table("mau.xlsx", content))
    assert result.ok, result.errors
    assert result.rows[0]["value_usd"] == Decimal("1250000")


def test_a_file_with_another_header_or_kind_is_refused(gates):
    assert imports.check([["Ngày", "Số tiền"], ["1", "2"]]).errors[0][0] == 1
    with pytest.raises(ValueError, match=r"\.xlsx hoặc \.csv"):
        imports.read_table("kim-ngach.pdf", b"%PDF")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("hong.xlsx", b"not a zip", "Không đọc được tệp .xlsx"),
        ("latin.csv", "Số liệu tháng".encode("cp1252", errors="replace") + b"\xff\xfe", "bảng mã UTF-8"),
    ],
)
def test_an_unreadable_file_is_refused_in_vietnamese(name, content, message):
    with pytest.raises(ValueError, match=message):
        imports.read_table(name, content)


def test_spreadsheet_float_noise_is_read_as_the_figure_shown_and_reimports_unchanged(gates):
    user = UserFactory()
    table = [HEADER, ["Thanh Thủy", datetime.date(2026, 3, 1), "Nhập khẩu", "Khoáng sản", 0.1 + 0.2, 12.5]]
    result = imports.check(table)
    assert result.ok, result.errors
    assert result.rows[0]["value_usd"] == Decimal("0.3")
    assert imports.apply(result, user)["created"] == 1
    assert imports.apply(imports.check(table), user)["unchanged"] == 1


def test_a_malformed_csv_is_refused_in_vietnamese():
    content = ("Cửa khẩu\n" + '"' + "x" * 200_000 + '"\n').encode()
    with pytest.raises(ValueError, match="không đúng định dạng"):
        imports.read_table("dai.csv", content)
