"""Border gates and trade: growth rules, totals, re-entering a month, the demo's calibration,
who may enter figures (a setting), the summary API and pinned queries."""

import datetime
import io
import math
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from doingoai.border import services
from doingoai.border.models import BorderGate, GateUpgrade, TradeRecord
from doingoai.core.testing import api_client
from doingoai.organizations.models import User

D = datetime.date


@pytest.mark.parametrize(
    ("current", "previous", "expected"),
    [(115, 100, 0.15), (100, 100, 0.0), (80, 100, -0.2), (100, 0, None), (100, None, None), (None, 100, None)],
)
def test_growth(current, previous, expected):
    result = services.growth(current, previous)
    assert result == expected if expected is None else math.isclose(result, expected)


@pytest.mark.parametrize(
    ("first", "last", "years", "expected"),
    [
        (100, 100 * 1.15**5, 5, 0.15),
        (812, 812 * 1.17**5, 5, 0.17),
        (100, 100, 3, 0.0),
        (100, 50, 1, -0.5),
        (0, 100, 5, None),
        (100, 200, 0, None),
    ],
)
def test_compound_growth(first, last, years, expected):
    result = services.compound_growth(first, last, years)
    assert result == expected if expected is None else math.isclose(result, expected, rel_tol=1e-9)


@given(
    st.floats(min_value=1, max_value=1e9),
    st.floats(min_value=-0.5, max_value=1.0),
    st.integers(min_value=1, max_value=30),
)
def test_compound_growth_recovers_the_rate(first, rate, years):
    assert math.isclose(services.compound_growth(first, first * (1 + rate) ** years, years), rate, abs_tol=1e-9)


@pytest.fixture
def demo(db):
    call_command("demo", stdout=io.StringIO())
    return {
        name: User.objects.get(username=name)
        for name in ("daumoi", "lanhdao", "canbo.sct", "canbo.sngv", "canbo.bqlkkt")
    }


def test_demo_gates_and_the_calibrated_illustrative_series(demo):
    assert set(BorderGate.objects.values_list("name", flat=True)) == {
        "Thanh Thủy",
        "Xín Mần",
        "Săm Pun",
        "Lũng Làn",
        "Phố Bảng",
    }
    thanh_thuy = BorderGate.objects.get(name="Thanh Thủy")
    assert (thanh_thuy.counterpart, thanh_thuy.counterpart_partner.name) == ("Thiên Bảo", "châu Văn Sơn")
    bridge = GateUpgrade.objects.get(gate=thanh_thuy, year=2026)
    assert bridge.task.title.startswith("Xây dựng công trình giao thông qua biên giới")
    years = {row["period"].year: float(row["value"]) / 1e6 for row in services.totals(TradeRecord.objects.all())}
    # facts.yaml: over 1.6 billion USD in 2021-2025, over 812 million in 2025, nearly all via Thanh Thủy.
    assert 1600 <= sum(years[y] for y in range(2021, 2026)) <= 1620
    assert 812 <= years[2025] <= 825
    share = TradeRecord.objects.filter(gate=thanh_thuy).count() and float(
        sum(r.value_usd for r in TradeRecord.objects.filter(gate=thanh_thuy))
    ) / float(sum(r.value_usd for r in TradeRecord.objects.all()))
    assert share > 0.95
    assert not TradeRecord.objects.filter(illustrative=False).exists()
    # Reproducible: the same seed gives the same figures.
    again = services.demo_series(D(2022, 1, 15))
    assert [r.value_usd for r in again] == [r.value_usd for r in services.demo_series(D(2022, 1, 15))]


def test_partial_year_is_compared_with_the_same_months(db):
    gate = BorderGate.objects.create(name="Cửa khẩu thử", counterpart="Đối diện", kind="bilateral")
    for month in range(1, 13):
        TradeRecord.objects.create(gate=gate, month=D(2025, month, 1), flow="export", commodity="A", value_usd=100)
    for month in (1, 2, 3):
        TradeRecord.objects.create(gate=gate, month=D(2026, month, 1), flow="export", commodity="A", value_usd=120)
    rows = services.yearly_with_growth(TradeRecord.objects.all())
    assert [(r["period"].year, r["partial"]) for r in rows] == [(2025, False), (2026, True)]
    assert math.isclose(rows[1]["growth"], 0.2)
    assert [r["running"] for r in rows] == [False, True]
    quarters = services.totals(TradeRecord.objects.all(), "quarter")
    assert [(q["period"], q["value"]) for q in quarters][-1] == (D(2026, 1, 1), Decimal("360.00"))


def test_no_growth_against_a_year_that_lacks_the_months_compared(db):
    gate = BorderGate.objects.create(name="Cửa khẩu thử", counterpart="Đối diện", kind="bilateral")
    for year, months in ((2023, range(7, 13)), (2024, range(1, 13)), (2025, [m for m in range(1, 13) if m != 5])):
        for month in months:
            TradeRecord.objects.create(gate=gate, month=D(year, month, 1), flow="export", commodity="A", value_usd=100)
    TradeRecord.objects.create(gate=gate, month=D(2026, 5, 1), flow="export", commodity="A", value_usd=100)
    rows = services.yearly_with_growth(TradeRecord.objects.all())
    # 2024 has no growth (records began in July 2023), nor 2026 (May 2025 is missing); 2025's eleven
    # months are compared with the same eleven of 2024; only 2026, the last year, is running.
    assert [(r["period"].year, r["growth"], r["running"]) for r in rows] == [
        (2023, None, False),
        (2024, None, False),
        (2025, 0.0, False),
        (2026, None, True),
    ]


def test_re_entering_a_month_replaces_it_and_keeps_history(demo):
    gate = BorderGate.objects.get(name="Xín Mần")
    month = D(2025, 6, 1)
    rows = [{"flow": "export", "commodity": "Nông sản, thực phẩm", "value_usd": Decimal("1000")}]
    services.replace_months({(gate, month): rows}, demo["canbo.sct"])
    services.replace_months({(gate, month): rows}, demo["canbo.sct"])
    records = TradeRecord.objects.filter(gate=gate, month=month)
    assert [(r.flow, r.value_usd) for r in records] == [("export", Decimal("1000.00"))]
    assert TradeRecord.history.filter(gate=gate, month=month, history_type="-").exists()


@pytest.mark.parametrize(
    ("who", "allowed"),
    [("daumoi", True), ("canbo.sct", True), ("canbo.bqlkkt", True), ("canbo.sngv", False), ("lanhdao", False)],
)
def test_only_designated_agencies_enter_trade_figures(client, demo, who, allowed, settings):
    gate = BorderGate.objects.get(name="Phố Bảng")
    data = {"gate": gate.pk, "month": "2026-10-01", "flow": "import", "commodity": "Khác", "value_usd": "500"}
    client.force_login(demo[who])
    assert client.get(reverse("border:traderecord_list")).status_code == 200
    assert client.post(reverse("border:traderecord_add"), data).status_code == (302 if allowed else 403)
    api = api_client(demo[who])
    created = api.post(reverse("api:traderecord-list"), {**data, "commodity": "Khác 2"})
    assert created.status_code == (201 if allowed else 403)
    assert TradeRecord.objects.filter(gate=gate, commodity__startswith="Khác").count() == (2 if allowed else 0)
    # The designation is a setting: without Sở Công Thương in it, its officer is refused.
    settings.TRADE_DATA_AGENCIES = ("BQLKKT",)
    if who == "canbo.sct":
        assert client.get(reverse("border:traderecord_add")).status_code == 403


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"month": "2026-10-15"}, "month", "Tháng được ghi bằng ngày đầu tháng."),
        ({"value_usd": "-5"}, "value_usd", "Số liệu không được âm."),
        ({"value_usd": "nhiều"}, "value_usd", "Nhập một số"),
    ],
)
def test_bad_trade_figures_are_refused_in_vietnamese(client, demo, changes, field, message):
    gate = BorderGate.objects.get(name="Phố Bảng")
    data = {"gate": gate.pk, "month": "2026-10-01", "flow": "import", "commodity": "Khác", "value_usd": "500"}
    client.force_login(demo["canbo.sct"])
    response = client.post(reverse("border:traderecord_add"), {**data, **changes})
    assert response.status_code == 400
    assert message in " ".join(response.context["form"].errors[field])


def test_summary_api_groups_by_period_and_gate(demo):
    api = api_client(demo["lanhdao"])
    yearly = api.get(reverse("api:trade-summary"), {"period": "year"}).json()["rows"]
    assert {row["period"][:4] for row in yearly} >= {"2021", "2025"}
    by_gate = api.get(reverse("api:trade-summary"), {"period": "quarter", "group": "gate", "year": 2025}).json()["rows"]
    assert len(by_gate) == 4 * 4  # four quarters of the four trading gates
    total = sum(Decimal(row["value"]) for row in by_gate)
    assert total == sum(r.value_usd for r in TradeRecord.objects.filter(month__year=2025))
    assert api.get(reverse("api:trade-summary"), {"period": "week"}).status_code == 400


def test_lists_have_pinned_query_counts(client, demo, django_assert_num_queries):
    client.force_login(demo["daumoi"])
    # session, user (+ its agency for the designation), badge, count, rows, and the gate filter's choices.
    with django_assert_num_queries(6):
        assert client.get(reverse("border:traderecord_list")).status_code == 200
    with django_assert_num_queries(5):
        assert client.get(reverse("border:bordergate_list")).status_code == 200
    api = api_client(demo["daumoi"])
    with django_assert_num_queries(2):
        assert api.get(reverse("api:traderecord-list")).status_code == 200
