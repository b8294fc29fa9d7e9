"""The Vietnamese text rules: tables of cases at the edges, and round-trips for every value."""

import datetime
import unicodedata
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from doingoai.core.text import (
    DOCUMENT_TYPES,
    DocumentNumber,
    ParseError,
    clean_text,
    format_date,
    format_long_date,
    format_number,
    normalize,
    parse_date,
    parse_document_number,
    parse_number,
    parse_range,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sở Công Thương", "so cong thuong"),
        ("ĐỒN BIÊN PHÒNG", "don bien phong"),
        ("Ủy ban nhân dân xã Thanh Thủy", "uy ban nhan dan xa thanh thuy"),
        ("  Sở   Ngoại\tvụ \n", "so ngoai vu"),
        (unicodedata.normalize("NFD", "Thiên Bảo"), "thien bao"),
        ("Ðồng Văn", "dong van"),  # the eth look-alike of Đ that PDF extraction produces
        ("so cong thuong", "so cong thuong"),
        ("", ""),
    ],
)
def test_normalize_folds_diacritics_case_and_spaces(text, expected):
    assert normalize(text) == expected


def test_clean_text_composes_decomposed_letters():
    assert clean_text(unicodedata.normalize("NFD", "Tuyên  Quang")) == "Tuyên Quang"


@given(st.text())
def test_normalize_is_idempotent_and_leaves_no_marks(text):
    folded = normalize(text)
    assert normalize(folded) == folded
    assert not any(unicodedata.combining(char) for char in folded)
    assert "đ" not in folded


@given(st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ "))
def test_normalize_ignores_case_of_vietnamese_letters(text):
    assert normalize(text.upper()) == normalize(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("15.000", Decimal(15000)),
        ("277,556", Decimal("277.556")),
        ("1.234.567,89", Decimal("1234567.89")),
        ("02", Decimal(2)),
        ("15 000", Decimal(15000)),
        ("-3,5", Decimal("-3.5")),
        ("100", Decimal(100)),
        (" 812 ", Decimal(812)),
    ],
)
def test_parse_number_reads_vietnamese_notation(text, expected):
    assert parse_number(text) == expected


@pytest.mark.parametrize("text", ["1.5", "15.00", "1,2,3", "abc", "", "15.000,", ".5", "1..000", "１５"])
def test_parse_number_refuses_ambiguous_or_malformed_input(text):
    with pytest.raises(ParseError, match="không phải là số"):
        parse_number(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("02 - 03", (2, 3)),
        ("15%-17%", (15, 17)),
        ("15%- 17%", (15, 17)),
        ("15.000 - 20.000", (15000, 20000)),
        ("5 – 10", (5, 10)),
        ("26", (26, 26)),
        ("100%", (100, 100)),
        ("0,5 - 1,5", (Decimal("0.5"), Decimal("1.5"))),
    ],
)
def test_parse_range_reads_ranges_and_single_numbers(text, expected):
    assert parse_range(text) == (Decimal(expected[0]), Decimal(expected[1]))


@pytest.mark.parametrize("text", ["03 - 02", "a - b", "15%-", "-", "1.5 - 2"])
def test_parse_range_refuses_bad_ranges(text):
    with pytest.raises(ParseError):
        parse_range(text)


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (15000, None, "15.000"),
        (Decimal("277.556"), None, "277,556"),
        (Decimal("1234567.5"), None, "1.234.567,5"),
        (Decimal("15.50"), None, "15,5"),
        (Decimal("15.5"), 2, "15,50"),
        (0, None, "0"),
        (Decimal("-0"), None, "0"),
        (-1600, None, "-1.600"),
        (Decimal("812.4"), 0, "812"),
    ],
)
def test_format_number_writes_vietnamese_notation(value, decimals, expected):
    assert format_number(value, decimals) == expected


@given(st.decimals(allow_nan=False, allow_infinity=False, places=4, min_value=-(10**12), max_value=10**12))
def test_numbers_round_trip_through_vietnamese_notation(value):
    assert parse_number(format_number(value)) == value


@given(st.integers(0, 10**9), st.integers(0, 10**9))
def test_ranges_round_trip(low, high):
    low, high = min(low, high), max(low, high)
    assert parse_range(f"{format_number(low)} - {format_number(high)}") == (low, high)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("04/5/2026", datetime.date(2026, 5, 4)),
        ("4/5/2026", datetime.date(2026, 5, 4)),
        ("04-05-2026", datetime.date(2026, 5, 4)),
        ("04.05.2026", datetime.date(2026, 5, 4)),
        ("2026-05-04", datetime.date(2026, 5, 4)),
        ("29/02/2028", datetime.date(2028, 2, 29)),
        ("31/12/2027", datetime.date(2027, 12, 31)),
        ("ngày 05 tháng 01 năm 2026", datetime.date(2026, 1, 5)),
        ("Ngày 27 tháng 11 năm 2025", datetime.date(2025, 11, 27)),
    ],
)
def test_parse_date_reads_vietnamese_dates(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["29/02/2026", "31/04/2026", "00/01/2026", "12/13/2026", "2026", "hôm nay", "04/5/26"])
def test_parse_date_refuses_dates_that_do_not_exist(text):
    with pytest.raises(ParseError):
        parse_date(text)


@pytest.mark.parametrize(
    ("value", "short", "long"),
    [
        (datetime.date(2026, 1, 5), "05/01/2026", "ngày 05 tháng 01 năm 2026"),
        (datetime.date(2026, 5, 4), "04/05/2026", "ngày 04 tháng 5 năm 2026"),
        (datetime.date(2026, 2, 28), "28/02/2026", "ngày 28 tháng 02 năm 2026"),
        (datetime.date(2026, 3, 10), "10/03/2026", "ngày 10 tháng 3 năm 2026"),
        (datetime.date(2025, 12, 31), "31/12/2025", "ngày 31 tháng 12 năm 2025"),
    ],
)
def test_dates_are_written_as_decree_30_says(value, short, long):
    assert format_date(value) == short
    assert format_long_date(value) == long


@given(st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2100, 12, 31)))
def test_dates_round_trip_in_both_forms(value):
    assert parse_date(format_date(value)) == value
    assert parse_date(format_long_date(value)) == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("175/CTr-UBND", DocumentNumber(175, "UBND", "CTr")),
        ("Số: 175/CTr-UBND", DocumentNumber(175, "UBND", "CTr")),
        ("50-KH/TU", DocumentNumber(50, "TU", "KH", party=True)),
        ("12/BC-SNgV", DocumentNumber(12, "SNgV", "BC")),
        ("1382/QĐ-UBND", DocumentNumber(1382, "UBND", "QĐ")),
        ("45/UBND-VP", DocumentNumber(45, "UBND", None, unit="VP")),
        ("05/KH-UBND-VX", DocumentNumber(5, "UBND", "KH", unit="VX")),
        ("09/2019/NĐ-CP", DocumentNumber(9, "CP", "NĐ", year=2019)),
        ("202/2025/QH15", DocumentNumber(202, "QH15", None, year=2025)),
        ("Số 06/2020/QĐ-TTg", DocumentNumber(6, "TTg", "QĐ", year=2020)),
    ],
)
def test_parse_document_number_reads_state_party_and_legal_numbers(text, expected):
    assert parse_document_number(text) == expected


@pytest.mark.parametrize(
    ("number", "text"),
    [
        (DocumentNumber(175, "UBND", "CTr"), "175/CTr-UBND"),
        (DocumentNumber(5, "UBND", "KH"), "05/KH-UBND"),
        (DocumentNumber(50, "TU", "KH", party=True), "50-KH/TU"),
        (DocumentNumber(9, "CP", "NĐ", year=2019), "09/2019/NĐ-CP"),
    ],
)
def test_document_numbers_are_written_canonically(number, text):
    assert str(number) == text
    assert number.type_name == DOCUMENT_TYPES[number.doc_type]


@pytest.mark.parametrize(
    "text", ["", "175", "175/", "0/KH-UBND", "abc/KH-UBND", "175/CTr UBND/x", "50-XYZ/TU", "175/CTr-"]
)
def test_parse_document_number_refuses_malformed_numbers(text):
    with pytest.raises(ParseError, match="số, ký hiệu"):
        parse_document_number(text)


issuers = st.from_regex(r"\A[A-Z][A-Za-z]{1,5}[0-9]?\Z").filter(lambda s: s not in DOCUMENT_TYPES)
state_numbers = st.builds(
    DocumentNumber,
    number=st.integers(1, 999_999),
    issuer=issuers,
    doc_type=st.sampled_from(sorted(DOCUMENT_TYPES)),
    unit=st.one_of(st.just(""), issuers),
    year=st.one_of(st.none(), st.integers(1990, 2100)),
)
party_numbers = st.builds(
    DocumentNumber,
    number=st.integers(1, 999_999),
    issuer=issuers,
    doc_type=st.sampled_from(sorted(DOCUMENT_TYPES)),
    party=st.just(True),
)


@given(st.one_of(state_numbers, party_numbers))
def test_document_numbers_round_trip(number):
    assert parse_document_number(str(number)) == number
