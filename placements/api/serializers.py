from rest_framework import serializers

from placements.choices import EndReason, IntroductionRoute, Origin, PlacementStatus
from placements.models import Placement, Proposal, Task, WorkAdjustment
from wsp_platform.accounts.policy import candidates_for_client, jobs_for_client, placements_for_client
from wsp_platform.api.fields import ResourceUrlField, ScopedUUIDField


class UUIDRef(serializers.UUIDField):
    """A read-only reference to a related record by its UUID (``source`` = "<fk>.uuid")."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)


class ProposalSerializer(serializers.ModelSerializer):
    url = ResourceUrlField("api:proposal-detail")
    candidate = ScopedUUIDField(scope=candidates_for_client, name="kandidaat")
    job = ScopedUUIDField(scope=jobs_for_client, name="baan")
    placement = UUIDRef(source="placement.uuid", allow_null=True, default=None,
                        help_text="De plaatsing die bij dit voorstel hoort.")
    origin = serializers.ChoiceField(choices=Origin.choices, write_only=True,
                                     help_text="Hoe de plaatsing ontstaat (een van de vijf routes).")
    introduction_route = serializers.ChoiceField(choices=IntroductionRoute.choices, write_only=True, required=False,
                                                 default=IntroductionRoute.GEEN)

    class Meta:
        model = Proposal
        fields = ["url", "uuid", "candidate", "job", "status", "motivation", "match_score", "proposed_on",
                  "responded_on", "response_reason", "placement", "origin", "introduction_route", "created_at",
                  "updated_at"]
        read_only_fields = ["uuid", "status", "proposed_on", "responded_on", "response_reason", "created_at",
                            "updated_at"]
        extra_kwargs = {"match_score": {"max_value": 100}}
        validators = []  # the service reports a duplicate open proposal on "job"


PLACEMENT_READ_ONLY = [
    "uuid", "status", "end_reason", "status_note", "introduction_start_date", "end_date", "origin",
    "created_at", "updated_at",
]


class PlacementSerializer(serializers.ModelSerializer):
    url = ResourceUrlField("api:placement-detail")
    candidate = UUIDRef(source="candidate.uuid")
    job = UUIDRef(source="job.uuid")
    employer = UUIDRef(source="employer.uuid")
    proposal = UUIDRef(source="proposal.uuid", allow_null=True, default=None)
    owner = serializers.CharField(source="owner.username", read_only=True, default=None, allow_null=True)
    end_reason = serializers.ChoiceField(choices=EndReason.choices, read_only=True, allow_blank=True,
                                         help_text="Reden van beëindiging (leeg zolang de plaatsing loopt).")

    class Meta:
        model = Placement
        fields = [
            "url", "uuid", "candidate", "job", "employer", "proposal", "owner", "origin", "introduction_route",
            "arrangement", "legal_employer", "detachering_fee_monthly", "status", "end_reason", "status_note",
            "is_beschut_werk", "introduction_start_date", "trial_end_date", "trial_decision", "start_date",
            "contract_end_date", "end_date", "hours_per_week", "supervisor_name",
            "supervisor_guidance_hours_per_day", "supervisor_status", "jobcoach_name", "jobcoach_organisation",
            "development_profile", "nazorg_interval_days", "created_at", "updated_at",
        ]
        read_only_fields = PLACEMENT_READ_ONLY

    def validate(self, attrs):
        instance = self.instance
        start = attrs.get("start_date", getattr(instance, "start_date", None))
        errors = {}
        contract_end = attrs.get("contract_end_date", getattr(instance, "contract_end_date", None))
        if start and contract_end and contract_end < start:
            errors["contract_end_date"] = ["Het contract eindigt vóór de startdatum."]
        end = getattr(instance, "end_date", None)
        if start and end and end < start:
            errors["start_date"] = ["De startdatum ligt na de einddatum van de plaatsing."]
        if errors:
            raise serializers.ValidationError(errors)
        return attrs


class PlacementTransitionSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=PlacementStatus.choices, help_text="De nieuwe status.")
    reason = serializers.CharField(required=False, allow_blank=True, default="", max_length=2000,
                                   help_text="Toelichting; verplicht (of endReason) bij beëindigen.")
    end_reason = serializers.ChoiceField(choices=EndReason.choices, required=False, allow_blank=True, default="")
    start_date = serializers.DateField(required=False, allow_null=True, default=None)
    trial_end_date = serializers.DateField(required=False, allow_null=True, default=None)
    end_date = serializers.DateField(required=False, allow_null=True, default=None)


class TaskSerializer(serializers.ModelSerializer):
    url = ResourceUrlField("api:task-detail")
    candidate = ScopedUUIDField(scope=candidates_for_client, name="kandidaat", required=False, allow_null=True)
    placement = ScopedUUIDField(scope=placements_for_client, name="plaatsing", required=False, allow_null=True)
    employer = UUIDRef(source="employer.uuid", allow_null=True, default=None)
    assignee = serializers.CharField(source="assignee.username", read_only=True, default=None, allow_null=True)

    class Meta:
        model = Task
        fields = ["url", "uuid", "title", "description", "kind", "status", "due_date", "candidate", "placement",
                  "employer", "assignee", "completed_at", "completion_note", "created_at", "updated_at"]
        read_only_fields = ["uuid", "kind", "status", "completed_at", "completion_note", "created_at", "updated_at"]

    def validate(self, attrs):
        if not attrs.get("candidate") and not attrs.get("placement"):
            raise serializers.ValidationError(
                {"candidate": ["Koppel de taak aan een kandidaat of een plaatsing van de eigen gemeente."]}
            )
        return attrs


class TaskCompleteSerializer(serializers.Serializer):
    note = serializers.CharField(required=False, allow_blank=True, default="", max_length=2000)


class WorkAdjustmentSerializer(serializers.ModelSerializer):
    """A werkaanpassing: the existing job or workplace adjusted for this person."""

    class Meta:
        model = WorkAdjustment
        fields = ["uuid", "adjustment_type", "made_on", "description", "reason", "owner", "outcome", "created_at"]
        read_only_fields = ["uuid", "created_at"]


class WorkAdjustmentListSerializer(serializers.Serializer):
    results = WorkAdjustmentSerializer(many=True)
