"""Border trade (issue 6) at a million records: the application's CSV import against PostgreSQL COPY,
then the dashboard's totals against bare SQL GROUP BY, on PostgreSQL.

It writes a seeded, reproducible CSV in the import format (four gates × 120 months, 11/2016 to
10/2026, × four flows × 521 commodity groups, cut at 1,000,000 rows) to a temporary directory,
empties the trade and trade-history tables, and then:

1. loads the file with COPY into a staging table, alone and followed by the INSERT ... SELECT that
   turns it into trade records (and then history rows), median of BENCH_COPY_RUNS (default 3);
2. imports it through the application (imports.read_table, check, apply) once, from empty tables;
3. times services.totals and services.yearly_with_growth over the million records beside the
   hand-written SQL returning the same rows, median of BENCH_RUNS (default 15), then the dashboard
   page as a whole request beside the GROUP BYs of its figures, and the forecast alone.

It creates the gates and the importing user it needs, and can be rerun on the same database.

    createdb -h 127.0.0.1 -U postgres doingoai_trade_bench
    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/doingoai_trade_bench
    .venv/bin/python -m doingoai migrate --noinput
    .venv/bin/python benchmarks/trade.py                    # about 7 minutes on 2 cores
    .venv/bin/python benchmarks/trade.py --profile 100000   # cProfile of check and apply only
"""

import cProfile
import csv
import datetime
import os
import pstats
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "doingoai.settings")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")

import django

django.setup()

from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402

from doingoai.border import forecast, imports, services  # noqa: E402
from doingoai.border.choices import Flow, GateKind  # noqa: E402
from doingoai.border.models import BorderGate, TradeRecord  # noqa: E402
from doingoai.organizations.choices import Role  # noqa: E402
from doingoai.organizations.models import User  # noqa: E402

SEED = 20261123
ROWS = int(os.environ.get("BENCH_ROWS", "1000000"))  # fewer only to try the script out
RUNS = int(os.environ.get("BENCH_RUNS", "15"))
COPY_RUNS = int(os.environ.get("BENCH_COPY_RUNS", "3"))
# The demo's gates, so that a database seeded with the demo reuses them; counterparts other than
# Thiên Bảo are placeholders, as in the tests (a benchmark only needs the name to match).
GATES = {
    "Thanh Thủy": "Thiên Bảo",
    "Xín Mần": "đối diện Xín Mần",
    "Săm Pun": "đối diện Săm Pun",
    "Phố Bảng": "đối diện Phố Bảng",
}
# Ten years of monthly data up to the month before the run's date (2026-11): both end years are
# partial, so yearly_with_growth takes its same-months path too.
FIRST_MONTH, MONTHS = datetime.date(2016, 11, 1), 120
BASE_GROUPS = list(services.DEMO_COMMODITIES)
COMMODITIES = -(-ROWS // (len(GATES) * MONTHS * len(Flow)))  # 521 for a million: enough distinct keys
FLOW_LABELS = {flow.value: str(flow.label) for flow in Flow}
TRADE, HISTORY = TradeRecord._meta.db_table, TradeRecord.history.model._meta.db_table
STAGING = """CREATE TEMP TABLE trade_staging (gate text, month text, flow text, commodity text,
    value_usd text, volume_t text, vehicles integer, declarations integer)"""
# The file writes numbers the Vietnamese way (decimal comma), which COPY cannot read as numeric:
# the staging table keeps them as text and the INSERT converts them, as the import's check does.
FLOWS_SQL = ", ".join(f"('{label}', '{value}')" for value, label in FLOW_LABELS.items())
INSERT = f"""INSERT INTO {TRADE} (created_at, updated_at, gate_id, month, flow, commodity, value_usd, volume_t,
    vehicles, declarations, illustrative)
SELECT now(), now(), g.id, to_date(s.month, 'MM/YYYY'), f.value, s.commodity,
    replace(s.value_usd, ',', '.')::numeric, replace(s.volume_t, ',', '.')::numeric, s.vehicles, s.declarations, false
FROM trade_staging s JOIN {BorderGate._meta.db_table} g ON g.name = s.gate
JOIN (VALUES {FLOWS_SQL}) AS f (label, value) ON f.label = s.flow"""
HISTORY_INSERT = f"""INSERT INTO {HISTORY} (id, created_at, gate_id, month, flow, commodity, value_usd, volume_t,
    vehicles, declarations, illustrative, history_date, history_type, history_user_id)
SELECT id, created_at, gate_id, month, flow, commodity, value_usd, volume_t, vehicles, declarations, illustrative,
    now(), '+', %s FROM {TRADE}"""


def say(message: str) -> None:
    print(f"{time.strftime('%H:%M:%S')} {message}", flush=True)


def months():
    for index in range(MONTHS):
        number = FIRST_MONTH.month - 1 + index
        yield datetime.date(FIRST_MONTH.year + number // 12, number % 12 + 1, 1)


def vietnamese(cents: int) -> str:
    """An amount in hundredths as an importer's file writes it: "1234567,89", or "1234567" when whole."""
    return f"{cents // 100},{cents % 100:02d}" if cents % 100 else str(cents // 100)


def make_csv(path: Path) -> None:
    """The million rows in the order a customs export lists them: month, gate, flow, commodity."""
    rng = random.Random(SEED)
    commodities = [
        f"{BASE_GROUPS[n % len(BASE_GROUPS)]} - nhóm {n // len(BASE_GROUPS) + 1:03d}" for n in range(COMMODITIES)
    ]
    written = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([heading for _key, heading in imports.COLUMNS])
        for month in months():
            for gate in GATES:
                for label in FLOW_LABELS.values():
                    for commodity in commodities:
                        if written == ROWS:
                            return
                        cents = rng.randint(100, 500_000_000)
                        if rng.random() < 0.25:  # a quarter of the figures are whole dollars
                            cents -= cents % 100
                        writer.writerow(
                            [
                                gate,
                                f"{month:%m/%Y}",
                                label,
                                commodity,
                                vietnamese(cents),
                                vietnamese(cents // rng.randint(300, 900)) if rng.random() < 0.7 else "",
                                max(1, cents // 6_000_000) if rng.random() < 0.6 else "",
                                max(1, cents // 4_500_000) if rng.random() < 0.8 else "",
                            ]
                        )
                        written += 1


def prepare() -> User:
    for name, counterpart in GATES.items():
        BorderGate.objects.get_or_create(name=name, defaults={"counterpart": counterpart, "kind": GateKind.BILATERAL})
    user, created = User.objects.get_or_create(
        username="bench_trade", defaults={"role": Role.FOCAL_OFFICER, "last_name": "Benchmark", "first_name": "Trade"}
    )
    if created:
        user.set_unusable_password()
        user.save()
    return user


def wipe() -> None:
    # TRUNCATE, not a queryset delete: that would write a "-" history row per record.
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {TRADE}, {HISTORY} RESTART IDENTITY")


def copy_in(content: bytes) -> None:
    with connection.cursor() as cursor:
        cursor.execute(STAGING)
        with cursor.cursor.copy("COPY trade_staging FROM STDIN WITH (FORMAT csv, HEADER true)") as copy:
            view = memoryview(content)
            for start in range(0, len(view), 1 << 20):
                copy.write(view[start : start + (1 << 20)])


def time_copy(content: bytes, user: User, into_table: bool, with_history: bool) -> float:
    """Seconds for COPY into the staging table, then (`into_table`) the INSERT into the trade table,
    then (`with_history`) its history rows, committed as the import commits; the median of COPY_RUNS."""
    timings = []
    for _ in range(COPY_RUNS):
        wipe()
        start = time.perf_counter()
        with transaction.atomic():
            copy_in(content)
            with connection.cursor() as cursor:
                if into_table:
                    cursor.execute(INSERT)
                if with_history:
                    cursor.execute(HISTORY_INSERT, [user.pk])
                cursor.execute("DROP TABLE trade_staging")
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


def table_summary() -> tuple:
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT count(*), sum(value_usd), sum(volume_t), sum(vehicles), sum(declarations), "
            f"count(DISTINCT (gate_id, month, flow, commodity)) FROM {TRADE}"
        )
        trade = cursor.fetchone()
        cursor.execute(f"SELECT count(*) FROM {HISTORY}")
        return trade + cursor.fetchone()


def paired_ms(app, bare, runs: int = RUNS) -> tuple[float, float]:
    """Median milliseconds of `app` and of `bare`, run in turns: on two cores an autovacuum or a
    burst of other work then slows both sides alike instead of whichever was being timed."""
    app()
    bare()
    timings: tuple[list, list] = ([], [])
    for _ in range(runs):
        for action, spent in zip((app, bare), timings, strict=True):
            start = time.perf_counter()
            action()
            spent.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings[0]), statistics.median(timings[1])


def sql_rows(statement: str):
    def run():
        with connection.cursor() as cursor:
            cursor.execute(statement)
            return cursor.fetchall()

    return run


def totals_scenario(period: str, by: str | None):
    key = {"gate": "gate_id", "flow": "flow", "commodity": "commodity"}.get(by)
    # The same grouping the ORM sends: the month column itself (always the first of the month), or
    # its date_trunc to the quarter or year.
    bucket = "month" if period == "month" else f"date_trunc('{period}', month)"
    columns = bucket + (f", {key}" if key else "")
    order = "1, 2" if key else "1"
    statement = f"SELECT {columns}, sum(value_usd) FROM {TRADE} GROUP BY {order} ORDER BY {order}"

    def app():
        return [
            (row["period"], row[by], row["value"]) if by else (row["period"], row["value"])
            for row in services.totals(TradeRecord.objects.all(), period, by)
        ]

    return app, sql_rows(statement)


# By hand, as the service does: group by month once (120 rows), then the years and the
# same-months comparison (none when the year before lacks one of the months) come from that set.
GROWTH_SQL = f"""WITH by_month AS (SELECT month, sum(value_usd) AS value FROM {TRADE} GROUP BY month),
years AS (SELECT extract(year FROM month)::int AS year, sum(value) AS value, count(*) AS months
    FROM by_month GROUP BY 1),
compared AS (
    SELECT y.year, y.value, y.months < 12 AS partial,
        (SELECT CASE WHEN count(b.month) = y.months THEN sum(b.value) END
         FROM by_month c JOIN by_month b ON b.month = (c.month - interval '1 year')::date
         WHERE extract(year FROM c.month)::int = y.year) AS previous
    FROM years y)
SELECT make_date(year, 1, 1), value, partial, CASE WHEN previous > 0 THEN value / previous - 1 END
FROM compared ORDER BY year"""


def growth_scenario():
    def app():
        return [
            (row["period"], row["value"], row["partial"], row["growth"])
            for row in services.yearly_with_growth(TradeRecord.objects.all())
        ]

    return app, sql_rows(GROWTH_SQL)


def same_rows(app_rows: list, sql_rows: list) -> bool:
    """Equal row by row: date_trunc's timestamps as the dates the service makes of them, a float
    (growth) only to 1e-9, since the service works it out in floats."""
    if len(app_rows) != len(sql_rows):
        return False
    for app_row, sql_row in zip(app_rows, sql_rows, strict=True):
        for mine, theirs in zip(app_row, sql_row, strict=True):
            if isinstance(theirs, datetime.datetime):
                theirs = theirs.date()
            if isinstance(mine, float) or isinstance(theirs, float):
                if theirs is None or mine is None or abs(float(mine) - float(theirs)) > 1e-9:
                    return False
            elif mine != theirs:
                return False
    return True


def profile(content: bytes, user: User, rows: int) -> None:
    """Where check and apply spend their time, on the first `rows` rows of the file (tables emptied first)."""
    wipe()
    table = imports.read_table("kim-ngach.csv", content)[: rows + 1]
    for name, action in (("check", lambda: imports.check(table)), ("apply", None)):
        profiler = cProfile.Profile()
        if name == "check":
            result = profiler.runcall(action)
            assert result.ok, result.errors[:5]
        else:
            profiler.runcall(imports.apply, result, user)
        print(f"\n## cProfile of {name} on {rows:,} rows")
        stats = pstats.Stats(profiler).strip_dirs()
        stats.sort_stats("tottime").print_stats(20)
        stats.sort_stats("cumulative").print_stats(25)
    wipe()


def main() -> None:
    if connection.vendor != "postgresql":
        sys.exit("The benchmarks run on PostgreSQL: set DATABASE_URL=postgres://...")
    user = prepare()
    with tempfile.TemporaryDirectory(prefix="doingoai-trade-") as directory:
        path = Path(directory) / "kim-ngach.csv"
        start = time.perf_counter()
        make_csv(path)
        content = path.read_bytes()
        say(f"{ROWS:,} rows, {len(content) / 1e6:.1f} MB written to {path} in {time.perf_counter() - start:.1f} s")
        if "--profile" in sys.argv:
            profile(content, user, int(sys.argv[sys.argv.index("--profile") + 1]))
            return
        run(content, user)


def run(content: bytes, user: User) -> None:
    copy_s = time_copy(content, user, into_table=False, with_history=False)
    say(f"COPY alone: {copy_s:.2f} s")
    copy_insert_s = time_copy(content, user, into_table=True, with_history=False)
    say(f"COPY + INSERT ... SELECT: {copy_insert_s:.2f} s")
    copy_history_s = time_copy(content, user, into_table=True, with_history=True)
    sql_summary = table_summary()
    say(f"COPY + INSERT ... SELECT + history rows: {copy_history_s:.2f} s; table: {sql_summary}")

    wipe()
    phases = {}
    start = time.perf_counter()
    table = imports.read_table("kim-ngach.csv", content)
    phases["read_table"] = time.perf_counter() - start
    say(f"read_table: {phases['read_table']:.2f} s")
    start = time.perf_counter()
    result = imports.check(table)
    phases["check"] = time.perf_counter() - start
    assert result.ok, result.errors[:5]
    say(f"check: {phases['check']:.2f} s ({len(result.rows):,} rows)")
    del table
    start = time.perf_counter()
    counts = imports.apply(result, user)
    phases["apply"] = time.perf_counter() - start
    say(f"apply: {phases['apply']:.2f} s, {counts}")
    del result
    app_summary = table_summary()
    # The import and the bare SQL must have written the same records (and one history row each).
    assert app_summary == sql_summary, (app_summary, sql_summary)
    total = sum(phases.values())

    print(f"\nimport of {ROWS:,} rows ({len(content) / 1e6:.1f} MB CSV), {COPY_RUNS} runs of COPY (median), one import")
    print("| step | seconds | import ÷ this |")
    print("|---|---:|---:|")
    for name, seconds in phases.items():
        print(f"| import: {name} | {seconds:.2f} | |")
    print(f"| import: total | {total:.2f} | |")
    print(f"| COPY into a staging table | {copy_s:.2f} | {total / copy_s:.1f} |")
    print(f"| COPY + INSERT ... SELECT into {TRADE} | {copy_insert_s:.2f} | {total / copy_insert_s:.1f} |")
    print(f"| COPY + INSERT ... SELECT + history rows | {copy_history_s:.2f} | {total / copy_history_s:.1f} |")

    with connection.cursor() as cursor:
        # Both tables just took a million rows: vacuum now rather than have autovacuum do it mid-timing.
        cursor.execute(f"VACUUM ANALYZE {TRADE}")
        cursor.execute(f"VACUUM ANALYZE {HISTORY}")
    scenarios = [
        ("Total per year", *totals_scenario("year", None)),
        ("Total per month", *totals_scenario("month", None)),
        ("Per quarter × flow", *totals_scenario("quarter", "flow")),
        ("Per year × gate", *totals_scenario("year", "gate")),
        ("Per year × flow", *totals_scenario("year", "flow")),
        ("Per year × commodity", *totals_scenario("year", "commodity")),
        ("Per month × gate", *totals_scenario("month", "gate")),
        ("Yearly totals with growth", *growth_scenario()),
    ]
    print(f"\naggregates over {ROWS:,} records, median of {RUNS} runs")
    print(f"| {'scenario':<34} | rows | Django ms | SQL ms | ratio |")
    print(f"|{'-' * 36}|-----:|----------:|-------:|------:|")
    for name, app, bare in scenarios:
        app_rows, sql_result = app(), bare()
        assert same_rows(app_rows, sql_result), (name, app_rows[:3], sql_result[:3])
        django_ms, sql_ms = paired_ms(app, bare)
        print(
            f"| {name:<34} | {len(app_rows):4d} | {django_ms:9.1f} | {sql_ms:6.1f} | {django_ms / sql_ms:5.1f} |",
            flush=True,
        )
    page_rows()


def page_rows() -> None:
    """The dashboard page as a whole request (session, permissions, figures, template, chart data;
    the forecast cached, as after the first visit) beside the bare GROUP BYs its figures come from;
    then the forecast alone, uncached, which SQL cannot do (so no ratio)."""
    client = Client()
    client.force_login(User.objects.get(username="bench_trade"))
    year = 2025
    statements = [
        f"SELECT month, sum(value_usd) FROM {TRADE} GROUP BY month ORDER BY month",
        *(
            f"SELECT {key}, sum(value_usd) FROM {TRADE} WHERE month >= '{year}-01-01' AND month < '{year + 1}-01-01' "
            f"GROUP BY {key} ORDER BY 2 DESC"
            for key in ("gate_id", "flow", "commodity")
        ),
    ]

    def page():
        response = client.get(f"/border/?year={year}")
        assert response.status_code == 200, response.status_code

    def bare():
        return [sql_rows(statement)() for statement in statements]

    django_ms, sql_ms = paired_ms(page, bare, runs=min(RUNS, 5))
    name = f"Dashboard page ({year})"
    print(f"| {name:<34} |      | {django_ms:9.1f} | {sql_ms:6.1f} | {django_ms / sql_ms:5.1f} |", flush=True)
    _app, monthly = totals_scenario("month", None)

    def uncached_forecast():
        rows = services.totals(TradeRecord.objects.all(), "month")
        return forecast.forecast(forecast.monthly_series((row["period"], row["value"]) for row in rows), 24)

    django_ms, sql_ms = paired_ms(uncached_forecast, monthly, runs=min(RUNS, 5))
    name = "Monthly totals + 24-month forecast"
    print(f"| {name:<34} |      | {django_ms:9.1f} | {sql_ms:6.1f} |     — |", flush=True)
    print(f"(last two rows: median of {min(RUNS, 5)} runs; the forecast's SQL column is only its monthly GROUP BY)")


if __name__ == "__main__":
    main()
