"""Forms for partners and their contacts."""

from django import forms
from django.utils.translation import gettext_lazy as _

from doingoai.core.forms import StyledFormMixin

from .models import COUNTRY_ERROR, Partner, PartnerContact


class PartnerForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = Partner
        fields = ["name", "name_en", "name_native", "kind", "country", "parent", "relation", "since", "note"]
        widgets = {"since": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}
        error_messages = {"country": {"invalid_choice": COUNTRY_ERROR}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        parents = Partner.objects.filter(is_active=True)
        if self.instance.pk:
            parents = parents.exclude(pk=self.instance.pk)
        self.fields["parent"].queryset = parents
        self.fields["parent"].empty_label = _("(không có)")


class PartnerContactForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = PartnerContact
        fields = ["partner", "name", "title", "email", "phone", "note"]
