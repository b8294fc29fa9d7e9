"""Forecasts of monthly trade: seasonal exponential smoothing or SARIMA, whichever forecast the last
year better (back-test), with 80 % and 95 % intervals and the chance of reaching a yearly value.

Trade grows by a rate, not by an amount, so both models work on the logarithm of the monthly value
(growth becomes a trend, the season a pattern added to it) and the forecast is read back in USD.
Intervals and yearly chances come from simulated paths of the chosen model: the sum of a year's
months needs the paths, since the months' errors are not independent.
"""

import datetime
import warnings
from dataclasses import dataclass, field

import numpy as np
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

SEASON = 12
MIN_MONTHS = 36  # three seasons: two to fit a seasonal model in the back-test, one to test it on
HORIZONS = (12, 60)
BACKTEST_MONTHS = 12
REPETITIONS = 2_000
SEED = 20261123
UNRELIABLE_MAPE = 0.2

METHODS = {
    "ets": gettext_lazy("San bằng hàm mũ có xu hướng và mùa vụ (Holt-Winters)"),
    "sarima": gettext_lazy("SARIMA(0,1,1)(0,1,1)₁₂"),
}


class ForecastError(ValueError):
    """The series cannot be forecast (too short, or a horizon out of range); the message says why."""


@dataclass
class Forecast:
    """A forecast from the month after the last observed one: the median path, the 80 % and 95 %
    bands, the method chosen and the back-test error (MAPE, a fraction) of each method."""

    method: str
    backtest: dict[str, float]
    months: list[datetime.date]
    median: list[float]
    low80: list[float]
    high80: list[float]
    low95: list[float]
    high95: list[float]
    observed: dict[datetime.date, float] = field(repr=False)
    paths: np.ndarray = field(repr=False)

    @property
    def mape(self) -> float:
        return self.backtest[self.method]

    @property
    def unreliable(self) -> bool:
        """A back-test error above UNRELIABLE_MAPE: the page says the forecast is not to be relied on."""
        return self.mape > UNRELIABLE_MAPE

    @property
    def method_label(self) -> str:
        return str(METHODS[self.method])

    def year_paths(self, year: int) -> np.ndarray | None:
        """Simulated totals of `year` (observed months plus forecast months), or None when the
        forecast does not reach December of that year or the year is wholly observed."""
        columns = [i for i, month in enumerate(self.months) if month.year == year]
        if not columns or self.months[columns[-1]].month != 12:
            return None
        observed = sum(value for month, value in self.observed.items() if month.year == year)
        return observed + self.paths[:, columns].sum(axis=1)

    def year_total(self, year: int) -> dict | None:
        """The projected total of `year`: median and 80 % / 95 % interval."""
        totals = self.year_paths(year)
        if totals is None:
            return None
        low95, low80, median, high80, high95 = np.quantile(totals, [0.025, 0.1, 0.5, 0.9, 0.975])
        return {"year": year, "median": median, "low80": low80, "high80": high80, "low95": low95, "high95": high95}

    def probability_at_least(self, year: int, value: float) -> float | None:
        """The share of simulated paths whose `year` total reaches `value`."""
        totals = self.year_paths(year)
        return None if totals is None else float((totals >= value).mean())


def months_until(last_observed: datetime.date, year: int) -> int:
    """How many months after `last_observed` it takes to reach December of `year`."""
    return (year - last_observed.year) * 12 + 12 - last_observed.month


def monthly_series(rows) -> dict[datetime.date, float]:
    """Monthly values from (month, value) rows, with months missing between the first and the last
    counted as zero (a month without trade is a month of zero trade, not a gap to skip)."""
    values = {month: float(value) for month, value in rows}
    if not values:
        return {}
    month, last = min(values), max(values)
    series = {}
    while month <= last:
        series[month] = values.get(month, 0.0)
        month = _next_month(month)
    return series


def forecast(series: dict[datetime.date, float], horizon: int, seed: int = SEED) -> Forecast:
    """Forecast `horizon` months after the last month of `series` (consecutive months, oldest first)."""
    if not HORIZONS[0] <= horizon <= HORIZONS[1]:
        raise ForecastError(
            _("Chỉ dự báo từ %(low)s đến %(high)s tháng tới.") % {"low": HORIZONS[0], "high": HORIZONS[1]}
        )
    if len(series) < MIN_MONTHS:
        raise ForecastError(
            _("Cần ít nhất %(needed)s tháng số liệu liên tục để dự báo; mới có %(have)s tháng.")
            % {"needed": MIN_MONTHS, "have": len(series)}
        )
    values = np.array(list(series.values()), dtype=float)
    logs = np.log1p(values)
    backtest = {}
    for method in METHODS:
        fitted = _fit(method, logs[:-BACKTEST_MONTHS])
        predicted = np.expm1(np.asarray(fitted.forecast(BACKTEST_MONTHS)))
        backtest[method] = _mape(values[-BACKTEST_MONTHS:], predicted)
    if not any(np.isfinite(error) for error in backtest.values()):
        raise ForecastError(_("Không có tháng nào có kim ngạch trong 12 tháng gần nhất để kiểm tra dự báo."))
    method = min(backtest, key=backtest.get)
    fitted = _fit(method, logs)
    simulated = fitted.simulate(horizon, anchor="end", repetitions=REPETITIONS, rng=np.random.default_rng(seed))
    paths = np.expm1(np.asarray(simulated, dtype=float).reshape(horizon, REPETITIONS).T)
    paths = np.clip(paths, 0, None)
    low95, low80, median, high80, high95 = np.quantile(paths, [0.025, 0.1, 0.5, 0.9, 0.975], axis=0)
    months, month = [], max(series)
    for _step in range(horizon):
        month = _next_month(month)
        months.append(month)
    return Forecast(
        method=method,
        backtest=backtest,
        months=months,
        median=median.tolist(),
        low80=low80.tolist(),
        high80=high80.tolist(),
        low95=low95.tolist(),
        high95=high95.tolist(),
        observed=dict(series),
        paths=paths,
    )


def _fit(method: str, logs: np.ndarray):
    # statsmodels is imported here, not at the top: it takes a second to load, and only the
    # dashboard needs it.
    # Optimisers warn about convergence on short series; the back-test judges the fit instead.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if method == "ets":
            from statsmodels.tsa.exponential_smoothing.ets import ETSModel

            model = ETSModel(logs, error="add", trend="add", seasonal="add", seasonal_periods=SEASON)
            return model.fit(disp=False)
        from statsmodels.tsa.statespace.sarimax import SARIMAX

        model = SARIMAX(logs, order=(0, 1, 1), seasonal_order=(0, 1, 1, SEASON))
        return model.fit(disp=False)


def _mape(actual: np.ndarray, predicted: np.ndarray) -> float:
    """Mean absolute percentage error over the months with trade (a zero month has no percentage)."""
    mask = actual > 0
    if not mask.any():
        return float("inf")
    return float(np.mean(np.abs(predicted[mask] - actual[mask]) / actual[mask]))


def _next_month(month: datetime.date) -> datetime.date:
    return datetime.date(month.year + month.month // 12, month.month % 12 + 1, 1)
