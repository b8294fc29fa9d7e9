from drf_spectacular.utils import extend_schema
from rest_framework.decorators import action
from rest_framework.response import Response

from doingoai.core.api import BaseViewSet

from .. import filtersets
from ..models import Agency, AgencyGroup, User
from .serializers import AgencyGroupSerializer, AgencySerializer, UserSerializer


class AgencyViewSet(BaseViewSet):
    """Agencies. `q` searches code, name, short name and aliases without diacritics; DELETE deactivates."""

    queryset = Agency.objects.all()
    serializer_class = AgencySerializer
    filterset_class = filtersets.AgencyFilterSet
    ordering_fields = ["code", "name", "kind", "updated_at"]


class AgencyGroupViewSet(BaseViewSet):
    """Groups for collective phrases; `resolved_agencies` lists the agencies each stands for."""

    queryset = AgencyGroup.objects.prefetch_related("members")
    serializer_class = AgencyGroupSerializer
    filterset_class = filtersets.AgencyGroupFilterSet
    ordering_fields = ["code", "name"]


class UserViewSet(BaseViewSet):
    """Users; only administrators change them. `me` is the signed-in user."""

    queryset = User.objects.select_related("agency")
    serializer_class = UserSerializer
    filterset_class = filtersets.UserFilterSet
    ordering_fields = ["username", "last_name", "agency__name"]

    @extend_schema(responses=UserSerializer)
    @action(detail=False, methods=["get"])
    def me(self, request):
        user = User.objects.select_related("agency").get(pk=request.user.pk)
        return Response(self.get_serializer(user).data)
