"""Import of monthly trade figures from XLSX or CSV, all or nothing.

Every row is checked (unknown gate, bad month, unknown flow, negative or non-numeric figures, a
key repeated in the file); a file with any bad row is refused whole with the list of bad rows by
their row number, otherwise it is applied whole: each gate's month in the file replaces what was
recorded for it (services.replace_months), so importing the same file twice changes nothing.
"""

import csv
import datetime
import functools
import io
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from doingoai.core.text import ParseError, normalize, parse_number

from . import services
from .choices import Flow
from .models import BorderGate, TradeRecord

# The template's headings are the file format, not interface text: they stay Vietnamese in every language.
COLUMNS = [
    ("gate", "Cửa khẩu"),
    ("month", "Tháng (MM/YYYY)"),
    ("flow", "Loại hình"),
    ("commodity", "Nhóm hàng"),
    ("value_usd", "Trị giá (USD)"),
    ("volume_t", "Khối lượng (tấn)"),
    ("vehicles", "Lượt phương tiện"),
    ("declarations", "Số tờ khai"),
]
REQUIRED = ("gate", "month", "flow", "commodity", "value_usd")
PROGRESS_EVERY = 1_000
COMMODITY_LENGTH = TradeRecord._meta.get_field("commodity").max_length


@dataclass
class ImportResult:
    rows: list[dict] = field(default_factory=list)
    errors: list[tuple[int, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def template_xlsx() -> bytes:
    """The file users fill in: the header row and one example row."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Kim ngạch"
    sheet.append([heading for _key, heading in COLUMNS])
    sheet.append(["Thanh Thủy", "01/2026", str(Flow.EXPORT.label), "Nông sản, thực phẩm", 1250000, 2100, 35, 28])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def read_table(name: str, content: bytes) -> list[list]:
    """The rows of an uploaded .xlsx or .csv (UTF-8), header included."""
    if name.lower().endswith(".xlsx"):
        try:
            sheet = load_workbook(io.BytesIO(content), read_only=True, data_only=True).active
            return [list(row) for row in sheet.iter_rows(values_only=True)]
        except (zipfile.BadZipFile, KeyError, OSError, InvalidFileException) as error:
            raise ValueError(_("Không đọc được tệp .xlsx: tệp hỏng hoặc không phải bảng tính Excel.")) from error
    if name.lower().endswith(".csv"):
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise ValueError(_("Tệp .csv phải được lưu với bảng mã UTF-8.")) from error
        try:
            return list(csv.reader(io.StringIO(text)))
        except csv.Error as error:
            raise ValueError(_("Tệp .csv không đúng định dạng: %(error)s") % {"error": error}) from error
    raise ValueError(_("Chỉ nhận tệp .xlsx hoặc .csv."))


def _month(value) -> datetime.date:
    if isinstance(value, datetime.datetime | datetime.date):
        return datetime.date(value.year, value.month, 1)
    text = str(value or "").strip()
    try:
        month, year = (int(part) for part in text.replace("-", "/").split("/"))
        return datetime.date(year, month, 1)
    except (ValueError, TypeError) as error:
        raise ParseError(_("tháng “%(value)s” không đúng dạng MM/YYYY") % {"value": text}) from error


def _number(value, label: str, integer: bool, limit: int) -> Decimal | int | None:
    """A figure as the model stores it: not negative, below `limit`, whole or with at most two
    decimals, so that what is saved is exactly what the file says and a second import finds it equal."""
    if value in (None, ""):
        return None
    if isinstance(value, float):
        # A spreadsheet's binary fractions (0.30000000000000004): six places are beyond any figure here.
        number = round(Decimal(repr(value)), 6).normalize()
    elif isinstance(value, int | Decimal) and not isinstance(value, bool):
        number = Decimal(value)
    else:
        try:
            number = parse_number(str(value))
        except ParseError as error:
            raise ParseError(_("%(label)s “%(value)s” không phải là số") % {"label": label, "value": value}) from error
    if number < 0:
        raise ParseError(_("%(label)s không được âm") % {"label": label})
    if number >= limit:
        raise ParseError(_("%(label)s “%(value)s” quá lớn") % {"label": label, "value": value})
    if integer:
        if number != number.to_integral_value():
            raise ParseError(_("%(label)s phải là số nguyên") % {"label": label})
        return int(number)
    if number.as_tuple().exponent < -2:
        raise ParseError(_("%(label)s có quá hai chữ số thập phân") % {"label": label})
    return number


def check(table: list[list], progress=None) -> ImportResult:
    """Read and check every row (row 1 is the header); nothing is saved here. `progress(done)` is
    told every PROGRESS_EVERY rows how many have been checked."""
    result = ImportResult()
    if not table:
        result.errors.append((1, _("Tệp trống.")))
        return result
    header = [normalize(str(cell or "")) for cell in table[0]]
    expected = [normalize(heading) for _key, heading in COLUMNS]
    if header[: len(expected)] != expected:
        result.errors.append((1, _("Dòng tiêu đề không đúng mẫu; hãy tải tệp mẫu và điền vào đó.")))
        return result
    gates = {normalize(gate.name): gate for gate in BorderGate.objects.all()}
    flows = {normalize(str(label)): value for value, label in Flow.choices} | {value: value for value in Flow.values}
    seen: dict[tuple, int] = {}
    # Translated once, not once per row: on a million-row file that alone took half the checking.
    # The limits are those of the model's columns (digits before the decimal point, int32).
    figures = (
        ("value_usd", _("Trị giá"), False, 10**14),
        ("volume_t", _("Khối lượng"), False, 10**12),
        ("vehicles", _("Lượt phương tiện"), True, 2**31),
        ("declarations", _("Số tờ khai"), True, 2**31),
    )
    normalize_cached = functools.lru_cache(maxsize=4096)(normalize)
    for number, cells in enumerate(table[1:], start=2):
        if progress and number % PROGRESS_EVERY == 0:
            progress(number - 1)
        cells = list(cells) + [None] * (len(COLUMNS) - len(cells))
        raw = {key: cells[index] for index, (key, _heading) in enumerate(COLUMNS)}
        if all(value in (None, "") for value in raw.values()):
            continue
        problems = []
        missing = [heading for key, heading in COLUMNS if key in REQUIRED and raw[key] in (None, "")]
        if missing:
            problems.append(_("thiếu %(columns)s") % {"columns": ", ".join(missing)})
        gate = gates.get(normalize_cached(str(raw["gate"] or "")))
        if raw["gate"] not in (None, "") and gate is None:
            problems.append(_("không có cửa khẩu “%(name)s”") % {"name": raw["gate"]})
        flow = flows.get(normalize_cached(str(raw["flow"] or "")))
        if raw["flow"] not in (None, "") and flow is None:
            problems.append(_("loại hình “%(value)s” không hợp lệ") % {"value": raw["flow"]})
        row = {"commodity": " ".join(str(raw["commodity"] or "").split())}
        if len(row["commodity"]) > COMMODITY_LENGTH:
            problems.append(_("tên nhóm hàng dài quá %(length)s ký tự") % {"length": COMMODITY_LENGTH})
        if raw["month"] not in (None, ""):
            try:
                row["month"] = _month(raw["month"])
            except ParseError as error:
                problems.append(str(error))
        for key, label, integer, limit in figures:
            try:
                row[key] = _number(raw[key], label, integer, limit)
            except ParseError as error:
                problems.append(str(error))
        if not problems:
            key = (gate.pk, row["month"], flow, normalize_cached(row["commodity"]))
            if key in seen:
                problems.append(_("trùng với dòng %(row)s") % {"row": seen[key]})
            seen.setdefault(key, number)
        if problems:
            result.errors.append((number, "; ".join(problems)))
        else:
            result.rows.append({**row, "gate": gate, "flow": flow})
    if not result.rows and not result.errors:
        result.errors.append((2, _("Tệp không có dòng số liệu nào.")))
    return result


def apply(result: ImportResult, user) -> dict[str, int]:
    """Save a checked file: each gate's month in it replaces what was recorded (history keeps the
    old figures, by `user`). Returns the counts of records created, updated, deleted and unchanged."""
    months: dict[tuple, list[dict]] = {}
    for row in result.rows:
        values = {key: value for key, value in row.items() if key not in ("gate", "month")}
        months.setdefault((row["gate"], row["month"]), []).append(values)
    return services.replace_months(months, user)
