"""Webhook subscriptions managed by the municipal system itself.

A client subscribes one of its URLs to placement and subsidy-application events of its
own municipality. The secret for checking the HMAC signature (``X-WSP-Signature``) is
shown once, in the answer to the create request. Deliveries are notifications without
personal data (see ``wsp_platform.api.events``).
"""

from django.db import transaction
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers
from rest_framework.response import Response

from wsp_platform.audit.services import AuditAction, record

from .base import CreateMixin, ResourceViewSet
from .models import WebhookSubscription
from .openapi import PROBLEM_RESPONSES, WRITE_RESPONSES

EVENTS = (
    ("placement.created", "Plaatsing aangemaakt"),
    ("placement.status_changed", "Status van een plaatsing gewijzigd"),
    ("subsidy_application.created", "Subsidieaanvraag aangemaakt"),
    ("subsidy_application.status_changed", "Status van een subsidieaanvraag gewijzigd"),
)
TAG = "webhooks"


class WebhookSubscriptionSerializer(serializers.ModelSerializer):
    url = serializers.URLField(max_length=500, help_text="Waar de meldingen naartoe gaan (POST, JSON).")
    events = serializers.ListField(
        child=serializers.ChoiceField(choices=EVENTS), required=False, default=list, max_length=len(EVENTS),
        help_text="Gebeurtenissen; leeg of weggelaten: alle.",
    )

    class Meta:
        model = WebhookSubscription
        fields = ["uuid", "url", "events", "is_active", "created_at"]
        read_only_fields = ["uuid", "is_active", "created_at"]


class WebhookSubscriptionCreatedSerializer(WebhookSubscriptionSerializer):
    secret = serializers.CharField(
        read_only=True,
        help_text="Geheim voor de HMAC-SHA256-handtekening; alleen in dit antwoord te zien.",
    )

    class Meta(WebhookSubscriptionSerializer.Meta):
        fields = [*WebhookSubscriptionSerializer.Meta.fields, "secret"]


@extend_schema_view(
    list=extend_schema(summary="Eigen webhook-abonnementen opvragen", tags=[TAG],
                       responses={200: WebhookSubscriptionSerializer(many=True), **PROBLEM_RESPONSES}),
    retrieve=extend_schema(summary="Eén webhook-abonnement opvragen", tags=[TAG],
                           responses={200: WebhookSubscriptionSerializer, **PROBLEM_RESPONSES}),
    create=extend_schema(summary="Abonneren op gebeurtenissen van plaatsingen en subsidieaanvragen", tags=[TAG],
                         request=WebhookSubscriptionSerializer,
                         responses={201: WebhookSubscriptionCreatedSerializer, **WRITE_RESPONSES}),
    destroy=extend_schema(summary="Webhook-abonnement opzeggen", tags=[TAG],
                          responses={204: None, **WRITE_RESPONSES}),
)
class WebhookSubscriptionViewSet(CreateMixin, ResourceViewSet):
    """Only the calling client's own subscriptions exist for it; another client's is a 404."""

    model = WebhookSubscription
    scope_group = None  # any valid client; it only ever sees its own subscriptions
    serializer_class = WebhookSubscriptionSerializer
    http_method_names = ["get", "post", "delete", "head", "options"]

    def build_queryset(self):
        # A cancelled subscription is kept inactive (its delivery log stays) and is gone from the API.
        return WebhookSubscription.objects.filter(client=self.client, is_active=True).order_by("created_at", "id")

    @transaction.atomic
    def service_create(self, data):
        subscription = WebhookSubscription.objects.create(client=self.client, url=data["url"],
                                                          events=sorted(set(data.get("events") or [])))
        record(self.actor, AuditAction.CREATE, subscription, changes={"url": (None, subscription.url)})
        return subscription

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        subscription = self.service_create(dict(serializer.validated_data))
        return self.respond(subscription, serializer_class=WebhookSubscriptionCreatedSerializer, status=201)

    @transaction.atomic
    def destroy(self, request, *args, **kwargs):
        subscription = self.get_object()
        subscription.is_active = False
        subscription.save(update_fields=["is_active", "updated_at"])
        record(self.actor, AuditAction.DELETE, subscription, changes={"is_active": (True, False)})
        return Response(status=204)
