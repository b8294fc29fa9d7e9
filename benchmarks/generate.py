"""Generate a seeded, reproducible 10-year dataset on PostgreSQL for the benchmarks.

About 300 agencies, 2,000 programmes (2017-2026), 100,000 tasks with their lead shares, ten
reporting periods per programme and 400,000 progress reports. Bulk inserts skip history and the
services (the point is volume, not audit); search text and share state are filled as the services
would fill them.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/doingoai_bench .venv/bin/python benchmarks/generate.py
"""

import datetime
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "doingoai.settings")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from doingoai.organizations.choices import AgencyKind, Role  # noqa: E402
from doingoai.organizations.models import Agency, User  # noqa: E402
from doingoai.programs.choices import PeriodKind, Progress, ReviewState  # noqa: E402
from doingoai.programs.models import Program, ProgressReport, ReportingPeriod, Target, Task, TaskLead  # noqa: E402
from doingoai.programs.services import rules  # noqa: E402

SEED = 20261123
AGENCIES, PROGRAMMES, TASKS, REPORTS = 300, 2_000, 100_000, 400_000
BATCH = 5_000
PASSWORD = "Benchmark@2026"


def say(message: str) -> None:
    print(f"{time.strftime('%H:%M:%S')} {message}", flush=True)


def bulk(model, rows):
    for start in range(0, len(rows), BATCH):
        model.objects.bulk_create(rows[start : start + BATCH], batch_size=BATCH)


def main() -> None:
    if connection.vendor != "postgresql":
        sys.exit("The benchmarks run on PostgreSQL: set DATABASE_URL=postgres://...")
    rng = random.Random(SEED)
    call_command("flush", "--noinput", verbosity=0)
    call_command("migrate", "--noinput", verbosity=0)
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    with transaction.atomic():
        agencies = make_agencies(rng)
        make_users(agencies)
        programmes = make_programmes(rng, agencies)
        periods = make_periods(programmes)
        leads = make_tasks(rng, programmes, agencies)
        make_targets(rng, programmes, agencies)
        make_reports(rng, leads, periods)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    say("done")


def make_agencies(rng) -> list[Agency]:
    kinds = [AgencyKind.DEPARTMENT] * 30 + [AgencyKind.BOARD] * 10 + [AgencyKind.COMMUNE] * 230 + [AgencyKind.WARD] * 30
    rows = []
    for number, kind in enumerate(kinds):
        agency = Agency(
            code=f"B{number:03d}",
            name=f"Cơ quan thử số {number:03d} ({kind})",
            kind=kind,
            is_border=kind == AgencyKind.COMMUNE and rng.random() < 0.1,
        )
        agency.search_text = agency.build_search_text()
        rows.append(agency)
    bulk(Agency, rows)
    say(f"{len(rows)} agencies")
    return list(Agency.objects.order_by("pk"))


def make_users(agencies) -> None:
    users = [
        User(
            username=f"canbo{agency.pk}",
            agency=agency,
            role=Role.AGENCY_OFFICER,
            last_name="Cán bộ",
            first_name=str(agency.pk),
        )
        for agency in agencies
    ]
    users += [
        User(username="daumoi", agency=agencies[0], role=Role.FOCAL_OFFICER),
        User(username="lanhdao", role=Role.LEADER),
    ]
    for user in users:
        user.set_password(PASSWORD)
        user.search_text = user.build_search_text()
    bulk(User, users)
    say(f"{len(users)} users")


def make_programmes(rng, agencies) -> list[Program]:
    rows = []
    for number in range(PROGRAMMES):
        start = 2017 + number % 10
        program = Program(
            kind=rng.choice(["programme", "plan", "scheme"]),
            number=f"{number + 1:02d}/KH-UBND",
            title=f"Kế hoạch thử nghiệm số {number + 1} về hợp tác quốc tế",
            issuer="UBND tỉnh",
            issued_on=datetime.date(start, 1 + number % 12, 1),
            period_start=start,
            period_end=start + 4,
            focal_agency=agencies[number % 40],
        )
        program.search_text = program.build_search_text()
        rows.append(program)
    bulk(Program, rows)
    say(f"{len(rows)} programmes")
    return list(Program.objects.order_by("pk"))


def make_periods(programmes) -> dict[int, list[ReportingPeriod]]:
    rows = []
    for program in programmes:
        for year in range(program.period_start, program.period_end + 1):
            for kind in (PeriodKind.SIX_MONTH, PeriodKind.ANNUAL):
                start, end = rules.period_bounds(kind, year)
                state = "open" if year >= 2026 else "closed"
                rows.append(
                    ReportingPeriod(
                        program=program,
                        kind=kind,
                        year=year,
                        title=rules.period_title(kind, year),
                        start_date=start,
                        end_date=end,
                        deadline=end + datetime.timedelta(days=4),
                        state=state,
                    )
                )
    bulk(ReportingPeriod, rows)
    periods: dict[int, list[ReportingPeriod]] = {}
    for period in ReportingPeriod.objects.order_by("end_date"):
        periods.setdefault(period.program_id, []).append(period)
    say(f"{len(rows)} reporting periods")
    return periods


DUES = [("Năm {y}", 0.5), ("Giai đoạn {s}-{e}", 0.3), ("Thường xuyên", 0.1), ("Hằng năm", 0.05), ("Theo yêu cầu", 0.05)]


LARGEST_PROGRAMME_TASKS = 200


def make_tasks(rng, programmes, agencies) -> list[TaskLead]:
    tasks = []
    for number in range(TASKS):
        # The first programme is a large one (200 tasks), as the report benchmark asks for.
        extra = LARGEST_PROGRAMME_TASKS - TASKS // PROGRAMMES
        program = programmes[0] if number < extra else programmes[(number - extra) % PROGRAMMES]
        wording = rng.choices([w for w, _ in DUES], [p for _, p in DUES])[0]
        due = rules.parse_due(
            wording.format(
                y=rng.randint(program.period_start, program.period_end), s=program.period_start, e=program.period_end
            )
        )
        task = Task(
            program=program,
            number=f"{number // PROGRAMMES + 1}",
            title=f"Nhiệm vụ thử số {number} về {rng.choice(TOPICS)}",
            lead_text="",
            due_text=wording,
            due_kind=due.kind,
            due_year=due.year,
            due_start_year=due.start_year,
            due_end_year=due.end_year,
            deadline=rules.deadline_of(due),
            expected_output="Báo cáo",
        )
        task.search_text = task.build_search_text()
        tasks.append(task)
    bulk(Task, tasks)
    tasks = list(Task.objects.order_by("pk"))
    leads = []
    for task in tasks:
        count = 1 if rng.random() < 0.9 else rng.randint(2, 3)
        for agency in rng.sample(agencies, count):
            progress = rng.choices(list(Progress), [0.3, 0.4, 0.25, 0.05])[0]
            completed = None
            if progress == Progress.COMPLETED and task.deadline:
                completed = task.deadline + datetime.timedelta(days=rng.randint(-300, 60))
            leads.append(
                TaskLead(
                    task=task,
                    agency=agency,
                    progress=progress,
                    completed_on=completed,
                    percent=100 if completed else rng.randint(0, 90),
                    deadline=task.deadline,
                )
            )
    bulk(TaskLead, leads)
    say(f"{len(tasks)} tasks, {len(leads)} lead shares")
    return list(TaskLead.objects.select_related("task").order_by("pk"))


TOPICS = [
    "cửa khẩu Thanh Thủy",
    "xúc tiến đầu tư",
    "thỏa thuận quốc tế",
    "đoàn ra",
    "hội nghị",
    "lao động qua biên giới",
]


def make_targets(rng, programmes, agencies) -> None:
    rows = [
        Target(
            program=program,
            indicator=f"Chỉ tiêu thử {n} của văn bản {program.pk}",
            comparator="at_least",
            min_value=rng.randint(1, 100),
            unit="hoạt động",
            lead_agency=rng.choice(agencies),
        )
        for program in programmes
        for n in range(5)
    ]
    for target in rows:
        target.search_text = target.build_search_text()
    bulk(Target, rows)
    say(f"{len(rows)} targets")


def make_reports(rng, leads, periods) -> None:
    submitter = User.objects.get(username="daumoi")
    rows, seen = [], set()
    while len(rows) < REPORTS:
        lead = leads[rng.randrange(len(leads))]
        period = rng.choice(periods[lead.task.program_id])
        if (lead.task_id, lead.agency_id, period.pk) in seen:
            continue
        seen.add((lead.task_id, lead.agency_id, period.pk))
        submitted = timezone.make_aware(datetime.datetime.combine(period.deadline, datetime.time(9)))
        submitted += datetime.timedelta(days=rng.randint(-10, 15))
        rows.append(
            ProgressReport(
                task_id=lead.task_id,
                agency_id=lead.agency_id,
                period=period,
                progress=rng.choice([Progress.IN_PROGRESS, Progress.COMPLETED]),
                percent=rng.randint(10, 100),
                narrative="Đã thực hiện theo kế hoạch.",
                difficulties=rng.choice(["", "Thiếu kinh phí."]),
                review_state=rng.choice(list(ReviewState)),
                submitted_by=submitter,
                submitted_at=submitted,
            )
        )
        if len(rows) % 100_000 == 0:
            say(f"  {len(rows)} reports prepared")
    bulk(ProgressReport, rows)
    say(f"{len(rows)} progress reports")


if __name__ == "__main__":
    main()
