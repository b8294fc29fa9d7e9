"""Forms for mechanisms, meetings, commitments, the follow-up task made from a commitment,
agreements and their yearly evaluation."""

from django import forms
from django.utils.translation import gettext_lazy as _

from doingoai.core.forms import BoundedModelMultipleChoiceField, StyledFormMixin, owner_field
from doingoai.organizations.models import Agency
from doingoai.partners.models import Partner
from doingoai.programs.models import Program, Task
from doingoai.programs.services.workflow import check_evidence_file

from .choices import Rating
from .models import Agreement, Commitment, Mechanism, Meeting

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _checked(upload):
    """A newly uploaded document passes the evidence rules (kind by name and content, size)."""
    if upload and hasattr(upload, "content_type"):
        check_evidence_file(upload)
    return upload


class MechanismForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = Mechanism
        fields = [
            "name",
            "short_name",
            "level",
            "frequency",
            "members",
            "province_is_member",
            "established_count",
            "planned_count",
            "focal_agency",
            "note",
        ]
        field_classes = {"members": BoundedModelMultipleChoiceField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["members"].queryset = Partner.objects.filter(is_active=True)
        self.fields["focal_agency"].queryset = Agency.objects.filter(is_active=True)


class MeetingForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = Meeting
        fields = [
            "mechanism",
            "number",
            "year",
            "held_on",
            "place",
            "host",
            "our_head",
            "state",
            "outcome_document",
            "outcome_file",
            "stated_commitments",
            "note",
        ]
        widgets = {"held_on": DATE}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mechanism"].queryset = Mechanism.objects.filter(is_active=True)
        self.fields["host"].queryset = Partner.objects.filter(is_active=True)
        self.fields["host"].empty_label = _("(tỉnh ta đăng cai)")

    def clean_outcome_file(self):
        return _checked(self.cleaned_data.get("outcome_file"))


class CommitmentForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = Commitment
        fields = ["meeting", "number", "text", "topic", "responsible_text", "responsible_partners"]
        field_classes = {"responsible_partners": BoundedModelMultipleChoiceField}
        widgets = {"text": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = Meeting.objects.select_related("mechanism")
        self.fields["responsible_partners"].queryset = Partner.objects.filter(is_active=True)


class FollowUpTaskForm(StyledFormMixin, forms.Form):
    """The task the focal officer assigns to carry out a commitment: one lead agency, a deadline."""

    program = forms.ModelChoiceField(
        label=_("Thuộc văn bản"),
        queryset=Program.objects.filter(is_active=True),
        help_text=_("Kế hoạch triển khai kết quả hội đàm, hoặc chương trình có nội dung tương ứng."),
    )
    title = forms.CharField(label=_("Nội dung nhiệm vụ"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000)
    lead_agency = forms.ModelChoiceField(label=_("Cơ quan chủ trì"), queryset=Agency.objects.filter(is_active=True))
    coordinating_agencies = BoundedModelMultipleChoiceField(
        label=_("Cơ quan phối hợp"), queryset=Agency.objects.filter(is_active=True), required=False
    )
    due_text = forms.CharField(
        label=_("Thời hạn"),
        max_length=255,
        help_text=_("Ví dụ: “30/6/2026”, “Năm 2026”, “Quý III/2026”, “Thường xuyên”."),
    )
    expected_output = forms.CharField(
        label=_("Kết quả, sản phẩm"), widget=forms.Textarea(attrs={"rows": 2}), required=False, max_length=5000
    )


class AgreementForm(StyledFormMixin, forms.ModelForm):
    """An agreement; an agency officer may only file it under their own agency."""

    class Meta:
        model = Agreement
        fields = [
            "name",
            "form",
            "number",
            "partners",
            "owner_agency",
            "fields",
            "state",
            "mofa_opinion_number",
            "mofa_opinion_on",
            "other_opinions",
            "signer_name",
            "signer_title",
            "authorisation",
            "signed_on",
            "signed_at",
            "languages",
            "effective_on",
            "expires_on",
            "extended_to",
            "amendment",
            "suspended_on",
            "terminated_on",
            "signing_report",
            "signing_report_on",
            "implementation_plan",
            "tasks",
            "meeting",
            "signed_scan",
            "vietnamese_text",
            "note",
        ]
        field_classes = {"partners": BoundedModelMultipleChoiceField, "tasks": BoundedModelMultipleChoiceField}
        widgets = dict.fromkeys(
            (
                "mofa_opinion_on",
                "signed_on",
                "effective_on",
                "expires_on",
                "extended_to",
                "suspended_on",
                "terminated_on",
                "signing_report_on",
            ),
            DATE,
        )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partners"].queryset = Partner.objects.filter(is_active=True)
        owner_field(self, user)
        self.fields["implementation_plan"].queryset = Program.objects.filter(is_active=True)
        self.fields["tasks"].queryset = Task.objects.filter(is_active=True).select_related("program")
        self.fields["meeting"].queryset = Meeting.objects.select_related("mechanism")

    def clean_signed_scan(self):
        return _checked(self.cleaned_data.get("signed_scan"))

    def clean_vietnamese_text(self):
        return _checked(self.cleaned_data.get("vietnamese_text"))


class EvaluationForm(StyledFormMixin, forms.Form):
    year = forms.IntegerField(label=_("Năm đánh giá"), min_value=1945, max_value=2100)
    rating = forms.ChoiceField(label=_("Mức đánh giá"), choices=Rating.choices)
    narrative = forms.CharField(label=_("Kết quả thực hiện, đánh giá"), widget=forms.Textarea(attrs={"rows": 4}))
