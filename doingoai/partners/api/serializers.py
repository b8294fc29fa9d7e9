from django.utils.translation import gettext_lazy as _
from django_countries.serializer_fields import CountryField
from rest_framework import serializers

from doingoai.core.api import BaseModelSerializer

from ..models import Partner, PartnerContact


class PartnerContactSerializer(BaseModelSerializer):
    class Meta:
        model = PartnerContact
        fields = ["id", "display", "partner", "name", "title", "email", "phone", "note"]


class PartnerSerializer(BaseModelSerializer):
    country = CountryField(
        required=False,
        allow_blank=True,
        error_messages={
            "invalid_choice": _("Mã quốc gia “{input}” không có trong danh mục ISO 3166-1 (ví dụ: CN, LA, KR, JP).")
        },
    )
    country_name = serializers.CharField(read_only=True)
    contacts = PartnerContactSerializer(many=True, read_only=True)

    class Meta:
        model = Partner
        fields = [
            "id",
            "display",
            "name",
            "name_en",
            "name_native",
            "kind",
            "country",
            "country_name",
            "parent",
            "relation",
            "since",
            "note",
            "contacts",
            "is_active",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["is_active", "created_at", "updated_at"]
