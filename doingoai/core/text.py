"""Vietnamese text rules: diacritic-free normalisation, numbers, dates and document numbers.

Pure functions over plain values; every parser raises `ParseError` (a ValueError) with a Vietnamese
message that forms, the API and importers show to the user as it is.
"""

import datetime
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _


class ParseError(ValueError):
    """Input that cannot be read; the message is meant for the user."""


# ---------------------------------------------------------------- normalisation

# "đ" has no Unicode decomposition, and PDF extraction sometimes yields the look-alike "Ð" (eth).
_LETTER_FOLDS = str.maketrans({"đ": "d", "Đ": "d", "Ð": "d", "ð": "d"})


def normalize(text: str) -> str:
    """Fold text for diacritic-insensitive search: "Sở Công Thương" → "so cong thuong".

    Strips combining marks, folds đ to d, lower-cases and collapses whitespace runs to one space.
    """
    decomposed = unicodedata.normalize("NFD", text or "").translate(_LETTER_FOLDS)
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(stripped.lower().split())


def fold_char(char: str) -> str:
    """One character folded as `normalize` folds it ("Ủ" → "u"), for marking matches in the original text."""
    decomposed = unicodedata.normalize("NFD", char).translate(_LETTER_FOLDS)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def clean_text(text: str) -> str:
    """Compose decomposed letters (as PDF extraction leaves them) and collapse whitespace runs."""
    return " ".join(unicodedata.normalize("NFC", text or "").split())


def search_tokens(query: str) -> list[str]:
    """The normalised words of a search query; every one must match."""
    return normalize(query).split()


# ---------------------------------------------------------------- numbers

_NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
_NUMBER_RE = re.compile(rf"^[+-]?(?:{_NUMBER})$", re.ASCII)
_RANGE_RE = re.compile(rf"^({_NUMBER})\s*(%?)\s*[-–—]\s*({_NUMBER})\s*(%?)$", re.ASCII)
_SPACES_IN_NUMBER = re.compile(r"(?<=\d)[\s\u00a0\u202f](?=\d{3}\b)")


def parse_number(text: str) -> Decimal:
    """Read a number written the Vietnamese way: "15.000" → 15000, "277,556" → 277.556.

    A dot groups thousands (groups of exactly three digits), a comma is the decimal mark.
    "1.5" is refused rather than guessed at, because it is neither 1,5 nor 1.500.
    """
    raw = str(text).strip()
    value = _SPACES_IN_NUMBER.sub("", raw)
    if not _NUMBER_RE.match(value):
        raise ParseError(_("“%(value)s” không phải là số hợp lệ (ví dụ: 15.000 hoặc 277,556).") % {"value": raw})
    try:
        return Decimal(value.replace(".", "").replace(",", "."))
    except InvalidOperation as error:  # pragma: no cover - the pattern admits only valid decimals
        raise ParseError(_("“%(value)s” không phải là số hợp lệ.") % {"value": raw}) from error


def parse_range(text: str) -> tuple[Decimal, Decimal]:
    """Read a range or a single number: "02 - 03" → (2, 3), "15%-17%" → (15, 17), "26" → (26, 26)."""
    raw = " ".join(str(text).split())
    match = _RANGE_RE.match(raw)
    if match:
        low, high = parse_number(match.group(1)), parse_number(match.group(3))
        if low > high:
            raise ParseError(_("Khoảng “%(value)s” có cận dưới lớn hơn cận trên.") % {"value": raw})
        return low, high
    single = raw.removesuffix("%").strip()
    try:
        value = parse_number(single)
    except ParseError as error:
        raise ParseError(
            _("“%(value)s” không phải là số hoặc khoảng số hợp lệ (ví dụ: 02 - 03, 15%%-17%%).") % {"value": raw}
        ) from error
    return value, value


def format_number(value, decimals: int | None = None) -> str:
    """Write a number the Vietnamese way: 15000 → "15.000", Decimal("277.556") → "277,556".

    Without `decimals`, trailing zeros of the fraction are dropped; with it, the value is rounded
    to that many places and they are kept.
    """
    number = Decimal(str(value))
    if decimals is not None:
        number = number.quantize(Decimal(1).scaleb(-decimals))
        text = f"{number:,.{decimals}f}"
    else:
        text = f"{number:,f}"
        if "." in text:
            text = text.rstrip("0").rstrip(".")
    if text in {"-0", "+0"}:
        text = "0"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


# ---------------------------------------------------------------- dates

_SHORT_DATE_RE = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$", re.ASCII)
_ISO_DATE_RE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$", re.ASCII)
_LONG_DATE_RE = re.compile(r"^(?:ngày\s+)?([0-9]{1,2})\s+tháng\s+([0-9]{1,2})\s+năm\s+([0-9]{4})$", re.IGNORECASE)


def parse_date(text: str) -> datetime.date:
    """Read "04/5/2026", "04-05-2026", "2026-05-04" or "ngày 04 tháng 5 năm 2026" as a date."""
    raw = " ".join(unicodedata.normalize("NFC", str(text)).split())
    if match := _SHORT_DATE_RE.match(raw):
        day, month, year = (int(part) for part in match.groups())
    elif match := _ISO_DATE_RE.match(raw):
        year, month, day = (int(part) for part in match.groups())
    elif match := _LONG_DATE_RE.match(raw):
        day, month, year = (int(part) for part in match.groups())
    else:
        raise ParseError(_("“%(value)s” không phải là ngày hợp lệ (ví dụ: 04/5/2026).") % {"value": raw})
    try:
        return datetime.date(year, month, day)
    except ValueError as error:
        raise ParseError(_("Ngày “%(value)s” không tồn tại.") % {"value": raw}) from error


def format_date(value: datetime.date | None) -> str:
    """dd/mm/yyyy, the form lists and tables use: 04/05/2026."""
    return value.strftime("%d/%m/%Y") if value else ""


def format_long_date(value: datetime.date) -> str:
    """The form of Decree 30/2020/NĐ-CP: "ngày 04 tháng 5 năm 2026", "ngày 05 tháng 01 năm 2026".

    Days below 10 and the months 1 and 2 take a leading zero; other months do not.
    """
    month = f"{value.month:02d}" if value.month < 3 else str(value.month)
    return f"ngày {value.day:02d} tháng {month} năm {value.year}"


# ---------------------------------------------------------------- document numbers

# Type abbreviations of Decree 30/2020/NĐ-CP (Appendix III), of legal documents, and of the Party.
DOCUMENT_TYPES = {
    "NQ": "Nghị quyết",
    "QĐ": "Quyết định",
    "CT": "Chỉ thị",
    "QC": "Quy chế",
    "QyĐ": "Quy định",
    "TC": "Thông cáo",
    "TB": "Thông báo",
    "HD": "Hướng dẫn",
    "CTr": "Chương trình",
    "KH": "Kế hoạch",
    "PA": "Phương án",
    "ĐA": "Đề án",
    "DA": "Dự án",
    "BC": "Báo cáo",
    "BB": "Biên bản",
    "TTr": "Tờ trình",
    "HĐ": "Hợp đồng",
    "CĐ": "Công điện",
    "BGN": "Bản ghi nhớ",
    "BTT": "Bản thỏa thuận",
    "GUQ": "Giấy ủy quyền",
    "GM": "Giấy mời",
    "GGT": "Giấy giới thiệu",
    "GNP": "Giấy nghỉ phép",
    "PG": "Phiếu gửi",
    "PC": "Phiếu chuyển",
    "PB": "Phiếu báo",
    "NĐ": "Nghị định",
    "TT": "Thông tư",
    "TTLT": "Thông tư liên tịch",
    "KL": "Kết luận",
    "CV": "Công văn",
}

_STATE_NUMBER_RE = re.compile(r"^([0-9]{1,6})(?:/([0-9]{4}))?/(\S+)$")
_PARTY_NUMBER_RE = re.compile(r"^([0-9]{1,6})-(\S+?)/(\S+)$")
_CODE_PART_RE = re.compile(r"^[0-9A-Za-zĐđÐ]+$")
_NUMBER_PREFIX_RE = re.compile(r"^(?:số|so)\s*[:.]?\s*", re.IGNORECASE)


@dataclass(frozen=True)
class DocumentNumber:
    """A document's number and symbol (số, ký hiệu), e.g. 175/CTr-UBND, 50-KH/TU, 09/2019/NĐ-CP.

    `doc_type` is None for an official letter (công văn), whose symbol is only issuer and unit.
    `party` marks the Party's pattern, number-type/issuer.
    """

    number: int
    issuer: str
    doc_type: str | None = None
    unit: str = ""
    year: int | None = None
    party: bool = False

    def __str__(self) -> str:
        number = f"{self.number:02d}"
        if self.party:
            return f"{number}-{self.doc_type}/{self.issuer}" if self.doc_type else f"{number}/{self.issuer}"
        symbol = "-".join(part for part in (self.doc_type, self.issuer, self.unit) if part)
        return f"{number}/{self.year}/{symbol}" if self.year else f"{number}/{symbol}"

    @property
    def type_name(self) -> str:
        return DOCUMENT_TYPES.get(self.doc_type or "", "")


def parse_document_number(text: str) -> DocumentNumber:
    """Read "Số: 175/CTr-UBND", "12/BC-SNgV", "50-KH/TU", "09/2019/NĐ-CP", "45/UBND-VP"."""
    raw = " ".join(unicodedata.normalize("NFC", str(text)).split())
    value = _NUMBER_PREFIX_RE.sub("", raw).replace(" ", "")
    invalid = ParseError(
        _("“%(value)s” không phải là số, ký hiệu văn bản hợp lệ (ví dụ: 175/CTr-UBND, 50-KH/TU).") % {"value": raw}
    )
    if match := _PARTY_NUMBER_RE.match(value):
        number, doc_type, issuer = match.groups()
        if doc_type not in DOCUMENT_TYPES or not _CODE_PART_RE.match(issuer.replace("-", "")):
            raise invalid
        return DocumentNumber(number=int(number), doc_type=doc_type, issuer=issuer, party=True)
    match = _STATE_NUMBER_RE.match(value)
    if not match:
        raise invalid
    number, year, symbol = match.groups()
    parts = symbol.split("-")
    if not all(_CODE_PART_RE.match(part) for part in parts):
        raise invalid
    doc_type = parts.pop(0) if parts[0] in DOCUMENT_TYPES and len(parts) > 1 else None
    issuer, unit = parts[0], "-".join(parts[1:])
    if int(number) == 0:
        raise invalid
    return DocumentNumber(
        number=int(number), doc_type=doc_type, issuer=issuer, unit=unit, year=int(year) if year else None
    )
