"""Bearer-token authentication for municipal systems (server-to-server).

Only API clients authenticate here: the API does not accept session cookies, so a
logged-in employer (or staff) browser session never reaches it.
"""

from django.utils.functional import cached_property
from rest_framework import authentication, exceptions

from wsp_platform.accounts.models import ApiClient, hash_token
from wsp_platform.audit.services import Actor, Channel

from . import cache as response_cache


class ClientPrincipal:
    """``request.user`` for an API call: the client, not a person."""

    is_authenticated = True
    is_anonymous = False
    is_active = True
    is_superuser = False
    is_staff = False
    pk = None
    id = None

    def __init__(self, client: ApiClient):
        self.client = client

    def __str__(self):
        return f"API-client {self.client.name}"

    @cached_property
    def scopes(self) -> frozenset:
        return frozenset(self.client.scopes or [])

    @property
    def actor(self) -> Actor:
        return Actor(api_client=self.client, channel=Channel.API)


def bearer_token(header: str) -> str | None:
    """The token of an ``Authorization: Bearer <token>`` header, else None."""
    parts = header.split()
    if len(parts) != 2 or parts[0].lower() != "bearer":
        return None
    return parts[1]


# token hash → (data version, ApiClient): this process's copy of recently seen clients.
_known_clients: dict[str, tuple[int, ApiClient]] = {}
_KNOWN_CLIENTS_MAX = 1000


def known_client(token_hash: str, version: int) -> ApiClient | None:
    """This process's copy of the client with this token, if read at ``version``."""
    known = _known_clients.get(token_hash)
    return known[1] if known is not None and known[0] == version else None


def find_client(request, token_hash: str) -> ApiClient | None:
    """The client with this token; from this process's copy while the API data version
    (wsp_platform.api.cache) is unchanged. Revoking, rotating or deactivating a client is
    a write to its row, which moves the version, so the next request reads the row again."""
    version = response_cache.request_version(request)
    if version is not None and (known := known_client(token_hash, version)) is not None:
        return known
    client = ApiClient.objects.select_related("municipality").filter(token_hash=token_hash).first()
    if version is not None and client is not None:
        if len(_known_clients) >= _KNOWN_CLIENTS_MAX:
            _known_clients.clear()
        _known_clients[token_hash] = (version, client)
    return client


class BearerTokenAuthentication(authentication.BaseAuthentication):
    keyword = "Bearer"

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).decode("latin-1")
        if not header:
            return None
        token = bearer_token(header)
        if token is None:
            raise exceptions.AuthenticationFailed("Gebruik de header Authorization: Bearer <token>.")
        client = find_client(request, hash_token(token))
        if client is None or not client.is_active or client.revoked_at is not None:
            raise exceptions.AuthenticationFailed("Het token is ongeldig of ingetrokken.")
        return ClientPrincipal(client), client

    def authenticate_header(self, request):
        return f'{self.keyword} realm="api"'


def client_of(request) -> ApiClient:
    return request.auth


def actor_of(request) -> Actor:
    return request.user.actor
