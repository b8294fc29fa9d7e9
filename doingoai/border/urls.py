from doingoai.core.urls import object_urls

from . import views
from .models import BorderGate, TradeRecord

app_name = "border"

urlpatterns = [
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
]
