"""Tables of the monitoring lists (and their Excel exports)."""

import django_tables2 as tables
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from doingoai.core.tables import ActiveColumn, BaseTable, DateColumn
from doingoai.core.text import format_number

from .choices import STATUS_COLOURS, TRAJECTORY_COLOURS, Comparator, Measure
from .models import Program, ReportingPeriod, Target, Task
from .services import queries


def badge(choice, colours) -> str:
    if choice is None:
        return ""
    colour = colours.get(choice, "secondary")
    text = "text-dark border" if colour == "light" else ""
    return format_html('<span class="badge text-bg-{} {}">{}</span>', colour, text, choice.label)


class StatusColumn(tables.Column):
    """A task's status from the `status_rank` its queryset was annotated with (queries.with_status)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("verbose_name", _("Tình trạng"))
        kwargs.setdefault("accessor", "status_rank")
        kwargs.setdefault("order_by", ("status_rank",))
        kwargs.setdefault("empty_values", ())
        super().__init__(**kwargs)

    def render(self, value):
        return badge(queries.status_of_rank(value), STATUS_COLOURS)

    def value(self, value):
        status = queries.status_of_rank(value)
        return str(status.label) if status else ""


class ProgramTable(BaseTable):
    number = tables.Column(linkify=True)
    title = tables.Column(linkify=True)
    kind = tables.Column()
    focal_agency = tables.Column(order_by="focal_agency__name")
    years = tables.Column(verbose_name=_("Giai đoạn"), accessor="period_start", order_by=("period_start", "period_end"))
    task_count = tables.Column(verbose_name=_("Số nhiệm vụ"), accessor="task_count")
    target_count = tables.Column(verbose_name=_("Số chỉ tiêu"), accessor="target_count")
    is_active = ActiveColumn()

    class Meta(BaseTable.Meta):
        model = Program
        fields = ["number", "title", "kind", "focal_agency", "years", "task_count", "target_count", "is_active"]
        order_by = "-years"

    def render_years(self, record):
        return f"{record.period_start}-{record.period_end}"

    def value_years(self, record):
        return self.render_years(record)


class TaskTable(BaseTable):
    program = tables.Column(verbose_name=_("Văn bản"), accessor="program__number", order_by="program__title")
    number = tables.Column(verbose_name=_("STT"))
    title = tables.Column(linkify=True, attrs={"td": {"class": "task-title"}})
    lead_text = tables.Column(verbose_name=_("Cơ quan chủ trì"))
    coordinating_text = tables.Column(verbose_name=_("Cơ quan phối hợp"))
    due_text = tables.Column(verbose_name=_("Thời gian"))
    deadline = DateColumn(verbose_name=_("Hạn"))
    status = StatusColumn()
    expected_output = tables.Column(verbose_name=_("Kết quả, sản phẩm"), visible=False)

    class Meta(BaseTable.Meta):
        model = Task
        fields = ["program", "number", "title", "lead_text", "coordinating_text", "due_text", "deadline", "status"]

    def render_program(self, record):
        return record.program.number or record.program.title[:40]

    def value_program(self, record):
        return record.program.number or record.program.title


class TargetTable(BaseTable):
    program = tables.Column(verbose_name=_("Văn bản"), accessor="program__number", order_by="program__title")
    indicator = tables.Column(linkify=True)
    wanted = tables.Column(verbose_name=_("Mục tiêu"), accessor="min_value", orderable=False)
    year = tables.Column(verbose_name=_("Năm"), accessor="target_year")
    lead_agency = tables.Column(order_by="lead_agency__name")
    latest = tables.Column(verbose_name=_("Số liệu mới nhất"), accessor="pk", orderable=False)
    trajectory = tables.Column(verbose_name=_("Đánh giá"), accessor="pk", orderable=False)

    class Meta(BaseTable.Meta):
        model = Target
        fields = ["program", "indicator", "wanted", "year", "lead_agency", "latest", "trajectory"]

    def render_program(self, record):
        return record.program.number or record.program.title[:40]

    def value_program(self, record):
        return record.program.number or record.program.title

    def render_wanted(self, record):
        return target_wording(record)

    def value_wanted(self, record):
        return target_wording(record)

    def render_year(self, record):
        return str(record.year)

    def value_year(self, record):
        return record.year

    def render_latest(self, record):
        result = trajectory_of(record)
        if result.latest is None:
            return "—"
        return f"{format_number(round(result.latest.value, 2))} ({result.latest.as_of:%d/%m/%Y})"

    def value_latest(self, record):
        result = trajectory_of(record)
        return result.latest.value if result.latest else None

    def render_trajectory(self, record):
        return badge(trajectory_of(record).status, TRAJECTORY_COLOURS)

    def value_trajectory(self, record):
        return str(trajectory_of(record).status.label)


def trajectory_of(target):
    """The target's trajectory, worked out once per row however many columns show it."""
    if not hasattr(target, "_trajectory"):
        target._trajectory = queries.target_trajectory(target)
    return target._trajectory


def target_wording(target) -> str:
    """ "15 - 17 %/năm", "≥ 26 điểm", "≤ 5 %", "≈ 6 triệu lượt khách"."""
    low = format_number(target.min_value) if target.min_value is not None else ""
    high = format_number(target.max_value) if target.max_value is not None else ""
    unit = target.unit
    per_year = str(_("/năm")) if target.measure != Measure.LEVEL else ""
    if target.comparator == Comparator.BETWEEN:
        return f"{low} - {high} {unit}{per_year}"
    if target.comparator == Comparator.AT_LEAST:
        return f"≥ {low} {unit}{per_year}"
    if target.comparator == Comparator.AT_MOST:
        return f"≤ {high} {unit}{per_year}"
    if target.comparator == Comparator.APPROX:
        return f"≈ {low} {unit}{per_year}"
    return f"{low} {unit}{per_year}"


class PeriodTable(BaseTable):
    title = tables.Column(linkify=True)
    program = tables.Column(verbose_name=_("Văn bản"), accessor="program__number", order_by="program__title")
    kind = tables.Column()
    start_date = DateColumn()
    end_date = DateColumn()
    deadline = DateColumn()
    state = tables.Column()

    class Meta(BaseTable.Meta):
        model = ReportingPeriod
        fields = ["title", "program", "kind", "start_date", "end_date", "deadline", "state"]

    def render_program(self, record):
        return record.program.number or record.program.title[:40]

    def value_program(self, record):
        return record.program.number or record.program.title
