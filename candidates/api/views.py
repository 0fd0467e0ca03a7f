from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.response import Response

from candidates.filters import CandidateFilter
from candidates.models import Candidate
from candidates.services import create_candidate, update_candidate
from wsp_platform.accounts.policy import candidates_for_client
from wsp_platform.api.base import ApiViewSet
from wsp_platform.api.exceptions import django_validation_to_drf, flatten_errors, problem
from wsp_platform.api.openapi import PROBLEM_RESPONSES, WRITE_RESPONSES
from wsp_platform.core import crypto

from .serializers import (
    CandidateImportResultSerializer,
    CandidateImportSerializer,
    CandidateSearchSerializer,
    CandidateSerializer,
    teams_for_client,
)


def default_team(client):
    return teams_for_client(client).order_by("name").first()


@extend_schema_view(
    list=extend_schema(summary="Kandidaten van de eigen gemeente opvragen", tags=["kandidaten"],
                       responses={200: CandidateSerializer(many=True), **PROBLEM_RESPONSES}),
    retrieve=extend_schema(summary="Eén kandidaat opvragen", tags=["kandidaten"],
                           responses={200: CandidateSerializer, **PROBLEM_RESPONSES}),
    create=extend_schema(summary="Kandidaat aanmaken", tags=["kandidaten"],
                         responses={201: CandidateSerializer, **WRITE_RESPONSES}),
    update=extend_schema(summary="Kandidaat volledig wijzigen (If-Match verplicht)", tags=["kandidaten"],
                         responses={200: CandidateSerializer, **WRITE_RESPONSES}),
    partial_update=extend_schema(summary="Kandidaat deels wijzigen (If-Match verplicht)", tags=["kandidaten"],
                                 responses={200: CandidateSerializer, **WRITE_RESPONSES}),
)
class CandidateViewSet(ApiViewSet):
    model = Candidate
    scope_group = "candidates"
    serializer_class = CandidateSerializer
    filterset_class = CandidateFilter
    http_method_names = ["get", "post", "put", "patch", "head", "options"]

    def build_queryset(self):
        return (
            candidates_for_client(self.client)
            .select_related("municipality", "team", "owner")
            .prefetch_related("target_groups")
            # Registration order by default: the primary-key index serves it, so a page is
            # cheap at 100 000 candidates; ``ordering=lastName`` sorts by name on request.
            .order_by("id")
        )

    def list(self, request, *args, **kwargs):
        queryset = self.filter_queryset(self.get_queryset())
        page = self.paginate_queryset(queryset)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def retrieve(self, request, *args, **kwargs):
        return self.respond(self.get_object())

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        candidate = self._create(data)
        return self.respond(candidate, status=201)

    def _create(self, data):
        bsn = data.pop("bsn")
        team = data.pop("team", None) or default_team(self.client)
        if team is None:
            raise serializers.ValidationError({"team": ["Er is geen team in de regio van deze gemeente."]})
        return create_candidate(actor=self.actor, bsn=bsn, municipality=self.client.municipality, team=team, **data)

    def update(self, request, *args, partial=False, **kwargs):
        instance = self.get_object()
        serializer = self.get_serializer(instance, data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        bsn = data.pop("bsn", None)
        candidate = update_candidate(instance, actor=self.actor, data=data, bsn=bsn)
        return self.respond(self.get_queryset().get(pk=candidate.pk))

    def partial_update(self, request, *args, **kwargs):
        return self.update(request, *args, partial=True, **kwargs)

    @extend_schema(
        summary="Kandidaat zoeken op BSN (BSN in de body, nooit in de URL)",
        tags=["kandidaten"],
        request=CandidateSearchSerializer,
        responses={200: CandidateSerializer(many=True), **PROBLEM_RESPONSES},
    )
    @action(detail=False, methods=["post"], url_path="_zoek", url_name="search")
    def search(self, request):
        serializer = CandidateSearchSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        queryset = self.get_queryset().filter(bsn_hash=crypto.keyed_hash(serializer.validated_data["bsn"]))
        page = self.paginate_queryset(queryset)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    @extend_schema(
        summary="Kandidaten in bulk aanmaken of bijwerken op BSN (alles of niets, max. 1000)",
        tags=["kandidaten"],
        request=CandidateImportSerializer,
        responses={200: CandidateImportResultSerializer, **WRITE_RESPONSES},
    )
    @action(detail=False, methods=["post"], url_path="_import", url_name="import")
    def bulk_import(self, request):
        envelope = CandidateImportSerializer(data=request.data)
        envelope.is_valid(raise_exception=True)
        rows = envelope.validated_data["candidates"]
        existing = {
            c.bsn_hash: c
            for c in Candidate.objects.filter(
                municipality_id=self.client.municipality_id,
                bsn_hash__in=[crypto.keyed_hash(str(row.get("bsn", ""))) for row in rows],
            )
        }
        errors, valid, seen = {}, [], set()
        for index, row in enumerate(rows):
            bsn = str(row.get("bsn", ""))
            instance = existing.get(crypto.keyed_hash(bsn)) if bsn else None
            serializer = CandidateSerializer(instance, data=row, partial=instance is not None,
                                             context=self.get_serializer_context())
            if not serializer.is_valid():
                errors[index] = serializer.errors
                continue
            if bsn in seen:
                errors[index] = {"bsn": [serializers.ErrorDetail("Dit BSN staat twee keer in de import.", "unique")]}
                continue
            seen.add(bsn)
            valid.append((index, instance, dict(serializer.validated_data)))
        if not errors:
            try:
                results = self._apply_import(valid)
            except _RowFailed as failed:
                errors[failed.index] = failed.detail
        if errors:
            return self._import_problem(request, errors, len(rows))
        created = sum(1 for r in results if r["action"] == "created")
        return Response({"created": created, "updated": len(results) - created, "results": results})

    def _apply_import(self, valid):
        results = []
        with transaction.atomic():
            for index, instance, data in valid:
                try:
                    if instance is None:
                        candidate = self._create(data)
                        action_name = "created"
                    else:
                        data.pop("bsn", None)
                        candidate = update_candidate(instance, actor=self.actor, data=data)
                        action_name = "updated"
                except DjangoValidationError as exc:
                    raise _RowFailed(index, django_validation_to_drf(exc).detail) from exc
                except serializers.ValidationError as exc:
                    raise _RowFailed(index, exc.detail) from exc
                results.append({"index": index, "uuid": str(candidate.uuid), "action": action_name})
        return results

    def _import_problem(self, request, errors, total):
        report = [
            {"index": index, "invalid_params": flatten_errors(detail)} for index, detail in sorted(errors.items())
        ]
        params = [
            {**param, "name": f"candidates.{row['index']}.{param['name']}"} for row in report
            for param in row["invalid_params"]
        ]
        return problem(
            request, 400, "invalid",
            f"{len(errors)} van de {total} rijen zijn ongeldig; er is niets opgeslagen.",
            invalid_params=params, rows=report,
        )


class _RowFailed(Exception):
    def __init__(self, index, detail):
        self.index = index
        self.detail = detail
