"""Time the pages and API calls that matter on the dataset of generate.py, against bare SQL.

Each scenario is a full request through Django (middleware, session, permissions, ORM, templates or
serializers), timed in-process with the test client, and the hand-written SQL that returns the same
rows; the table gives the median of each and their ratio. It asserts nothing about time.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/doingoai_bench .venv/bin/python benchmarks/run.py
"""

import datetime
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "doingoai.settings")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402

from doingoai.organizations.models import User  # noqa: E402
from doingoai.programs.models import Program, ReportingPeriod, TaskLead  # noqa: E402

RUNS = int(os.environ.get("BENCH_RUNS", "15"))
TODAY = datetime.date.today()
SOON = TODAY + datetime.timedelta(days=30)


def rank(alias: str) -> str:
    """The status rule (rules.status_expression) as a rank, 0 = worst, over the share `alias`."""
    return f"""CASE
  WHEN {alias}.progress = 'paused' THEN 3
  WHEN {alias}.progress = 'completed' AND ({alias}.deadline IS NULL OR {alias}.completed_on IS NULL
    OR {alias}.completed_on <= {alias}.deadline) THEN 7
  WHEN {alias}.progress = 'completed' THEN 6
  WHEN {alias}.deadline IS NULL THEN 5
  WHEN {alias}.deadline < DATE '{TODAY}' THEN 0
  WHEN {alias}.deadline <= DATE '{SOON}' THEN 1
  WHEN {alias}.progress = 'not_started' THEN 2
  ELSE 4 END"""


RANK = rank("l")
# A task is overdue when one of its shares is (overdue is the worst rank): a semi-join.
OVERDUE = f"EXISTS (SELECT 1 FROM programs_tasklead o WHERE o.task_id = t.id AND {rank('o')} = 0)"
DUE_SOON = (
    f"EXISTS (SELECT 1 FROM programs_tasklead o WHERE o.task_id = t.id AND {rank('o')} = 1) "
    f"AND NOT EXISTS (SELECT 1 FROM programs_tasklead o WHERE o.task_id = t.id AND {rank('o')} = 0)"
)


def median_ms(action) -> float:
    action()
    action()
    timings = []
    for _ in range(RUNS):
        start = time.perf_counter()
        action()
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)


def sql(*statements):
    def run():
        with connection.cursor() as cursor:
            for statement, params in statements:
                cursor.execute(statement, params)
                cursor.fetchall()

    return run


def get(client, url):
    def run():
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        if hasattr(response, "streaming_content"):
            b"".join(response.streaming_content)

    return run


def report_draft(program, user, docx: bool):
    """A periodic report drafted from the data (services.create_draft), and with `docx` written as
    DOCX too; the draft is rolled back so that runs do not pile up reports."""
    from django.db import transaction

    from doingoai.reports import documents, services

    def run():
        with transaction.atomic():
            report = services.create_draft(
                program=program, issuer=program.focal_agency, kind="six_month", year=program.period_end, user=user
            )
            if docx:
                documents.report_docx(report)
            transaction.set_rollback(True)

    return run


def main() -> None:
    if connection.vendor != "postgresql":
        sys.exit("The benchmarks run on PostgreSQL: set DATABASE_URL=postgres://...")
    busiest = (
        TaskLead.objects.values("agency")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .values_list("agency", flat=True)
        .first()
    )
    officer = User.objects.get(agency_id=busiest, role="agency_officer")
    focal = User.objects.get(username="daumoi")
    program = Program.objects.annotate(n=Count("tasks")).filter(n__gte=50).order_by("-period_start", "pk").first()
    period = ReportingPeriod.objects.filter(program=program, state="open").order_by("deadline").first()
    largest = Program.objects.annotate(n=Count("tasks")).order_by("-n", "pk").first()
    officer_client, focal_client = Client(), Client()
    officer_client.force_login(officer)
    focal_client.force_login(focal)

    task_rank = f"(SELECT MIN({RANK}) FROM programs_tasklead l WHERE l.task_id = t.id)"
    scenarios = [
        (
            "Danh sách nhiệm vụ, lọc “quá hạn” (25 dòng, cả đếm)",
            get(focal_client, "/monitoring/tasks/?status=overdue"),
            sql(
                (f"SELECT COUNT(*) FROM programs_task t WHERE {OVERDUE}", []),
                (
                    f"SELECT t.id, t.number, t.title, t.lead_text, t.coordinating_text, t.due_text, t.deadline, p.number, "
                    f"{task_rank} FROM programs_task t JOIN programs_program p ON p.id = t.program_id "
                    f"WHERE {OVERDUE} ORDER BY t.program_id, t.id LIMIT 25",
                    [],
                ),
            ),
        ),
        (
            "Danh sách nhiệm vụ, lọc cơ quan chủ trì + “quá hạn”",
            get(focal_client, f"/monitoring/tasks/?status=overdue&lead={busiest}"),
            sql(
                (
                    f"SELECT COUNT(*) FROM programs_task t WHERE {OVERDUE} AND EXISTS "
                    "(SELECT 1 FROM programs_tasklead x WHERE x.task_id = t.id AND x.agency_id = %s)",
                    [busiest],
                ),
                (
                    f"SELECT t.id, t.number, t.title, t.lead_text, t.due_text, t.deadline, p.number, {task_rank} "
                    "FROM programs_task t JOIN programs_program p ON p.id = t.program_id "
                    f"WHERE {OVERDUE} AND EXISTS (SELECT 1 FROM programs_tasklead x WHERE x.task_id = t.id "
                    "AND x.agency_id = %s) ORDER BY t.program_id, t.id LIMIT 25",
                    [busiest],
                ),
            ),
        ),
        (
            "Việc của tôi (cơ quan nhiều việc nhất)",
            get(officer_client, "/monitoring/my-work/"),
            sql(
                (
                    f"SELECT l.id, t.number, t.title, p.number, l.deadline, l.percent, {RANK} AS r FROM programs_tasklead l "
                    "JOIN programs_task t ON t.id = l.task_id JOIN programs_program p ON p.id = t.program_id "
                    "WHERE l.agency_id = %s AND t.is_active ORDER BY r, COALESCE(l.deadline, DATE '9999-12-31'), t.id "
                    "LIMIT 100",
                    [busiest],
                ),
                (
                    "SELECT per.id, per.title, per.deadline, l.task_id, r.id, r.review_state FROM programs_reportingperiod per "
                    "JOIN programs_task t ON t.program_id = per.program_id JOIN programs_tasklead l ON l.task_id = t.id "
                    "LEFT JOIN programs_progressreport r ON r.period_id = per.id AND r.task_id = l.task_id "
                    "AND r.agency_id = l.agency_id WHERE per.state = 'open' AND l.agency_id = %s "
                    "AND t.due_kind NOT IN ('on_request', 'none') ORDER BY per.deadline",
                    [busiest],
                ),
            ),
        ),
        (
            f"Trang văn bản ({program.tasks.count()} nhiệm vụ)",
            get(focal_client, f"/monitoring/programs/{program.pk}/"),
            sql(
                (
                    f"SELECT t.id, t.number, t.title, t.lead_text, t.due_text, {task_rank} FROM programs_task t "
                    "WHERE t.program_id = %s AND t.is_active ORDER BY t.id",
                    [program.pk],
                ),
                (
                    "SELECT g.id, g.indicator, g.min_value, g.max_value, g.unit, m.as_of, m.value FROM programs_target g "
                    "LEFT JOIN programs_measurement m ON m.target_id = g.id WHERE g.program_id = %s",
                    [program.pk],
                ),
                ("SELECT id, title, deadline, state FROM programs_reportingperiod WHERE program_id = %s", [program.pk]),
            ),
        ),
        (
            "Chấm điểm cơ quan (một kỳ báo cáo)",
            get(focal_client, f"/monitoring/scorecard/?period={period.pk}"),
            sql(
                (
                    "SELECT l.agency_id, l.progress, l.completed_on, t.deadline, t.due_kind, r.submitted_at, r.progress "
                    "FROM programs_tasklead l JOIN programs_task t ON t.id = l.task_id LEFT JOIN programs_progressreport r "
                    "ON r.task_id = l.task_id AND r.agency_id = l.agency_id AND r.period_id = %s "
                    "WHERE t.program_id = %s AND t.is_active AND t.due_kind NOT IN ('on_request', 'none')",
                    [period.pk, program.pk],
                ),
                (
                    "SELECT c.agency_id, COUNT(*) FROM programs_task_coordinating_agencies c JOIN programs_task t "
                    "ON t.id = c.task_id WHERE t.program_id = %s GROUP BY c.agency_id",
                    [program.pk],
                ),
                (
                    "SELECT agency_id, COUNT(*) FROM programs_contribution WHERE period_id = %s GROUP BY agency_id",
                    [period.pk],
                ),
            ),
        ),
        (
            "API nhiệm vụ, trang đầu (50 dòng, cả đếm)",
            get(focal_client, "/api/tasks/"),
            sql(
                ("SELECT COUNT(*) FROM programs_task", []),
                (
                    f"SELECT t.*, {task_rank} FROM programs_task t ORDER BY t.program_id, t.id LIMIT 50",
                    [],
                ),
                (
                    "SELECT l.*, a.name FROM programs_tasklead l JOIN organizations_agency a ON a.id = l.agency_id "
                    "WHERE l.task_id IN (SELECT id FROM programs_task ORDER BY program_id, id LIMIT 50)",
                    [],
                ),
            ),
        ),
        (
            "API nhiệm vụ của một văn bản, lọc “quá hạn”",
            get(focal_client, f"/api/tasks/?program={program.pk}&status=overdue"),
            sql(
                (f"SELECT COUNT(*) FROM programs_task t WHERE t.program_id = %s AND {OVERDUE}", [program.pk]),
                (
                    f"SELECT t.*, {task_rank} FROM programs_task t WHERE t.program_id = %s AND {OVERDUE} "
                    "ORDER BY t.id LIMIT 50",
                    [program.pk],
                ),
            ),
        ),
    ]
    scenarios += [
        (
            "Bảng điều hành (không lọc)",
            get(focal_client, "/reports/"),
            sql(
                (
                    f"SELECT r, COUNT(*) FROM (SELECT l.task_id, MIN({RANK}) AS r FROM programs_tasklead l "
                    "JOIN programs_task t ON t.id = l.task_id WHERE t.is_active GROUP BY l.task_id) x GROUP BY r",
                    [],
                ),
                (
                    "SELECT l.agency_id, a.name, COUNT(DISTINCT l.task_id) AS n FROM programs_tasklead l "
                    "JOIN organizations_agency a ON a.id = l.agency_id JOIN programs_task t ON t.id = l.task_id "
                    f"WHERE t.is_active AND {OVERDUE} GROUP BY l.agency_id, a.name ORDER BY n DESC LIMIT 10",
                    [],
                ),
                (f"SELECT COUNT(*) FROM programs_task t WHERE t.is_active AND {OVERDUE}", []),
                (f"SELECT COUNT(*) FROM programs_task t WHERE t.is_active AND {DUE_SOON}", []),
                (
                    f"SELECT t.id, t.number, t.title, t.deadline FROM programs_task t WHERE t.is_active AND {DUE_SOON} "
                    "ORDER BY t.deadline, t.id LIMIT 8",
                    [],
                ),
                (
                    "SELECT g.id, g.min_value, g.max_value, g.baseline_value, m.as_of, m.value FROM programs_target g "
                    "LEFT JOIN programs_measurement m ON m.target_id = g.id WHERE g.is_active",
                    [],
                ),
                (
                    "SELECT per.id, l.agency_id, l.task_id, r.review_state FROM programs_reportingperiod per "
                    "JOIN programs_task t ON t.program_id = per.program_id JOIN programs_tasklead l ON l.task_id = t.id "
                    "LEFT JOIN programs_progressreport r ON r.period_id = per.id AND r.task_id = l.task_id "
                    "AND r.agency_id = l.agency_id WHERE per.state = 'open' "
                    "AND per.id IN (SELECT id FROM programs_reportingperiod WHERE state = 'open' "
                    "ORDER BY deadline, id LIMIT 6)",
                    [],
                ),
            ),
        ),
    ]
    # What the report reads: the tasks with their status, the period's progress reports, the targets.
    report_sql = sql(
        (
            f"SELECT t.id, t.number, t.title, t.lead_text, t.coordinating_text, t.due_text, {task_rank} "
            "FROM programs_task t WHERE t.program_id = %s AND t.is_active ORDER BY t.id",
            [largest.pk],
        ),
        (
            "SELECT r.task_id, r.agency_id, r.narrative, r.difficulties, r.proposals FROM programs_progressreport r "
            "JOIN programs_reportingperiod per ON per.id = r.period_id WHERE per.program_id = %s "
            "AND per.kind = 'six_month' AND per.year = %s",
            [largest.pk, largest.period_end],
        ),
        (
            "SELECT g.id, g.indicator, m.as_of, m.value FROM programs_target g "
            "LEFT JOIN programs_measurement m ON m.target_id = g.id WHERE g.program_id = %s",
            [largest.pk],
        ),
    )
    scenarios += [
        (f"Lập dự thảo báo cáo định kỳ ({largest.n} nhiệm vụ)", report_draft(largest, focal, docx=False), report_sql),
        (f"Lập dự thảo + xuất DOCX ({largest.n} nhiệm vụ)", report_draft(largest, focal, docx=True), report_sql),
    ]
    counts = {
        "agencies": 300,
        "programmes": Program.objects.count(),
        "tasks": TaskLead.objects.values("task").distinct().count(),
        "shares": TaskLead.objects.count(),
    }
    print(f"dataset: {counts}, runs per scenario: {RUNS}")
    print(f"| {'scenario':<55} | Django ms | SQL ms | ratio |")
    print(f"|{'-' * 57}|----------:|-------:|------:|")
    for name, page, bare in scenarios:
        django_ms, sql_ms = median_ms(page), median_ms(bare)
        print(f"| {name:<55} | {django_ms:9.1f} | {sql_ms:6.1f} | {django_ms / sql_ms:5.1f} |", flush=True)


if __name__ == "__main__":
    main()
