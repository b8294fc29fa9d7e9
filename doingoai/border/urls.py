from django.urls import path

from doingoai.core.urls import object_urls

from . import views
from .models import BorderGate, TradeRecord, TradeTarget

app_name = "border"

urlpatterns = [
    path("", views.TradeDashboardView.as_view(), name="dashboard"),
    path("trade/import/", views.TradeUploadView.as_view(), name="trade_upload"),
    path("trade/import/template.xlsx", views.TradeTemplateView.as_view(), name="trade_template"),
    path("trade/import/<int:pk>/", views.TradeImportDetailView.as_view(), name="tradeimport_detail"),
    *object_urls(
        "gates",
        BorderGate,
        list=views.BorderGateListView,
        detail=views.BorderGateDetailView,
        edit=views.BorderGateEditView,
    ),
    *object_urls(
        "trade",
        TradeRecord,
        list=views.TradeRecordListView,
        detail=views.TradeRecordDetailView,
        edit=views.TradeRecordEditView,
        activation=False,
    ),
    *object_urls(
        "targets",
        TradeTarget,
        list=views.TradeTargetListView,
        detail=views.TradeTargetDetailView,
        edit=views.TradeTargetEditView,
        activation=False,
    ),
]
