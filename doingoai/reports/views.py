"""Pages of the periodic reports and the leadership dashboard."""

import dataclasses
import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views import View

from doingoai.core import permissions, views
from doingoai.core.exports import XLSX_MIME
from doingoai.core.permissions import Action
from doingoai.core.text import normalize
from doingoai.programs.choices import STATUS_SEVERITY, Trajectory

from . import dashboard, documents, filtersets, forms, services, tables
from .documents import SCORE_COLUMNS, TARGET_COLUMNS, TASK_COLUMNS
from .models import Report

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


class ReportListView(views.ObjectListView):
    model = Report
    table_class = tables.ReportTable
    filterset_class = filtersets.ReportFilterSet

    def get_queryset(self):
        return super().get_queryset().select_related("issuer")


class ReportDetailView(views.ObjectDetailView):
    model = Report

    def get_queryset(self):
        return super().get_queryset().select_related("issuer", "program", "issued_by")

    def get_context_data(self, obj):
        context = super().get_context_data(obj)
        data = obj.data
        context.update(
            as_of=datetime.date.fromisoformat(data["as_of"]) if data.get("as_of") else None,
            can_change=context["can_change"] and not obj.is_issued,
            can_delete=context["can_delete"] and not obj.is_issued,
            target_columns=documents.columns_for(TARGET_COLUMNS, data.get("targets", [])),
            task_columns=documents.columns_for(TASK_COLUMNS, data.get("tasks", [])),
            score_columns=documents.columns_for(SCORE_COLUMNS, data.get("scores", [])),
            status_counts=[(s.label, data.get("status_counts", {}).get(s.value, 0)) for s in STATUS_SEVERITY],
            trajectory_counts=[(t.label, data.get("trajectory_counts", {}).get(t.value, 0)) for t in Trajectory],
        )
        return context


class ReportEditView(views.ObjectEditView):
    """Add: choose the programme and period, and the draft is written from the data. Edit: its texts."""

    model = Report

    def get_form(self, obj, data=None, files=None):
        if obj is None:
            return forms.ReportCreateForm(data=data, user=self.request.user)
        return forms.ReportEditForm(data=data, instance=obj)

    def check(self, obj):
        super().check(obj)
        if obj is not None and obj.is_issued:
            raise PermissionDenied

    def save(self, form):
        return form.save(user=self.request.user)


class ReportActionView(View):
    """A POST on one report: refresh a draft from the data, issue it, or delete it."""

    action = None

    def post(self, request, pk):
        report = get_object_or_404(Report.objects.for_user(request.user).select_related("issuer"), pk=pk)
        permissions.require(request.user, Action.DELETE if self.action == "delete" else Action.CHANGE, report)
        try:
            if self.action == "refresh":
                services.refresh(report, request.user)
                messages.success(request, _("Đã lập lại dự thảo từ số liệu mới nhất."))
            elif self.action == "issue":
                report = services.issue(report, request.user)
                messages.success(request, _("Đã ban hành báo cáo số %(symbol)s.") % {"symbol": report.symbol})
            else:
                services.delete_draft(report, request.user)
                messages.success(request, _("Đã xóa dự thảo."))
                return HttpResponseRedirect(reverse("reports:report_list"))
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        return HttpResponseRedirect(report.get_absolute_url())


class ReportFileView(View):
    """The report as DOCX (Decree 30 layout) or its tables as XLSX."""

    kind = "docx"

    def get(self, request, pk):
        report = get_object_or_404(Report.objects.for_user(request.user).select_related("issuer"), pk=pk)
        permissions.require(request.user, Action.VIEW, report)
        if self.kind == "docx":
            content, mime = documents.report_docx(report), DOCX_MIME
        else:
            content, mime = documents.report_xlsx(report), XLSX_MIME
        name = slugify(normalize(f"bao-cao {report.symbol if report.number else 'du-thao'} {report.year}"))
        response = HttpResponse(content, content_type=mime)
        response["Content-Disposition"] = f'attachment; filename="{name}.{self.kind}"'
        return response


class DashboardView(View):
    """The leaders' dashboard: every registered widget, under the programme/field/period filters."""

    def get(self, request):
        board_filters = dashboard.DashboardFilters.from_query(request.GET)
        widgets = dashboard.compute(request.user, board_filters)
        context = {
            "title": _("Bảng điều hành"),
            "filters": board_filters,
            "filter_form": dashboard.FilterForm(request.GET or None),
            "widgets": widgets,
            "charts": [
                {"key": w.key, "chart": w.chart, "figures": [dataclasses.asdict(f) for f in w.figures]}
                for w in widgets
                if w.chart
            ],
        }
        return render(request, "reports/dashboard.html", context)
