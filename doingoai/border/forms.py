"""Forms for gates, their upgrades, trade records, trade targets, the upload of trade files and the
dashboard's filters."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from doingoai.core.forms import StyledFormMixin
from doingoai.programs.models import Target

from . import forecast
from .choices import Flow
from .models import BorderGate, GateUpgrade, TradeRecord, TradeTarget


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


class TradeTargetForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = TradeTarget
        fields = ["target", "gate", "scale"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = Target.objects.filter(is_active=True).select_related("program")


class TradeUploadForm(StyledFormMixin, forms.Form):
    file = forms.FileField(label=_("Tệp số liệu (.xlsx hoặc .csv)"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".xlsx", ".csv")):
            raise forms.ValidationError(_("Chỉ nhận tệp .xlsx hoặc .csv."))
        if upload.size > settings.TRADE_IMPORT_MAX_BYTES:
            raise forms.ValidationError(
                _("Tệp lớn hơn %(size)s MB; hãy chia thành nhiều tệp.")
                % {"size": settings.TRADE_IMPORT_MAX_BYTES // (1024 * 1024)}
            )
        return upload


class TradeDashboardForm(StyledFormMixin, forms.Form):
    """The dashboard's filters: which trade (gate, flow, commodity group), which year the breakdowns
    show, and how far the forecast reaches."""

    gate = forms.ModelChoiceField(label=_("Cửa khẩu"), queryset=BorderGate.objects.all(), required=False)
    flow = forms.ChoiceField(label=_("Loại hình"), choices=[("", _("Tất cả")), *Flow.choices], required=False)
    commodity = forms.CharField(label=_("Nhóm hàng"), max_length=120, required=False)
    year = forms.IntegerField(label=_("Năm (cơ cấu)"), min_value=1990, max_value=2100, required=False)
    horizon = forms.IntegerField(
        label=_("Dự báo (tháng)"),
        min_value=forecast.HORIZONS[0],
        max_value=forecast.HORIZONS[1],
        required=False,
        help_text=_("Từ 12 đến 60 tháng; để trống: đến hết năm mục tiêu."),
    )
