"""Tables of the mechanism, meeting, commitment and agreement lists (and their Excel exports)."""

import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from doingoai.core.tables import ActiveColumn, BaseTable, DateColumn, YesNoColumn

from .choices import AgreementState
from .models import Agreement, Commitment, Mechanism, Meeting


class MechanismTable(BaseTable):
    name = tables.Column(linkify=True)
    members = tables.ManyToManyColumn(verbose_name=_("Thành viên"), orderable=False, separator="; ")
    province_is_member = YesNoColumn()
    is_active = ActiveColumn()

    class Meta(BaseTable.Meta):
        model = Mechanism
        fields = ["name", "level", "frequency", "members", "province_is_member", "is_active"]
        order_by = "name"


class MeetingTable(BaseTable):
    title = tables.Column(
        verbose_name=_("Phiên họp"),
        accessor="pk",
        linkify=lambda record: record.get_absolute_url(),
        order_by=("mechanism__name", "number"),
    )
    held_on = DateColumn()
    host = tables.Column(order_by="host__name", default=_("Tỉnh ta"))
    commitment_count = tables.Column(verbose_name=_("Số nhận thức chung"), orderable=False)

    class Meta(BaseTable.Meta):
        model = Meeting
        fields = [
            "title",
            "year",
            "held_on",
            "place",
            "host",
            "our_head",
            "state",
            "outcome_document",
            "commitment_count",
        ]
        order_by = "-year"

    def render_title(self, record):
        return str(record)

    def value_title(self, record):
        return str(record)


class CommitmentTable(BaseTable):
    number = tables.Column(linkify=True)
    text = tables.Column(linkify=lambda record: record.get_absolute_url())
    meeting = tables.Column(order_by=("meeting__year", "meeting__number"))
    responsible_partners = tables.ManyToManyColumn(verbose_name=_("Đối tác thực hiện"), orderable=False, separator="; ")
    task_count = tables.Column(verbose_name=_("Số nhiệm vụ triển khai"), orderable=False)

    class Meta(BaseTable.Meta):
        model = Commitment
        fields = ["meeting", "number", "text", "topic", "responsible_text", "responsible_partners", "task_count"]
        order_by = ("meeting", "number")


class AgreementTable(BaseTable):
    """Agreements with their state as it stands today (`current_state`, services.with_current_state)."""

    name = tables.Column(linkify=True)
    partners = tables.ManyToManyColumn(verbose_name=_("Bên ký kết"), orderable=False, separator="; ")
    owner_agency = tables.Column(order_by="owner_agency__name")
    signed_on = DateColumn()
    valid_until = DateColumn(verbose_name=_("Hiệu lực đến"), accessor="valid_until", orderable=False)
    current_state = tables.Column(verbose_name=_("Tình trạng"))
    evaluated_years = tables.Column(verbose_name=_("Đã đánh giá các năm"), orderable=False, empty_values=())

    class Meta(BaseTable.Meta):
        model = Agreement
        fields = [
            "name",
            "form",
            "partners",
            "owner_agency",
            "signed_on",
            "valid_until",
            "current_state",
            "evaluated_years",
        ]
        order_by = "-signed_on"

    def render_current_state(self, value):
        return AgreementState(value).label

    def value_current_state(self, value):
        return str(AgreementState(value).label)

    def render_evaluated_years(self, record):
        return ", ".join(str(e.year) for e in record.evaluations.all()) or "—"

    def value_evaluated_years(self, record):
        return ", ".join(str(e.year) for e in record.evaluations.all())
