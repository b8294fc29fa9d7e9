"""Rules of border trade: growth from year to year and compounded from a base year, totals by
month, quarter and year, a month's figures entered or replaced as a whole, the programme targets
fed from the statistics, and the seeded illustrative series of the demo."""

import datetime
import random
from decimal import Decimal

from django.db import transaction
from django.db.models import Count, F, Q, Sum
from django.db.models.functions import TruncMonth, TruncQuarter, TruncYear
from django.utils import timezone

from doingoai.core.history import acting_user
from doingoai.programs.models import Measurement

from .choices import Flow
from .models import BorderGate, TradeRecord, TradeTarget

PERIODS = {"month": TruncMonth, "quarter": TruncQuarter, "year": TruncYear}


def growth(current: float | None, previous: float | None) -> float | None:
    """Growth from `previous` to `current` as a fraction (0.15 = 15 %); none from nothing."""
    if current is None or previous is None or previous <= 0:
        return None
    return current / previous - 1


def compound_growth(first: float | None, last: float | None, years: int) -> float | None:
    """The yearly rate that turns `first` into `last` over `years` years (CAGR)."""
    if first is None or last is None or first <= 0 or last < 0 or years <= 0:
        return None
    return (last / first) ** (1 / years) - 1


def totals(records, period: str = "year", by: str | None = None) -> list[dict]:
    """Sum of value (USD) per period ("month", "quarter", "year"), and per `by` ("gate", "flow",
    "commodity") when given, oldest first, in one grouped query."""
    keys = ["period"] + ([by] if by else [])
    # A record's month is already the first of its month: grouping by it saves truncating every row.
    bucket = F("month") if period == "month" else PERIODS[period]("month")
    rows = records.order_by().annotate(period=bucket).values(*keys).annotate(value=Sum("value_usd")).order_by(*keys)
    return [{**row, "period": _as_date(row["period"])} for row in rows]


def _as_date(value) -> datetime.date:
    return value.date() if isinstance(value, datetime.datetime) else value


def yearly_with_growth(records) -> list[dict]:
    """Each year's total with its growth over the year before, counted over the months recorded in
    the year: a year still running is compared with the same months of the year before. No growth
    is given when the year before lacks any of those months (records started mid-year, or a month
    is missing). `partial` marks a year of fewer than 12 months, `running` the last one if partial.
    Worked out from the monthly totals, so the records are read once."""
    return yearly_from_months(totals(records, "month"))


def yearly_from_months(monthly: list[dict]) -> list[dict]:
    """yearly_with_growth from monthly totals already read (`totals(records, "month")`), for pages
    that also need the months themselves."""
    years: dict[int, dict[int, Decimal]] = {}
    for row in monthly:
        years.setdefault(row["period"].year, {})[row["period"].month] = row["value"]
    rows = []
    last = max(years, default=None)
    for year, months in sorted(years.items()):
        value = sum(months.values())
        before = years.get(year - 1, {})
        previous = sum(before[month] for month in months) if set(months) <= set(before) else None
        rows.append(
            {
                "period": datetime.date(year, 1, 1),
                "value": value,
                "partial": len(months) < 12,
                "running": year == last and len(months) < 12,
                "growth": growth(float(value), None if previous is None else float(previous)),
            }
        )
    return rows


FIGURES = ("value_usd", "volume_t", "vehicles", "declarations", "illustrative")
BATCH = 2_000


@transaction.atomic
def replace_months(months: dict[tuple, list[dict]], user) -> dict[str, int]:
    """Replace each (gate, month)'s figures by `rows` (commodity, flow and figures per row).

    A record whose figures are unchanged is left alone, so entering the same month twice writes
    nothing; changed, new and dropped records are written in bulk, each with its history row by
    `user`, in one transaction. The rows come checked by imports.check, which refuses what the
    model would (and says which row), so they are not validated again one by one.
    Returns the counts of records created, updated, deleted and unchanged.
    """
    counts = {"created": 0, "updated": 0, "deleted": 0, "unchanged": 0}
    now = timezone.now()
    wanted: dict[tuple, TradeRecord] = {}
    for (gate, month), rows in months.items():
        for row in rows:
            record = TradeRecord(gate=gate, month=month, **row)
            wanted[(record.gate_id, month, record.flow, record.commodity)] = record
    existing = {}
    gate_ids = {gate.pk for gate, _month in months}
    month_keys = {(gate.pk, month) for gate, month in months}
    for chunk in _chunks(sorted({month for _gate, month in months}), 500):
        for record in TradeRecord.objects.filter(gate_id__in=gate_ids, month__in=chunk):
            if (record.gate_id, record.month) in month_keys:
                existing[(record.gate_id, record.month, record.flow, record.commodity)] = record
    created, updated = [], []
    for key, record in wanted.items():
        old = existing.pop(key, None)
        if old is None:
            created.append(record)
        elif any(getattr(old, name) != getattr(record, name) for name in FIGURES):
            for name in FIGURES:
                setattr(old, name, getattr(record, name))
            old.updated_at = now
            updated.append(old)
        else:
            counts["unchanged"] += 1
    deleted = list(existing.values())
    history = TradeRecord.history
    with acting_user(user):  # the delete signal writes each "-" history row
        for chunk in _chunks(deleted, BATCH):
            TradeRecord.objects.filter(pk__in=[record.pk for record in chunk]).delete()
    for chunk in _chunks(updated, BATCH):
        TradeRecord.objects.bulk_update(chunk, [*FIGURES, "updated_at"])
        history.bulk_history_create(chunk, update=True, default_user=user, default_date=now)
    for chunk in _chunks(created, BATCH):
        TradeRecord.objects.bulk_create(chunk)
        history.bulk_history_create(chunk, default_user=user, default_date=now)
    counts.update(created=len(created), updated=len(updated), deleted=len(deleted))
    feed_targets(user)
    return counts


def _chunks(items: list, size: int):
    for start in range(0, len(items), size):
        yield items[start : start + size]


# ---------------------------------------------------------------- targets measured from trade

# Stored with the measurement, like a source typed by hand: data, not interface text.
FEED_SOURCE = "Thống kê kim ngạch xuất nhập khẩu qua cửa khẩu (tự động)"
FEED_ILLUSTRATIVE_NOTE = "Số liệu minh họa."


def complete_years(records) -> list[dict]:
    """Each year with all 12 months recorded: its total (USD) and whether any figure is illustrative."""
    rows = (
        records.order_by()
        .values("month__year")
        .annotate(
            value=Sum("value_usd"),
            months=Count("month", distinct=True),
            illustrative=Count("pk", filter=Q(illustrative=True)),
        )
        .order_by("month__year")
    )
    return [
        {"year": row["month__year"], "value": row["value"], "illustrative": bool(row["illustrative"])}
        for row in rows
        if row["months"] == 12
    ]


@transaction.atomic
def feed_targets(user) -> int:
    """Write each linked target's measurements from the statistics: one per complete year within
    the target's span, as of 31 December, in the target's unit. A year's figure that has not
    changed is left alone; one entered by hand for the same date is replaced (the statistics are
    the source, and history keeps the hand-entered value); a fed one whose year is no longer
    complete is removed. Returns how many were written or removed."""
    written = 0
    links = TradeTarget.objects.select_related("target__program", "gate")
    with acting_user(user):
        for link in links:
            records = TradeRecord.objects.all() if link.gate is None else TradeRecord.objects.filter(gate=link.gate)
            first, last = link.target.span
            existing = {m.as_of: m for m in Measurement.objects.filter(target=link.target)}
            years = [row for row in complete_years(records) if first <= row["year"] <= last]
            # A fed value whose year is no longer complete (its records were removed) goes too;
            # history keeps it. Values entered by hand for other dates are not touched.
            kept = {datetime.date(row["year"], 12, 31) for row in years}
            for as_of, measurement in existing.items():
                if measurement.source == FEED_SOURCE and as_of not in kept:
                    measurement.delete()
                    written += 1
            for row in years:
                as_of = datetime.date(row["year"], 12, 31)
                value = (row["value"] / link.scale).quantize(Decimal("0.0001"))
                note = FEED_ILLUSTRATIVE_NOTE if row["illustrative"] else ""
                measurement = existing.get(as_of) or Measurement(target=link.target, as_of=as_of)
                if measurement.pk and (measurement.value, measurement.source, measurement.note) == (
                    value,
                    FEED_SOURCE,
                    note,
                ):
                    continue
                measurement.value, measurement.source, measurement.note = value, FEED_SOURCE, note
                measurement.recorded_by = user
                measurement.save()
                written += 1
    return written


# ---------------------------------------------------------------- illustrative demo series

# Yearly totals in million USD, calibrated to facts.yaml: 2021-2025 ≈ 1,600, 2025 ≈ 812.
DEMO_YEARS = {2021: 121, 2022: 158, 2023: 218, 2024: 292, 2025: 812}
DEMO_GROWTH_AFTER_2025 = 0.16
# Nearly everything goes through Thanh Thủy - Thiên Bảo (facts.yaml).
DEMO_GATE_SHARES = {"Thanh Thủy": 0.965, "Xín Mần": 0.02, "Săm Pun": 0.01, "Phố Bảng": 0.005}
DEMO_FLOW_SHARES = {Flow.TEMPORARY: 0.42, Flow.EXPORT: 0.28, Flow.IMPORT: 0.25, Flow.TRANSIT: 0.05}
DEMO_COMMODITIES = {
    "Nông sản, thực phẩm": 0.34,
    "Khoáng sản": 0.18,
    "Máy móc, thiết bị": 0.2,
    "Hàng tiêu dùng": 0.16,
    "Phân bón, hóa chất": 0.12,
}
# Tết in January or February slows trade; the end of the year is the busiest.
DEMO_SEASON = [0.8, 0.7, 0.95, 1.0, 1.0, 1.0, 1.0, 1.02, 1.05, 1.1, 1.15, 1.23]


def demo_series(until: datetime.date, seed: int = 20210101) -> list[TradeRecord]:
    """Plausible monthly records from January 2021 to the month before `until`, reproducible from
    `seed`, marked illustrative. Each year adds up to its DEMO_YEARS total (16 % a year after 2025)."""
    rng = random.Random(seed)
    gates = {gate.name: gate for gate in BorderGate.objects.filter(name__in=DEMO_GATE_SHARES)}
    season_sum = sum(DEMO_SEASON)
    records = []
    month = datetime.date(2021, 1, 1)
    last = datetime.date(until.year, until.month, 1)
    while month < last:
        year_total = DEMO_YEARS.get(month.year) or DEMO_YEARS[2025] * (1 + DEMO_GROWTH_AFTER_2025) ** (
            month.year - 2025
        )
        month_total = year_total * 1_000_000 * DEMO_SEASON[month.month - 1] / season_sum
        for gate_name, gate_share in DEMO_GATE_SHARES.items():
            for flow, flow_share in DEMO_FLOW_SHARES.items():
                for commodity, commodity_share in DEMO_COMMODITIES.items():
                    value = month_total * gate_share * flow_share * commodity_share * rng.uniform(0.9, 1.1)
                    records.append(
                        TradeRecord(
                            gate=gates[gate_name],
                            month=month,
                            flow=flow,
                            commodity=commodity,
                            value_usd=Decimal(round(value, 2)),
                            volume_t=Decimal(round(value / rng.uniform(400, 900), 2)),
                            vehicles=max(1, round(value / 60_000)),
                            declarations=max(1, round(value / 45_000)),
                            illustrative=True,
                        )
                    )
        month = datetime.date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return records
