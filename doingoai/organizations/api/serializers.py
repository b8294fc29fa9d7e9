from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import serializers

from doingoai.core.api import BaseModelSerializer

from ..models import Agency, AgencyGroup, User


class AgencySerializer(BaseModelSerializer):
    aliases = serializers.ListField(child=serializers.CharField(max_length=255), required=False)

    class Meta:
        model = Agency
        fields = [
            "id",
            "display",
            "code",
            "name",
            "short_name",
            "kind",
            "parent",
            "is_border",
            "aliases",
            "email",
            "note",
            "is_active",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["is_active", "created_at", "updated_at"]


class AgencyGroupSerializer(BaseModelSerializer):
    aliases = serializers.ListField(child=serializers.CharField(max_length=255), required=False)
    member_kinds = serializers.ListField(child=serializers.CharField(max_length=32), required=False)
    resolved_agencies = serializers.SerializerMethodField()

    class Meta:
        model = AgencyGroup
        fields = [
            "id",
            "display",
            "code",
            "name",
            "aliases",
            "members",
            "member_kinds",
            "border_only",
            "resolved_agencies",
            "note",
            "is_active",
        ]
        read_only_fields = ["is_active"]

    def get_resolved_agencies(self, group) -> list[int]:
        # Fetched once per response, however many groups it lists.
        if "active_agencies" not in self.context:
            self.context["active_agencies"] = Agency.active_profile()
        return sorted(group.resolved_ids(self.context["active_agencies"]))


class UserSerializer(BaseModelSerializer):
    password = serializers.CharField(write_only=True, required=False, style={"input_type": "password"})
    agency_name = serializers.CharField(source="agency.name", read_only=True, default=None)
    role_display = serializers.CharField(source="get_role_display", read_only=True)

    class Meta:
        model = User
        fields = [
            "id",
            "display",
            "username",
            "last_name",
            "first_name",
            "email",
            "agency",
            "agency_name",
            "role",
            "role_display",
            "title",
            "phone",
            "is_active",
            "last_login",
            "password",
        ]
        read_only_fields = ["is_active", "last_login"]

    def validate_password(self, value):
        try:
            password_validation.validate_password(value, self.instance)
        except DjangoValidationError as error:
            raise serializers.ValidationError(error.messages) from error
        return value

    def create(self, validated_data):
        password = validated_data.pop("password", None)
        user = User(**validated_data)
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.save()
        return user

    def update(self, instance, validated_data):
        password = validated_data.pop("password", None)
        user = super().update(instance, validated_data)
        if password:
            user.set_password(password)
            user.save(update_fields=["password"])
        return user
