"""Candidates in the REST API. The BSN can be written (it is stored encrypted through
the model's ``bsn`` setter) but is only ever read back masked."""

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import serializers

from candidates.models import Candidate, TargetGroupStatus
from candidates.services import DUPLICATE_BSN, bsn_in_use
from wsp_platform.accounts.models import Team
from wsp_platform.api.fields import ResourceUrlField, ScopedUUIDField
from wsp_platform.core.choices import Sector
from wsp_platform.core.validators import validate_bsn

MAX_IMPORT_ROWS = 1000


def teams_for_client(client):
    return Team.objects.filter(region_id=client.municipality.region_id)


def check_bsn(value: str, *, exclude_pk=None) -> str:
    try:
        validate_bsn(value)
    except DjangoValidationError as exc:
        raise serializers.ValidationError(exc.messages[0], code=exc.code or "invalid") from None
    if bsn_in_use(value, exclude_pk=exclude_pk):
        raise serializers.ValidationError(DUPLICATE_BSN, code="unique")
    return value


class TargetGroupSerializer(serializers.ModelSerializer):
    class Meta:
        model = TargetGroupStatus
        fields = ["group", "start_date", "end_date", "beschut_werk_stage", "source"]
        read_only_fields = fields


class CandidateSerializer(serializers.ModelSerializer):
    url = ResourceUrlField("api:candidate-detail")
    bsn = serializers.CharField(
        write_only=True, required=False, max_length=9, min_length=9,
        help_text="Burgerservicenummer (9 cijfers, elfproef). Alleen schrijven; terug komt alleen bsnGemaskeerd.",
    )
    bsn_masked = serializers.CharField(read_only=True, help_text="Alleen de laatste 4 cijfers.")
    municipality = serializers.CharField(source="municipality.cbs_code", read_only=True,
                                         help_text="CBS-code van de gemeente (die van de API-client).")
    team = ScopedUUIDField(scope=teams_for_client, name="team", required=False,
                           help_text="Team; leeg bij aanmaken: het eerste team van de regio.")
    owner = serializers.CharField(source="owner.username", read_only=True, default=None, allow_null=True)
    wished_sectors = serializers.ListField(child=serializers.ChoiceField(choices=Sector.choices), required=False)
    target_groups = TargetGroupSerializer(many=True, read_only=True)

    class Meta:
        model = Candidate
        fields = [
            "url", "uuid", "bsn", "bsn_masked", "first_name", "name_prefix", "last_name", "birth_date",
            "email", "phone", "street", "postcode", "city", "municipality", "benefit", "status", "team", "owner",
            "education_level", "hours_available_per_week", "available_days", "available_from", "travel_radius_km",
            "mobility", "work_fit_status", "wished_sectors", "experience", "interests", "motivation",
            "target_groups", "created_at", "updated_at",
        ]
        read_only_fields = ["uuid", "created_at", "updated_at"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Required when registering a person; optional (rectification only) when updating.
        self.fields["bsn"].required = self.instance is None

    def validate_bsn(self, value):
        return check_bsn(value, exclude_pk=self.instance.pk if self.instance else None)


class CandidateSearchSerializer(serializers.Serializer):
    bsn = serializers.CharField(write_only=True, help_text="Het BSN waarop gezocht wordt (nooit in de URL).")

    def validate_bsn(self, value):
        try:
            validate_bsn(value)
        except DjangoValidationError as exc:
            raise serializers.ValidationError(exc.messages[0], code=exc.code or "invalid") from None
        return value


class CandidateImportSerializer(serializers.Serializer):
    candidates = serializers.ListField(
        child=serializers.DictField(), min_length=1, max_length=MAX_IMPORT_ROWS,
        help_text=f"Maximaal {MAX_IMPORT_ROWS} kandidaten, elk met bsn; bestaande (zelfde BSN) worden bijgewerkt.",
    )


class ImportRowResultSerializer(serializers.Serializer):
    index = serializers.IntegerField()
    uuid = serializers.UUIDField()
    action = serializers.ChoiceField(choices=[("created", "aangemaakt"), ("updated", "bijgewerkt")])


class CandidateImportResultSerializer(serializers.Serializer):
    created = serializers.IntegerField()
    updated = serializers.IntegerField()
    results = ImportRowResultSerializer(many=True)
