"""Forms for agencies, agency groups and users."""

from django import forms
from django.contrib.auth.forms import AuthenticationForm, BaseUserCreationForm, PasswordChangeForm, SetPasswordForm
from django.utils.translation import gettext_lazy as _

from doingoai.core.forms import BoundedModelMultipleChoiceField, LinesField, StyledFormMixin

from .choices import AgencyKind
from .models import Agency, AgencyGroup, User


class AgencyForm(StyledFormMixin, forms.ModelForm):
    aliases = LinesField(label=_("Tên gọi khác"), required=False, help_text=_("Mỗi dòng một cách viết."))

    class Meta:
        model = Agency
        fields = ["code", "name", "short_name", "kind", "parent", "is_border", "aliases", "email", "note"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        parents = Agency.objects.filter(is_active=True)
        if self.instance.pk:
            parents = parents.exclude(pk=self.instance.pk)
        self.fields["parent"].queryset = parents
        self.fields["parent"].empty_label = _("(không có)")


class AgencyGroupForm(StyledFormMixin, forms.ModelForm):
    aliases = LinesField(label=_("Cách viết khác"), required=False, help_text=_("Mỗi dòng một cách viết."))
    member_kinds = forms.MultipleChoiceField(
        label=_("Gồm mọi cơ quan thuộc loại"),
        choices=AgencyKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = AgencyGroup
        fields = ["code", "name", "aliases", "member_kinds", "border_only", "members", "note"]
        field_classes = {"members": BoundedModelMultipleChoiceField}
        widgets = {"members": forms.SelectMultiple(attrs={"size": 10})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["members"].queryset = Agency.objects.filter(is_active=True)


USER_FIELDS = ["username", "last_name", "first_name", "email", "agency", "role", "title", "phone"]


class UserCreateForm(StyledFormMixin, BaseUserCreationForm):
    class Meta:
        model = User
        fields = USER_FIELDS


class UserForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = User
        fields = USER_FIELDS


class StyledSetPasswordForm(StyledFormMixin, SetPasswordForm):
    """An administrator's reset of another user's password."""


class StyledPasswordChangeForm(StyledFormMixin, PasswordChangeForm):
    """A user's change of their own password."""


class StyledAuthenticationForm(StyledFormMixin, AuthenticationForm):
    """The sign-in form."""
