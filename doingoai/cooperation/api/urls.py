from rest_framework.routers import DefaultRouter

from .views import AgreementViewSet, CommitmentViewSet, MechanismViewSet, MeetingViewSet

router = DefaultRouter(trailing_slash=True)
router.include_root_view = False
router.register("mechanisms", MechanismViewSet)
router.register("meetings", MeetingViewSet)
router.register("commitments", CommitmentViewSet)
router.register("agreements", AgreementViewSet)

urlpatterns = router.urls
