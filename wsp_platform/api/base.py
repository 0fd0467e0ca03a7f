"""The conventions every API view shares: bearer auth, scopes, problem+json,
camelCase, pagination, API-Version header, unknown query parameters → 400,
ETag/If-Match on writes and Idempotency-Key on POST."""

import hashlib
import json

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, transaction
from djangorestframework_camel_case.parser import CamelCaseJSONParser
from rest_framework import mixins, viewsets
from rest_framework.response import Response
from rest_framework.views import APIView

from . import cache as response_cache
from .authentication import BearerTokenAuthentication
from .exceptions import Conflict, PreconditionFailed, PreconditionRequired, exception_handler, problem
from .filters import CamelCaseFilterBackend, check_query_params
from .models import IdempotencyKey
from .pagination import Pagination
from .permissions import HasScope
from .renderers import CamelCaseJSONRenderer, ProblemRenderer
from .throttling import ClientRateThrottle

API_VERSION = settings.SPECTACULAR_SETTINGS.get("VERSION", "1.0.0")
IDEMPOTENCY_HEADER = "Idempotency-Key"


def etag_for(obj) -> str:
    """A strong validator from the record's identity and last change."""
    stamp = f"{obj.uuid}:{obj.updated_at.isoformat() if obj.updated_at else ''}"
    return '"' + hashlib.sha256(stamp.encode()).hexdigest()[:32] + '"'


class _IdempotentReplay(Exception):
    def __init__(self, record: IdempotencyKey):
        self.record = record


class ApiViewMixin:
    authentication_classes = [BearerTokenAuthentication]
    permission_classes = [HasScope]
    throttle_classes = [ClientRateThrottle]
    renderer_classes = [CamelCaseJSONRenderer, ProblemRenderer]
    parser_classes = [CamelCaseJSONParser]
    pagination_class = Pagination
    filter_backends = [CamelCaseFilterBackend]
    scope_group: str | None = None
    extra_query_params: tuple = ()
    # GET actions whose answers the response cache (wsp_platform.api.cache) may keep.
    cached_actions: tuple = ()

    def get_exception_handler(self):
        return exception_handler

    # -- request checks ------------------------------------------------------------
    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        check_query_params(request, self)
        self._idempotency = None
        # Authenticated, in scope, not throttled, known parameters: this answer may be cached.
        if request.method == "GET" and getattr(self, "action", None) in self.cached_actions:
            response_cache.mark_cacheable(request)
        if request.method == "POST" and request.headers.get(IDEMPOTENCY_HEADER):
            self._claim_idempotency_key(request)

    def _claim_idempotency_key(self, request):
        key = request.headers[IDEMPOTENCY_HEADER].strip()[:255]
        body_hash = hashlib.sha256(request.body or b"").hexdigest()
        existing = IdempotencyKey.objects.filter(client=request.auth, key=key).first()
        if existing is None:
            try:
                with transaction.atomic():
                    self._idempotency = IdempotencyKey.objects.create(
                        client=request.auth, key=key, method=request.method, path=request.path[:300],
                        request_hash=body_hash,
                    )
                return
            except IntegrityError:
                existing = IdempotencyKey.objects.filter(client=request.auth, key=key).first()
        if existing.path != request.path[:300] or existing.request_hash != body_hash:
            raise Conflict(
                "Deze Idempotency-Key is al gebruikt voor een ander verzoek. Gebruik een nieuwe sleutel.",
                code="idempotency_key_reused",
            )
        if existing.response_status is None:
            raise Conflict("Een verzoek met deze Idempotency-Key wordt nog verwerkt.", code="idempotency_in_progress")
        raise _IdempotentReplay(existing)

    def handle_exception(self, exc):
        if isinstance(exc, _IdempotentReplay):
            record = exc.record
            response = Response(record.response_body, status=record.response_status)
            for name, value in (record.response_headers or {}).items():
                response[name] = value
            response["Idempotent-Replayed"] = "true"
            return response
        return super().handle_exception(exc)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["API-Version"] = API_VERSION
        record = getattr(self, "_idempotency", None)
        if record is not None:
            self._idempotency = None
            if 200 <= response.status_code < 300:
                record.response_status = response.status_code
                record.response_body = json.loads(json.dumps(response.data, cls=DjangoJSONEncoder))
                record.response_headers = {h: response[h] for h in ("Location", "ETag") if response.has_header(h)}
                record.save(update_fields=["response_status", "response_body", "response_headers"])
            else:
                # A failed attempt may be retried with the same key.
                record.delete()
        return response

    # -- helpers -----------------------------------------------------------------------
    @property
    def client(self):
        return self.request.auth

    @property
    def actor(self):
        return self.request.user.actor


class ApiViewSet(ApiViewMixin, viewsets.GenericViewSet):
    """Looks records up by UUID inside the client's policy queryset (else 404);
    ETag on every single-resource answer and If-Match required on PUT/PATCH."""

    lookup_field = "uuid"
    lookup_value_regex = "[0-9a-fA-F-]{36}"
    cached_actions = ("list", "retrieve")
    model = None  # for the OpenAPI generator, which builds views without a client

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return self.model.objects.none()
        return self.build_queryset()

    def build_queryset(self):  # pragma: no cover - overridden
        raise NotImplementedError
    etag_required_on = ("PUT", "PATCH")

    def get_object(self):
        obj = super().get_object()
        if self.request.method in self.etag_required_on:
            self.check_if_match(obj, required=True)
        elif self.request.method == "POST" and self.request.headers.get("If-Match"):
            self.check_if_match(obj, required=False)
        return obj

    def check_if_match(self, obj, *, required: bool):
        header = self.request.headers.get("If-Match")
        if not header:
            if required:
                raise PreconditionRequired()
            return
        tags = [tag.strip() for tag in header.split(",")]
        if "*" not in tags and etag_for(obj) not in tags and f"W/{etag_for(obj)}" not in tags:
            raise PreconditionFailed()

    def respond(self, instance, serializer_class=None, status=200, headers=None):
        """Answer with a fresh representation of ``instance`` and its ETag."""
        serializer_class = serializer_class or self.get_serializer_class()
        data = serializer_class(instance, context=self.get_serializer_context()).data
        response = Response(data, status=status, headers=headers)
        if hasattr(instance, "updated_at"):
            response["ETag"] = etag_for(instance)
        if status == 201:
            url = data.get("url") if isinstance(data, dict) else None
            if url:
                response["Location"] = url
        return response


class RetrieveMixin:
    def retrieve(self, request, *args, **kwargs):
        return self.respond(self.get_object())


class ListMixin(mixins.ListModelMixin):
    pass


class NotFoundView(ApiViewMixin, APIView):
    """Everything under /api/v1/ that is no endpoint (also a trailing slash): 404 problem+json."""

    schema = None

    authentication_classes = []
    permission_classes = []
    throttle_classes = []

    def initial(self, request, *args, **kwargs):
        APIView.initial(self, request, *args, **kwargs)
        self._idempotency = None

    def _not_found(self, request, *args, **kwargs):
        return problem(request, 404, "not_found", "Deze URL bestaat niet in de API (let op: geen slash aan het eind).")

    get = post = put = patch = delete = head = options = _not_found


class ResourceViewSet(ApiViewSet):
    """list/retrieve; add ``CreateMixin``/``UpdateMixin`` for writes through a domain service.

    Subclasses implement ``get_queryset`` (from a ``*_for_client`` policy queryset),
    and ``service_create(data)`` / ``service_update(instance, data)`` as needed."""

    def list(self, request, *args, **kwargs):
        queryset = self.filter_queryset(self.get_queryset())
        page = self.paginate_queryset(queryset)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def retrieve(self, request, *args, **kwargs):
        return self.respond(self.get_object())


class CreateMixin:
    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        instance = self.service_create(dict(serializer.validated_data))
        return self.respond(self.get_queryset().get(pk=instance.pk), status=201)


class UpdateMixin:
    def update(self, request, *args, partial=False, **kwargs):
        instance = self.get_object()
        serializer = self.get_serializer(instance, data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        instance = self.service_update(instance, dict(serializer.validated_data))
        return self.respond(self.get_queryset().get(pk=instance.pk))

    def partial_update(self, request, *args, **kwargs):
        return self.update(request, *args, partial=True, **kwargs)
