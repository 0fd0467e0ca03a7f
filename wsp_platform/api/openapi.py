"""Shared OpenAPI pieces: the problem+json body and the error answers per kind of operation."""

from drf_spectacular.utils import OpenApiParameter, OpenApiResponse
from rest_framework import serializers


class InvalidParamSerializer(serializers.Serializer):
    name = serializers.CharField(help_text="Veldnaam (camelCase; genest als tasks.0.description).")
    code = serializers.CharField()
    reason = serializers.CharField(help_text="Foutmelding in het Nederlands.")


class ImportRowErrorSerializer(serializers.Serializer):
    index = serializers.IntegerField()
    invalid_params = InvalidParamSerializer(many=True)


class ProblemSerializer(serializers.Serializer):
    type = serializers.CharField()
    code = serializers.CharField()
    title = serializers.CharField()
    status = serializers.IntegerField()
    detail = serializers.CharField()
    instance = serializers.CharField()
    invalid_params = InvalidParamSerializer(many=True, required=False)
    rows = ImportRowErrorSerializer(many=True, required=False)


def _problem(description):
    return OpenApiResponse(response=ProblemSerializer, description=description)


PROBLEM_RESPONSES = {
    400: _problem("Ongeldige aanvraag (bijv. onbekende queryparameter)"),
    401: _problem("Geen of ongeldig token"),
    403: _problem("Scope ontbreekt"),
    404: _problem("Niet gevonden of geen toegang"),
    429: _problem("Te veel verzoeken"),
}
WRITE_RESPONSES = {
    **PROBLEM_RESPONSES,
    409: _problem("Conflict (statusovergang niet toegestaan, Idempotency-Key al gebruikt)"),
    412: _problem("If-Match komt niet overeen met de huidige ETag"),
    428: _problem("If-Match ontbreekt"),
}

IDEMPOTENCY_PARAMETER = OpenApiParameter(
    "Idempotency-Key", str, OpenApiParameter.HEADER, required=False,
    description="Unieke sleutel per aanmaakverzoek: een herhaald verzoek geeft het eerste antwoord terug.",
)
IF_MATCH_PARAMETER = OpenApiParameter(
    "If-Match", str, OpenApiParameter.HEADER, required=False,
    description="ETag van de resource; verplicht bij PUT en PATCH.",
)
