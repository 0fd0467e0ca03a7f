import logging
import os
import time

from django.core.cache import cache
from rest_framework.throttling import BaseThrottle, SimpleRateThrottle

logger = logging.getLogger(__name__)


class ClientRateThrottle(BaseThrottle):
    """Requests per API client (not per IP: many clients sit behind one gateway).

    A counter per client per window (``WSP_API_THROTTLE_RATE``, e.g. ``1200/minute``) in
    the shared cache: one ``incr`` per request, whatever the rate. (DRF's own throttle keeps
    and re-saves the timestamp of every request in the window, which grows with the rate.)
    A fixed window lets a client use its budget at the end of one window and again at the
    start of the next; the limit is there against runaway scripts, not for billing.
    """

    def get_rate(self):
        return os.environ.get("WSP_API_THROTTLE_RATE", "1200/minute")

    def allow_request(self, request, view):
        client = getattr(request, "auth", None)
        if client is None:
            return True
        limit, duration = SimpleRateThrottle.parse_rate(None, self.get_rate())
        now = time.time()
        window = int(now // duration)
        key = f"throttle:api:{client.uuid.hex}:{duration}:{window}"
        self._wait = (window + 1) * duration - now
        try:
            count_in_window = getattr(cache, "count_in_window", None)  # wsp_platform.core.cache.RedisCache
            if count_in_window is not None:
                return count_in_window(key, duration + 1) <= limit
            try:
                count = cache.incr(key)
            except ValueError:  # the window's first request (or two at once: add decides)
                count = 1 if cache.add(key, 1, timeout=duration + 1) else cache.incr(key)
        except Exception:  # noqa: BLE001 - a cache outage must not take the API down
            logger.warning("API throttle: cache unavailable, request let through", exc_info=True)
            return True
        return count <= limit

    def wait(self):
        return getattr(self, "_wait", None)
