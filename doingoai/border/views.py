"""Pages for border gates (each with its trade and its planned upgrades), trade records, the
upload of trade files with its progress, the targets measured from trade, and the trade dashboard."""

import datetime
from urllib.parse import urlencode

from django.db import transaction
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View

from doingoai.core import permissions, views
from doingoai.core.exports import XLSX_MIME
from doingoai.core.permissions import Action
from doingoai.programs.services import queries

from . import dashboard, filtersets, forecast, forms, imports, services, tables
from .models import BorderGate, GateUpgrade, TradeImport, TradeRecord, TradeTarget
from .tasks import run_trade_import


class BorderGateListView(views.ObjectListView):
    model = BorderGate
    table_class = tables.BorderGateTable
    filterset_class = filtersets.BorderGateFilterSet

    def get_queryset(self):
        return super().get_queryset().select_related("counterpart_partner", "commune")


class BorderGateDetailView(views.ObjectDetailView):
    """A gate: its trade year by year with growth, and its planned upgrades with their tasks' status."""

    model = BorderGate

    def get_queryset(self):
        return super().get_queryset().select_related("counterpart_partner", "commune")

    def get_context_data(self, obj):
        context = super().get_context_data(obj)
        upgrades = GateUpgrade.objects.filter(gate=obj).select_related("task")
        context.update(
            years=services.yearly_with_growth(TradeRecord.objects.filter(gate=obj)),
            upgrades=[
                (u, queries.task_status(u.task) if u.task else None) for u in upgrades.prefetch_related("task__leads")
            ],
            illustrative=TradeRecord.objects.filter(gate=obj, illustrative=True).exists(),
        )
        return context


class BorderGateEditView(views.ObjectEditView):
    model = BorderGate
    form_class = forms.BorderGateForm


class TradeRecordListView(views.ObjectListView):
    model = TradeRecord
    table_class = tables.TradeRecordTable
    filterset_class = filtersets.TradeRecordFilterSet

    def get_queryset(self):
        return super().get_queryset().select_related("gate")


class TradeRecordDetailView(views.ObjectDetailView):
    model = TradeRecord


class TradeRecordEditView(views.ObjectEditView):
    model = TradeRecord
    form_class = forms.TradeRecordForm

    def save(self, form):
        with transaction.atomic():
            record = super().save(form)
            services.feed_targets(self.request.user)
        return record


class TradeTargetListView(views.ObjectListView):
    model = TradeTarget
    table_class = tables.TradeTargetTable
    filterset_class = filtersets.TradeTargetFilterSet

    def get_queryset(self):
        return super().get_queryset().select_related("target__program", "gate")


class TradeTargetDetailView(views.ObjectDetailView):
    model = TradeTarget


class TradeTargetEditView(views.ObjectEditView):
    model = TradeTarget
    form_class = forms.TradeTargetForm

    def save(self, form):
        with transaction.atomic():
            link = super().save(form)
            services.feed_targets(self.request.user)
        return link


class TradeTemplateView(View):
    """The XLSX template of the import: the header row and one example row."""

    def get(self, request):
        permissions.require(request.user, Action.ADD, TradeRecord)
        response = HttpResponse(imports.template_xlsx(), content_type=XLSX_MIME)
        response["Content-Disposition"] = 'attachment; filename="mau-so-lieu-kim-ngach.xlsx"'
        return response


class TradeUploadView(View):
    """Upload a file of trade figures: it is stored, and a background job checks and applies it
    while the job's page shows how far it has got."""

    template_name = "border/trade_upload.html"

    def get(self, request):
        permissions.require(request.user, Action.ADD, TradeRecord)
        return self.respond(forms.TradeUploadForm())

    def post(self, request):
        permissions.require(request.user, Action.ADD, TradeRecord)
        form = forms.TradeUploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.respond(form, status=400)
        upload = form.cleaned_data["file"]
        job = TradeImport.objects.create(file=upload, name=upload.name, uploaded_by=request.user)
        run_trade_import.enqueue(job.pk)
        return HttpResponseRedirect(job.get_absolute_url())

    def respond(self, form, status=200):
        recent = TradeImport.objects.for_user(self.request.user).select_related("uploaded_by")[:10]
        context = {"title": _("Nhập số liệu kim ngạch từ tệp"), "form": form, "recent": recent}
        return render(self.request, self.template_name, context, status=status)


class TradeImportDetailView(View):
    """An import's progress (the page polls its own fragment until the job is over) and its outcome."""

    def get(self, request, pk):
        job = get_object_or_404(TradeImport.objects.for_user(request.user).select_related("uploaded_by"), pk=pk)
        permissions.require(request.user, Action.VIEW, job)
        context = {"title": _("Nhập tệp “%(name)s”") % {"name": job.name}, "job": job}
        if request.htmx:
            return render(request, "border/partials/trade_import_progress.html", context)
        return render(request, "border/tradeimport_detail.html", context)


class TradeDashboardView(View):
    """Trade for leaders: the headline totals, the trend with its forecast band, the breakdowns by
    gate, flow and commodity group (each a drill-down), the targets against the statistics and the
    forecast, and all of it as Excel."""

    def get(self, request):
        form = forms.TradeDashboardForm(request.GET or None)
        chosen = form.cleaned_data if form.is_valid() else {}
        records = TradeRecord.objects.for_user(request.user, Action.VIEW)
        if chosen.get("gate"):
            records = records.filter(gate=chosen["gate"])
        if chosen.get("flow"):
            records = records.filter(flow=chosen["flow"])
        if chosen.get("commodity"):
            records = records.filter(commodity=chosen["commodity"])
        years, series = dashboard.read(records)
        headline = dashboard.headline(years)
        year = chosen.get("year") or (headline["last_year"]["period"].year if headline["last_year"] else None)
        targets = dashboard.target_checks(request.user)
        target_year = max((check.link.target.year for check in targets), default=None)
        horizon = chosen.get("horizon") or dashboard.horizon_for(series, target_year)
        prediction, forecast_error = None, ""
        try:
            prediction = dashboard.cached_forecast(series, horizon) if series else None
        except forecast.ForecastError as error:
            forecast_error = str(error)
        breakdowns = {by: dashboard.breakdown(records, by, year) for by in ("gate", "flow", "commodity")}
        breakdowns["commodity"] = breakdowns["commodity"][: dashboard.TOP_COMMODITIES]
        if request.GET.get("export") == "xlsx":
            content = dashboard.workbook(years, series, breakdowns, prediction, targets, year)
            response = HttpResponse(content, content_type=XLSX_MIME)
            name = f"kim-ngach-xuat-nhap-khau-{timezone.localdate():%Y-%m-%d}.xlsx"
            response["Content-Disposition"] = f'attachment; filename="{name}"'
            return response
        # The drill-down links keep the valid choices only.
        kept = ("gate", "flow", "commodity", "horizon")
        query = {key: getattr(chosen[key], "pk", chosen[key]) for key in kept if chosen.get(key)}
        context = {
            "title": _("Kim ngạch xuất nhập khẩu qua cửa khẩu"),
            "form": form,
            "years": years,
            "headline": headline,
            "year": year,
            "breakdowns": breakdowns,
            "prediction": prediction,
            "forecast_error": forecast_error,
            "targets": targets,
            "illustrative": records.filter(illustrative=True).exists(),
            "export_url": "?" + urlencode({**query, **({"year": year} if year else {}), "export": "xlsx"}),
            "charts": chart_data(query, years, series, breakdowns, prediction, year),
            "may_import": permissions.can(request.user, Action.ADD, TradeRecord),
            "breakdown_titles": [
                ("gate", _("Theo cửa khẩu (triệu USD)")),
                ("flow", _("Theo loại hình (triệu USD)")),
                ("commodity", _("Nhóm hàng lớn nhất (triệu USD)")),
            ],
        }
        return render(request, "border/dashboard.html", context)


MILLION = 1_000_000


def chart_data(query: dict, years, series, breakdowns, prediction, year) -> dict:
    """The charts' data in million USD, each point with the URL it drills down to: a gate, flow or
    commodity group narrows the dashboard; a year shows that year's breakdowns; a month opens its records."""
    dashboard_url = reverse("border:dashboard")
    records_url = reverse("border:traderecord_list")
    list_filters = {key: value for key, value in query.items() if key in ("gate", "flow", "commodity")}

    def narrowed(**extra) -> str:
        return dashboard_url + "?" + urlencode({**query, **({"year": year} if year else {}), **extra})

    def month_url(month: datetime.date) -> str:
        return records_url + "?" + urlencode({**list_filters, "month_from": month, "month_to": month})

    trend = {
        "labels": {
            "actual": _("Thực tế"),
            "forecast": _("Dự báo (trung vị)"),
            "band80": _("Khoảng dự báo 80%"),
            "band95": _("Khoảng dự báo 95%"),
        },
        "actual": [[month.isoformat(), round(value / MILLION, 3), month_url(month)] for month, value in series.items()],
    }
    if prediction:
        months = [month.isoformat() for month in prediction.months]

        def scaled(values):
            return [round(value / MILLION, 3) for value in values]

        trend.update(
            months=months,
            median=scaled(prediction.median),
            low80=scaled(prediction.low80),
            high80=scaled(prediction.high80),
            low95=scaled(prediction.low95),
            high95=scaled(prediction.high95),
        )
    return {
        "trend": trend,
        "years": [
            {
                "name": str(row["period"].year),
                "value": round(float(row["value"]) / MILLION, 1),
                "growth": None if row["growth"] is None else round(row["growth"] * 100, 1),
                "url": narrowed(year=row["period"].year),
            }
            for row in years
        ],
        "gate": [
            {"name": row["label"], "value": round(float(row["value"]) / MILLION, 2), "url": narrowed(gate=row["key"])}
            for row in breakdowns["gate"]
        ],
        "flow": [
            {"name": row["label"], "value": round(float(row["value"]) / MILLION, 2), "url": narrowed(flow=row["key"])}
            for row in breakdowns["flow"]
        ],
        "commodity": [
            {
                "name": row["label"],
                "value": round(float(row["value"]) / MILLION, 2),
                "url": narrowed(commodity=row["key"]),
            }
            for row in breakdowns["commodity"]
        ],
    }
