from rest_framework.routers import DefaultRouter

from .views import PartnerContactViewSet, PartnerViewSet

router = DefaultRouter(trailing_slash=True)
router.include_root_view = False
router.register("partners", PartnerViewSet, basename="partner")
router.register("partner-contacts", PartnerContactViewSet, basename="partnercontact")

urlpatterns = router.urls
