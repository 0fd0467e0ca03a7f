"""An employer user of employer A against every URL of the platform, filled in with
employer B's objects: never a 200 with data. Generated from the URL configuration, so
a new route is checked the day it is added."""

import re
import uuid as uuidlib

import pytest
from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.resolvers import RegexPattern, RoutePattern

pytestmark = pytest.mark.django_db

CONVERTER = re.compile(r"<(?:(?P<conv>\w+):)?(?P<name>\w+)>")
REGEX_GROUP = re.compile(r"\(\?P<(?P<name>\w+)>[^)]*\)")
KIND_WORDS = ["kandidaat", "plaatsing", "subsidieaanvraag", "werkgever"]
# kwarg-name hints for routes with more than one object in the path
HINTS = {"contact": "contact", "job": "job", "employer": "employer", "placement": "placement",
         "candidate": "candidate", "task": "task", "document": "document", "proposal": "proposal_named"}
MIDDLEWARE_PATH = "employers.portal.middleware.EmployerPortalMiddleware"


def walk(patterns, prefix=""):
    for p in patterns:
        if isinstance(p, URLResolver):
            yield from walk(p.url_patterns, prefix + _route(p.pattern))
        elif isinstance(p, URLPattern):
            yield prefix + _route(p.pattern)


def _route(pattern) -> str:
    if isinstance(pattern, RoutePattern):
        return str(pattern)
    if isinstance(pattern, RegexPattern):
        raw = str(pattern).lstrip("^").rstrip("$").replace("\\Z", "")
        # (?P<app_label>a|b) -> first alternative; other groups -> a converter placeholder
        raw = re.sub(r"\(\?P<app_label>\(?([\w]+)[^)]*\)\)?", r"\1", raw)
        raw = REGEX_GROUP.sub(lambda m: f"<str:{m.group('name')}>", raw)
        return raw.replace("\\", "")
    return str(pattern)


def sample_objects(world):
    return {
        "employer": world.employer, "placement": world.placement, "candidate": world.candidate,
        "job": world.carved_job, "proposal_named": world.proposal_named, "application": world.application,
        "document": world.document, "contact": world.contact, "task": world.task,
        "report": world.shared_report, "user": world.user,
    }


def fill(route: str, objects: dict) -> list[str]:
    """All concrete paths for a route: each object of B in turn for the placeholders."""
    params = CONVERTER.findall(route)
    if not params:
        return ["/" + route]
    keys = list(objects)
    paths = set()
    for i in range(max(len(keys), len(KIND_WORDS))):
        key = keys[i % len(keys)]

        def value(match, key=key, i=i):
            conv, name = match.group("conv") or "str", match.group("name")
            hinted = next((objects[v] for k, v in HINTS.items() if k in name.lower() and v in objects), None)
            obj = hinted or objects[key]
            if conv == "uuid":
                return str(getattr(obj, "uuid", uuidlib.uuid4()))
            if conv == "int":
                return str(obj.pk)
            if name in ("kind", "soort"):
                return KIND_WORDS[i % len(KIND_WORDS)]
            if name == "uidb64":
                from django.utils.encoding import force_bytes
                from django.utils.http import urlsafe_base64_encode

                return urlsafe_base64_encode(force_bytes(objects["user"].pk))
            if name == "token":
                return "abc-0123456789abcdef"
            if name == "app_label":
                return "candidates"
            return str(obj.pk)

        paths.add("/" + CONVERTER.sub(value, route))
    return sorted(paths)


def all_paths(world_b):
    routes = sorted(set(walk(get_resolver().url_patterns)))
    assert any(r.startswith("portaal/") for r in routes)
    objects = sample_objects(world_b)
    result = []
    for route in routes:
        result.extend(fill(route, objects))
    return result


def is_login_redirect(response) -> bool:
    location = response.get("Location", "")
    return response.status_code in (301, 302, 303) and (
        location.startswith(reverse("login"))
        or location.startswith("/admin/login/")
        or location in ("/portaal/", "/", "/admin/")
    )


# Pages that show a login form to anyone, and no records: allowed to answer 200.
LOGIN_FORMS = ("/admin/login/", "/inloggen/")
# The published API documentation (OpenAPI schema, Swagger UI, Redoc): public, no records.
PUBLIC_DOCS = ("/api/v1/docs", "/api/v1/redoc", "/api/v1/openapi.json", "/api/v1/openapi.yaml")


def check(response, path, world_b):
    if response.status_code in (404, 405, 410, 401, 403) or is_login_redirect(response):
        return
    assert response.status_code == 200, f"{path}: unexpected {response.status_code} {response.get('Location')}"
    allowed = path.startswith("/portaal/") or path in LOGIN_FORMS + PUBLIC_DOCS
    assert allowed, f"{path} answered 200 for an employer user"
    if hasattr(response, "content"):
        html = response.content.decode(errors="replace")
        for marker in world_b.markers:
            assert marker not in html, f"{path} shows employer B's {marker!r}"


@pytest.mark.parametrize("with_middleware", [True, False], ids=["middleware", "views-only"])
def test_employer_a_never_reaches_b_or_the_workspace(client, world_a, world_b, settings, with_middleware):
    if not with_middleware:
        # The views themselves must refuse as well (defence in depth).
        settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if m != MIDDLEWARE_PATH]
    paths = all_paths(world_b)
    assert len(paths) > 50
    failures = []
    for path in paths:
        for method in ("get", "post"):
            if "_auth_user_id" not in client.session:  # logged in again after /uitloggen/
                client.force_login(world_a.user)
            response = getattr(client, method)(path)
            try:
                check(response, path, world_b)
            except AssertionError as exc:
                failures.append(f"{method.upper()} {exc}")
    assert not failures, "\n".join(failures)


def test_portal_urls_with_b_objects_answer_404(client, world_a, world_b):
    client.force_login(world_a.user)
    for name, obj in [
        ("portal:placement", world_b.placement),
        ("portal:signal", world_b.placement),
        ("portal:document_upload", world_b.placement),
        ("portal:proposal_respond", world_b.proposal_named),
        ("portal:document_download", world_b.document),
        ("portal:document_download", world_a.private_document),
        ("portal:invite", world_b.employer),
        ("portal:invite", world_a.employer),
    ]:
        url = reverse(name, args=[obj.uuid])
        assert client.get(url).status_code in (404, 405), url  # 405: a POST-only action
        data = {"kind": "verzuim", "message": "x", "decision": "afwijzen", "reason": "x"}
        assert client.post(url, data).status_code == 404, url
    world_b.proposal_named.refresh_from_db()
    assert world_b.proposal_named.status == "voorgesteld"
    assert not world_b.placement.signals.filter(raised_by_employer=True).exists()


def test_workspace_urls_404_for_employer(client, world_a, world_b):
    client.force_login(world_a.user)
    for url in ["/kandidaten/", "/werkgevers/", "/plaatsingen/", "/taken/", "/admin/",
                f"/kandidaten/{world_a.candidate.uuid}/", f"/plaatsingen/{world_a.placement.uuid}/",
                f"/werkgevers/{world_a.employer.uuid}/", f"/documenten/{world_a.document.uuid}/"]:
        assert client.get(url).status_code == 404, url


def test_api_does_not_accept_an_employer_session(client, world_a):
    client.force_login(world_a.user)
    for url in ["/api/v1/", "/api/v1/candidates", "/api/v1/placements", "/api/v1/employers"]:
        response = client.get(url)
        assert response.status_code in (401, 403, 404), url
        assert "SanneA" not in response.content.decode(errors="replace")


def test_api_refuses_an_employer_session_without_middleware(client, world_a, settings):
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if m != MIDDLEWARE_PATH]
    client.force_login(world_a.user)
    for url in ["/api/v1/candidates", "/api/v1/placements"]:
        response = client.get(url)
        assert response.status_code in (401, 403, 404), url


def test_staff_cannot_open_the_portal(client, world_a):
    client.force_login(world_a.employer.account_holder)
    assert client.get(reverse("portal:home")).status_code == 404
    assert client.get(reverse("portal:placement", args=[world_a.placement.uuid])).status_code == 404


def test_anonymous_goes_to_login(client, world_a):
    response = client.get(reverse("portal:home"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_employer_lands_on_portal_after_login(client, world_a):
    response = client.post(
        reverse("login") + "?next=/kandidaten/",
        {"username": world_a.user.username, "password": "geheim-wachtwoord-123", "next": "/kandidaten/"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/portaal/"
    assert client.get("/").get("Location") == "/portaal/"


def test_staff_login_is_not_redirected_to_portal(client, world_a):
    holder = world_a.employer.account_holder
    response = client.post(reverse("login"), {"username": holder.username, "password": "geheim-wachtwoord-123"})
    assert response.status_code == 302
    assert not response["Location"].startswith("/portaal/")


def test_middleware_is_installed_after_authentication():
    middleware = list(settings.MIDDLEWARE)
    assert MIDDLEWARE_PATH in middleware
    auth = "django.contrib.auth.middleware.AuthenticationMiddleware"
    assert middleware.index(MIDDLEWARE_PATH) > middleware.index(auth)
