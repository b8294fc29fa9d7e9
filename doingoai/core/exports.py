"""Excel export of any list: the rows the user filtered, every page of them, as the table shows them."""

import datetime
import re

from django.http import HttpResponse
from django.utils import timezone
from django.utils.text import slugify
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from doingoai.core.text import normalize

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _cell_value(value):
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).replace(tzinfo=None) if timezone.is_aware(value) else value
    if isinstance(value, str):
        return _ILLEGAL_XML.sub("", value)
    return value


def table_workbook(table, title: str) -> Workbook:
    """A workbook with one sheet: a bold header row, then one row per record of the table."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=re.sub(r"[\[\]:*?/\\]", " ", title)[:31] or "Sheet")
    sheet.freeze_panes = "A2"
    rows = table.as_values()
    header = next(rows)
    bold = Font(bold=True)
    cells = []
    for text in header:
        cell = WriteOnlyCell(sheet, value=str(text))
        cell.font = bold
        cells.append(cell)
    sheet.append(cells)
    for row in rows:
        sheet.append([_cell_value(value) for value in row])
    return workbook


def xlsx_response(table, title: str) -> HttpResponse:
    filename = f"{slugify(normalize(title)) or 'danh-sach'}-{timezone.localdate():%Y-%m-%d}.xlsx"
    response = HttpResponse(content_type=XLSX_MIME)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    table_workbook(table, title).save(response)
    return response
