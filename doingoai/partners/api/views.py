from doingoai.core.api import BaseViewSet

from ..filtersets import PartnerFilterSet
from ..models import Partner, PartnerContact
from .serializers import PartnerContactSerializer, PartnerSerializer


class PartnerViewSet(BaseViewSet):
    queryset = Partner.objects.prefetch_related("contacts").order_by("name")
    serializer_class = PartnerSerializer
    filterset_class = PartnerFilterSet


class PartnerContactViewSet(BaseViewSet):
    queryset = PartnerContact.objects.select_related("partner").order_by("partner__name", "name")
    serializer_class = PartnerContactSerializer
    filterset_fields = ["partner"]
