"""Pages for mechanisms, meetings, commitments (and the follow-up task made from one) and agreements."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views import View

from doingoai.core import permissions, views
from doingoai.core.forms import add_errors
from doingoai.core.permissions import Action
from doingoai.programs.models import Task
from doingoai.programs.services import queries

from . import filtersets, forms, services, tables
from .models import Agreement, Commitment, Mechanism, Meeting


class MechanismListView(views.ObjectListView):
    model = Mechanism
    table_class = tables.MechanismTable
    filterset_class = filtersets.MechanismFilterSet

    def get_queryset(self):
        return super().get_queryset().prefetch_related("members")


class MechanismDetailView(views.ObjectDetailView):
    """A mechanism: its members, its meetings (newest first) and the next one."""

    model = Mechanism

    def get_queryset(self):
        return super().get_queryset().select_related("focal_agency")

    def get_context_data(self, obj):
        context = super().get_context_data(obj)
        context.update(
            members=obj.members.order_by("country", "name"),
            meetings=obj.meetings.select_related("host").annotate(commitment_count=Count("commitments")),
            next_meeting=services.next_meeting(obj),
            can_add_meeting=permissions.can(self.request.user, Action.ADD, Meeting),
        )
        return context


class MechanismEditView(views.ObjectEditView):
    model = Mechanism
    form_class = forms.MechanismForm


class MeetingListView(views.ObjectListView):
    model = Meeting
    table_class = tables.MeetingTable
    filterset_class = filtersets.MeetingFilterSet

    def get_queryset(self):
        return (
            super().get_queryset().select_related("mechanism", "host").annotate(commitment_count=Count("commitments"))
        )


class MeetingDetailView(views.ObjectDetailView):
    """A meeting: its outcome document and its commitments, each with the status of its follow-up tasks."""

    model = Meeting

    def get_queryset(self):
        return super().get_queryset().select_related("mechanism", "host")

    def get_context_data(self, obj):
        context = super().get_context_data(obj)
        user = self.request.user
        commitments = services.with_states(
            Commitment.objects.for_user(user, Action.VIEW).filter(meeting=obj).prefetch_related("responsible_partners")
        )
        context.update(
            commitments=commitments,
            can_add_commitment=permissions.can(user, Action.ADD, Commitment),
            can_follow_up=permissions.can(user, Action.ADD, Task),
        )
        return context


class MeetingEditView(views.ObjectEditView):
    model = Meeting
    form_class = forms.MeetingForm

    def get_form(self, obj, data=None, files=None):
        initial = {"mechanism": self.request.GET.get("mechanism")} if obj is None else None
        return self.form_class(data=data, files=files, instance=obj, initial=initial)


class CommitmentListView(views.ObjectListView):
    model = Commitment
    table_class = tables.CommitmentTable
    filterset_class = filtersets.CommitmentFilterSet

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("meeting__mechanism")
            .prefetch_related("responsible_partners")
            .annotate(task_count=Count("tasks", distinct=True))
        )


class CommitmentDetailView(views.ObjectDetailView):
    model = Commitment
    template_name = "cooperation/commitment_detail.html"

    def get_queryset(self):
        return super().get_queryset().select_related("meeting__mechanism")

    def get_context_data(self, obj):
        context = super().get_context_data(obj)
        (commitment,) = services.with_states(Commitment.objects.filter(pk=obj.pk))
        context.update(
            commitment=commitment,
            can_follow_up=permissions.can(self.request.user, Action.ADD, Task),
        )
        return context


class CommitmentEditView(views.ObjectEditView):
    model = Commitment
    form_class = forms.CommitmentForm

    def get_form(self, obj, data=None, files=None):
        initial = None
        if obj is None:
            meeting = self.request.GET.get("meeting", "")
            following = Commitment.objects.filter(meeting_id=meeting).count() + 1 if meeting.isdigit() else None
            initial = {"meeting": meeting, "number": following}
        return self.form_class(data=data, files=files, instance=obj, initial=initial)


class FollowUpTaskView(View):
    """From a commitment, the focal officer creates a task of the monitoring core to carry it out."""

    template_name = "cooperation/follow_up.html"

    def get_commitment(self):
        commitment = get_object_or_404(
            Commitment.objects.for_user(self.request.user, Action.VIEW).select_related("meeting__mechanism"),
            pk=self.kwargs["pk"],
        )
        permissions.require(self.request.user, Action.ADD, Task)
        permissions.require(self.request.user, Action.CHANGE, commitment)
        return commitment

    def respond(self, commitment, form, status=200):
        context = {"commitment": commitment, "form": form, "title": _("Giao nhiệm vụ triển khai nhận thức chung")}
        return render(self.request, self.template_name, context, status=status)

    def get(self, request, pk):
        commitment = self.get_commitment()
        return self.respond(commitment, forms.FollowUpTaskForm(initial={"title": commitment.text}))

    def post(self, request, pk):
        commitment = self.get_commitment()
        form = forms.FollowUpTaskForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                task = services.create_follow_up_task(
                    commitment,
                    program=data["program"],
                    title=data["title"],
                    lead_agencies=[data["lead_agency"]],
                    coordinating_agencies=list(data["coordinating_agencies"]),
                    due_text=data["due_text"],
                    expected_output=data["expected_output"],
                    user=request.user,
                )
            except ValidationError as error:
                add_errors(form, error)
            else:
                messages.success(request, _("Đã giao nhiệm vụ “%(task)s”.") % {"task": task})
                return HttpResponseRedirect(commitment.get_absolute_url())
        messages.error(request, _("Chưa lưu được: hãy sửa các ô báo lỗi bên dưới."))
        return self.respond(commitment, form, status=400)


class AgreementListView(views.ObjectListView):
    model = Agreement
    table_class = tables.AgreementTable
    filterset_class = filtersets.AgreementFilterSet

    def get_queryset(self):
        agreements = super().get_queryset().select_related("owner_agency").prefetch_related("partners", "evaluations")
        return services.with_current_state(agreements)


class AgreementDetailView(views.ObjectDetailView):
    """An agreement: its record, the 15-day report and expiry, files, implementing tasks, evaluations."""

    model = Agreement

    def get_queryset(self):
        return super().get_queryset().select_related("owner_agency", "implementation_plan", "meeting__mechanism")

    def get_context_data(self, obj):
        context = super().get_context_data(obj)
        on = queries.today()
        tasks = queries.with_status(obj.tasks.all()).select_related("program").order_by("deadline", "pk")
        context.update(
            state=services.agreement_state(obj, on),
            report_overdue=services.signing_report_overdue(obj, on),
            expiry_threshold=services.expiry_threshold(obj, on),
            days_left=(obj.valid_until - on).days if obj.valid_until else None,
            partners=obj.partners.order_by("name"),
            tasks=[(task, queries.status_of_rank(task.status_rank)) for task in tasks],
            evaluations=obj.evaluations.order_by("-year"),
            evaluation_form=forms.EvaluationForm(initial={"year": on.year}) if context["can_change"] else None,
        )
        return context


class AgreementEditView(views.ObjectEditView):
    model = Agreement
    form_class = forms.AgreementForm

    def get_form(self, obj, data=None, files=None):
        return self.form_class(data=data, files=files, instance=obj, user=self.request.user)

    def save(self, form):
        agreement = form.instance
        permissions.require(self.request.user, Action.ADD if agreement.pk is None else Action.CHANGE, agreement)
        return super().save(form)


class AgreementEvaluateView(View):
    """Record the year's evaluation of an agreement (from its page)."""

    def post(self, request, pk):
        agreement = get_object_or_404(Agreement.objects.for_user(request.user, Action.VIEW), pk=pk)
        permissions.require(request.user, Action.CHANGE, agreement)
        form = forms.EvaluationForm(request.POST)
        if form.is_valid():
            try:
                services.add_evaluation(agreement, user=request.user, **form.cleaned_data)
            except ValidationError as error:
                add_errors(form, error)
            else:
                messages.success(request, _("Đã ghi đánh giá năm %(year)s.") % {"year": form.cleaned_data["year"]})
                return HttpResponseRedirect(agreement.get_absolute_url())
        errors = "; ".join(" ".join(messages_) for messages_ in form.errors.values())
        messages.error(request, _("Chưa ghi được đánh giá: %(errors)s") % {"errors": errors})
        return HttpResponseRedirect(agreement.get_absolute_url())
