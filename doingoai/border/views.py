"""Pages for border gates (each with its trade and its planned upgrades) and trade records."""

from doingoai.core import views
from doingoai.programs.services import queries

from . import filtersets, forms, services, tables
from .models import BorderGate, GateUpgrade, TradeRecord


class BorderGateListView(views.ObjectListView):
    model = BorderGate
    table_class = tables.BorderGateTable
    filterset_class = filtersets.BorderGateFilterSet

    def get_queryset(self):
        return super().get_queryset().select_related("counterpart_partner", "commune")


class BorderGateDetailView(views.ObjectDetailView):
    """A gate: its trade year by year with growth, and its planned upgrades with their tasks' status."""

    model = BorderGate

    def get_queryset(self):
        return super().get_queryset().select_related("counterpart_partner", "commune")

    def get_context_data(self, obj):
        context = super().get_context_data(obj)
        upgrades = GateUpgrade.objects.filter(gate=obj).select_related("task")
        context.update(
            years=services.yearly_with_growth(TradeRecord.objects.filter(gate=obj)),
            upgrades=[
                (u, queries.task_status(u.task) if u.task else None) for u in upgrades.prefetch_related("task__leads")
            ],
            illustrative=TradeRecord.objects.filter(gate=obj, illustrative=True).exists(),
        )
        return context


class BorderGateEditView(views.ObjectEditView):
    model = BorderGate
    form_class = forms.BorderGateForm


class TradeRecordListView(views.ObjectListView):
    model = TradeRecord
    table_class = tables.TradeRecordTable
    filterset_class = filtersets.TradeRecordFilterSet

    def get_queryset(self):
        return super().get_queryset().select_related("gate")


class TradeRecordDetailView(views.ObjectDetailView):
    model = TradeRecord


class TradeRecordEditView(views.ObjectEditView):
    model = TradeRecord
    form_class = forms.TradeRecordForm
