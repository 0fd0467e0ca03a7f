"""Shared API behaviour: authentication, scopes, municipality isolation, problem+json,
no trailing slash, unknown query parameters, API-Version, throttling, no session auth."""

import datetime

import pytest
from django.core.cache import cache
from django.utils import timezone

from tests.factories.accounts import EmployerUserFactory, UserFactory
from tests.factories.api import ApiClientFactory
from tests.factories.candidates import CandidateFactory

from .conftest import problem_fields

pytestmark = pytest.mark.django_db


def test_missing_token_is_401_problem_json(anon):
    response = anon.get("/api/v1/candidates")
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    assert response["WWW-Authenticate"].startswith("Bearer")
    body = response.json()
    assert {"type", "title", "status", "detail", "instance"} <= body.keys()
    assert body["status"] == 401
    assert body["instance"] == "/api/v1/candidates"


def test_invalid_token_is_401(anon, api_client_record):
    anon.credentials(HTTP_AUTHORIZATION="Bearer niet-het-goede-token")
    assert anon.get("/api/v1/candidates").status_code == 401
    anon.credentials(HTTP_AUTHORIZATION=f"Token {api_client_record.token}")
    assert anon.get("/api/v1/candidates").status_code == 401


@pytest.mark.parametrize("change", [{"is_active": False}, {"revoked_at": "now"}])
def test_revoked_or_inactive_client_is_401(api, api_client_record, change):
    assert api.get("/api/v1/candidates").status_code == 200
    for field, value in change.items():
        setattr(api_client_record, field, timezone.now() if value == "now" else value)
    api_client_record.save()
    response = api.get("/api/v1/candidates")
    assert response.status_code == 401
    assert "ingetrokken" in response.json()["detail"]


def test_rotated_token_replaces_the_old_one(api, api_client_record, anon):
    new_token = api_client_record.set_new_token()
    api_client_record.save()
    assert api.get("/api/v1/candidates").status_code == 401
    anon.credentials(HTTP_AUTHORIZATION=f"Bearer {new_token}")
    assert anon.get("/api/v1/candidates").status_code == 200


@pytest.mark.parametrize("user_factory", [EmployerUserFactory, UserFactory])
def test_a_browser_session_never_reaches_the_api(client, user_factory):
    """Session authentication is not enabled for the API: a logged-in employer or staff
    member gets 401, not data."""
    candidate = CandidateFactory()
    client.force_login(user_factory())
    response = client.get("/api/v1/candidates")
    # 401 from the API; the employer portal's own guard may answer 404 before that.
    assert response.status_code in (401, 404)
    assert candidate.last_name.encode() not in response.content


def test_missing_scope_is_403(municipality, anon):
    reader = ApiClientFactory(municipality=municipality, scopes=["candidates.read"])
    anon.credentials(HTTP_AUTHORIZATION=f"Bearer {reader.token}")
    assert anon.get("/api/v1/candidates").status_code == 200
    response = anon.post("/api/v1/candidates", {}, format="json")
    assert response.status_code == 403
    assert response["Content-Type"] == "application/problem+json"
    assert anon.get("/api/v1/placements").status_code == 403


def test_other_municipality_records_are_invisible(api, municipality, other_municipality, team):
    own = CandidateFactory(municipality=municipality, team=team)
    foreign = CandidateFactory(municipality=other_municipality, team=team)
    listed = api.get("/api/v1/candidates").json()
    assert [c["uuid"] for c in listed["results"]] == [str(own.uuid)]
    response = api.get(f"/api/v1/candidates/{foreign.uuid}")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert api.patch(f"/api/v1/candidates/{foreign.uuid}", {"city": "X"}, format="json",
                     HTTP_IF_MATCH="*").status_code == 404


def test_trailing_slash_is_404_not_redirect(api, municipality, team):
    candidate = CandidateFactory(municipality=municipality, team=team)
    for path in ("/api/v1/candidates/", f"/api/v1/candidates/{candidate.uuid}/"):
        response = api.get(path)
        assert response.status_code == 404
        assert response["Content-Type"] == "application/problem+json"


def test_integer_ids_are_not_routes(api, municipality, team):
    candidate = CandidateFactory(municipality=municipality, team=team)
    assert api.get(f"/api/v1/candidates/{candidate.pk}").status_code == 404


def test_unknown_query_parameter_is_400(api):
    response = api.get("/api/v1/candidates?status=bemiddelbaar&foo=1&created_after=2025-01-01")
    assert response.status_code == 400
    # camelCase only: the snake_case name of a real filter is unknown too.
    assert problem_fields(response) == {"created_after": "unknown_parameter", "foo": "unknown_parameter"}


def test_query_parameters_on_detail_are_refused(api, municipality, team):
    candidate = CandidateFactory(municipality=municipality, team=team)
    assert api.get(f"/api/v1/candidates/{candidate.uuid}?status=x").status_code == 400


def test_api_version_header(api, anon):
    assert api.get("/api/v1/candidates")["API-Version"] == "1.0.0"
    assert anon.get("/api/v1/candidates")["API-Version"] == "1.0.0"
    assert anon.get("/api/v1/openapi.json")["API-Version"] == "1.0.0"


def test_openapi_and_docs_are_public(anon):
    schema = anon.get("/api/v1/openapi.json")
    assert schema.status_code == 200
    assert "/api/v1/candidates/_zoek" in schema.json()["paths"]
    assert anon.get("/api/v1/openapi.yaml").status_code == 200
    docs = anon.get("/api/v1/docs")
    assert docs.status_code == 200
    assert b"cdn" not in docs.content.lower()
    assert anon.get("/api/v1/redoc").status_code == 200


def test_throttling_per_client(api, anon, municipality, monkeypatch):
    cache.clear()
    monkeypatch.setenv("WSP_API_THROTTLE_RATE", "3/minute")
    for _ in range(3):  # the 2nd and 3rd come from the response cache, and count all the same
        assert api.get("/api/v1/candidates").status_code == 200
    response = api.get("/api/v1/candidates")
    assert response.status_code == 429
    assert response["Content-Type"] == "application/problem+json"
    assert "Retry-After" in response
    # Another client has its own budget.
    other = ApiClientFactory(municipality=municipality)
    anon.credentials(HTTP_AUTHORIZATION=f"Bearer {other.token}")
    assert anon.get("/api/v1/candidates").status_code == 200
    cache.clear()


def test_dates_are_iso_8601(api, municipality, team):
    candidate = CandidateFactory(municipality=municipality, team=team, birth_date=datetime.date(1990, 2, 3))
    body = api.get(f"/api/v1/candidates/{candidate.uuid}").json()
    assert body["birthDate"] == "1990-02-03"
    datetime.datetime.fromisoformat(body["createdAt"])


def test_each_rows_url_is_its_own_detail_url(api, municipality, team):
    candidates = CandidateFactory.create_batch(3, municipality=municipality, team=team)
    rows = api.get("/api/v1/candidates").json()["results"]
    assert {row["url"] for row in rows} == {f"http://testserver/api/v1/candidates/{c.uuid}" for c in candidates}
    detail = api.get(rows[0]["url"])
    assert detail.json()["uuid"] == rows[0]["uuid"]
