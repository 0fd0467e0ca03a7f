"""Sending webhook deliveries: signed with HMAC-SHA256, retried with backoff, logged."""

import hashlib
import hmac
import json
import logging
import time
import urllib.error
import urllib.request

from celery import shared_task
from django.utils import timezone

logger = logging.getLogger(__name__)

SIGNATURE_HEADER = "X-WSP-Signature"
TIMESTAMP_HEADER = "X-WSP-Timestamp"
MAX_RETRIES = 6
TIMEOUT_SECONDS = 10


def sign(secret: str, timestamp: str, body: bytes) -> str:
    """``sha256=<hex>`` over ``<timestamp>.<body>`` (the timestamp guards against replays)."""
    mac = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256)
    return "sha256=" + mac.hexdigest()


def send(url: str, body: bytes, headers: dict) -> int:
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310 - admin-set URL
        return response.status


class DeliveryFailed(Exception):
    pass


@shared_task(bind=True, max_retries=MAX_RETRIES, acks_late=True)
def deliver_webhook(self, delivery_id: int) -> str:
    from .models import DeliveryStatus, WebhookDelivery

    delivery = WebhookDelivery.objects.select_related("subscription").filter(pk=delivery_id).first()
    if delivery is None or delivery.status == DeliveryStatus.DELIVERED:
        return "skipped"
    subscription = delivery.subscription
    body = json.dumps(delivery.payload, separators=(",", ":"), sort_keys=True).encode()
    timestamp = str(int(time.time()))
    headers = {
        "Content-Type": "application/json",
        "User-Agent": "wsp-platform-webhooks/1",
        TIMESTAMP_HEADER: timestamp,
        SIGNATURE_HEADER: sign(subscription.secret, timestamp, body),
        "X-WSP-Event": delivery.event,
        "X-WSP-Delivery": str(delivery.uuid),
    }
    delivery.attempts += 1
    try:
        status = send(subscription.url, body, headers)
        error = "" if 200 <= status < 300 else f"HTTP {status}"
    except urllib.error.HTTPError as exc:
        status, error = exc.code, f"HTTP {exc.code}"
    except (urllib.error.URLError, OSError, ValueError) as exc:
        status, error = None, f"{type(exc).__name__}: {exc}"[:500]
    delivery.response_status = status
    if not error:
        delivery.status = DeliveryStatus.DELIVERED
        delivery.delivered_at = timezone.now()
        delivery.last_error = ""
        delivery.save(update_fields=["attempts", "response_status", "status", "delivered_at", "last_error",
                                     "updated_at"])
        logger.info("webhook %s delivered to subscription %s (attempt %d)", delivery.event, subscription.uuid,
                    delivery.attempts)
        return "delivered"
    delivery.last_error = error
    final = self.request.retries >= MAX_RETRIES
    delivery.status = DeliveryStatus.FAILED if final else DeliveryStatus.PENDING
    delivery.save(update_fields=["attempts", "response_status", "status", "last_error", "updated_at"])
    logger.warning("webhook %s to subscription %s failed (attempt %d): %s", delivery.event, subscription.uuid,
                   delivery.attempts, error)
    if final:
        return "failed"
    if self.request.is_eager:
        # No broker (development, tests): one attempt only, never block or fail the caller's request.
        return "pending"
    raise self.retry(countdown=min(2 ** self.request.retries * 30, 3600), exc=DeliveryFailed(error))
