"""Forms for delegations (with their members), the delegation's state changes, and conferences."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from doingoai.cooperation.models import Agreement, Commitment
from doingoai.core.forms import BoundedModelMultipleChoiceField, StyledFormMixin, owner_field, style_fields
from doingoai.partners.models import COUNTRY_ERROR, Partner
from doingoai.programs.models import Program

from . import services
from .models import Conference, Delegation, DelegationMember

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class DelegationForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = Delegation
        fields = [
            "direction",
            "title",
            "owner_agency",
            "head_name",
            "head_title",
            "partners",
            "countries",
            "start_on",
            "end_on",
            "purpose",
            "programme",
            "plan_year",
            "funding",
            "funding_amount",
            "commitments",
            "agreements",
            "note",
        ]
        field_classes = {
            "partners": BoundedModelMultipleChoiceField,
            "commitments": BoundedModelMultipleChoiceField,
            "agreements": BoundedModelMultipleChoiceField,
        }
        widgets = {"start_on": DATE, "end_on": DATE, "purpose": forms.Textarea(attrs={"rows": 3})}
        error_messages = {"countries": {"invalid_choice": COUNTRY_ERROR}}

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        owner_field(self, user)
        self.fields["partners"].queryset = Partner.objects.filter(is_active=True)
        self.fields["programme"].queryset = Program.objects.filter(is_active=True)
        self.fields["commitments"].queryset = Commitment.objects.select_related("meeting__mechanism")
        self.fields["agreements"].queryset = Agreement.objects.all()


class MemberForm(forms.ModelForm):
    class Meta:
        model = DelegationMember
        fields = ["name", "title", "agency", "passport_type"]


class BaseMemberFormSet(forms.BaseInlineFormSet):
    def __init__(self, *args, head_name: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.head_name = head_name
        for form in self.forms:
            style_fields(form.fields)

    def clean(self):
        super().clean()
        names = [self.head_name] if self.head_name else []
        for form in self.forms:
            if form.cleaned_data and not form.cleaned_data.get("DELETE") and form.cleaned_data.get("name"):
                names.append(form.cleaned_data["name"])
        try:
            services.check_members(names)
        except ValidationError as error:
            raise ValidationError(error.messages) from error


MemberFormSet = forms.inlineformset_factory(
    Delegation, DelegationMember, form=MemberForm, formset=BaseMemberFormSet, extra=3, can_delete=True
)


class ApproveForm(StyledFormMixin, forms.Form):
    approval_number = forms.CharField(label=_("Quyết định cử đoàn (số)"), max_length=100)
    approval_on = forms.DateField(label=_("Ngày quyết định"), widget=DATE)
    approval_signer = forms.CharField(label=_("Người ký quyết định"), max_length=255)


class ReturnForm(StyledFormMixin, forms.Form):
    returned_on = forms.DateField(label=_("Ngày về thực tế"), widget=DATE)


class ReportForm(StyledFormMixin, forms.Form):
    report_number = forms.CharField(label=_("Báo cáo kết quả (số)"), max_length=100, required=False)
    report_text = forms.CharField(label=_("Kết quả chuyến đi"), widget=forms.Textarea(attrs={"rows": 4}))


class CancelForm(StyledFormMixin, forms.Form):
    cancel_reason = forms.CharField(label=_("Lý do hủy"), widget=forms.Textarea(attrs={"rows": 2}))


ACTION_FORMS = {"approve": ApproveForm, "start": None, "return": ReturnForm, "report": ReportForm, "cancel": CancelForm}


class ConferenceForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = Conference
        fields = [
            "title",
            "owner_agency",
            "co_organisers",
            "partners",
            "start_on",
            "end_on",
            "venue",
            "vietnamese_participants",
            "foreign_participants",
            "approval_level",
            "request_on",
            "approval_number",
            "approval_on",
            "cancelled",
            "note",
        ]
        field_classes = {"partners": BoundedModelMultipleChoiceField}
        widgets = {"start_on": DATE, "end_on": DATE, "request_on": DATE, "approval_on": DATE}

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        owner_field(self, user)
        self.fields["partners"].queryset = Partner.objects.filter(is_active=True)


class ConferenceReportForm(StyledFormMixin, forms.Form):
    report_text = forms.CharField(label=_("Kết quả hội nghị"), widget=forms.Textarea(attrs={"rows": 4}))
