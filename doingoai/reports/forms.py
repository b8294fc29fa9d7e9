"""Forms of the periodic reports: choosing what to report on, then editing the draft."""

from django import forms
from django.utils.translation import gettext_lazy as _

from doingoai.core import permissions
from doingoai.core.forms import StyledFormMixin, VietnameseDateField
from doingoai.core.permissions import Action
from doingoai.organizations.models import Agency
from doingoai.programs.choices import PeriodKind
from doingoai.programs.models import Program

from . import services
from .models import Report

REPORT_KINDS = [
    (kind.value, kind.label)
    for kind in (
        PeriodKind.SIX_MONTH,
        PeriodKind.NINE_MONTH,
        PeriodKind.ANNUAL,
        PeriodKind.QUARTERLY,
        PeriodKind.MONTHLY,
        PeriodKind.AD_HOC,
        PeriodKind.THEMATIC,
    )
]


class ReportCreateForm(StyledFormMixin, forms.Form):
    """What a new draft covers: a programme (or all the issuer follows) and a period."""

    program = forms.ModelChoiceField(
        label=_("Văn bản"),
        queryset=Program.objects.filter(is_active=True).order_by("-period_start", "title"),
        required=False,
        empty_label=_("Mọi chương trình, kế hoạch cơ quan theo dõi"),
    )
    issuer = forms.ModelChoiceField(label=_("Cơ quan ban hành"), queryset=Agency.objects.filter(is_active=True))
    period_kind = forms.ChoiceField(label=_("Loại kỳ"), choices=REPORT_KINDS, initial=PeriodKind.SIX_MONTH)
    year = forms.IntegerField(label=_("Năm"), min_value=1945, max_value=2100)
    period_number = forms.IntegerField(label=_("Quý/tháng"), min_value=1, max_value=12, required=False)
    start_date = VietnameseDateField(
        label=_("Từ ngày"), required=False, help_text=_("Chỉ cần với kỳ đột xuất, chuyên đề.")
    )
    end_date = VietnameseDateField(label=_("Đến ngày"), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        # An agency officer drafts only for their own agency; the focal officer for any.
        allowed = [
            a.pk for a in Agency.objects.filter(is_active=True) if permissions.can(user, Action.ADD, Report(issuer=a))
        ]
        self.fields["issuer"].queryset = Agency.objects.filter(pk__in=allowed).order_by("name")
        if user.agency_id in allowed:
            self.fields["issuer"].initial = user.agency_id

    def clean(self):
        cleaned = super().clean()
        program, issuer = cleaned.get("program"), cleaned.get("issuer")
        if program and issuer and program.focal_agency_id != issuer.pk:
            self.add_error(
                "issuer",
                _("Chỉ cơ quan đầu mối của văn bản (%(agency)s) báo cáo văn bản này.")
                % {"agency": program.focal_agency},
            )
        if not program and issuer and not Program.objects.filter(focal_agency=issuer, is_active=True).exists():
            self.add_error(
                "program", _("%(agency)s không là đầu mối văn bản nào: hãy chọn một văn bản.") % {"agency": issuer}
            )
        return cleaned

    def save(self, user) -> Report:
        data = self.cleaned_data
        return services.create_draft(
            program=data["program"],
            issuer=data["issuer"],
            kind=data["period_kind"],
            year=data["year"],
            number=data.get("period_number"),
            start=data.get("start_date"),
            end=data.get("end_date"),
            user=user,
        )


class ReportEditForm(StyledFormMixin, forms.ModelForm):
    """The draft's texts: its summary line, each section, the header, recipients and signature."""

    class Meta:
        model = Report
        fields = [
            "title",
            "issuer_parent_line",
            "issuer_line",
            "issuer_symbol",
            "place",
            "recipients",
            "signer_capacity",
            "signer_title",
            "signer_name",
        ]
        widgets = {"title": forms.Textarea(attrs={"rows": 2}), "recipients": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for section in self.instance.sections:
            label = section["heading"].replace("\n", " – ") or _("Mở đầu")
            self.fields[f"section_{section['key']}"] = forms.CharField(
                label=label,
                required=False,
                initial=section["text"],
                widget=forms.Textarea(attrs={"rows": 6, "class": "form-control"}),
            )

    def save(self, user) -> Report:
        report = self.instance
        report.sections = [
            {**section, "text": self.cleaned_data.get(f"section_{section['key']}", "").strip()}
            for section in report.sections
        ]
        return services.save_edits(report, user)
