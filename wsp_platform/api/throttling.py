import os

from rest_framework.throttling import SimpleRateThrottle


class ClientRateThrottle(SimpleRateThrottle):
    """Requests per API client (not per IP: many clients sit behind one gateway)."""

    scope = "api_client"

    def get_rate(self):
        return os.environ.get("WSP_API_THROTTLE_RATE", "1200/minute")

    def get_cache_key(self, request, view):
        client = getattr(request, "auth", None)
        if client is None:
            return None
        return self.cache_format % {"scope": self.scope, "ident": client.uuid.hex}
