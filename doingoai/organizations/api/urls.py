from rest_framework.routers import DefaultRouter

from .views import AgencyGroupViewSet, AgencyViewSet, UserViewSet

router = DefaultRouter(trailing_slash=True)
router.register("agencies", AgencyViewSet)
router.register("agency-groups", AgencyGroupViewSet)
router.register("users", UserViewSet)

urlpatterns = router.urls
