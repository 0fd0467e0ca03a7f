"""Webhook events: ``publish(event, obj)`` queues a signed delivery for every active
subscription of the municipality the object belongs to (the candidate's municipality).

The payload is a notification, not the record: event, resource, UUID, URL and status.
The subscriber fetches the details through the API with its own token and scopes,
so no personal data travels in a webhook.
"""

import logging

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

logger = logging.getLogger(__name__)

RESOURCES = {
    "placements.placement": ("placement", "api:placement-detail", "candidate__municipality_id"),
    "subsidies.subsidyapplication": ("subsidy_application", "api:subsidyapplication-detail",
                                     "placement__candidate__municipality_id"),
}


def municipality_id_of(obj) -> int | None:
    label = obj._meta.label_lower
    if label == "placements.placement":
        return obj.candidate.municipality_id
    if label == "subsidies.subsidyapplication":
        return obj.placement.candidate.municipality_id
    return None


def payload_for(event: str, obj) -> dict:
    resource, view_name, _ = RESOURCES[obj._meta.label_lower]
    return {
        "event": event,
        "resource": resource,
        "uuid": str(obj.uuid),
        "url": reverse(view_name, kwargs={"uuid": obj.uuid}),
        "status": getattr(obj, "status", ""),
        "occurredAt": timezone.now().isoformat(),
    }


def publish(event: str, obj) -> int:
    """Queue deliveries (sent after the transaction commits). Returns how many."""
    from .models import WebhookDelivery, WebhookSubscription
    from .tasks import deliver_webhook

    municipality_id = municipality_id_of(obj)
    if municipality_id is None:
        return 0
    subscriptions = [
        s for s in WebhookSubscription.objects.filter(
            is_active=True, client__is_active=True, client__revoked_at__isnull=True,
            client__municipality_id=municipality_id,
        )
        if s.wants(event)
    ]
    if not subscriptions:
        return 0
    payload = payload_for(event, obj)
    deliveries = WebhookDelivery.objects.bulk_create(
        WebhookDelivery(subscription=s, event=event, payload=payload) for s in subscriptions
    )
    for delivery in deliveries:
        transaction.on_commit(lambda pk=delivery.pk: deliver_webhook.delay(pk))
    logger.info("webhook %s queued for %d subscription(s)", event, len(deliveries))
    return len(deliveries)
