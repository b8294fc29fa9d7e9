"""Building programmes, tasks and periods for tests, through the same services users go through."""

import datetime

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from doingoai.organizations.tests.factories import AgencyFactory
from doingoai.programs.choices import STANDARD_PERIODS, PeriodKind, ProgramKind
from doingoai.programs.models import Program, ProgressReport, ReportingPeriod, Target, Task
from doingoai.programs.services import workflow

PDF = b"%PDF-1.4\n%test\n"


class ProgramFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Program

    kind = ProgramKind.PLAN
    title = factory.Sequence(lambda n: f"Kế hoạch thử nghiệm số {n}")
    issuer = "Ủy ban nhân dân tỉnh"
    period_start = 2026
    period_end = 2030
    focal_agency = factory.SubFactory(AgencyFactory)


class TargetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Target

    program = factory.SubFactory(ProgramFactory)
    indicator = factory.Sequence(lambda n: f"Chỉ tiêu thử nghiệm {n}")
    comparator = "at_least"
    min_value = 10
    unit = "hoạt động"


def make_task(
    program, leads=(), lead_groups=(), coordinating=(), coordinating_groups=(), due="Năm 2027", user=None, **fields
):
    """A task saved through workflow.save_task, so its lead shares exist as in real use."""
    task = Task(program=program, title=fields.pop("title", "Nhiệm vụ thử nghiệm"), due_text=due, **fields)
    task.lead_text = "; ".join(str(a) for a in [*leads, *lead_groups])
    return workflow.save_task(
        task,
        lead_agencies=list(leads),
        lead_groups=list(lead_groups),
        coordinating_agencies=list(coordinating),
        coordinating_groups=list(coordinating_groups),
        user=user,
    )


def open_period(program, kind=PeriodKind.SIX_MONTH, year=2026, number=None, user=None, **fields) -> ReportingPeriod:
    """A standard period with its Decree 09 dates, or another kind with the dates given."""
    if kind in STANDARD_PERIODS:
        period = workflow.standard_period(program, kind, year, number)
    else:
        period = ReportingPeriod(program=program, kind=kind, year=year)
    for name, value in fields.items():
        setattr(period, name, value)
    return workflow.save_period(period, user)


def pdf(name="bao-cao.pdf", size=None) -> SimpleUploadedFile:
    content = PDF if size is None else PDF + b"0" * (size - len(PDF))
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def report(task, agency, period, user, progress="in_progress", percent=50, **data) -> ProgressReport:
    return workflow.submit_report(
        task=task,
        agency=agency,
        period=period,
        user=user,
        data={"progress": progress, "percent": percent, "narrative": data.pop("narrative", "Đã thực hiện."), **data},
        files=data.pop("files", ()),
    )


def backdate(report: ProgressReport, day: datetime.date) -> ProgressReport:
    """Pretend a report was sent on `day` (tests of lateness)."""
    report.submitted_at = timezone.make_aware(datetime.datetime.combine(day, datetime.time(9)))
    report.save(update_fields=["submitted_at"])
    return report
