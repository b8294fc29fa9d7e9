from django.urls import path
from rest_framework.routers import DefaultRouter

from .views import BorderGateViewSet, TradeRecordViewSet, TradeSummaryView

router = DefaultRouter(trailing_slash=True)
router.include_root_view = False
router.register("border-gates", BorderGateViewSet)
router.register("trade-records", TradeRecordViewSet)

urlpatterns = [path("trade/summary/", TradeSummaryView.as_view(), name="trade-summary"), *router.urls]
