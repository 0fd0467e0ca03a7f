"""The authorisation matrix, generated from the URL configuration (including the API
router's routes): every named route × every role × own/foreign object must give the
answer documented in ``wsp_platform.accounts.policy.ROUTE_RULES``.

A route without a rule fails ``test_every_route_has_a_rule``; a route whose URL
parameters this test cannot fill fails ``test_matrix`` with a message saying which
parameter to add to PARAM_OBJECTS below.
"""

import uuid as uuidlib
from dataclasses import dataclass
from fnmatch import fnmatchcase

import pytest
from django.apps import apps
from django.conf import settings
from django.shortcuts import resolve_url
from django.test import Client
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse

from wsp_platform.accounts import policy

# Which object of a side fills a URL parameter: (route glob, parameter, attribute of the side).
# First match wins. Add a line here when you add a route with a new kind of parameter.
PARAM_OBJECTS = [
    ("employers:*", "job_uuid", "job"),
    ("employers:job_detail", "uuid", "job"),
    ("employers:*", "contact_uuid", "contact"),
    ("employers:*", "uuid", "employer"),
    ("candidates:*", "uuid", "candidate"),
    ("placements:*", "uuid", "placement"),
    ("subsidies:application_*", "uuid", "application"),
    ("subsidies:*", "uuid", "placement"),
    ("portal:proposal_*", "uuid", "proposal"),
    ("portal:document_download", "uuid", "document"),
    ("portal:invite", "uuid", "employer"),
    ("portal:*", "uuid", "placement"),
    ("accounts:consent_*", "uuid", "consent"),
    ("accounts:*", "uuid", "candidate"),
    ("task_*", "uuid", "task"),
    ("document_download", "uuid", "document"),
    ("document_upload", "uuid", "placement"),
    ("matching:*", "uuid", "candidate"),
    ("matching:*", "job_uuid", "job"),
    ("redesign:*", "uuid", "employer"),
]
# Parameters that are not objects.
PLAIN_PARAMS = [
    ("document_upload", "kind", "plaatsing"),
    ("subsidies:application_transition", "target", "ingediend"),
    ("portal:accept_invitation", "uidb64", "MA"),
    ("portal:accept_invitation", "token", "ongeldig-token"),
]
# Routes that take their object from the query string: (route glob, query parameter, attribute).
QUERY_OBJECTS = [
    ("subsidies:application_create", "plaatsing", "placement"),
]
ADMIN_DEFAULTS = {"object_id": "1", "id": "1", "pk": "1", "content_type_id": "1", "model_name": "user"}

OWN_SIDE = {
    "anonymous": None,
    "bemiddelaar_own_team": "a",
    "bemiddelaar_other_team": "b",
    "teamleider": "a",
    "functioneel_beheerder": None,
    "employer_user_a": "a",
}
STAFF_ROLES = {"bemiddelaar_own_team", "bemiddelaar_other_team", "teamleider"}


@dataclass
class Route:
    key: str  # "namespace:name"
    params: tuple[str, ...]


def _params(pattern) -> list[str]:
    regex = pattern.pattern.regex
    return list(regex.groupindex)


def iter_routes(patterns=None, namespace=(), params=()):
    patterns = get_resolver().url_patterns if patterns is None else patterns
    for entry in patterns:
        if isinstance(entry, URLResolver):
            ns = namespace + ((entry.namespace,) if entry.namespace else ())
            yield from iter_routes(entry.url_patterns, ns, params + tuple(_params(entry)))
        elif isinstance(entry, URLPattern):
            name = entry.name or "<unnamed>"
            yield Route(":".join(namespace + (name,)), params + tuple(_params(entry)))


def all_routes() -> list[Route]:
    seen, routes = set(), []
    for route in iter_routes():
        if route.key not in seen:
            seen.add(route.key)
            routes.append(route)
    return routes


def _object_attr(key: str, param: str) -> str | None:
    for glob, name, attr in PARAM_OBJECTS:
        if name == param and fnmatchcase(key, glob):
            return attr
    return None


def _plain(key: str, param: str) -> str | None:
    for glob, name, value in PLAIN_PARAMS:
        if name == param and fnmatchcase(key, glob):
            return value
    return None


def build_url(route: Route, side) -> str:
    """The URL of ``route`` filled with objects of ``side`` (None: no object parameters)."""
    kwargs = {}
    for param in route.params:
        if route.key.startswith("api:"):
            kwargs[param] = str(uuidlib.uuid4())
        elif route.key.startswith("admin:"):
            kwargs[param] = ADMIN_DEFAULTS.get(param, "accounts")
        elif (value := _plain(route.key, param)) is not None:
            kwargs[param] = value
        else:
            attr = _object_attr(route.key, param)
            if attr is None:
                raise LookupError(f"{route.key}: no object for URL parameter {param!r}; add it to PARAM_OBJECTS")
            kwargs[param] = str(getattr(side, attr).uuid)
    query = ""
    for glob, name, attr in QUERY_OBJECTS:
        if fnmatchcase(route.key, glob) and side is not None:
            query = f"?{name}={getattr(side, attr).uuid}"
    try:
        return reverse(route.key, kwargs=kwargs) + query
    except NoReverseMatch:
        if route.key.startswith("admin:") and "app_label" in kwargs:
            for config in apps.get_app_configs():
                try:
                    return reverse(route.key, kwargs={**kwargs, "app_label": config.label})
                except NoReverseMatch:
                    continue
        raise


def has_object(route: Route) -> bool:
    if any(fnmatchcase(route.key, glob) for glob, _, _ in QUERY_OBJECTS):
        return True
    return any(
        _object_attr(route.key, p) is not None
        for p in route.params
        if not route.key.startswith(("api:", "admin:")) and _plain(route.key, p) is None
    )


def classify(response) -> str:
    status = response.status_code
    if status >= 500:
        return "error"
    if status in (301, 302, 303, 307, 308):
        location = response["Location"]
        if location.startswith(resolve_url(settings.LOGIN_URL)):
            return "login"
        if location.startswith(reverse("admin:login")):
            return "admin_login"
        return "ok"
    if status == 404:
        return "404"
    if status in (401, 403):
        return str(status)
    if status == 405:
        return "405"
    return "ok"


def expected(audience: str, role: str, side: str | None) -> set[str]:
    """The documented answer (see the table in wsp_platform.accounts.policy)."""
    own = OWN_SIDE[role]
    object_answer = {"ok"} if side is None or side == own else {"404"}
    if audience == policy.PUBLIC:
        return {"ok", "login", "admin_login", "404", "401", "403", "405"}
    if audience == policy.API:
        return {"401", "403", "404"}
    if role == "anonymous":
        return {"admin_login"} if audience == policy.ADMIN else {"login"}
    if audience == policy.ADMIN:
        return {"404"} if role == "employer_user_a" else {"admin_login"}
    if audience == policy.AUTHENTICATED:
        return {"ok"}
    if audience == policy.INTERNAL:
        return {"404"} if role == "employer_user_a" else {"ok"}
    if audience == policy.STAFF:
        return object_answer if role in STAFF_ROLES else {"404"}
    if audience == policy.TEAMLEIDER:
        return object_answer if role == "teamleider" else {"404"}
    if audience == policy.EMPLOYER:
        return object_answer if role == "employer_user_a" else {"404"}
    raise AssertionError(f"unknown audience {audience}")


def test_every_route_has_a_rule():
    missing = [r.key for r in all_routes() if policy.rule_for_route(r.key) is None]
    assert not missing, f"Routes without an authorisation rule in policy.ROUTE_RULES: {missing}"


def test_a_new_route_without_rule_is_noticed():
    assert policy.rule_for_route("nieuweapp:pagina") is None
    assert policy.rule_for_route("candidates:detail") == policy.STAFF


def _request(client, url: str):
    response = client.get(url)
    if response.status_code == 405:
        response = client.post(url, {})
    return response


@pytest.mark.django_db
def test_matrix(two_worlds):
    routes = [r for r in all_routes() if not r.key.endswith("<unnamed>")]
    assert len(routes) > 50
    clients = {role: Client() for role in two_worlds.roles}

    failures = []
    checked = 0
    for route in routes:
        audience = policy.rule_for_route(route.key)
        if audience is None:
            continue  # reported by test_every_route_has_a_rule
        sides = ("a", "b") if has_object(route) else (None,)
        for side_name in sides:
            side = getattr(two_worlds, side_name) if side_name else None
            try:
                url = build_url(route, side)
            except (LookupError, NoReverseMatch) as exc:
                failures.append(f"{route.key}: cannot build URL ({exc})")
                continue
            for role, user in two_worlds.roles.items():
                client = clients[role]
                if user is not None:
                    if "_auth_user_id" not in client.session:  # first time, or after /uitloggen/
                        client.force_login(user)
                else:
                    client.logout()
                response = _request(client, url)
                got = classify(response)
                want = expected(audience, role, side_name)
                checked += 1
                if got not in want and not (got == "405" and "404" in want):
                    failures.append(
                        f"{route.key} {url} as {role} (object {side_name or '-'}): "
                        f"expected {sorted(want)}, got {got} ({response.status_code})"
                    )
    assert checked > 300
    assert not failures, "Authorisation matrix violations:\n" + "\n".join(failures)
