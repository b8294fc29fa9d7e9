from rest_framework.routers import DefaultRouter

from .views import ConferenceViewSet, DelegationViewSet

router = DefaultRouter(trailing_slash=True)
router.include_root_view = False
router.register("delegations", DelegationViewSet)
router.register("conferences", ConferenceViewSet)

urlpatterns = router.urls
