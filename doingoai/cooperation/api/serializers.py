from rest_framework import serializers

from doingoai.core.api import BaseModelSerializer

from .. import services
from ..models import Agreement, AgreementEvaluation, Commitment, Mechanism, Meeting


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


class AgreementEvaluationSerializer(BaseModelSerializer):
    class Meta:
        model = AgreementEvaluation
        fields = ["id", "year", "rating", "narrative", "evaluated_on"]


class AgreementSerializer(BaseModelSerializer):
    current_state = serializers.SerializerMethodField()
    signing_report_due = serializers.DateField(read_only=True)
    valid_until = serializers.DateField(read_only=True)
    evaluations = AgreementEvaluationSerializer(many=True, read_only=True)

    class Meta:
        model = Agreement
        fields = [
            "id",
            "display",
            "name",
            "form",
            "number",
            "partners",
            "owner_agency",
            "fields",
            "state",
            "current_state",
            "mofa_opinion_number",
            "mofa_opinion_on",
            "other_opinions",
            "signer_name",
            "signer_title",
            "authorisation",
            "signed_on",
            "signed_at",
            "languages",
            "effective_on",
            "expires_on",
            "extended_to",
            "valid_until",
            "amendment",
            "suspended_on",
            "terminated_on",
            "signing_report",
            "signing_report_on",
            "signing_report_due",
            "implementation_plan",
            "tasks",
            "meeting",
            "signed_scan",
            "vietnamese_text",
            "evaluations",
            "note",
        ]
        read_only_fields = ["signed_scan", "vietnamese_text"]

    def get_current_state(self, agreement) -> str:
        return services.agreement_state(agreement).value
