"""Periodic reports from the demo: drafted from the data, edited, issued with a number from the
register, and exported as a Decree 30 DOCX (read back with python-docx) and as XLSX."""

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from docx import Document
from docx.enum.section import WD_ORIENT
from openpyxl import load_workbook

from doingoai.organizations.models import Agency, User
from doingoai.programs.models import Program, Task
from doingoai.programs.services import queries
from doingoai.reports import documents, services
from doingoai.reports.choices import ReportState
from doingoai.reports.models import Report

ON = datetime.date(2026, 11, 23)
PLAN_TITLE = "Kế hoạch về thúc đẩy phát triển kinh tế cửa khẩu"


@pytest.fixture
def demo(db, monkeypatch):
    call_command("demo", stdout=io.StringIO())
    monkeypatch.setattr(queries, "today", lambda: ON)
    return {
        "plan": Program.objects.get(title__startswith=PLAN_TITLE),
        "ctr175": Program.objects.get(number="175/CTr-UBND"),
        "focal": User.objects.get(username="daumoi"),
        "leader": User.objects.get(username="lanhdao"),
        "sct": User.objects.get(username="canbo.sct"),
        "sngv": User.objects.get(username="canbo.sngv"),
    }


def draft(program, user, kind="six_month", year=2026):
    return services.create_draft(program=program, issuer=program.focal_agency, kind=kind, year=year, user=user, on=ON)


def mm(*lengths) -> tuple:
    """Lengths in whole millimetres (Word stores twentieths of a point)."""
    return tuple(round(length.mm) for length in lengths)


def docx_of(report) -> Document:
    return Document(io.BytesIO(documents.report_docx(report)))


def expected_tasks(program):
    tasks = queries.with_status(program.tasks.filter(is_active=True), ON).order_by("pk")
    return [(t.number, t.title, str(queries.status_of_rank(t.status_rank).label)) for t in tasks]


def test_six_month_report_of_the_plan_is_written_from_its_data(demo):
    report = draft(demo["plan"], demo["focal"])
    assert report.state == ReportState.DRAFT and report.number is None
    assert report.title.startswith("Kết quả 6 tháng đầu năm 2026 thực hiện Kế hoạch về thúc đẩy")
    assert report.title.endswith("phương hướng nhiệm vụ 6 tháng cuối năm 2026")
    sections = {s["key"]: s for s in report.sections}
    assert "tổng số nhiệm vụ được giao là 32" in sections["overview"]["text"]
    assert "Tổng số chỉ tiêu được theo dõi là 11" in sections["overview"]["text"]
    # The agencies' stated difficulties are gathered from their progress reports.
    assert "Thiếu kinh phí thuê tư vấn thiết kế hệ thống." in sections["difficulties"]["text"]
    # Directions: recurring work and work due by the end of next period (a "Năm 2026" task unfinished).
    assert "Xây dựng công trình giao thông qua biên giới" in sections["directions"]["text"]
    assert sections["directions"]["heading"] == "III. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM 2026"
    assert len(report.data["tasks"]) == 32 and len(report.data["targets"]) == 11
    assert report.data["scores"], "the plan's six-month period is open, so agencies are scored"


def test_report_of_programme_175_lists_every_quantified_target(demo):
    report = draft(demo["ctr175"], demo["sngv"])
    assert len(report.data["targets"]) == demo["ctr175"].targets.count() == 20
    assert report.issuer.code == "SNGV" and report.issuer_symbol == "SNGV"
    assert "Chương trình số 175/CTr-UBND" in report.title


def test_issued_report_docx_follows_decree_30(demo):
    report = draft(demo["plan"], demo["focal"])
    report.signer_name = "Nguyễn Văn An"
    services.save_edits(report, demo["focal"])
    report = services.issue(report, demo["focal"], on=ON)
    document = docx_of(report)

    body = document.sections[0]
    assert mm(body.page_width, body.page_height) == (210, 297)
    # Decree 30: top and bottom 20-25 mm, left 30-35 mm, right 15-20 mm.
    assert mm(body.top_margin, body.bottom_margin, body.left_margin, body.right_margin) == (20, 20, 30, 15)
    # Page numbers at the top from page 2: the first page has its own (empty) header.
    assert body.different_first_page_header_footer
    assert "PAGE" in body.header._element.xml and not body.first_page_header.paragraphs[0].text
    assert document.styles["Normal"].font.name == "Times New Roman"
    fonts = {run.font.name for paragraph in document.paragraphs for run in paragraph.runs}
    assert fonts == {"Times New Roman"}

    header = document.tables[0]
    left, right = (cell.text for cell in header.rows[0].cells)
    assert left.splitlines()[:2] == ["UBND TỈNH TUYÊN QUANG", "SỞ CÔNG THƯƠNG"]
    assert "Số: 1/BC-SCT" in left
    assert right.splitlines()[:2] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert "Tuyên Quang, ngày 23 tháng 11 năm 2026" in right
    texts = [p.text for p in document.paragraphs]
    assert "BÁO CÁO" in texts and report.title in texts
    assert any(run.bold for p in document.paragraphs if p.text == "BÁO CÁO" for run in p.runs)
    footer = document.tables[-2]
    recipients, signature = (cell.text for cell in footer.rows[0].cells)
    assert recipients.startswith("Nơi nhận:") and "- Lưu: VT, SCT." in recipients
    assert signature.splitlines()[:2] == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"] and "Nguyễn Văn An" in signature

    appendix = document.sections[1]
    assert appendix.orientation == WD_ORIENT.LANDSCAPE and mm(appendix.page_width, appendix.page_height) == (297, 210)
    table = document.tables[-1]
    header_row = [cell.text for cell in table.rows[0].cells]
    assert header_row == [
        "STT",
        "Nhiệm vụ",
        "Cơ quan chủ trì",
        "Cơ quan phối hợp",
        "Thời hạn",
        "Tình trạng",
        "Kết quả thực hiện",
    ]
    rows = [(r.cells[0].text, r.cells[1].text, r.cells[5].text) for r in table.rows[1:]]
    assert rows == expected_tasks(demo["plan"])
    assert len(rows) == 32
    # On paper the header row repeats on every page and no task is cut across two pages.
    assert table.rows[0]._tr.trPr.xpath("./w:tblHeader")
    assert all(row._tr.trPr.xpath("./w:cantSplit") for row in table.rows[1:])


def test_xlsx_holds_the_same_rows_as_the_docx(demo):
    report = draft(demo["plan"], demo["focal"])
    workbook = load_workbook(io.BytesIO(documents.report_xlsx(report)))
    assert workbook.sheetnames == ["Chỉ tiêu", "Nhiệm vụ", "Điểm cơ quan"]
    tasks = list(workbook["Nhiệm vụ"].iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[1], r[5]) for r in tasks] == expected_tasks(demo["plan"])
    appendix = docx_of(report).tables[-1]
    assert [tuple(c or "" for c in r) for r in tasks] == [tuple(c.text for c in r.cells) for r in appendix.rows[1:]]
    targets = list(workbook["Chỉ tiêu"].iter_rows(min_row=2, values_only=True))
    indicators = demo["plan"].targets.order_by("pk").values_list("indicator", flat=True)
    # A table cell starts a sentence, so the indicator is capitalised there.
    assert [r[0] for r in targets] == [text[0].upper() + text[1:] for text in indicators]


def test_numbers_come_from_the_yearly_register_and_are_never_reused(demo):
    focal = demo["focal"]
    first = services.issue(draft(demo["plan"], focal), focal, on=ON)
    withdrawn = draft(demo["plan"], focal, kind="annual")
    services.delete_draft(withdrawn, focal)
    second = services.issue(draft(demo["plan"], focal, kind="annual"), focal, on=ON)
    assert (first.number, second.number) == (1, 2)
    assert second.symbol == "2/BC-SCT"
    next_year = services.issue(draft(demo["plan"], focal), focal, on=datetime.date(2027, 1, 5))
    assert next_year.number == 1 and next_year.issued_on.year == 2027
    # Another issuer keeps its own register.
    other = services.issue(draft(demo["ctr175"], focal), focal, on=ON)
    assert other.number == 1 and other.symbol == "1/BC-SNGV"


def test_issued_report_is_frozen(demo):
    focal = demo["focal"]
    report = services.issue(draft(demo["plan"], focal), focal, on=ON)
    with pytest.raises(ValidationError, match="đã ban hành"):
        services.refresh(report, focal)
    with pytest.raises(ValidationError, match="đã ban hành"):
        services.issue(report, focal)
    with pytest.raises(ValidationError, match="đã ban hành"):
        services.delete_draft(report, focal)
    report.title = "Sửa sau khi ban hành"
    with pytest.raises(ValidationError):
        services.save_edits(report, focal)
    assert Report.objects.get(pk=report.pk).title != "Sửa sau khi ban hành"


@pytest.mark.parametrize(
    ("programme", "symbol", "shown"),
    [
        ("plan", "1/BC-SCT", "<td>II.17</td>"),
        # 175/CTr-UBND has no task table, only its 20 targets.
        ("ctr175", "1/BC-SNGV", "Vốn đầu tư trực tiếp nước ngoài (FDI) thu hút"),
    ],
)
def test_focal_officer_generates_edits_and_issues_through_the_pages(client, demo, programme, symbol, shown):
    client.force_login(demo["focal"])
    program = demo[programme]
    response = client.post(
        reverse("reports:report_add"),
        {"program": program.pk, "issuer": program.focal_agency_id, "period_kind": "six_month", "year": 2026},
    )
    report = Report.objects.get()
    assert response.status_code == 302 and response.url == report.get_absolute_url()
    page = client.get(report.get_absolute_url())
    assert page.status_code == 200 and shown in page.content.decode()
    assert "Dự thảo" in page.content.decode()
    form = client.get(reverse("reports:report_edit", args=[report.pk])).context["form"]
    data = {
        name: field.initial if field.initial is not None else form.initial.get(name, "")
        for name, field in form.fields.items()
    }
    data["section_proposals"] = "Đề nghị Bộ Công Thương hỗ trợ kinh phí cửa khẩu số."
    data["signer_name"] = "Nguyễn Văn An"
    response = client.post(reverse("reports:report_edit", args=[report.pk]), data)
    assert response.status_code == 302
    report.refresh_from_db()
    assert {s["key"]: s["text"] for s in report.sections}["proposals"] == data["section_proposals"]
    assert client.post(reverse("reports:report_issue", args=[report.pk])).status_code == 302
    report.refresh_from_db()
    assert report.is_issued and report.symbol == symbol
    # Frozen: the edit page is refused, and the history keeps who changed what.
    assert client.get(reverse("reports:report_edit", args=[report.pk])).status_code == 403
    history = client.get(reverse("reports:report_history", args=[report.pk])).content.decode()
    assert "Nguyễn Văn An" in history and str(demo["focal"]) in history
    docx = client.get(reverse("reports:report_docx", args=[report.pk]))
    assert docx.status_code == 200 and docx["Content-Type"].startswith("application/vnd.openxmlformats")
    xlsx = client.get(reverse("reports:report_xlsx", args=[report.pk]))
    assert xlsx.status_code == 200


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"period_kind": "quarterly", "year": 2026}, "period_number", "số quý"),
        ({"period_kind": "ad_hoc", "year": 2026}, "start_date", "ngày bắt đầu"),
        ({"period_kind": "six_month", "year": 1800}, "year", ""),
        ({"period_kind": "six_month", "year": 2026, "issuer": "SNGV"}, "issuer", "Chỉ cơ quan đầu mối"),
    ],
)
def test_bad_report_requests_get_vietnamese_field_errors(client, demo, data, field, message):
    client.force_login(demo["focal"])
    issuer = Agency.objects.get(code=data.pop("issuer", "SCT"))
    response = client.post(reverse("reports:report_add"), {"program": demo["plan"].pk, "issuer": issuer.pk, **data})
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert field in errors and message in " ".join(errors[field])
    assert not Report.objects.exists()


@pytest.mark.parametrize(
    ("who", "view", "add", "change"),
    [
        ("focal", True, True, True),
        ("leader", True, False, False),
        ("sct", True, True, True),
        ("sngv", True, False, False),
    ],
)
def test_who_may_draft_and_issue_a_report_of_the_plan(client, demo, who, view, add, change):
    """The plan's focal agency is SCT: its officer may draft and issue; another agency's officer and
    the leader only read; the administrator is covered by the permission core's matrix."""
    report = draft(demo["plan"], demo["focal"])
    client.force_login(demo[who])
    assert (client.get(report.get_absolute_url()).status_code == 200) is view
    created = client.post(
        reverse("reports:report_add"),
        {"program": demo["plan"].pk, "issuer": demo["plan"].focal_agency_id, "period_kind": "annual", "year": 2026},
    )
    assert (created.status_code == 302) is add
    client.post(reverse("reports:report_issue", args=[report.pk]))
    report.refresh_from_db()
    assert report.is_issued is change


def test_report_list_searches_and_exports(client, demo):
    draft(demo["plan"], demo["focal"])
    draft(demo["ctr175"], demo["focal"])
    client.force_login(demo["leader"])
    response = client.get(reverse("reports:report_list"), {"q": "kinh te cua khau"})
    assert response.status_code == 200 and response.context["table"].paginator.count == 1
    export = client.get(reverse("reports:report_list"), {"q": "kinh te cua khau", "export": "xlsx"})
    rows = list(load_workbook(io.BytesIO(export.content)).active.iter_rows(min_row=2, values_only=True))
    assert len(rows) == 1 and "kinh tế cửa khẩu" in rows[0][1]


def test_a_task_changed_after_issue_leaves_the_issued_report_as_it_was(demo):
    focal = demo["focal"]
    report = services.issue(draft(demo["plan"], focal), focal, on=ON)
    before = documents.report_docx(report)
    Task.objects.filter(program=demo["plan"], number="I.1").update(title="Tên đã đổi")
    report.refresh_from_db()
    assert "Tên đã đổi" not in [r["title"] for r in report.data["tasks"]]
    assert (
        docx_of(report).tables[-1].rows[1].cells[1].text
        == Document(io.BytesIO(before)).tables[-1].rows[1].cells[1].text
    )
