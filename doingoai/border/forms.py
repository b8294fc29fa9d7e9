"""Forms for gates, their upgrades and trade records."""

from django import forms

from doingoai.core.forms import StyledFormMixin

from .models import BorderGate, GateUpgrade, TradeRecord


class BorderGateForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = BorderGate
        fields = [
            "name",
            "counterpart",
            "counterpart_native",
            "counterpart_partner",
            "kind",
            "status",
            "commune",
            "note",
        ]


class GateUpgradeForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = GateUpgrade
        fields = ["gate", "year", "what", "task"]


class TradeRecordForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = TradeRecord
        fields = ["gate", "month", "flow", "commodity", "value_usd", "volume_t", "vehicles", "declarations"]
        widgets = {"month": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}
