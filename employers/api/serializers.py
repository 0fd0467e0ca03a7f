from rest_framework import serializers

from employers.models import ContactPerson, Employer, EmployerLocation, Job, JobRequirement, JobTask
from wsp_platform.accounts.policy import employers_for_client
from wsp_platform.api.fields import ResourceUrlField, ScopedUUIDField


class LocationSerializer(serializers.ModelSerializer):
    class Meta:
        model = EmployerLocation
        fields = ["uuid", "name", "street", "postcode", "city"]
        read_only_fields = fields


class EmployerSerializer(serializers.ModelSerializer):
    url = ResourceUrlField("api:employer-detail")
    region = serializers.CharField(source="region.name", read_only=True)
    account_holder = serializers.CharField(source="account_holder.username", read_only=True, default=None,
                                           allow_null=True)
    locations = LocationSerializer(many=True, read_only=True)

    class Meta:
        model = Employer
        fields = [
            "url", "uuid", "name", "kvk_number", "sector", "size_class", "is_public", "region", "pso_level",
            "banenafspraak_obligation", "banenafspraak_stance", "is_social_enterprise", "inclusion_stage",
            "service_style", "scope", "legal_requirements", "preferred_visit_interval_days", "account_holder",
            "locations", "created_at", "updated_at",
        ]
        read_only_fields = ["uuid", "created_at", "updated_at"]


class ContactPersonSerializer(serializers.ModelSerializer):
    url = ResourceUrlField("api:contactperson-detail")
    employer = ScopedUUIDField(scope=employers_for_client, name="werkgever")

    class Meta:
        model = ContactPerson
        fields = ["url", "uuid", "employer", "name", "job_title", "layer", "email", "phone", "is_champion",
                  "left_on", "leaving_on", "created_at", "updated_at"]
        read_only_fields = ["uuid", "created_at", "updated_at"]

    def validate_employer(self, value):
        if self.instance is not None and value != self.instance.employer:
            raise serializers.ValidationError("Een contactpersoon verhuist niet naar een andere werkgever.",
                                              code="immutable")
        return value


class JobTaskSerializer(serializers.ModelSerializer):
    class Meta:
        model = JobTask
        fields = ["uuid", "description", "hours_per_week", "physical_load", "mental_load", "pace", "stimuli",
                  "quiet_spot_possible"]
        read_only_fields = ["uuid"]


class JobRequirementSerializer(serializers.ModelSerializer):
    class Meta:
        model = JobRequirement
        fields = ["description", "is_hard"]
        read_only_fields = fields


class JobSerializer(serializers.ModelSerializer):
    url = ResourceUrlField("api:job-detail")
    employer = ScopedUUIDField(scope=employers_for_client, name="werkgever")
    tasks = JobTaskSerializer(many=True, required=False,
                              help_text="Taken van de baan; bij wijzigen vervangt een meegestuurde lijst de taken.")
    requirements = JobRequirementSerializer(many=True, read_only=True)

    class Meta:
        model = Job
        fields = [
            "url", "uuid", "employer", "title", "description", "kind", "creation_method", "status", "sector",
            "hours_per_week", "min_hours_per_week", "hourly_wage", "education_level", "is_generic", "open_since",
            "tasks", "requirements", "created_at", "updated_at",
        ]
        read_only_fields = ["uuid", "created_at", "updated_at"]

    def validate(self, attrs):
        kind = attrs.get("kind", getattr(self.instance, "kind", "regulier"))
        method = attrs.get("creation_method", getattr(self.instance, "creation_method", ""))
        if kind == "gecreeerd" and not method:
            raise serializers.ValidationError(
                {"creation_method": ["Een gecreëerde baan heeft een methode (bijv. jobcarving)."]}
            )
        if kind == "regulier" and method:
            raise serializers.ValidationError({"creation_method": ["Een reguliere vacature heeft geen methode."]})
        if self.instance is not None and "employer" in attrs and attrs["employer"] != self.instance.employer:
            raise serializers.ValidationError({"employer": ["Een baan verhuist niet naar een andere werkgever."]})
        return attrs
