"""A report as files: the DOCX in the layout of Decree 30/2020/NĐ-CP (Appendix I) and its tables as XLSX.

Both are written from the report's stored texts and snapshot only, so an issued report gives the
same document every time it is downloaded.
"""

import io

from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from doingoai.core.text import format_long_date

from .services import DOCUMENT_LANGUAGE

FONT = "Times New Roman"
PAGE = {"width": Mm(210), "height": Mm(297), "top": Mm(20), "bottom": Mm(20), "left": Mm(30), "right": Mm(15)}
BODY_PT, TABLE_PT = 14, 12

# The tables of a report: (key in the snapshot, columns as (field, heading)).
TARGET_COLUMNS = [
    ("indicator", gettext_noop("Chỉ tiêu")),
    ("baseline", gettext_noop("Giá trị cơ sở")),
    ("target", gettext_noop("Mục tiêu")),
    ("latest", gettext_noop("Số liệu mới nhất")),
    ("attainment", gettext_noop("Mức đạt")),
    ("status", gettext_noop("Đánh giá")),
]
TASK_COLUMNS = [
    ("number", gettext_noop("STT")),
    ("title", gettext_noop("Nhiệm vụ")),
    ("lead", gettext_noop("Cơ quan chủ trì")),
    ("coordinating", gettext_noop("Cơ quan phối hợp")),
    ("deadline", gettext_noop("Thời hạn")),
    ("status", gettext_noop("Tình trạng")),
    ("result", gettext_noop("Kết quả thực hiện")),
]
SCORE_COLUMNS = [
    ("agency", gettext_noop("Cơ quan")),
    ("total", gettext_noop("Điểm tổng hợp")),
    ("lead", gettext_noop("Điểm chủ trì")),
    ("punctuality", gettext_noop("Điểm đúng hạn báo cáo")),
    ("coordinating", gettext_noop("Nhiệm vụ phối hợp")),
    ("contributions", gettext_noop("Ý kiến phối hợp đã gửi")),
]


def columns_for(columns, rows):
    """The columns, with "Văn bản" first when the report covers several programmes."""
    if any(row.get("program") for row in rows):
        return [("program", gettext_noop("Văn bản")), *columns]
    return columns


# ---------------------------------------------------------------- DOCX


def _run(paragraph, text, size=BODY_PT, bold=False, italic=False):
    run = paragraph.add_run(text)
    run.font.size = Pt(size)
    # Plain is the default; writing "not bold" into each of thousands of table runs cost half the time.
    if bold:
        run.font.bold = True
    if italic:
        run.font.italic = True
    run.font.name = FONT
    return run


def _paragraph(container, text="", size=BODY_PT, bold=False, italic=False, align=WD_ALIGN_PARAGRAPH.CENTER):
    paragraph = container.add_paragraph()
    paragraph.alignment = align
    paragraph.paragraph_format.space_after = Pt(0)
    paragraph.paragraph_format.space_before = Pt(0)
    if text:
        _run(paragraph, text, size, bold, italic)
    return paragraph


def _rule(container, indent_mm: float):
    """The short line under the issuing body and under the motto (a bottom border on an empty paragraph)."""
    paragraph = _paragraph(container, size=6)
    paragraph.paragraph_format.left_indent = Mm(indent_mm)
    paragraph.paragraph_format.right_indent = Mm(indent_mm)
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in {"w:val": "single", "w:sz": "6", "w:space": "1", "w:color": "000000"}.items():
        bottom.set(qn(key), value)
    borders.append(bottom)
    paragraph._p.get_or_add_pPr().append(borders)


def _page_number_field(paragraph):
    run = _run(paragraph, "", 13)
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)


def _set_page(section, landscape=False):
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    width, height = (PAGE["height"], PAGE["width"]) if landscape else (PAGE["width"], PAGE["height"])
    section.page_width, section.page_height = width, height
    section.top_margin, section.bottom_margin = PAGE["top"], PAGE["bottom"]
    section.left_margin, section.right_margin = PAGE["left"], PAGE["right"]


def _row_property(row, name: str):
    element = OxmlElement(name)
    element.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(element)


# Relative widths of the wide columns; the others count 1.
WEIGHTS = {
    "indicator": 2.8,
    "baseline": 1.1,
    "target": 1.7,
    "latest": 1.6,
    "attainment": 1.3,
    "status": 1.3,
    "title": 4,
    "result": 3,
    "lead": 2,
    "coordinating": 2,
    "agency": 3,
    "number": 0.8,
    "deadline": 1.2,
}


def _widths(table, widths_mm):
    """Column widths both in the grid and on every cell: Word reads one, LibreOffice the other."""
    table.autofit = False
    for column, width in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm, strict=True):
            cell.width = Mm(width)


def _data_table(document, columns, rows, size=TABLE_PT, width_mm=165):
    table = document.add_table(rows=1, cols=len(columns))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, (_key, heading) in zip(table.rows[0].cells, columns, strict=True):
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        _run(cell.paragraphs[0], _(heading), size, bold=True)
    _row_property(table.rows[0], "w:tblHeader")
    for row in rows:
        added = table.add_row()
        # A row cut across two pages is hard to read on paper.
        _row_property(added, "w:cantSplit")
        cells = added.cells
        for cell, (key, _heading_text) in zip(cells, columns, strict=True):
            _run(cell.paragraphs[0], str(row.get(key, "")), size)
    weights = [WEIGHTS.get(key, 1) for key, _heading_text in columns]
    _widths(table, [width_mm * weight / sum(weights) for weight in weights])
    return table


def _date_line(report) -> str:
    if report.issued_on:
        return f"{report.place}, {format_long_date(report.issued_on)}"
    return _("%(place)s, ngày     tháng     năm %(year)s") % {"place": report.place, "year": timezone.localdate().year}


def _header(document, report):
    table = document.add_table(rows=1, cols=2)
    _widths(table, [68, 97])
    left, right = table.rows[0].cells
    left.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(left.paragraphs[0], report.issuer_parent_line, 12)
    _paragraph(left, report.issuer_line, 13, bold=True)
    _rule(left, 18)
    _paragraph(left, _("Số: %(symbol)s") % {"symbol": report.symbol}, 13)
    right.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(right.paragraphs[0], _("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), 12, bold=True)
    _paragraph(right, _("Độc lập - Tự do - Hạnh phúc"), 14, bold=True)
    _rule(right, 28)
    _paragraph(right, _date_line(report), 14, italic=True)
    return table


def _body(document, report):
    spacer = _paragraph(document)
    spacer.paragraph_format.space_after = Pt(6)
    _paragraph(document, _("BÁO CÁO"), 14, bold=True)
    _paragraph(document, report.title, 14, bold=True)
    _rule(document, 60)
    _paragraph(document)
    for section in report.sections:
        for line in filter(None, section.get("heading", "").split("\n")):
            heading = _paragraph(document, line, BODY_PT, bold=True, align=WD_ALIGN_PARAGRAPH.JUSTIFY)
            heading.paragraph_format.first_line_indent = Mm(10)
            heading.paragraph_format.space_before = Pt(6)
        for line in filter(None, (t.strip() for t in section.get("text", "").split("\n"))):
            paragraph = _paragraph(document, line, BODY_PT, align=WD_ALIGN_PARAGRAPH.JUSTIFY)
            paragraph.paragraph_format.first_line_indent = Mm(10)
            paragraph.paragraph_format.space_after = Pt(6)
        if section.get("key") == "targets" and report.data.get("targets"):
            _data_table(document, columns_for(TARGET_COLUMNS, report.data["targets"]), report.data["targets"])
        if section.get("key") == "scores" and report.data.get("scores"):
            _data_table(document, columns_for(SCORE_COLUMNS, report.data["scores"]), report.data["scores"])


def _footer(document, report):
    _paragraph(document)
    table = document.add_table(rows=1, cols=2)
    _widths(table, [80, 85])
    left, right = table.rows[0].cells
    left.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.LEFT
    _run(left.paragraphs[0], _("Nơi nhận:"), 12, bold=True, italic=True)
    for line in filter(None, (t.strip() for t in report.recipients.split("\n"))):
        text = line if line.startswith("-") else f"- {line}"
        _paragraph(left, text, 11, align=WD_ALIGN_PARAGRAPH.LEFT)
    right.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(right.paragraphs[0], report.signer_capacity, 14, bold=True)
    _paragraph(right, report.signer_title, 14, bold=True)
    for _blank in range(4):
        _paragraph(right)
    _paragraph(right, report.signer_name, 14, bold=True)


def _appendix(document, report):
    section = document.add_section(WD_SECTION.NEW_PAGE)
    _set_page(section, landscape=True)
    # The new section copies the first one's "different first page"; the appendix keeps its numbers.
    section.different_first_page_header_footer = False
    # The paragraph that ends the report's section must not spill onto a page of its own.
    end = Paragraph(document.sections[-2]._sectPr.getparent().getparent(), document._body)
    end.paragraph_format.space_before = end.paragraph_format.space_after = Pt(0)
    end.paragraph_format.line_spacing = Pt(1)
    _paragraph(document, _("PHỤ LỤC"), 14, bold=True)
    _paragraph(document, _("TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ"), 14, bold=True)
    issued = _(" ngày %(date)s") % {"date": report.issued_on.strftime("%d/%m/%Y")} if report.issued_on else ""
    _paragraph(
        document,
        _("(Kèm theo Báo cáo số %(symbol)s%(issued)s của %(issuer)s)")
        % {"symbol": report.symbol, "issued": issued, "issuer": report.issuer.name},
        14,
        italic=True,
    )
    _paragraph(document)
    rows = report.data.get("tasks", [])
    if rows:
        _data_table(document, columns_for(TASK_COLUMNS, rows), rows, 11, width_mm=252)
    else:
        _paragraph(document, _("Văn bản không có bảng phân công nhiệm vụ."), 13, italic=True)


def report_docx(report) -> bytes:
    """The report as a Word document in the Decree 30 layout, with the task table as a landscape appendix."""
    with translation.override(DOCUMENT_LANGUAGE):
        document = Document()
        normal = document.styles["Normal"]
        normal.font.name = FONT
        normal.font.size = Pt(BODY_PT)
        normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)
        section = document.sections[0]
        _set_page(section)
        # Page numbers centred at the top from page 2: the first page has its own, empty header.
        section.different_first_page_header_footer = True
        number = section.header.paragraphs[0]
        number.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _page_number_field(number)
        _header(document, report)
        _body(document, report)
        _footer(document, report)
        _appendix(document, report)
        buffer = io.BytesIO()
        document.save(buffer)
    return buffer.getvalue()


# ---------------------------------------------------------------- XLSX


def report_xlsx(report) -> bytes:
    """The report's tables (targets, tasks, agency scores) as a workbook, one sheet each."""
    with translation.override(DOCUMENT_LANGUAGE):
        workbook = Workbook()
        workbook.remove(workbook.active)
        sheets = [
            (_("Chỉ tiêu"), TARGET_COLUMNS, report.data.get("targets", [])),
            (_("Nhiệm vụ"), TASK_COLUMNS, report.data.get("tasks", [])),
            (_("Điểm cơ quan"), SCORE_COLUMNS, report.data.get("scores", [])),
        ]
        bold = Font(bold=True)
        for title, columns, rows in sheets:
            sheet = workbook.create_sheet(title)
            columns = columns_for(columns, rows)
            sheet.append([_(heading) for _key, heading in columns])
            for cell in sheet[1]:
                cell.font = bold
                cell.alignment = Alignment(wrap_text=True, vertical="center")
            for row in rows:
                sheet.append([row.get(key, "") for key, _heading_text in columns])
            sheet.freeze_panes = "A2"
        buffer = io.BytesIO()
        workbook.save(buffer)
    return buffer.getvalue()
