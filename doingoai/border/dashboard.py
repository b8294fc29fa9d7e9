"""The figures of the trade dashboard: the headline totals, the breakdowns by gate, flow and
commodity group, the monthly trend with its forecast, and each trade target against what was
measured and what is forecast. Views render them, the Excel export writes them."""

import datetime
import hashlib
import io
from dataclasses import dataclass
from decimal import Decimal

from django.core.cache import cache
from django.db.models import Sum
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from doingoai.core.permissions import Action
from doingoai.programs.choices import Comparator, Measure

from . import forecast, services
from .models import TradeRecord, TradeTarget

FIVE_YEARS = 5
TOP_COMMODITIES = 8
FORECAST_CACHE_SECONDS = 6 * 3600


@dataclass
class TargetCheck:
    """A trade target read against the statistics and the forecast (rates as fractions, levels in USD)."""

    link: TradeTarget
    low_rate: float | None
    high_rate: float | None
    achieved_rate: float | None
    achieved_label: str
    gap: float | None
    required_low: float | None
    required_high: float | None
    projected: dict | None
    probability: float | None
    note: str


def headline(years: list[dict]) -> dict:
    """The last five complete years' total, the last complete year and the running year to date."""
    complete = [row for row in years if not row["partial"]]
    running = years[-1] if years and years[-1]["running"] else None
    last_five = complete[-FIVE_YEARS:]
    return {
        "five_years": {
            "first": last_five[0]["period"].year,
            "last": last_five[-1]["period"].year,
            "value": sum(row["value"] for row in last_five),
        }
        if len(last_five) == FIVE_YEARS
        else None,
        "last_year": complete[-1] if complete else None,
        "running": running,
    }


def breakdown(records, by: str, year: int | None) -> list[dict]:
    """Totals of `year` (or of every year) by gate, flow or commodity group, largest first, with shares."""
    if year:
        records = records.filter(month__year=year)
    field = {"gate": "gate__name", "flow": "flow", "commodity": "commodity"}[by]
    keys = [field, "gate"] if by == "gate" else [field]
    rows = list(records.order_by().values(*keys).annotate(value=Sum("value_usd")).order_by("-value", field))
    total = sum(row["value"] for row in rows) or Decimal(1)
    labels = dict(TradeRecord._meta.get_field("flow").choices)
    result = []
    for row in rows:
        key = row["gate"] if by == "gate" else row[field]
        label = str(labels.get(row[field], row[field])) if by == "flow" else row[field]
        result.append({"key": key, "label": label, "value": row["value"], "share": float(row["value"] / total)})
    return result


def read(records) -> tuple[list[dict], dict[datetime.date, float]]:
    """The years with their growth and the monthly series (months without trade counted as zero),
    from one monthly GROUP BY."""
    months = services.totals(records, "month")
    return services.yearly_from_months(months), forecast.monthly_series((r["period"], r["value"]) for r in months)


def cached_forecast(series: dict[datetime.date, float], horizon: int) -> forecast.Forecast:
    """The forecast of `series`, computed once per series and horizon (fitting takes seconds)."""
    digest = hashlib.sha256(repr((sorted(series.items()), horizon, forecast.SEED)).encode()).hexdigest()
    key = f"border:forecast:{digest}"
    result = cache.get(key)
    if result is None:
        result = forecast.forecast(series, horizon)
        cache.set(key, result, FORECAST_CACHE_SECONDS)
    return result


def horizon_for(series: dict[datetime.date, float], year: int | None) -> int:
    """Enough months to reach December of `year`, within the horizons allowed (24 without a year)."""
    if not series or not year:
        return 24
    wanted = forecast.months_until(max(series), year)
    return min(max(wanted, forecast.HORIZONS[0]), forecast.HORIZONS[1])


def target_checks(user) -> list[TargetCheck]:
    """Every trade target with what has been achieved, the gap to its lower bound and its forecast."""
    checks = []
    for link in TradeTarget.objects.for_user(user, Action.VIEW).select_related("target__program", "gate"):
        records = TradeRecord.objects.for_user(user, Action.VIEW)
        if link.gate is not None:
            records = records.filter(gate=link.gate)
        checks.append(target_check(link, records))
    return checks


def target_check(link: TradeTarget, records) -> TargetCheck:
    """One target: for a growth target, the rate achieved since the baseline (or, in the first year,
    this year to date against the same months), the gap to the lowest rate allowed, the level each
    bound requires in the target year, and the forecast of that year with the chance of reaching it."""
    target = link.target
    scale = float(link.scale)
    years, series = read(records)
    growth_target = target.measure == Measure.GROWTH_RATE
    low = float(target.min_value) / 100 if growth_target and target.min_value is not None else None
    high = float(target.max_value) / 100 if growth_target and target.max_value is not None else None
    achieved, label, note = None, "", ""
    required_low = required_high = None
    if growth_target and target.baseline_value and target.baseline_year:
        base = float(target.baseline_value) * scale
        span = target.year - target.baseline_year
        required_low = base * (1 + low) ** span if low is not None else None
        required_high = base * (1 + high) ** span if high is not None else None
        complete = [row for row in years if not row["partial"] and row["period"].year > target.baseline_year]
        running = years[-1] if years and years[-1]["running"] else None
        if complete:
            last = complete[-1]
            achieved = services.compound_growth(base, float(last["value"]), last["period"].year - target.baseline_year)
            label = _("Bình quân %(first)s-%(last)s") % {"first": target.baseline_year, "last": last["period"].year}
        elif running and running["growth"] is not None:
            achieved = running["growth"]
            label = _("Năm %(year)s đến nay, so với cùng kỳ") % {"year": running["period"].year}
    elif not growth_target and target.comparator != Comparator.AT_MOST and target.min_value is not None:
        required_low = float(target.min_value) * scale
    projected = probability = None
    if required_low is not None and series:
        months = forecast.months_until(max(series), target.year)
        if months > forecast.HORIZONS[1]:
            note = _("Năm mục tiêu ở ngoài tầm dự báo (tối đa %(months)s tháng).") % {"months": forecast.HORIZONS[1]}
        elif months > 0:
            try:
                result = cached_forecast(series, horizon_for(series, target.year))
            except forecast.ForecastError as error:
                note = str(error)
            else:
                projected = result.year_total(target.year)
                probability = result.probability_at_least(target.year, required_low)
    return TargetCheck(
        link=link,
        low_rate=low,
        high_rate=high,
        achieved_rate=achieved,
        achieved_label=label,
        gap=achieved - low if achieved is not None and low is not None else None,
        required_low=required_low,
        required_high=required_high,
        projected=projected,
        probability=probability,
        note=note,
    )


def workbook(years, series, breakdowns, prediction, checks, year) -> bytes:
    """The dashboard as an XLSX: one sheet per table, figures in USD, the forecast marked as such."""
    book = Workbook()
    bold = Font(bold=True)

    def sheet(title: str, header: list[str], rows) -> None:
        page = book.create_sheet(title)
        page.append(header)
        for cell in page[1]:
            cell.font = bold
        page.freeze_panes = "A2"
        for row in rows:
            page.append(row)

    book.remove(book.active)
    sheet(
        _("Theo năm"),
        [_("Năm"), _("Trị giá (USD)"), _("Tăng so với năm trước (%)"), _("Ghi chú")],
        [
            [
                row["period"].year,
                round(float(row["value"]), 2),
                None if row["growth"] is None else round(row["growth"] * 100, 2),
                _("đến nay, so với cùng kỳ") if row["running"] else "",
            ]
            for row in years
        ],
    )
    monthly_rows = [[month.strftime("%m/%Y"), round(value, 2)] for month, value in series.items()]
    sheet(_("Theo tháng"), [_("Tháng"), _("Trị giá (USD)")], monthly_rows)
    for by, title in (("gate", _("Theo cửa khẩu")), ("flow", _("Theo loại hình")), ("commodity", _("Theo nhóm hàng"))):
        sheet(
            f"{title} {year or ''}".strip(),
            [_("Tên"), _("Trị giá (USD)"), _("Tỷ trọng (%)")],
            [[row["label"], round(float(row["value"]), 2), round(row["share"] * 100, 2)] for row in breakdowns[by]],
        )
    if prediction:
        sheet(
            _("Dự báo"),
            [_("Tháng"), _("Dự báo (trung vị, USD)"), _("80% thấp"), _("80% cao"), _("95% thấp"), _("95% cao")],
            [
                [month.strftime("%m/%Y"), *(round(value, 2) for value in values)]
                for month, *values in zip(
                    prediction.months,
                    prediction.median,
                    prediction.low80,
                    prediction.high80,
                    prediction.low95,
                    prediction.high95,
                    strict=True,
                )
            ],
        )
        page = book[_("Dự báo")]
        page.append([])
        page.append([_("Đây là số liệu dự báo, không phải số liệu thống kê.")])
        page.append([_("Phương pháp"), prediction.method_label])
        for method, error in prediction.backtest.items():
            page.append(
                [
                    _("Sai số kiểm tra ngược (MAPE, %%) – %(method)s") % {"method": forecast.METHODS[method]},
                    round(error * 100, 2),
                ]
            )
    if checks:
        sheet(
            _("Chỉ tiêu"),
            [
                _("Chỉ tiêu"),
                _("Văn bản"),
                _("Tăng đạt được (%)"),
                _("Chênh lệch so với mức thấp nhất (điểm %)"),
                _("Mức cần đạt năm mục tiêu (USD)"),
                _("Dự báo năm mục tiêu (USD)"),
                _("Xác suất đạt (%)"),
            ],
            [
                [
                    str(check.link.target),
                    str(check.link.target.program),
                    None if check.achieved_rate is None else round(check.achieved_rate * 100, 2),
                    None if check.gap is None else round(check.gap * 100, 2),
                    None if check.required_low is None else round(check.required_low, 2),
                    None if not check.projected else round(check.projected["median"], 2),
                    None if check.probability is None else round(check.probability * 100, 1),
                ]
                for check in checks
            ],
        )
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
