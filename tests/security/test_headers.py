"""Security headers and the Content-Security-Policy on the main pages; no inline scripts."""

import re

import pytest
from django.urls import reverse

MAIN_PAGES = ["login", "home", "candidates:list", "employers:list", "placements:list", "task_list",
              "subsidies:application_list", "accounts:two_factor"]


@pytest.mark.django_db
@pytest.mark.parametrize("name", MAIN_PAGES)
def test_headers_and_csp(client, two_worlds, name):
    if name != "login":
        client.force_login(two_worlds.a.bemiddelaar)
    response = client.get(reverse(name))
    assert response.status_code == 200
    csp = response["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in csp.split(";") if part.strip())
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert directives["frame-ancestors"] == "'none'" and directives["object-src"] == "'none'"
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"] and "geolocation=()" in response["Permissions-Policy"]
    assert response["X-Request-ID"]
    html = response.content.decode()
    # No inline script: every <script> has a src (or is a JSON data block), no on*= handlers.
    for tag in re.findall(r"<script\b[^>]*>", html, flags=re.I):
        assert "src=" in tag or 'type="application/json"' in tag, tag
    assert not re.search(r"\son[a-z]+\s*=", html, flags=re.I)
    assert "javascript:" not in html.lower()


@pytest.mark.django_db
def test_session_and_csrf_settings(settings):
    assert settings.SESSION_COOKIE_HTTPONLY and settings.SESSION_SAVE_EVERY_REQUEST
    assert settings.SESSION_COOKIE_AGE <= 30 * 60
    assert "django.middleware.csrf.CsrfViewMiddleware" in settings.MIDDLEWARE
    assert settings.AUTHENTICATION_BACKENDS[0].endswith("AxesLockoutBackend")
    assert settings.MIDDLEWARE[-1] == "axes.middleware.AxesMiddleware"
    assert settings.MEDIA_URL is None  # uploads are not under the web root


@pytest.mark.django_db
def test_csrf_is_enforced(two_worlds):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(two_worlds.a.bemiddelaar)
    response = client.post(reverse("accounts:reveal_bsn", args=[two_worlds.a.candidate.uuid]))
    assert response.status_code == 403


def test_production_settings_are_hardened():
    """Run the settings module in production mode in a subprocess and read the result."""
    import json
    import os
    import subprocess
    import sys

    env = {**os.environ, "DJANGO_ENV": "production", "SECRET_KEY": "x" * 60, "ALLOWED_HOSTS": "wsp.example",
           "BSN_ENCRYPTION_KEY": "ZGV2LW9ubHktYnNuLWtleS0wMTIzNDU2Nzg5YWJjZGU=", "BSN_HASH_KEY": "k",
           "DJANGO_SETTINGS_MODULE": "wsp_platform.settings"}
    env.pop("WSP_REQUIRE_2FA", None)
    code = (
        "import json, django; from django.conf import settings as s; django.setup();"
        "print(json.dumps([s.WSP_REQUIRE_2FA, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE,"
        " s.SECURE_HSTS_SECONDS, s.SECURE_SSL_REDIRECT, s.DEBUG]))"
    )
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True,
                         cwd=os.path.dirname(os.path.dirname(os.path.dirname(__file__))))
    values = json.loads(out.stdout.strip().splitlines()[-1])
    require_2fa, session_secure, csrf_secure, hsts, ssl_redirect, debug = values
    assert require_2fa and session_secure and csrf_secure and ssl_redirect and not debug
    assert hsts >= 31536000
