from decimal import ROUND_HALF_UP, Decimal

from rest_framework import serializers

from subsidies.choices import SubsidyKind
from subsidies.models import AssessmentTaskScore, LoonwaardeAssessment, SubsidyApplication, SubsidyPayment
from wsp_platform.accounts.policy import placements_for_client
from wsp_platform.api.fields import ResourceUrlField, ScopedUUIDField

CENT = Decimal("0.01")


def euro(value) -> str:
    return str(Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP))


class TaskScoreSerializer(serializers.ModelSerializer):
    class Meta:
        model = AssessmentTaskScore
        fields = ["description", "performance_percentage"]
        extra_kwargs = {"performance_percentage": {"min_value": 0, "max_value": 100}}


class LoonwaardeAssessmentSerializer(serializers.ModelSerializer):
    url = ResourceUrlField("api:loonwaardeassessment-detail")
    placement = ScopedUUIDField(scope=placements_for_client, name="plaatsing")
    task_scores = TaskScoreSerializer(many=True, required=False)

    class Meta:
        model = LoonwaardeAssessment
        fields = ["url", "uuid", "placement", "assessed_on", "method", "method_name", "assessor", "percentage",
                  "normfunctie", "functieloon_per_hour", "next_due_on", "early_requested_by", "notes",
                  "task_scores", "created_at", "updated_at"]
        read_only_fields = ["uuid", "next_due_on", "early_requested_by", "created_at", "updated_at"]
        extra_kwargs = {
            "percentage": {"min_value": 0, "max_value": 100},
            "functieloon_per_hour": {"min_value": Decimal("0.01")},
        }


class LksStretchSerializer(serializers.Serializer):
    start = serializers.DateField()
    eind = serializers.DateField()
    wml_per_uur = serializers.CharField()
    loonwaarde = serializers.IntegerField()
    lks_per_uur = serializers.CharField()
    werkgeverslasten_per_uur = serializers.CharField()
    totaal_per_uur = serializers.CharField()
    bedrag = serializers.CharField()


class LksResultSerializer(serializers.Serializer):
    """The answer of the rekentool (and the read-only LKS of an application)."""

    wml_per_uur = serializers.CharField(help_text="Wettelijk minimumloon per uur voor de leeftijd, "
                                        "zonder vakantiebijslag (eerste periode).")
    lks_per_uur = serializers.CharField()
    werkgeverslasten_per_uur = serializers.CharField()
    totaal_per_uur = serializers.CharField()
    perioden = LksStretchSerializer(many=True)
    totaal = serializers.CharField(help_text="Totaal over de hele periode (euro).")


def lks_result_data(calculation) -> dict:
    first = calculation.first
    return {
        "wml_per_uur": euro(first.wml_per_hour),
        "lks_per_uur": euro(first.lks_per_hour),
        "werkgeverslasten_per_uur": euro(first.allowance_per_hour),
        "totaal_per_uur": euro(first.total_per_hour),
        "perioden": [
            {
                "start": s.start,
                "eind": s.end,
                "wml_per_uur": euro(s.wml_per_hour),
                "loonwaarde": s.loonwaarde,
                "lks_per_uur": euro(s.lks_per_hour),
                "werkgeverslasten_per_uur": euro(s.allowance_per_hour),
                "totaal_per_uur": euro(s.total_per_hour),
                "bedrag": euro(s.amount),
            }
            for s in calculation.stretches
        ],
        "totaal": euro(calculation.total),
    }


class SubsidyApplicationSerializer(serializers.ModelSerializer):
    url = ResourceUrlField("api:subsidyapplication-detail")
    placement = ScopedUUIDField(scope=placements_for_client, name="plaatsing")
    municipality = serializers.CharField(source="municipality.cbs_code", read_only=True)
    previous = serializers.UUIDField(source="previous.uuid", read_only=True, allow_null=True, default=None)
    details = serializers.DictField(required=False, help_text="Gegevens per soort aanvraag.")

    class Meta:
        model = SubsidyApplication
        fields = [
            "url", "uuid", "placement", "municipality", "kind", "status", "previous", "period_start", "period_end",
            "hours_per_week", "is_forfaitair", "amount_requested", "amount_granted", "amount_paid", "submitted_on",
            "decision_date", "decision_reference", "refusal_reason", "end_reason", "details", "employer_todo",
            "created_at", "updated_at",
        ]
        read_only_fields = [
            "uuid", "status", "amount_granted", "amount_paid", "submitted_on", "decision_date",
            "decision_reference", "refusal_reason", "end_reason", "created_at", "updated_at",
        ]
        extra_kwargs = {
            "hours_per_week": {"min_value": Decimal("0.1"), "max_value": 60},
            "amount_requested": {"min_value": 0},
        }

    def validate(self, attrs):
        if self.instance is not None and "placement" in attrs and attrs["placement"] != self.instance.placement:
            raise serializers.ValidationError({"placement": ["Een aanvraag verhuist niet naar een andere plaatsing."]})
        kind = attrs.get("kind", getattr(self.instance, "kind", None))
        if kind == SubsidyKind.LOONKOSTENSUBSIDIE and attrs.get("hours_per_week", getattr(
                self.instance, "hours_per_week", None)) is None:
            raise serializers.ValidationError(
                {"hours_per_week": ["Vul het aantal uren per week in: de LKS wordt per uur berekend."]}
            )
        return attrs


class PaymentSerializer(serializers.ModelSerializer):
    """One payment on a granted application; the rules (after the beschikking, not above the
    granted amount, not in the future) are checked by ``services.record_payment``."""

    class Meta:
        model = SubsidyPayment
        fields = ["uuid", "paid_on", "amount", "description", "reference", "created_at"]
        read_only_fields = ["uuid", "created_at"]


class SubsidyApplicationDetailSerializer(SubsidyApplicationSerializer):
    lks_berekening = serializers.SerializerMethodField(
        help_text="Berekende loonkostensubsidie over de periode (alleen lezen; null als dat niet kan)."
    )
    lks_melding = serializers.SerializerMethodField(help_text="Waarom de LKS niet berekend kon worden.")
    payments = PaymentSerializer(many=True, read_only=True, help_text="Uitbetalingen; samen amountPaid.")

    class Meta(SubsidyApplicationSerializer.Meta):
        fields = [*SubsidyApplicationSerializer.Meta.fields, "lks_berekening", "lks_melding", "payments"]

    def _lks(self, obj):
        if not hasattr(obj, "_api_lks"):
            obj._api_lks = None
            if obj.is_lks:
                from subsidies.selectors import lks_result_for

                obj._api_lks = lks_result_for(obj)
        return obj._api_lks

    def get_lks_berekening(self, obj) -> LksResultSerializer(allow_null=True):
        result = self._lks(obj)
        if result is None or result.calculation is None:
            return None
        return lks_result_data(result.calculation)

    def get_lks_melding(self, obj) -> str:
        result = self._lks(obj)
        return result.error if result is not None else ""


class SubmitSerializer(serializers.Serializer):
    submitted_on = serializers.DateField(required=False, allow_null=True, default=None)


class NoteSerializer(serializers.Serializer):
    note = serializers.CharField(required=False, allow_blank=True, default="", max_length=2000)


class GrantSerializer(serializers.Serializer):
    decision_date = serializers.DateField()
    decision_reference = serializers.CharField(max_length=60)
    amount_granted = serializers.DecimalField(max_digits=10, decimal_places=2, min_value=0)
    period_start = serializers.DateField(required=False, allow_null=True, default=None)
    period_end = serializers.DateField(required=False, allow_null=True, default=None)


class RefuseSerializer(serializers.Serializer):
    decision_date = serializers.DateField()
    reason = serializers.CharField(max_length=2000)


class ReasonSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=2000)


class EmptySerializer(serializers.Serializer):
    pass


class LksCalculationRequestSerializer(serializers.Serializer):
    """Input of ``POST /loonkostensubsidie/_bereken`` (Dutch field names, as municipal systems use)."""

    loonwaarde = serializers.IntegerField(
        min_value=0, max_value=100, help_text="Loonwaarde in hele procenten (0 tot en met 100).",
        error_messages={"min_value": "De loonwaarde ligt tussen 0 en 100%%.",
                        "max_value": "De loonwaarde ligt tussen 0 en 100%%."},
    )
    functieloon_per_uur = serializers.DecimalField(
        max_digits=7, decimal_places=2, min_value=Decimal("0.01"), coerce_to_string=True,
        help_text="Functieloon per uur in euro, zonder vakantiebijslag (decimale string).",
    )
    uren_per_week = serializers.DecimalField(
        max_digits=4, decimal_places=2, min_value=Decimal("0.01"), max_value=60,
        error_messages={"max_value": "Het aantal uren per week is ten hoogste 60."},
    )
    leeftijd = serializers.IntegerField(min_value=15, max_value=120, required=False, default=21,
                                        help_text="Leeftijd in jaren (voor het jeugdminimumloon); standaard 21.")
    periode_start = serializers.DateField()
    periode_eind = serializers.DateField()
    forfaitair = serializers.BooleanField(required=False, default=False)
    dienstverband_start = serializers.DateField(required=False, allow_null=True, default=None,
                                                help_text="Verplicht bij forfaitair: start van het dienstverband.")

    MAX_DAYS = 366 * 10

    def validate(self, attrs):
        errors = {}
        if attrs["periode_eind"] < attrs["periode_start"]:
            errors["periode_eind"] = ["De einddatum van de periode ligt vóór de begindatum."]
        elif (attrs["periode_eind"] - attrs["periode_start"]).days > self.MAX_DAYS:
            errors["periode_eind"] = ["De periode is langer dan tien jaar."]
        if attrs.get("forfaitair") and not attrs.get("dienstverband_start"):
            errors["dienstverband_start"] = ["Bij een forfaitaire LKS is de startdatum van het dienstverband nodig."]
        if errors:
            raise serializers.ValidationError(errors)
        return attrs
