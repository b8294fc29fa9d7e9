from rest_framework import serializers

from doingoai.core.api import BaseModelSerializer

from ..models import Commitment, Mechanism, Meeting


class MechanismSerializer(BaseModelSerializer):
    class Meta:
        model = Mechanism
        fields = [
            "id",
            "display",
            "name",
            "short_name",
            "level",
            "frequency",
            "members",
            "province_is_member",
            "established_count",
            "planned_count",
            "focal_agency",
            "note",
            "is_active",
        ]
        read_only_fields = ["is_active"]


class MeetingSerializer(BaseModelSerializer):
    class Meta:
        model = Meeting
        fields = [
            "id",
            "display",
            "mechanism",
            "number",
            "year",
            "held_on",
            "place",
            "host",
            "our_head",
            "state",
            "outcome_document",
            "outcome_file",
            "stated_commitments",
            "note",
        ]
        read_only_fields = ["outcome_file"]


class CommitmentSerializer(BaseModelSerializer):
    state = serializers.SerializerMethodField()

    class Meta:
        model = Commitment
        fields = [
            "id",
            "display",
            "meeting",
            "number",
            "text",
            "topic",
            "responsible_text",
            "responsible_partners",
            "tasks",
            "state",
        ]
        read_only_fields = ["tasks"]

    def get_state(self, commitment) -> str:
        # Set by the viewset (services.with_states) for the rows of a response.
        return getattr(commitment, "state", "")
