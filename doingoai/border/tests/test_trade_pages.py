"""The trade dashboard, the upload of trade files with its background job, and the targets fed
from the statistics: what each role may see and do, what the demo dashboard shows, the bad
uploads refused with their rows, and the measurements written without anyone retyping them."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook

from doingoai.border import imports, services
from doingoai.border.choices import ImportState
from doingoai.border.models import BorderGate, TradeImport, TradeRecord, TradeTarget
from doingoai.organizations.models import User
from doingoai.programs.models import Measurement

D = datetime.date
HEADER = [heading for _key, heading in imports.COLUMNS]
ROLES = ("quantri", "daumoi", "lanhdao", "canbo.sct", "canbo.bqlkkt", "canbo.sngv")
MAY_IMPORT = {"quantri", "daumoi", "canbo.sct", "canbo.bqlkkt"}
LINK_TARGETS = {"quantri", "daumoi"}


@pytest.fixture
def demo(db):
    call_command("demo", stdout=io.StringIO())
    return {name: User.objects.get(username=name) for name in ROLES}


def csv_upload(rows, name="kim-ngach.csv") -> SimpleUploadedFile:
    buffer = io.StringIO()
    csv.writer(buffer).writerows([HEADER, *rows])
    return SimpleUploadedFile(name, buffer.getvalue().encode("utf-8-sig"), content_type="text/csv")


@pytest.mark.parametrize("who", ROLES)
def test_every_role_sees_the_dashboard_and_only_designated_agencies_import(client, demo, who):
    client.force_login(demo[who])
    assert client.get(reverse("border:dashboard")).status_code == 200
    may = who in MAY_IMPORT
    assert client.get(reverse("border:trade_template")).status_code == (200 if may else 403)
    assert client.get(reverse("border:trade_upload")).status_code == (200 if may else 403)
    upload = csv_upload([["Phố Bảng", "10/2026", "Nhập khẩu", "Khác", "500"]])
    response = client.post(reverse("border:trade_upload"), {"file": upload})
    assert response.status_code == (302 if may else 403)
    assert TradeImport.objects.count() == (1 if may else 0)
    assert TradeRecord.objects.filter(commodity="Khác").exists() == may
    # Linking a target lets the statistics overwrite its measurements: the focal officer's call.
    assert client.get(reverse("border:tradetarget_list")).status_code == 200
    assert client.get(reverse("border:tradetarget_add")).status_code == (200 if who in LINK_TARGETS else 403)


def test_demo_dashboard_shows_the_five_years_2025_the_gap_and_a_forecast_band(client, demo):
    client.force_login(demo["lanhdao"])
    response = client.get(reverse("border:dashboard"))
    html = response.content.decode()
    headline = response.context["headline"]
    assert (headline["five_years"]["first"], headline["five_years"]["last"]) == (2021, 2025)
    assert 1600e6 <= headline["five_years"]["value"] <= 1620e6
    assert headline["last_year"]["period"].year == 2025 and 812e6 <= headline["last_year"]["value"] <= 825e6
    assert "1.606,5" in html and "818,4" in html and "số liệu minh họa" in html
    [check] = response.context["targets"]
    assert (check.low_rate, check.high_rate) == (0.15, 0.17)
    assert check.gap == pytest.approx(check.achieved_rate - 0.15)
    assert check.required_low == pytest.approx(812e6 * 1.15**5)
    assert "điểm %" in html and "chênh lệch so với mức thấp nhất" in html
    assert check.projected["low80"] < check.projected["median"] < check.projected["high80"]
    assert 0 <= check.probability <= 1
    trend = response.context["charts"]["trend"]
    assert len(trend["months"]) == len(trend["low95"]) == len(trend["high95"]) >= 12
    assert all(lo <= hi for lo, hi in zip(trend["low95"], trend["high95"], strict=True))
    assert "dự báo" in html and "MAPE" in html
    # Each gate's bar drills down to the dashboard narrowed to that gate.
    thanh_thuy = BorderGate.objects.get(name="Thanh Thủy")
    gate_bar = next(bar for bar in response.context["charts"]["gate"] if bar["name"] == "Thanh Thủy")
    assert f"gate={thanh_thuy.pk}" in gate_bar["url"]
    narrowed = client.get(gate_bar["url"])
    assert [row["label"] for row in narrowed.context["breakdowns"]["gate"]] == ["Thanh Thủy"]


def test_dashboard_exports_its_tables_to_excel(client, demo):
    client.force_login(demo["lanhdao"])
    response = client.get(reverse("border:dashboard"), {"export": "xlsx", "year": 2025})
    book = load_workbook(io.BytesIO(response.content))
    assert {"Theo năm", "Theo tháng", "Theo cửa khẩu 2025", "Dự báo", "Chỉ tiêu"} <= set(book.sheetnames)
    years = {row[0]: row[1] for row in book["Theo năm"].iter_rows(min_row=2, values_only=True)}
    assert Decimal(str(years[2025])) == sum(r.value_usd for r in TradeRecord.objects.filter(month__year=2025))
    assert any("dự báo" in str(row[0]) for row in book["Dự báo"].iter_rows(values_only=True) if row and row[0])


def test_dashboard_without_figures_says_so_and_a_bad_horizon_is_refused(client, demo):
    client.force_login(demo["lanhdao"])
    response = client.get(reverse("border:dashboard"), {"commodity": "Không có nhóm này"})
    assert "Chưa có số liệu kim ngạch cho lựa chọn này." in response.content.decode()
    response = client.get(reverse("border:dashboard"), {"horizon": 90})
    assert response.status_code == 200
    assert "60" in " ".join(response.context["form"].errors["horizon"])


def test_a_gate_without_trade_for_a_year_gets_no_forecast_but_a_reason(client, demo):
    gate = BorderGate.objects.get(name="Phố Bảng")
    TradeRecord.objects.filter(gate=gate, month__gte=D(2025, 11, 1)).update(value_usd=0)
    client.force_login(demo["lanhdao"])
    response = client.get(reverse("border:dashboard"), {"gate": gate.pk})
    assert response.status_code == 200
    assert response.context["prediction"] is None
    assert "Không có tháng nào có kim ngạch" in response.context["forecast_error"]


def test_dashboard_query_count_is_pinned(client, demo, django_assert_num_queries):
    client.force_login(demo["lanhdao"])
    client.get(reverse("border:dashboard"))  # the forecast is computed once and cached
    # Session, user, the linked target and its monthly GROUP BY, one monthly GROUP BY for the years
    # and the trend, three breakdowns, the illustrative flag, the bell's count, the gate choices.
    with django_assert_num_queries(11):
        assert client.get(reverse("border:dashboard")).status_code == 200


def test_upload_runs_the_job_and_the_page_shows_the_outcome(client, demo):
    client.force_login(demo["canbo.sct"])
    upload = csv_upload(
        [
            ["Phố Bảng", "10/2026", "Nhập khẩu", "Khác", "500"],
            ["Xín Mần", "10/2026", "Xuất khẩu", "Khác", "1.250,5"],
        ]
    )
    response = client.post(reverse("border:trade_upload"), {"file": upload})
    job = TradeImport.objects.get()
    assert response["Location"] == job.get_absolute_url()
    assert (job.state, job.percent, job.uploaded_by) == (ImportState.DONE, 100, demo["canbo.sct"])
    assert job.counts["created"] == 2
    page = client.get(job.get_absolute_url())
    assert "Đã nhập 2 dòng" in page.content.decode()
    partial = client.get(job.get_absolute_url(), headers={"HX-Request": "true"})
    assert partial.content.decode().lstrip().startswith("<section") and "hx-trigger" not in partial.content.decode()
    assert TradeRecord.history.filter(commodity="Khác", history_user=demo["canbo.sct"]).count() == 2


def test_a_file_with_bad_rows_is_refused_whole_with_their_numbers(client, demo):
    client.force_login(demo["canbo.bqlkkt"])
    before = TradeRecord.objects.count()
    upload = csv_upload(
        [
            ["Phố Bảng", "10/2026", "Nhập khẩu", "Khác", "500"],
            ["Cửa khẩu ma", "13/2026", "Nhập khẩu", "Khác", "-5"],
        ]
    )
    client.post(reverse("border:trade_upload"), {"file": upload})
    job = TradeImport.objects.get()
    assert job.state == ImportState.REFUSED
    assert [row for row, _message in job.errors] == [3]
    html = client.get(job.get_absolute_url()).content.decode()
    assert "Tệp bị từ chối" in html and "Cửa khẩu ma" in html and "không được âm" in html
    assert TradeRecord.objects.count() == before


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("so-lieu.pdf", b"%PDF-1.4"), "Chỉ nhận tệp .xlsx hoặc .csv."),
        (None, "Trường này là bắt buộc."),
    ],
)
def test_an_upload_that_is_not_a_trade_file_is_refused_at_the_field(client, demo, upload, message):
    client.force_login(demo["daumoi"])
    response = client.post(reverse("border:trade_upload"), {"file": upload} if upload else {})
    assert response.status_code == 400
    assert message in " ".join(response.context["form"].errors["file"])
    assert not TradeImport.objects.exists()


def test_a_damaged_workbook_is_refused_not_crashed(client, demo):
    client.force_login(demo["daumoi"])
    client.post(reverse("border:trade_upload"), {"file": SimpleUploadedFile("hong.xlsx", b"not a zip")})
    job = TradeImport.objects.get()
    assert job.state == ImportState.REFUSED and job.errors[0][0] == 1


def test_the_plan_target_is_measured_from_the_statistics(client, demo):
    link = TradeTarget.objects.select_related("target").get()
    assert link.target.indicator.startswith("tốc độ tăng trưởng kim ngạch")
    measured = Measurement.objects.get(target=link.target, as_of=D(2025, 12, 31))
    total_2025 = sum(r.value_usd for r in TradeRecord.objects.filter(month__year=2025))
    assert measured.value == (total_2025 / 1_000_000).quantize(Decimal("0.0001"))
    assert measured.source == services.FEED_SOURCE and "minh họa" in measured.note
    # Completing 2026 (November and December) gives the target its 2026 measurement at once.
    assert not Measurement.objects.filter(target=link.target, as_of=D(2026, 12, 31)).exists()
    gate = BorderGate.objects.get(name="Phố Bảng")
    for month in (11, 12):
        rows = [{"flow": "export", "commodity": "Khác", "value_usd": Decimal("1000000")}]
        services.replace_months({(gate, D(2026, month, 1)): rows}, demo["canbo.sct"])
    total_2026 = sum(r.value_usd for r in TradeRecord.objects.filter(month__year=2026))
    measured_2026 = Measurement.objects.get(target=link.target, as_of=D(2026, 12, 31))
    assert measured_2026.value == (total_2026 / 1_000_000).quantize(Decimal("0.0001"))
    # A figure corrected through the form is followed by the measurement.
    client.force_login(demo["canbo.sct"])
    record = TradeRecord.objects.get(gate=gate, month=D(2026, 12, 1))
    data = {"gate": gate.pk, "month": "2026-12-01", "flow": "export", "commodity": "Khác", "value_usd": "3000000"}
    assert client.post(reverse("border:traderecord_edit", args=[record.pk]), data).status_code == 302
    measured_2026.refresh_from_db()
    assert measured_2026.value == ((total_2026 + 2_000_000) / 1_000_000).quantize(Decimal("0.0001"))
    assert measured_2026.history.count() == 2
    # December removed again: 2026 is no longer complete, and its fed value goes (history keeps it).
    services.replace_months({(gate, D(2026, 12, 1)): []}, demo["canbo.sct"])
    assert not Measurement.objects.filter(target=link.target, as_of=D(2026, 12, 31)).exists()
    assert Measurement.objects.filter(target=link.target, as_of=D(2025, 12, 31)).exists()


def test_a_refused_file_shows_the_first_bad_rows_and_counts_them_all(client, demo, monkeypatch):
    monkeypatch.setattr("doingoai.border.tasks.ERRORS_SHOWN", 1)
    client.force_login(demo["daumoi"])
    bad = [["Không có", f"{month}/2026", "Nhập khẩu", "Khác", "5"] for month in (10, 11)]
    upload = csv_upload(bad)
    client.post(reverse("border:trade_upload"), {"file": upload})
    job = TradeImport.objects.get()
    assert (len(job.errors), job.counts["bad_rows"]) == (1, 2)
    html = client.get(job.get_absolute_url()).content.decode()
    assert "2 dòng sai" in html and "Chỉ hiện 1 dòng sai đầu tiên." in html


@pytest.mark.django_db(transaction=True)
def test_on_the_database_backend_the_page_shows_the_job_waiting_then_done(client, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    call_command("demo", stdout=io.StringIO())
    client.force_login(User.objects.get(username="canbo.sct"))
    client.post(
        reverse("border:trade_upload"), {"file": csv_upload([["Phố Bảng", "10/2026", "Nhập khẩu", "Khác", "5"]])}
    )
    job = TradeImport.objects.get()
    waiting = client.get(job.get_absolute_url(), headers={"HX-Request": "true"}).content.decode()
    assert 'data-state="waiting"' in waiting and 'hx-trigger="every 1s"' in waiting
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", stdout=io.StringIO())
    done = client.get(job.get_absolute_url(), headers={"HX-Request": "true"}).content.decode()
    assert 'data-state="done"' in done and "hx-trigger" not in done
    assert TradeRecord.objects.filter(commodity="Khác").exists()
