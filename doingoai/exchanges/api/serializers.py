from django.core.exceptions import ValidationError as DjangoValidationError
from django_countries.serializer_fields import CountryField
from rest_framework import serializers

from doingoai.core.api import BaseModelSerializer

from .. import services
from ..models import Conference, Delegation, DelegationMember


class MemberSerializer(serializers.ModelSerializer):
    class Meta:
        model = DelegationMember
        fields = ["id", "name", "title", "agency", "passport_type"]


class DelegationSerializer(BaseModelSerializer):
    """A delegation with its members; `state` changes through the pages' actions (services.transition)."""

    countries = serializers.ListField(child=CountryField(), required=False)
    members = MemberSerializer(many=True, required=False)
    report_due = serializers.DateField(read_only=True)

    class Meta:
        model = Delegation
        fields = [
            "id",
            "display",
            "direction",
            "title",
            "owner_agency",
            "head_name",
            "head_title",
            "members",
            "partners",
            "countries",
            "start_on",
            "end_on",
            "purpose",
            "programme",
            "plan_year",
            "funding",
            "funding_amount",
            "state",
            "approval_number",
            "approval_on",
            "approval_signer",
            "returned_on",
            "report_number",
            "report_on",
            "report_due",
            "report_text",
            "commitments",
            "agreements",
            "cancel_reason",
            "note",
        ]
        read_only_fields = [
            "state",
            "approval_number",
            "approval_on",
            "approval_signer",
            "returned_on",
            "report_number",
            "report_on",
            "report_text",
            "cancel_reason",
        ]

    def validate(self, attrs):
        members = attrs.pop("members", None)
        attrs = super().validate(attrs)
        if members is not None:
            head = attrs.get("head_name", getattr(self.instance, "head_name", ""))
            try:
                services.check_members([head, *(m["name"] for m in members)])
            except DjangoValidationError as error:
                raise serializers.ValidationError({"members": error.messages}) from error
            attrs["members"] = members
        return attrs

    def create(self, validated_data):
        members = validated_data.pop("members", [])
        delegation = super().create(validated_data)
        for member in members:
            DelegationMember.objects.create(delegation=delegation, **member)
        return delegation

    def update(self, instance, validated_data):
        members = validated_data.pop("members", None)
        delegation = super().update(instance, validated_data)
        if members is not None:
            delegation.members.all().delete()
            for member in members:
                DelegationMember.objects.create(delegation=delegation, **member)
        return delegation


class ConferenceSerializer(BaseModelSerializer):
    state = serializers.SerializerMethodField()
    request_deadline = serializers.DateField(read_only=True)
    report_due = serializers.DateField(read_only=True)

    class Meta:
        model = Conference
        fields = [
            "id",
            "display",
            "title",
            "owner_agency",
            "co_organisers",
            "partners",
            "start_on",
            "end_on",
            "venue",
            "vietnamese_participants",
            "foreign_participants",
            "approval_level",
            "request_on",
            "request_deadline",
            "approval_number",
            "approval_on",
            "cancelled",
            "state",
            "report_on",
            "report_due",
            "report_text",
            "note",
        ]
        read_only_fields = ["report_on", "report_text"]

    def get_state(self, conference) -> str:
        return services.conference_state(conference).value
