"""Matching in the API: ranked candidates for a job, ranked jobs for a candidate,
each with the score and the explanation per criterion (placements.matching)."""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from placements import matching
from wsp_platform.accounts.policy import candidates_for_client, jobs_for_client
from wsp_platform.api.base import ApiViewMixin
from wsp_platform.api.openapi import PROBLEM_RESPONSES

TAG = "matching"
MAX_LIMIT = 50


class MatchReasonSerializer(serializers.Serializer):
    criterion = serializers.ChoiceField(choices=[c.key for c in matching.CRITERIA],
                                        help_text="Het criterium (elk criterium staat in elke uitleg).")
    label = serializers.CharField()
    hard = serializers.BooleanField(help_text="Harde eis: 'missed' sluit uit.")
    outcome = serializers.ChoiceField(choices=list(matching.OUTCOME_LABELS),
                                      help_text="met, missed, bespreekbaar of unknown.")
    text = serializers.CharField(help_text="Uitleg in het Nederlands.")


class MatchSerializer(serializers.Serializer):
    candidate = serializers.UUIDField(help_text="UUID van de kandidaat.")
    job = serializers.UUIDField(help_text="UUID van de baan.")
    score = serializers.IntegerField(min_value=0, max_value=100)
    distance_km = serializers.FloatField(allow_null=True, help_text="Hemelsbrede afstand; leeg als onbekend.")
    explanation = MatchReasonSerializer(many=True)


class MatchListSerializer(serializers.Serializer):
    results = MatchSerializer(many=True)


def _serialize(matches):
    return {"results": [
        {
            "candidate": m.candidate.uuid,
            "job": m.job.uuid,
            "score": m.score,
            "distance_km": None if m.distance_km is None else round(m.distance_km, 1),
            "explanation": [
                {"criterion": r.criterion, "label": r.label, "hard": matching.CRITERIA_BY_KEY[r.criterion].hard,
                 "outcome": r.outcome, "text": r.text}
                for r in m.reasons
            ],
        }
        for m in matches
    ]}


def _limit(request) -> int:
    try:
        return max(1, min(MAX_LIMIT, int(request.query_params.get("limit", 20))))
    except ValueError:
        return 20


LIMIT_PARAM = OpenApiParameter("limit", int, description=f"Hoeveel resultaten (1-{MAX_LIMIT}, standaard 20).")


class CandidateMatchesView(ApiViewMixin, APIView):
    """GET /jobs/{uuid}/candidate-matches"""

    scope_group = "candidates"
    extra_query_params = ("limit",)

    @extend_schema(
        summary="Best passende kandidaten voor een baan (met uitleg per criterium)",
        description="Harde eisen (uren, reisafstand, harde functie-eisen, belastbaarheid, beschikbaarheid) sluiten "
        "uit; de score (0-100) weegt de overige criteria met de weging van de regio. Alleen kandidaten van de "
        "eigen gemeente.",
        tags=[TAG], parameters=[LIMIT_PARAM], responses={200: MatchListSerializer, **PROBLEM_RESPONSES},
    )
    def get(self, request, uuid):
        job = get_object_or_404(jobs_for_client(self.client).select_related("employer", "location"), uuid=uuid)
        matches = matching.candidates_for_job(job, queryset=candidates_for_client(self.client), limit=_limit(request))
        return Response(_serialize(matches))


class JobMatchesView(ApiViewMixin, APIView):
    """GET /candidates/{uuid}/job-matches"""

    scope_group = "candidates"
    extra_query_params = ("limit",)

    @extend_schema(
        summary="Best passende open banen voor een kandidaat (met uitleg per criterium)",
        tags=[TAG], parameters=[LIMIT_PARAM], responses={200: MatchListSerializer, **PROBLEM_RESPONSES},
    )
    def get(self, request, uuid):
        candidate = get_object_or_404(
            candidates_for_client(self.client).select_related("municipality"), uuid=uuid
        )
        matches = matching.jobs_for_candidate(candidate, queryset=jobs_for_client(self.client), limit=_limit(request))
        return Response(_serialize(matches))
