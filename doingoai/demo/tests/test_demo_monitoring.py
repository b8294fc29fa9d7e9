"""The demo holds both documents complete, with progress that shows every status."""

import datetime
import io
import json

import pytest
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook

from doingoai.demo.loaders import DATA_DIR
from doingoai.organizations.models import User
from doingoai.programs.choices import STATUS_SEVERITY, TaskStatus, Trajectory
from doingoai.programs.models import Program, Target, Task
from doingoai.programs.services import queries

# The demo's progress is of the first six months of 2026 and two early yearly reports; statuses
# are read on this day (the day the demo was written for), so that the test does not age.
ON = datetime.date(2026, 11, 23)
PLAN_TITLE = "Kế hoạch về thúc đẩy phát triển kinh tế cửa khẩu"


@pytest.fixture
def demo(db):
    call_command("demo", stdout=io.StringIO())
    return Program.objects.get(title__startswith=PLAN_TITLE)


def reading(name):
    return json.loads((DATA_DIR / name).read_text(encoding="utf-8"))


def test_the_plan_holds_all_32_tasks_exactly_as_written(demo):
    rows = reading("ke-hoach-kinh-te-cua-khau-2026-2030.json")["tasks"]
    tasks = {task.number: task for task in demo.tasks.all()}
    assert len(tasks) == 32
    assert sum(n.startswith("I.") for n in tasks) == 15 and sum(n.startswith("II.") for n in tasks) == 17
    for row in rows:
        task = tasks[row["no"]]
        assert task.lead_text == "; ".join(row["lead"])
        assert task.coordinating_text == "; ".join(row["coordinating"])
        assert task.due_text == row["due"]["raw"]
        assert task.due_kind == row["due"]["kind"]
        assert task.title.startswith(row["title"])
        assert task.expected_output.startswith(row["output"])


def test_lead_bodies_become_accountable_agencies_and_groups(demo):
    task = demo.tasks.get(number="II.14")
    assert {lead.agency.code for lead in task.leads.all()} == {"SKHCN", "VIETTEL", "VINAPHONE"}
    assert demo.tasks.get(number="I.11").coordinating_agencies.count() == 3  # Thanh Thủy, Lao Chải, Hà Giang 1
    ii10 = demo.tasks.get(number="II.10")
    assert {g.code for g in ii10.lead_groups.all()} == {"SO-BAN-NGANH", "UBND-XA-BIEN-GIOI"}
    assert ii10.leads.filter(agency__code="X-THANHTHUY").exists()


def test_rows_departing_from_one_lead_are_flagged(demo):
    flagged = {task.number for task in demo.tasks.all() if task.departs_from_one_lead}
    assert {"II.7", "II.10", "II.14"} <= flagged
    # II.2 and II.3 name a group ("Các sở, ngành, đơn vị cấp tỉnh theo lĩnh vực quản lý") as lead.
    assert flagged == {"II.2", "II.3", "II.7", "II.10", "II.14"}


def test_programme_175_holds_every_quantified_target(demo):
    program = Program.objects.get(number="175/CTr-UBND")
    expected = reading("chuong-trinh-175-CTr-UBND-2026-2030.json")["targets"]
    assert program.targets.count() == len(expected) == 20
    assert program.parent.number == "83-NQ/TU"
    fdi = program.targets.get(indicator__startswith="vốn đầu tư trực tiếp nước ngoài")
    assert (fdi.comparator, fdi.min_value, fdi.max_value, fdi.unit) == ("between", 15000, 20000, "tỷ đồng")
    assert demo.targets.count() == 11  # 12 read, one stated twice


def test_every_task_status_and_every_target_assessment_appears(demo):
    counts = queries.status_counts(Task.objects.all(), on=ON)
    assert all(counts[status] > 0 for status in STATUS_SEVERITY), counts
    targets = Target.objects.select_related("program").prefetch_related("measurements")
    one_by_one = {target.pk: queries.target_trajectory(target) for target in targets}
    assert {result.status for result in one_by_one.values()} == set(Trajectory)
    # The bulk form used by the dashboard and the filters agrees target by target.
    assert queries.trajectories(Target.objects.all()) == one_by_one


def test_status_filter_counts_and_python_rule_agree_on_every_task(demo):
    """The SQL forms of the status rule (the filter's EXISTS, the counts' MIN per task) and the
    Python rule give every demo task the same status."""
    tasks = list(Task.objects.prefetch_related("leads"))
    in_python = {task.pk: queries.task_status(task, ON) for task in tasks}
    counts = queries.status_counts(Task.objects.all(), on=ON)
    for status in STATUS_SEVERITY:
        filtered = set(queries.filter_status(Task.objects.all(), [status], on=ON).values_list("pk", flat=True))
        assert filtered == {pk for pk, value in in_python.items() if value == status}, status
        assert counts[status] == len(filtered), status
    both = queries.filter_status(Task.objects.all(), [TaskStatus.OVERDUE, TaskStatus.PAUSED], on=ON)
    assert both.count() == counts[TaskStatus.OVERDUE] + counts[TaskStatus.PAUSED]


def test_growth_target_starts_from_the_2025_trade_figure(demo):
    growth = demo.targets.get(measure="growth_rate")
    assert (growth.baseline_value, growth.baseline_year, growth.value_unit) == (812, 2025, "triệu USD")


def test_overdue_filter_exported_to_excel_holds_exactly_the_overdue_tasks(client, demo):
    client.force_login(User.objects.get(username="daumoi"))
    response = client.get(reverse("programs:task_list"), {"status": "overdue", "export": "xlsx"})
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    header, body = rows[0], rows[1:]
    number, status = header.index("STT"), header.index("Tình trạng")
    overdue = queries.filter_status(Task.objects.all(), ["overdue"])
    assert sorted(row[number] for row in body) == sorted(overdue.values_list("number", flat=True))
    assert body and {row[status] for row in body} == {"Đang thực hiện quá hạn"}


def test_demo_twice_adds_nothing(demo):
    counts = [Model.objects.count() for Model in (Program, Task, Target)]
    output = io.StringIO()
    call_command("demo", stdout=output)
    assert [Model.objects.count() for Model in (Program, Task, Target)] == counts
    assert "thêm 0 kỳ báo cáo, 0 báo cáo" in output.getvalue()
