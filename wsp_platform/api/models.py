"""API bookkeeping: idempotent POSTs and webhook subscriptions with their delivery log."""

import secrets

from django.db import models

from wsp_platform.core.models import BaseModel

WEBHOOK_EVENTS = (
    ("placement.created", "Plaatsing aangemaakt"),
    ("placement.status_changed", "Status plaatsing gewijzigd"),
    ("subsidy_application.created", "Subsidieaanvraag aangemaakt"),
    ("subsidy_application.status_changed", "Status subsidieaanvraag gewijzigd"),
)
WEBHOOK_EVENT_NAMES = tuple(name for name, _ in WEBHOOK_EVENTS)


class IdempotencyKey(models.Model):
    """The first answer to a POST with an ``Idempotency-Key``: a retry gets this answer again.

    A row without ``response_status`` is a request still being handled (a concurrent retry gets 409).
    """

    client = models.ForeignKey("accounts.ApiClient", on_delete=models.CASCADE, related_name="+")
    key = models.CharField("sleutel", max_length=255)
    method = models.CharField(max_length=8)
    path = models.CharField(max_length=300)
    request_hash = models.CharField(max_length=64)
    response_status = models.PositiveSmallIntegerField(null=True, blank=True)
    response_body = models.JSONField(null=True, blank=True)
    response_headers = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = "idempotentiesleutel"
        verbose_name_plural = "idempotentiesleutels"
        constraints = [models.UniqueConstraint(fields=["client", "key"], name="idempotency_unique_key_per_client")]

    def __str__(self):
        return self.key


def new_secret() -> str:
    return secrets.token_urlsafe(32)


class WebhookSubscription(BaseModel):
    """A URL of a municipal system that wants to hear about placement and subsidy events
    of its own municipality's candidates. Deliveries are signed with ``secret`` (HMAC-SHA256)."""

    client = models.ForeignKey(
        "accounts.ApiClient", on_delete=models.CASCADE, related_name="webhook_subscriptions", verbose_name="API-client"
    )
    url = models.URLField("URL", max_length=500)
    secret = models.CharField("geheim (voor de handtekening)", max_length=100, default=new_secret)
    events = models.JSONField("gebeurtenissen", default=list, blank=True, help_text="Leeg: alle gebeurtenissen.")
    is_active = models.BooleanField("actief", default=True)

    class Meta:
        verbose_name = "webhook-abonnement"
        verbose_name_plural = "webhook-abonnementen"
        ordering = ["client", "url"]

    def __str__(self):
        return f"{self.client} → {self.url}"

    def wants(self, event: str) -> bool:
        return not self.events or event in self.events


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", "In wachtrij"
    DELIVERED = "delivered", "Afgeleverd"
    FAILED = "failed", "Mislukt"


class WebhookDelivery(BaseModel):
    """One event sent (or being sent) to one subscription: the delivery log."""

    subscription = models.ForeignKey(WebhookSubscription, on_delete=models.CASCADE, related_name="deliveries")
    event = models.CharField("gebeurtenis", max_length=60, choices=WEBHOOK_EVENTS)
    payload = models.JSONField("bericht")
    status = models.CharField(max_length=12, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING)
    attempts = models.PositiveSmallIntegerField("pogingen", default=0)
    response_status = models.PositiveSmallIntegerField("HTTP-status", null=True, blank=True)
    last_error = models.TextField("laatste fout", blank=True)
    delivered_at = models.DateTimeField("afgeleverd op", null=True, blank=True)

    class Meta:
        verbose_name = "webhook-aflevering"
        verbose_name_plural = "webhook-afleveringen"
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self):
        return f"{self.event} → {self.subscription.url}"
