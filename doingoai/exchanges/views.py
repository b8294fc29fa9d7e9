"""Pages for delegations (with their members and state changes) and conferences."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views import View

from doingoai.core import permissions, views
from doingoai.core.forms import add_errors
from doingoai.core.history import acting_user
from doingoai.core.permissions import Action
from doingoai.programs.services import queries

from . import filtersets, forms, services, tables
from .models import Conference, Delegation


class DelegationListView(views.ObjectListView):
    model = Delegation
    table_class = tables.DelegationTable
    filterset_class = filtersets.DelegationFilterSet

    def get_queryset(self):
        return super().get_queryset().select_related("owner_agency").prefetch_related("partners")


class DelegationDetailView(views.ObjectDetailView):
    """A delegation: its record, members, the actions its state allows, and the report due."""

    model = Delegation

    def get_queryset(self):
        return super().get_queryset().select_related("owner_agency", "programme")

    def get_context_data(self, obj):
        context = super().get_context_data(obj)
        actions = services.allowed_actions(obj) if context["can_change"] else []
        on = queries.today()
        context.update(
            members=obj.members.all(),
            partners=obj.partners.order_by("name"),
            actions=[
                (
                    action,
                    services.ACTION_LABELS[action],
                    forms.ACTION_FORMS[action]() if forms.ACTION_FORMS[action] else None,
                )
                for action in actions
            ],
            report_late=obj.state == "returned" and obj.report_due < on,
            commitments=obj.commitments.select_related("meeting__mechanism"),
            agreements=obj.agreements.all(),
        )
        return context


class DelegationEditView(views.ObjectEditView):
    """The delegation and its members (head included in the check for names listed twice)."""

    model = Delegation
    form_class = forms.DelegationForm
    template_name = "exchanges/delegation_edit.html"

    def get_form(self, obj, data=None, files=None):
        form = self.form_class(data=data, files=files, instance=obj, user=self.request.user)
        form.members = forms.MemberFormSet(
            data=data, instance=obj or Delegation(), prefix="members", head_name=(data or {}).get("head_name", "")
        )
        return form

    def save(self, form):
        if not form.members.is_valid():
            raise ValidationError(form.members.non_form_errors() or _("Hãy sửa danh sách thành viên."))
        delegation = form.instance
        permissions.require(self.request.user, Action.ADD if delegation.pk is None else Action.CHANGE, delegation)
        with transaction.atomic(), acting_user(self.request.user):
            delegation = form.save()
            form.members.instance = delegation
            form.members.save()
            delegation.refresh_search_text()
        return delegation


class DelegationActionView(View):
    """Approve, start, return, report or cancel a delegation (services.transition)."""

    def post(self, request, pk, action):
        if action not in services.TRANSITIONS:
            raise Http404
        delegation = get_object_or_404(Delegation.objects.for_user(request.user, Action.VIEW), pk=pk)
        permissions.require(request.user, Action.CHANGE, delegation)
        form_class = forms.ACTION_FORMS[action]
        form = form_class(request.POST) if form_class else None
        if form is not None and not form.is_valid():
            return self.refused(request, delegation, form)
        try:
            services.transition(delegation, action, request.user, **(form.cleaned_data if form else {}))
        except ValidationError as error:
            if form is None:
                messages.error(request, " ".join(error.messages))
                return HttpResponseRedirect(delegation.get_absolute_url())
            add_errors(form, error)
            return self.refused(request, delegation, form)
        messages.success(request, _("Đã cập nhật: %(state)s.") % {"state": delegation.get_state_display()})
        return HttpResponseRedirect(delegation.get_absolute_url())

    def refused(self, request, delegation, form):
        errors = "; ".join(message for messages_ in form.errors.values() for message in messages_)
        messages.error(request, _("Chưa cập nhật được: %(errors)s") % {"errors": errors})
        return HttpResponseRedirect(delegation.get_absolute_url())


class ConferenceListView(views.ObjectListView):
    model = Conference
    table_class = tables.ConferenceTable
    filterset_class = filtersets.ConferenceFilterSet

    def get_queryset(self):
        return super().get_queryset().select_related("owner_agency")


class ConferenceDetailView(views.ObjectDetailView):
    model = Conference

    def get_queryset(self):
        return super().get_queryset().select_related("owner_agency")

    def get_context_data(self, obj):
        context = super().get_context_data(obj)
        state = services.conference_state(obj)
        context.update(
            state=state,
            partners=obj.partners.order_by("name"),
            report_form=forms.ConferenceReportForm() if context["can_change"] and state == "held" else None,
        )
        return context


class ConferenceEditView(views.ObjectEditView):
    model = Conference
    form_class = forms.ConferenceForm

    def get_form(self, obj, data=None, files=None):
        return self.form_class(data=data, files=files, instance=obj, user=self.request.user)

    def save(self, form):
        conference = form.instance
        permissions.require(self.request.user, Action.ADD if conference.pk is None else Action.CHANGE, conference)
        conference = super().save(form)
        conference.refresh_search_text()
        return conference


class ConferenceReportView(View):
    def post(self, request, pk):
        conference = get_object_or_404(Conference.objects.for_user(request.user, Action.VIEW), pk=pk)
        form = forms.ConferenceReportForm(request.POST)
        try:
            if not form.is_valid():
                raise ValidationError(form.errors["report_text"])
            services.report_conference(conference, report_text=form.cleaned_data["report_text"], user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Đã ghi báo cáo kết quả hội nghị."))
        return HttpResponseRedirect(conference.get_absolute_url())
