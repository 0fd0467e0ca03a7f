"""Response cache for API reads (GET list and detail), invalidated by any data write.

A municipal system polls the same pages over and over; rendering a page of 50 candidates
costs ~30 ms of CPU, serving it from the cache ~1 ms. Correctness comes first:

* **One data version.** Every cached body is stored under the current *data version*, a
  counter in the shared cache (Redis in production). Any INSERT, UPDATE, DELETE or
  TRUNCATE on a table the API can show bumps it, so every cached body is out of date at
  once. Writes are seen on the database connection itself (``connection.execute_wrappers``),
  so ORM saves, ``queryset.update()``, ``bulk_create``, raw SQL, the UI, the API, Celery
  sweeps and management commands are all covered without a signal per model.
* **Bumped at commit.** Inside a transaction the version is bumped at the first write *and*
  again when the transaction commits: a reader that cached the old rows between those two
  moments stored them under a version nobody will ask for again.
* **Only what the whole stack allowed.** A body is stored only after the full stack
  (authentication, scopes, throttling, the query-parameter check, the view) answered 200
  and the view marked the request cacheable. It is served again, by
  ``ApiResponseCacheMiddleware`` before the rest of the stack, only to the same client
  (active, not revoked: its row is read again whenever the version moved, and revoking or
  changing scopes is a write) for the same URL, Accept and Accept-Language at the same
  version, and the throttle still counts it. Bodies live ``WSP_API_CACHE_SECONDS`` at most.

Only a cache every process shares (Redis) gives one version to all gunicorn workers and
Celery workers, so ``WSP_API_CACHE`` is on by default only when ``REDIS_URL`` is set.
"""

import hashlib
import logging
import re
import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db.backends.signals import connection_created
from django.dispatch import receiver
from django.http import HttpResponse

logger = logging.getLogger(__name__)

VERSION_KEY = "api:data-version"

# Tables written while *reading* or that no API answer shows: writing them keeps the cache.
UNRELATED_TABLES = (
    "audit_",
    "axes_",
    "api_idempotencykey",
    "django_session",
    "django_admin_log",
    "otp_",
    "placements_sweeprun",
    "placements_digestlog",
)

_WRITE = re.compile(r'\s*(?:insert\s+into|update|delete\s+from|truncate(?:\s+table)?)\s+"?([\w.]+)', re.IGNORECASE)


def enabled() -> bool:
    return bool(getattr(settings, "WSP_API_CACHE", False))


def writes_data(sql: str) -> bool:
    match = _WRITE.match(sql)
    if match is None:
        return False
    table = match.group(1).lower()
    return not table.startswith(UNRELATED_TABLES)


# -- the data version --------------------------------------------------------------------
def _fresh_version() -> int:
    # Milliseconds since the epoch: should the counter be lost (Redis restarted or evicted
    # it) while bodies are still stored, it restarts above every version used before.
    return int(time.time() * 1000)


def data_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, _fresh_version(), timeout=None)
        version = cache.get(VERSION_KEY)
    return version


def request_version(request) -> int | None:
    """The data version for this request, read once (before any data of the request is
    read, so whatever is cached under it can only be as old as the version, never older).
    None when the cache is off or cannot be reached."""
    if not enabled():
        return None
    http_request = getattr(request, "_request", request)
    version = http_request.META.get(VERSION_ENVIRON_KEY)
    if version is None:
        try:
            version = data_version()
        except Exception:  # noqa: BLE001 - without the cache the API still answers, only slower
            logger.warning("API-cache: data version unavailable", exc_info=True)
            return None
        http_request.META[VERSION_ENVIRON_KEY] = version
    return version


def bump() -> None:
    try:
        try:
            cache.incr(VERSION_KEY)
        except ValueError:  # no version (fresh cache): start one that no body is stored under
            if not cache.add(VERSION_KEY, _fresh_version(), timeout=None):
                cache.incr(VERSION_KEY)
    except Exception:  # noqa: BLE001 - the write itself must not fail because the cache is down
        logger.warning("API-cache: could not bump the data version", exc_info=True)


def data_changed(connection) -> None:
    """Called after a data write on ``connection``."""
    in_transaction = connection.in_atomic_block and not getattr(connection.atomic_blocks[-1], "_from_testcase", False)
    if not in_transaction:
        bump()  # autocommit: the write is visible already
        return
    # Once per (nested) atomic block: the first write bumps now, the commit bumps again.
    savepoints = set(connection.savepoint_ids)
    if any(func is bump and sids == savepoints for sids, func, _robust in connection.run_on_commit):
        return
    bump()
    connection.on_commit(bump)


def _watch_writes(execute, sql, params, many, context):
    result = execute(sql, params, many, context)
    if enabled() and writes_data(sql):
        data_changed(context["connection"])
    return result


@receiver(connection_created, dispatch_uid="api_cache_watch_writes")
def install_write_watcher(sender, connection, **kwargs):
    if _watch_writes not in connection.execute_wrappers:
        connection.execute_wrappers.append(_watch_writes)


# -- cached responses --------------------------------------------------------------------
API_PREFIX = "/api/"
# Per request (or per server) headers: never replayed from the cache.
_NOT_STORED = {"x-request-id", "set-cookie", "date", "server", "connection"}


VERSION_ENVIRON_KEY = "wsp.api_data_version"
LOOKED_UP_ENVIRON_KEY = "wsp.api_cache_looked_up"


def response_key(meta, token_hash: str) -> str:
    """From the raw request (WSGI environ, which Django's ``request.META`` is): the client's
    token, scheme, host, path and query (the body's links are absolute) and what it accepts.
    The body is stored with the data version it was read at, so the version and the body
    come back in one round trip (MGET)."""
    raw = "|".join(
        (
            token_hash,
            meta.get("wsgi.url_scheme", ""),
            meta.get("HTTP_X_FORWARDED_PROTO", ""),
            meta.get("HTTP_HOST", ""),
            meta.get("SERVER_NAME", ""),
            meta.get("SERVER_PORT", ""),
            meta.get("SCRIPT_NAME", ""),
            meta.get("PATH_INFO", ""),
            meta.get("QUERY_STRING", ""),
            meta.get("HTTP_ACCEPT", ""),
            meta.get("HTTP_ACCEPT_LANGUAGE", ""),
        )
    )
    return f"api:response:{hashlib.sha256(raw.encode()).hexdigest()}"


def _token_hash(meta) -> str | None:
    from wsp_platform.accounts.models import hash_token

    from .authentication import bearer_token

    token = bearer_token(meta.get("HTTP_AUTHORIZATION", ""))
    return None if token is None else hash_token(token)


def mark_cacheable(request) -> None:
    """Called by an API view once the request is authenticated, in scope, not throttled and
    has only known parameters: a 200 answer to it may be stored."""
    http_request = getattr(request, "_request", request)
    version = request_version(request)
    token_hash = _token_hash(http_request.META)
    if version is not None and token_hash is not None:
        http_request._api_cache_entry = (response_key(http_request.META, token_hash), version)


def cached_answer(meta):
    """(content, headers) stored for this request at the current data version, for a client
    this process has seen at that version (so active, unrevoked, with unchanged scopes), and
    within its throttle budget; else None and the whole stack answers. Reads no database."""
    if meta.get("REQUEST_METHOD") != "GET" or not meta.get("PATH_INFO", "").startswith(API_PREFIX):
        return None
    if not enabled():
        return None
    from .authentication import known_client
    from .throttling import ClientRateThrottle

    token_hash = _token_hash(meta)
    if token_hash is None:
        return None
    try:
        key = response_key(meta, token_hash)
        found = cache.get_many([VERSION_KEY, key])
        version, stored = found.get(VERSION_KEY), found.get(key)
        if version is None:
            return None
        meta[VERSION_ENVIRON_KEY] = version  # the version this request reads at, for the stack below
        if stored is None or stored[0] != version:
            return None
        client = known_client(token_hash, version)
        if client is None or not client.is_active or client.revoked_at is not None:
            return None
        # Over its budget: the whole stack answers (429 problem+json with Retry-After).
        if not ClientRateThrottle().allow_request(_Authenticated(client), None):
            return None
    except Exception:  # noqa: BLE001 - without the cache the API still answers, only slower
        logger.warning("API-cache: lookup failed", exc_info=True)
        return None
    _version, content, headers = stored
    headers = dict(headers)
    headers["X-Request-ID"] = (meta.get("HTTP_X_REQUEST_ID") or uuid.uuid4().hex)[:64]
    return content, headers


class CachedApiReads:
    """WSGI wrapper (``wsp_platform.wsgi``): answers a cached API read before Django builds a
    request at all; everything else goes to Django unchanged."""

    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        answer = cached_answer(environ)
        if answer is None:
            environ[LOOKED_UP_ENVIRON_KEY] = True  # the middleware need not ask Redis again
            return self.application(environ, start_response)
        content, headers = answer
        start_response("200 OK", list(headers.items()))
        return [content]


class ApiResponseCacheMiddleware:
    """First in MIDDLEWARE. Stores a 200 the view marked cacheable, with the headers the whole
    stack gave it; answers from the cache where ``CachedApiReads`` does not run first (the
    development server, the test client)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method != "GET" or not request.path_info.startswith(API_PREFIX) or not enabled():
            return self.get_response(request)
        answer = None if request.META.get(LOOKED_UP_ENVIRON_KEY) else cached_answer(request.META)
        if answer is not None:
            content, headers = answer
            response = HttpResponse(content, status=200)
            for name, value in headers.items():
                response[name] = value
            return response
        response = self.get_response(request)
        entry = getattr(request, "_api_cache_entry", None)
        if entry and response.status_code == 200 and not response.cookies and not response.streaming:
            key, version = entry
            headers = {name: value for name, value in response.items() if name.lower() not in _NOT_STORED}
            try:
                cache.set(key, (version, response.content, headers), timeout=settings.WSP_API_CACHE_SECONDS)
            except Exception:  # noqa: BLE001
                logger.warning("API-cache: store failed", exc_info=True)
        return response


class _Authenticated:
    def __init__(self, client):
        self.auth = client
