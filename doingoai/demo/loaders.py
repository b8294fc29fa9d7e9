"""Load the demo instance from the YAML files in demo/data/. Every loader only adds what is missing,
so running `demo` again keeps whatever users changed since."""

import datetime
import json
from decimal import Decimal
from pathlib import Path

import yaml
from django.db import transaction
from django.utils import timezone

from doingoai.core.history import acting_user
from doingoai.organizations.choices import AgencyKind
from doingoai.organizations.models import Agency, AgencyGroup, User
from doingoai.organizations.services import match_bodies
from doingoai.programs.choices import Measure, ReviewState
from doingoai.programs.models import (
    Contribution,
    Measurement,
    Phase,
    Program,
    ProgressReport,
    ReportingPeriod,
    Target,
    Task,
    TaskLead,
)
from doingoai.programs.services import workflow

DATA_DIR = Path(__file__).resolve().parent / "data"


def read(name: str):
    with open(DATA_DIR / name, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@transaction.atomic
def load_agencies() -> int:
    """Agencies of agencies.yaml, matched by code; returns how many were added."""
    added = 0
    for row in read("agencies.yaml"):
        if Agency.objects.filter(code=row["code"]).exists():
            continue
        agency = Agency(
            code=row["code"],
            name=row["name"],
            kind=row.get("kind", AgencyKind.OTHER),
            is_border=bool(row.get("border", False)),
            aliases=row.get("aliases", []),
            note=row.get("note", ""),
        )
        agency.full_clean()
        agency.save()
        added += 1
    return added


@transaction.atomic
def load_agency_groups() -> int:
    added = 0
    for row in read("agency_groups.yaml"):
        if AgencyGroup.objects.filter(code=row["code"]).exists():
            continue
        group = AgencyGroup(
            code=row["code"],
            name=row["name"],
            aliases=row.get("aliases", []),
            member_kinds=row.get("member_kinds", []),
            border_only=bool(row.get("border_only", False)),
            note=row.get("note", ""),
        )
        group.full_clean()
        group.save()
        group.members.set(Agency.objects.filter(code__in=row.get("members", [])))
        added += 1
    return added


@transaction.atomic
def load_users() -> list[dict]:
    """The demo users; an existing account is left as it is (its password may have been changed)."""
    logins = []
    for row in read("users.yaml"):
        user = User.objects.filter(username=row["username"]).first()
        created = user is None
        if created:
            user = User(
                username=row["username"],
                last_name=row.get("last_name", ""),
                first_name=row.get("first_name", ""),
                role=row["role"],
                title=row.get("title", ""),
                agency=Agency.objects.get(code=row["agency"]) if row.get("agency") else None,
            )
            user.set_password(row["password"])
            user.full_clean()
            user.save()
        logins.append({"user": user, "password": row["password"], "created": created})
    return logins


# ---------------------------------------------------------------- monitoring (programmes, tasks, progress)

READING_KINDS = {"chuong_trinh": "programme", "ke_hoach": "plan", "nghi_quyet": "resolution", "de_an": "scheme"}
SECTIONS = {"I": "Nhiệm vụ cụ thể", "II": "Nhiệm vụ thường xuyên"}
ILLUSTRATIVE = "Số liệu minh họa"


class DemoDataError(Exception):
    """The demo data names something the database does not hold."""


def _decimal(value):
    """YAML and JSON give floats; money and quantities are Decimal (str keeps 8.63 as 8.63)."""
    return None if value is None else Decimal(str(value))


def _measure(row) -> str:
    growth = row["unit"] == "%" and any(word in row["indicator"] for word in ("tăng trưởng", "tốc độ tăng"))
    if row.get("per_year") and growth:
        return Measure.GROWTH_RATE
    return Measure.ANNUAL if row.get("per_year") else Measure.LEVEL


def _bodies(cells: list[str], where: str):
    agencies, groups = [], []
    for cell in cells:
        found = match_bodies(cell)
        if found.unmatched:
            raise DemoDataError(f"{where}: no agency or group for {found.unmatched} in “{cell}”")
        agencies += [a for a in found.agencies if a not in agencies]
        groups += [g for g in found.groups if g not in groups]
    return agencies, groups


def _find_programme(spec: dict, reading: dict | None):
    number = spec.get("number") or (reading or {}).get("document", {}).get("number")
    title = spec.get("title") or reading["document"]["title"]
    if number:
        return Program.objects.filter(number=number).first(), number, title
    return Program.objects.filter(title=title).first(), "", title


@transaction.atomic
def load_programmes(user) -> dict[str, Program]:
    """The programmes of monitoring.yaml with their targets, phases and tasks (only those missing)."""
    data = read("monitoring.yaml")
    loaded: dict[str, Program] = {}
    for spec in data["programmes"]:
        reading = json.loads((DATA_DIR / spec["reading"]).read_text(encoding="utf-8")) if "reading" in spec else None
        program, number, title = _find_programme(spec, reading)
        if program is not None:
            loaded[spec["key"]] = program
            continue
        document = reading["document"] if reading else {}
        period = spec.get("period") or document["period"]
        program = Program(
            kind=spec.get("kind") or READING_KINDS[document["kind"]],
            number=number,
            title=title,
            issuer=spec.get("issuer") or document["issuer"],
            issued_on=spec.get("issued_on") or document.get("issued_on"),
            period_start=period[0],
            period_end=period[1],
            vision_year=document.get("vision_year"),
            focal_agency=Agency.objects.get(code=spec["focal_agency"]),
            parent=loaded.get(spec.get("parent")),
        )
        with acting_user(user):
            program.full_clean()
            program.save()
            for phase in spec.get("phases", []):
                Phase.objects.create(program=program, **phase)
        if reading:
            _load_targets(program, reading["targets"], spec.get("baselines", {}), user)
            _load_tasks(program, reading["tasks"], user)
        loaded[spec["key"]] = program
    return loaded


def _load_targets(program, rows, baselines, user) -> None:
    with acting_user(user):
        for row in rows:
            if row.get("duplicate"):
                continue  # the reading marks a target the document states twice
            baseline = baselines.get(row["indicator"], {})
            target = Target(
                program=program,
                indicator=row["indicator"][:500],
                comparator=row["comparator"],
                min_value=_decimal(row.get("min")),
                max_value=_decimal(row.get("max")),
                unit=row["unit"],
                measure=_measure(row),
                target_year=row.get("year"),
                baseline_value=_decimal(baseline.get("value")),
                baseline_year=baseline.get("year"),
                value_unit=baseline.get("value_unit", ""),
                lead_agency=program.focal_agency,
                section=row.get("section", "")[:500],
                source_quote=row["quote"],
            )
            target.full_clean()
            target.save()


def _load_tasks(program, rows, user) -> None:
    for row in rows:
        lead_agencies, lead_groups = _bodies(row["lead"], f"task {row['no']} lead")
        coordinating_agencies, coordinating_groups = _bodies(row["coordinating"], f"task {row['no']} coordinating")
        task = Task(
            program=program,
            number=row["no"],
            section=SECTIONS.get(row["no"].split(".")[0], ""),
            title=" ".join(filter(None, [row["title"], row.get("title_continuation")])),
            lead_text="; ".join(row["lead"]),
            coordinating_text="; ".join(row["coordinating"])[:1000],
            due_text=row["due"]["raw"],
            expected_output=" ".join(filter(None, [row.get("output"), row.get("output_continuation")])),
        )
        workflow.save_task(
            task,
            lead_agencies=lead_agencies,
            lead_groups=lead_groups,
            coordinating_agencies=coordinating_agencies,
            coordinating_groups=coordinating_groups,
            user=user,
        )


def _at_nine(day) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(9, 0)))


@transaction.atomic
def load_progress(programmes: dict[str, Program], user) -> dict[str, int]:
    """The periods, reports, contributions and measurements of monitoring.yaml (only those missing)."""
    data = read("monitoring.yaml")
    counts = {"periods": 0, "reports": 0, "contributions": 0, "measurements": 0}
    periods = {}
    for row in data["periods"]:
        program = programmes[row["programme"]]
        period = ReportingPeriod.objects.filter(program=program, kind=row["kind"], year=row["year"]).first()
        if period is None:
            period = workflow.save_period(workflow.standard_period(program, row["kind"], row["year"]), user)
            counts["periods"] += 1
        periods[(row["programme"], row["kind"])] = period
    users = {u.username: u for u in User.objects.all()}
    reviewer = users[data["reviewer"]]

    def task_of(row):
        return Task.objects.get(program=programmes[row["programme"]], number=row["task"])

    with acting_user(user):
        for row in data["reports"]:
            task, agency = task_of(row), Agency.objects.get(code=row["agency"])
            period = periods[(row["programme"], row["period"])]
            if ProgressReport.objects.filter(task=task, agency=agency, period=period).exists():
                continue
            submitted = _at_nine(row["submitted"])
            report = ProgressReport(
                task=task,
                agency=agency,
                period=period,
                progress=row["progress"],
                percent=row["percent"],
                completed_on=row.get("completed_on") or (row["submitted"] if row["progress"] == "completed" else None),
                narrative=row["narrative"],
                difficulties=row.get("difficulties", ""),
                review_state=row["review"],
                submitted_by=users[row["by"]],
                submitted_at=submitted,
            )
            if row["review"] != ReviewState.SUBMITTED:
                report.reviewed_by = reviewer
                report.reviewed_at = submitted + datetime.timedelta(days=2)
                report.review_comment = row.get("comment", "")
            report.full_clean()
            report.save()
            counts["reports"] += 1
        for row in data["contributions"]:
            task, agency = task_of(row), Agency.objects.get(code=row["agency"])
            period = periods[(row["programme"], row["period"])]
            if Contribution.objects.filter(task=task, agency=agency, period=period).exists():
                continue
            Contribution.objects.create(
                task=task,
                agency=agency,
                period=period,
                text=row["text"],
                submitted_by=users[row["by"]],
                submitted_at=_at_nine(row["submitted"]),
            )
            counts["contributions"] += 1
        for row in data["measurements"]:
            target = Target.objects.get(program=programmes[row["programme"]], indicator=row["target"])
            if Measurement.objects.filter(target=target, as_of=row["as_of"]).exists():
                continue
            measurement = Measurement(
                target=target,
                as_of=row["as_of"],
                value=Decimal(str(row["value"])),
                period=ReportingPeriod.objects.filter(program=target.program, end_date=row["as_of"]).first(),
                source=ILLUSTRATIVE,
                recorded_by=users[row["by"]],
            )
            measurement.full_clean()
            measurement.save()
            counts["measurements"] += 1
        workflow.refresh_leads(TaskLead.objects.filter(task__program__in=programmes.values()))
    return counts
