"""Partner pages, built from the generic views of core."""

from doingoai.core import permissions, views
from doingoai.core.permissions import Action

from . import filtersets, forms, services, tables
from .models import Partner, PartnerContact


class PartnerListView(views.ObjectListView):
    model = Partner
    table_class = tables.PartnerTable
    filterset_class = filtersets.PartnerFilterSet

    def get_queryset(self):
        return super().get_queryset().select_related("parent")


class PartnerDetailView(views.ObjectDetailView):
    """The partner page: its names and contacts, the partners under it, and everything linked to it."""

    model = Partner

    def get_queryset(self):
        return super().get_queryset().select_related("parent")

    def get_context_data(self, obj):
        context = super().get_context_data(obj)
        user = self.request.user
        context.update(
            children=obj.children.order_by("name"),
            contacts=PartnerContact.objects.for_user(user, Action.VIEW).filter(partner=obj),
            sections=services.related(obj, user),
            can_add_contact=permissions.can(user, Action.ADD, PartnerContact),
        )
        return context


class PartnerEditView(views.ObjectEditView):
    model = Partner
    form_class = forms.PartnerForm


class PartnerContactEditView(views.ObjectEditView):
    model = PartnerContact
    form_class = forms.PartnerContactForm

    def get_form(self, obj, data=None, files=None):
        initial = {"partner": self.request.GET.get("partner")} if obj is None else None
        return self.form_class(data=data, files=files, instance=obj, initial=initial)
