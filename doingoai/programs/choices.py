"""Fixed vocabularies of the monitoring core."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ProgramKind(models.TextChoices):
    RESOLUTION = "resolution", _("Nghị quyết")
    PROGRAMME = "programme", _("Chương trình")
    PLAN = "plan", _("Kế hoạch")
    SCHEME = "scheme", _("Đề án")
    DECISION = "decision", _("Quyết định")
    OTHER = "other", _("Khác")


class PhaseKind(models.TextChoices):
    PHASE = "phase", _("Giai đoạn")
    INTERIM_REVIEW = "interim_review", _("Sơ kết")
    MID_TERM = "mid_term", _("Đánh giá giữa kỳ")
    FINAL_REVIEW = "final_review", _("Tổng kết")


class Comparator(models.TextChoices):
    BETWEEN = "between", _("Trong khoảng")
    AT_LEAST = "at_least", _("Từ … trở lên")
    AT_MOST = "at_most", _("Không quá")
    APPROX = "approx", _("Khoảng")
    EQUAL = "equal", _("Đạt")


class Measure(models.TextChoices):
    """How a target's number is read."""

    LEVEL = "level", _("Mức đạt đến năm mục tiêu")
    ANNUAL = "annual", _("Mức mỗi năm")
    GROWTH_RATE = "growth_rate", _("Tốc độ tăng bình quân mỗi năm")


class DueKind(models.TextChoices):
    YEAR = "year", _("Trong năm")
    DATE = "date", _("Đến ngày")
    PERIOD = "period", _("Giai đoạn")
    RECURRING = "recurring", _("Thường xuyên")
    ANNUAL = "annual", _("Hằng năm")
    ON_REQUEST = "on_request", _("Theo yêu cầu")
    NONE = "none", _("Không ghi thời hạn")


RECURRING_KINDS = (DueKind.RECURRING, DueKind.ANNUAL)


class Progress(models.TextChoices):
    NOT_STARTED = "not_started", _("Chưa thực hiện")
    IN_PROGRESS = "in_progress", _("Đang thực hiện")
    COMPLETED = "completed", _("Hoàn thành")
    PAUSED = "paused", _("Tạm dừng")


class TaskStatus(models.TextChoices):
    """Progress × deadline, as the Government Office groups tasks in its reports."""

    COMPLETED_ON_TIME = "completed_on_time", _("Hoàn thành đúng hạn")
    COMPLETED_LATE = "completed_late", _("Hoàn thành quá hạn")
    IN_PROGRESS_ON_TIME = "in_progress_on_time", _("Đang thực hiện trong hạn")
    OVERDUE = "overdue", _("Đang thực hiện quá hạn")
    DUE_SOON = "due_soon", _("Sắp đến hạn")
    NOT_STARTED = "not_started", _("Chưa thực hiện")
    PAUSED = "paused", _("Tạm dừng")
    NO_DEADLINE = "no_deadline", _("Không thời hạn")


# Worst first: a task with several lead bodies shows the worst status among their shares.
STATUS_SEVERITY = [
    TaskStatus.OVERDUE,
    TaskStatus.DUE_SOON,
    TaskStatus.NOT_STARTED,
    TaskStatus.PAUSED,
    TaskStatus.IN_PROGRESS_ON_TIME,
    TaskStatus.NO_DEADLINE,
    TaskStatus.COMPLETED_LATE,
    TaskStatus.COMPLETED_ON_TIME,
]
STATUS_COLOURS = {
    TaskStatus.COMPLETED_ON_TIME: "success",
    TaskStatus.COMPLETED_LATE: "info",
    TaskStatus.IN_PROGRESS_ON_TIME: "primary",
    TaskStatus.OVERDUE: "danger",
    TaskStatus.DUE_SOON: "warning",
    TaskStatus.NOT_STARTED: "secondary",
    TaskStatus.PAUSED: "dark",
    TaskStatus.NO_DEADLINE: "light",
}


class Trajectory(models.TextChoices):
    ACHIEVED = "achieved", _("Đạt")
    ON_TRACK = "on_track", _("Đúng tiến độ")
    AT_RISK = "at_risk", _("Có nguy cơ")
    OFF_TRACK = "off_track", _("Chệch hướng")
    NO_DATA = "no_data", _("Chưa có số liệu")


TRAJECTORY_COLOURS = {
    Trajectory.ACHIEVED: "success",
    Trajectory.ON_TRACK: "primary",
    Trajectory.AT_RISK: "warning",
    Trajectory.OFF_TRACK: "danger",
    Trajectory.NO_DATA: "secondary",
}


class PeriodKind(models.TextChoices):
    SIX_MONTH = "six_month", _("6 tháng")
    NINE_MONTH = "nine_month", _("9 tháng")
    ANNUAL = "annual", _("Năm")
    QUARTERLY = "quarterly", _("Quý")
    MONTHLY = "monthly", _("Tháng")
    AD_HOC = "ad_hoc", _("Đột xuất")
    THEMATIC = "thematic", _("Chuyên đề")
    INTERIM_REVIEW = "interim_review", _("Sơ kết")
    MID_TERM = "mid_term", _("Giữa kỳ")
    FINAL_REVIEW = "final_review", _("Tổng kết")


# Kinds whose dates follow from the year (and quarter or month) by the cut-offs of Decree 09/2019.
STANDARD_PERIODS = (
    PeriodKind.SIX_MONTH,
    PeriodKind.NINE_MONTH,
    PeriodKind.ANNUAL,
    PeriodKind.QUARTERLY,
    PeriodKind.MONTHLY,
)


class PeriodState(models.TextChoices):
    OPEN = "open", _("Đang nhận báo cáo")
    CLOSED = "closed", _("Đã đóng")


class ReviewState(models.TextChoices):
    SUBMITTED = "submitted", _("Đã gửi, chờ duyệt")
    RETURNED = "returned", _("Trả lại để bổ sung")
    ACCEPTED = "accepted", _("Đã chấp nhận")
