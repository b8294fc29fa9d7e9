"""Forecasts: a synthetic series with known growth and season is recovered within the stated
tolerance, the intervals hold the truth, the chance of reaching a yearly value follows the
forecast, and a series or horizon that cannot be forecast is refused in Vietnamese."""

import datetime

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from doingoai.border import forecast

D = datetime.date
SEASON = [0.8, 0.7, 0.95, 1.0, 1.0, 1.0, 1.0, 1.02, 1.05, 1.1, 1.15, 1.23]
MONTHLY_GROWTH = 1.012  # about 15 % a year


def synthetic(months: int, noise: float, seed: int = 7) -> tuple[dict, list[float]]:
    """`months` observed months from January 2020 (trend × season × noise) and the next 24 true values."""
    rng = np.random.default_rng(seed)
    observed, truth, month = {}, [], D(2020, 1, 1)
    for step in range(months + 24):
        value = 10_000_000 * MONTHLY_GROWTH**step * SEASON[month.month - 1]
        if step < months:
            observed[month] = value * (1 + rng.normal(0, noise))
        else:
            truth.append(value)
        month = D(month.year + month.month // 12, month.month % 12 + 1, 1)
    return observed, truth


@pytest.fixture(scope="module")
def recovered():
    observed, truth = synthetic(72, noise=0.02)
    return forecast.forecast(observed, 24), np.array(truth)


def test_forecast_recovers_known_trend_and_season_within_three_percent(recovered):
    result, truth = recovered
    error = np.abs(np.array(result.median) - truth) / truth
    # Stated tolerance: with 2 % noise, the median path stays within 3 % of the noise-free series
    # on average over two years, and within 6 % in every month.
    assert error.mean() < 0.03, error
    assert error.max() < 0.06, error
    assert result.mape < 0.05
    assert result.method in forecast.METHODS
    assert result.backtest[result.method] == min(result.backtest.values())


def test_intervals_nest_and_hold_the_truth(recovered):
    result, truth = recovered
    low95, low80, median, high80, high95 = (
        np.array(v) for v in (result.low95, result.low80, result.median, result.high80, result.high95)
    )
    assert (low95 <= low80).all() and (low80 <= median).all() and (median <= high80).all() and (high80 <= high95).all()
    assert ((truth >= low95) & (truth <= high95)).mean() >= 0.9
    assert result.months[0] == D(2026, 1, 1) and len(result.months) == 24


def test_chance_of_reaching_a_yearly_value_follows_the_forecast(recovered):
    result, truth = recovered
    year_2026 = truth[:12].sum()
    projected = result.year_total(2026)
    assert projected["low95"] < projected["median"] < projected["high95"]
    assert abs(projected["median"] - year_2026) / year_2026 < 0.03
    assert result.probability_at_least(2026, year_2026 * 0.8) > 0.99
    assert result.probability_at_least(2026, year_2026 * 1.25) < 0.01
    assert 0.2 < result.probability_at_least(2026, projected["median"]) < 0.8
    assert result.year_total(2028) is None, "the forecast stops in December 2027"


def test_a_year_already_begun_counts_its_observed_months():
    observed, _truth = synthetic(66, noise=0.0)  # January 2020 to June 2025
    result = forecast.forecast(observed, 12)
    observed_2025 = sum(v for m, v in observed.items() if m.year == 2025)
    totals = result.year_paths(2025)
    assert (totals > observed_2025).all()
    assert result.year_total(2025)["median"] == pytest.approx(observed_2025 + sum(result.median[:6]), rel=0.02)


@pytest.mark.parametrize(
    ("months", "horizon", "message"),
    [
        (72, 6, "Chỉ dự báo từ 12 đến 60 tháng tới."),
        (72, 61, "Chỉ dự báo từ 12 đến 60 tháng tới."),
        (30, 12, "Cần ít nhất 36 tháng số liệu liên tục để dự báo; mới có 30 tháng."),
    ],
)
def test_what_cannot_be_forecast_is_refused_in_vietnamese(months, horizon, message):
    observed, _truth = synthetic(months, noise=0.02)
    with pytest.raises(forecast.ForecastError, match=message):
        forecast.forecast(observed, horizon)


@pytest.mark.parametrize(
    ("last", "year", "expected"),
    [(D(2026, 10, 1), 2026, 2), (D(2026, 10, 1), 2030, 50), (D(2026, 12, 1), 2027, 12), (D(2026, 12, 1), 2026, 0)],
)
def test_months_until_december_of_a_year(last, year, expected):
    assert forecast.months_until(last, year) == expected


@settings(max_examples=50, deadline=None)
@given(st.dictionaries(st.tuples(st.integers(2020, 2024), st.integers(1, 12)), st.integers(0, 10**9), min_size=1))
def test_monthly_series_has_every_month_between_first_and_last_and_keeps_the_total(values):
    rows = [(D(year, month, 1), value) for (year, month), value in values.items()]
    series = forecast.monthly_series(rows)
    months = list(series)
    first, last = min(m for m, _v in rows), max(m for m, _v in rows)
    assert months[0] == first and months[-1] == last
    assert len(months) == (last.year - first.year) * 12 + last.month - first.month + 1
    assert sum(series.values()) == sum(float(v) for _m, v in rows)
