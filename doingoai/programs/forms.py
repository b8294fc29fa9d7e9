"""Forms of the monitoring core. Rules stay in services; forms only turn input into their arguments."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from doingoai.core.forms import (
    BoundedModelMultipleChoiceField,
    MultipleFileField,
    StyledFormMixin,
    VietnameseDateField,
    VietnameseDecimalField,
)
from doingoai.core.text import ParseError
from doingoai.organizations.models import Agency, AgencyGroup

from .choices import STANDARD_PERIODS, PeriodState, Progress
from .models import Measurement, Phase, Program, ReportingPeriod, Target, Task
from .services import rules, workflow


def active_agencies():
    return Agency.objects.filter(is_active=True)


class ProgramForm(StyledFormMixin, forms.ModelForm):
    issued_on = VietnameseDateField(label=_("Ngày ban hành"), required=False)

    class Meta:
        model = Program
        fields = [
            "kind",
            "number",
            "title",
            "issuer",
            "issued_on",
            "signer",
            "period_start",
            "period_end",
            "vision_year",
            "focal_agency",
            "parent",
            "note",
        ]
        widgets = {"title": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["focal_agency"].queryset = active_agencies()
        parents = Program.objects.filter(is_active=True)
        if self.instance.pk:
            parents = parents.exclude(pk=self.instance.pk)
        self.fields["parent"].queryset = parents
        self.fields["parent"].empty_label = _("(không có)")


class ProgramChildForm(StyledFormMixin, forms.ModelForm):
    """A form for a record of one programme; the programme comes from ?program= when adding."""

    def __init__(self, *args, program=None, **kwargs):
        super().__init__(*args, **kwargs)
        if program is not None and not self.instance.pk:
            self.fields["program"].initial = program.pk
        self.fields["program"].queryset = Program.objects.filter(is_active=True)


class PhaseForm(ProgramChildForm):
    class Meta:
        model = Phase
        fields = ["program", "kind", "name", "start_year", "end_year", "description"]


class TargetForm(ProgramChildForm):
    min_value = VietnameseDecimalField(label=_("Giá trị tối thiểu"), required=False)
    max_value = VietnameseDecimalField(label=_("Giá trị tối đa"), required=False)
    baseline_value = VietnameseDecimalField(label=_("Giá trị cơ sở"), required=False)

    class Meta:
        model = Target
        fields = [
            "program",
            "code",
            "indicator",
            "comparator",
            "min_value",
            "max_value",
            "unit",
            "measure",
            "value_unit",
            "target_year",
            "baseline_value",
            "baseline_year",
            "lead_agency",
            "section",
            "source_quote",
        ]
        widgets = {"indicator": forms.Textarea(attrs={"rows": 2}), "source_quote": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lead_agency"].queryset = active_agencies()


class TaskForm(ProgramChildForm):
    """A task with its bodies: lead agencies and groups, coordinating agencies and groups, each also
    kept as the document writes them."""

    lead_agencies = BoundedModelMultipleChoiceField(
        label=_("Cơ quan chủ trì"), queryset=Agency.objects.none(), required=False
    )
    lead_groups = BoundedModelMultipleChoiceField(
        label=_("Nhóm cơ quan chủ trì"),
        queryset=AgencyGroup.objects.none(),
        required=False,
        help_text=_("Mỗi cơ quan trong nhóm chịu trách nhiệm phần việc của mình."),
    )

    class Meta:
        model = Task
        fields = [
            "program",
            "number",
            "section",
            "title",
            "lead_agencies",
            "lead_groups",
            "lead_text",
            "coordinating_agencies",
            "coordinating_groups",
            "coordinating_text",
            "due_text",
            "expected_output",
            "phase",
            "source_quote",
        ]
        field_classes = {
            "coordinating_agencies": BoundedModelMultipleChoiceField,
            "coordinating_groups": BoundedModelMultipleChoiceField,
        }
        widgets = {
            "title": forms.Textarea(attrs={"rows": 3}),
            "expected_output": forms.Textarea(attrs={"rows": 2}),
            "source_quote": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {"due_text": _("Ví dụ: Năm 2027; Giai đoạn 2026-2030; Thường xuyên; Hằng năm; 30/6/2026.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        agencies, groups = active_agencies(), AgencyGroup.objects.filter(is_active=True)
        for name in ("lead_agencies", "coordinating_agencies"):
            self.fields[name].queryset = agencies
            self.fields[name].widget.attrs["size"] = 8
        for name in ("lead_groups", "coordinating_groups"):
            self.fields[name].queryset = groups
        self.fields["phase"].queryset = Phase.objects.select_related("program")
        if self.instance.pk:
            self.fields["lead_agencies"].initial = list(
                self.instance.leads.filter(via_group__isnull=True).values_list("agency_id", flat=True)
            )
            self.fields["lead_groups"].initial = list(self.instance.lead_groups.values_list("pk", flat=True))

    def clean_due_text(self):
        text = self.cleaned_data.get("due_text", "")
        try:
            rules.parse_due(text)
        except ParseError as error:
            raise ValidationError(str(error)) from error
        return text

    def clean(self):
        cleaned = super().clean()
        phase, program = cleaned.get("phase"), cleaned.get("program")
        if phase and program and phase.program_id != program.pk:
            self.add_error("phase", _("Giai đoạn thuộc văn bản khác."))
        try:
            workflow.check_bodies(
                cleaned.get("lead_agencies") or [],
                cleaned.get("lead_groups") or [],
                cleaned.get("coordinating_agencies") or [],
            )
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                for message in messages:
                    self.add_error(name, message)
        return cleaned

    def save(self, commit=True, user=None):
        data = self.cleaned_data
        return workflow.save_task(
            self.instance,
            lead_agencies=list(data["lead_agencies"]),
            lead_groups=list(data["lead_groups"]),
            coordinating_agencies=list(data["coordinating_agencies"]),
            coordinating_groups=list(data["coordinating_groups"]),
            user=user,
        )


class PeriodForm(ProgramChildForm):
    """A reporting period; for 6-month, 9-month, yearly, quarterly and monthly ones the dates and
    the title may be left empty and are filled by the Decree 09 cut-offs."""

    start_date = VietnameseDateField(label=_("Từ ngày"), required=False)
    end_date = VietnameseDateField(label=_("Đến ngày"), required=False)
    deadline = VietnameseDateField(label=_("Hạn nộp báo cáo"), required=False)

    class Meta:
        model = ReportingPeriod
        fields = ["program", "kind", "year", "number", "title", "start_date", "end_date", "deadline", "note"]
        help_texts = {"title": _("Để trống để dùng tên chuẩn, ví dụ “Báo cáo 6 tháng đầu năm 2026”.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].required = False

    def clean(self):
        cleaned = super().clean()
        kind, year, number = cleaned.get("kind"), cleaned.get("year"), cleaned.get("number")
        if kind in STANDARD_PERIODS and year and cleaned.get("program"):
            try:
                standard = workflow.standard_period(cleaned["program"], kind, year, number)
            except ValueError:
                self.add_error("number", _("Kỳ quý cần số quý 1-4, kỳ tháng cần số tháng 1-12."))
                return cleaned
            for name in ("title", "start_date", "end_date", "deadline"):
                if not cleaned.get(name):
                    cleaned[name] = getattr(standard, name)
                    setattr(self.instance, name, cleaned[name])
            cleaned["number"] = standard.number
            self.instance.number = standard.number
            clash = ReportingPeriod.objects.filter(
                program=cleaned["program"], kind=kind, year=year, number=standard.number
            ).exclude(pk=self.instance.pk)
            if clash.exists():
                self.add_error("kind", _("Văn bản này đã có kỳ báo cáo “%(title)s”.") % {"title": clash.first().title})
        else:
            for name in ("title", "start_date", "end_date", "deadline"):
                if not cleaned.get(name) and name not in self.errors:
                    self.add_error(
                        name, _("Kỳ báo cáo loại này cần nhập %(field)s.") % {"field": self.fields[name].label}
                    )
        return cleaned

    def save(self, commit=True, user=None):
        return workflow.save_period(self.instance, user)


class ReportForm(StyledFormMixin, forms.Form):
    """A lead body's progress report for one open period."""

    period = forms.ModelChoiceField(label=_("Kỳ báo cáo"), queryset=ReportingPeriod.objects.none())
    agency = forms.ModelChoiceField(label=_("Cơ quan báo cáo"), queryset=Agency.objects.none())
    progress = forms.ChoiceField(label=_("Tiến độ"), choices=Progress.choices)
    percent = forms.IntegerField(label=_("Phần trăm hoàn thành"), min_value=0, max_value=100)
    completed_on = VietnameseDateField(label=_("Ngày hoàn thành"), required=False)
    narrative = forms.CharField(label=_("Kết quả thực hiện"), widget=forms.Textarea(attrs={"rows": 5}))
    difficulties = forms.CharField(
        label=_("Khó khăn, vướng mắc"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    proposals = forms.CharField(label=_("Đề xuất, kiến nghị"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    files = MultipleFileField(
        label=_("Tệp minh chứng"), required=False, help_text=_("PDF, DOCX, XLSX, PNG, JPG; có thể chọn nhiều tệp.")
    )

    def __init__(self, *args, task, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        open_periods = task.program.periods.filter(state=PeriodState.OPEN).order_by("deadline")
        self.fields["period"].queryset = open_periods
        # The report most likely meant is the one due first.
        self.fields["period"].initial = open_periods.values_list("pk", flat=True).first()
        self.fields["agency"].queryset = agencies
        if len(agencies) == 1:
            self.fields["agency"].initial = agencies[0].pk
            self.fields["agency"].widget = forms.HiddenInput()


class ContributionForm(StyledFormMixin, forms.Form):
    period = forms.ModelChoiceField(label=_("Kỳ báo cáo"), queryset=ReportingPeriod.objects.none())
    agency = forms.ModelChoiceField(label=_("Cơ quan phối hợp"), queryset=Agency.objects.none())
    text = forms.CharField(label=_("Nội dung phối hợp"), widget=forms.Textarea(attrs={"rows": 5}))
    files = MultipleFileField(label=_("Tệp minh chứng"), required=False)

    def __init__(self, *args, task, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        open_periods = task.program.periods.filter(state=PeriodState.OPEN).order_by("deadline")
        self.fields["period"].queryset = open_periods
        # The report most likely meant is the one due first.
        self.fields["period"].initial = open_periods.values_list("pk", flat=True).first()
        self.fields["agency"].queryset = agencies
        if len(agencies) == 1:
            self.fields["agency"].initial = agencies[0].pk
            self.fields["agency"].widget = forms.HiddenInput()


class ReviewForm(StyledFormMixin, forms.Form):
    decision = forms.ChoiceField(
        label=_("Quyết định"), choices=[("accept", _("Chấp nhận")), ("return", _("Trả lại để bổ sung"))]
    )
    comment = forms.CharField(label=_("Ý kiến"), widget=forms.Textarea(attrs={"rows": 3}), required=False)


class MeasurementForm(StyledFormMixin, forms.ModelForm):
    as_of = VietnameseDateField(label=_("Số liệu tính đến ngày"))
    value = VietnameseDecimalField(label=_("Giá trị"))

    class Meta:
        model = Measurement
        fields = ["as_of", "value", "period", "source", "evidence", "note"]

    def __init__(self, *args, target, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.target = target
        self.fields["period"].queryset = target.program.periods.all()

    def clean_evidence(self):
        upload = self.cleaned_data.get("evidence")
        if upload and hasattr(upload, "size"):
            workflow.check_evidence_file(upload)
        return upload
