"""The API response cache (wsp_platform.api.cache): a repeated read costs no queries, and
no write, by whatever route, is ever answered with an older read."""

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.utils import timezone
from djangorestframework_camel_case.util import camelize as library_camelize

from candidates.models import Candidate
from tests.factories.api import ApiClientFactory
from tests.factories.candidates import CandidateFactory, TargetGroupStatusFactory
from wsp_platform.api import cache as api_cache
from wsp_platform.api.renderers import camelize
from wsp_platform.audit.models import AuditEntry

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


def _city_in_list(api, uuid_):
    body = api.get("/api/v1/candidates?pageSize=100").json()
    return {row["uuid"]: row["city"] for row in body["results"]}[str(uuid_)]


def test_repeated_read_is_answered_without_queries_and_with_the_same_headers(
    api, municipality, team, django_assert_num_queries
):
    candidate = CandidateFactory(municipality=municipality, team=team)
    TargetGroupStatusFactory(candidate=candidate)
    first = api.get(f"/api/v1/candidates/{candidate.uuid}", HTTP_X_REQUEST_ID="eerste")
    assert first.status_code == 200
    with django_assert_num_queries(0):
        second = api.get(f"/api/v1/candidates/{candidate.uuid}", HTTP_X_REQUEST_ID="tweede")
    assert second.content == first.content
    for header in ("Content-Type", "ETag", "API-Version", "Content-Security-Policy", "X-Content-Type-Options"):
        assert second[header] == first[header], header
    assert second["X-Request-ID"] == "tweede"
    listed = api.get("/api/v1/candidates?pageSize=10")
    with django_assert_num_queries(0):
        assert api.get("/api/v1/candidates?pageSize=10").content == listed.content


def test_the_wsgi_wrapper_answers_a_cached_read_before_django(api, api_client_record, municipality, team):
    """gunicorn serves ``wsp_platform.wsgi.application``: a cached read never reaches Django."""
    from rest_framework.test import APIRequestFactory

    from wsp_platform.api.cache import CachedApiReads

    CandidateFactory(municipality=municipality, team=team)
    first = api.get("/api/v1/candidates")
    calls = []

    def django(environ, start_response):
        calls.append(environ["PATH_INFO"])
        start_response("404 Not Found", [])
        return [b""]

    def request(path, token=api_client_record.token):
        environ = APIRequestFactory().get(path, HTTP_AUTHORIZATION=f"Bearer {token}").environ
        answered = []
        body = b"".join(CachedApiReads(django)(environ, lambda status, headers: answered.append((status, headers))))
        return answered[0][0], dict(answered[0][1]), body

    status, headers, body = request("/api/v1/candidates")
    assert (status, body, calls) == ("200 OK", first.content, [])
    assert headers["Content-Type"] == "application/json" and headers["API-Version"] == first["API-Version"]
    request("/api/v1/candidates?pageSize=5")  # never asked before: Django answers
    request("/api/v1/candidates", token="een-ander-token")
    assert calls == ["/api/v1/candidates", "/api/v1/candidates"]


def test_write_through_the_api_is_seen_by_the_next_read(api, municipality, team):
    candidate = CandidateFactory(municipality=municipality, team=team, city="Utrecht")
    before = api.get(f"/api/v1/candidates/{candidate.uuid}")
    assert _city_in_list(api, candidate.uuid) == "Utrecht"
    changed = api.patch(f"/api/v1/candidates/{candidate.uuid}", {"city": "Houten"}, format="json",
                        HTTP_IF_MATCH=before["ETag"])
    assert changed.status_code == 200, changed.json()
    after = api.get(f"/api/v1/candidates/{candidate.uuid}")
    assert after.json()["city"] == "Houten"
    assert after["ETag"] == changed["ETag"] != before["ETag"]
    assert _city_in_list(api, candidate.uuid) == "Houten"


def test_bulk_update_delete_and_related_rows_are_seen(api, municipality, team):
    """Writes that send no model signals (queryset.update, delete) and rows of another
    table shown in the answer (target groups) all move the data version."""
    candidate, gone = CandidateFactory.create_batch(2, municipality=municipality, team=team, city="Utrecht")
    assert _city_in_list(api, candidate.uuid) == "Utrecht"
    Candidate.objects.filter(pk=candidate.pk).update(city="IJsselstein")
    assert _city_in_list(api, candidate.uuid) == "IJsselstein"

    assert api.get(f"/api/v1/candidates/{candidate.uuid}").json()["targetGroups"] == []
    TargetGroupStatusFactory(candidate=candidate)
    assert len(api.get(f"/api/v1/candidates/{candidate.uuid}").json()["targetGroups"]) == 1

    assert api.get("/api/v1/candidates").json()["count"] == 2
    Candidate.objects.filter(pk=gone.pk).delete()
    assert api.get("/api/v1/candidates").json()["count"] == 1
    assert api.get(f"/api/v1/candidates/{gone.uuid}").status_code == 404


def test_scope_taken_away_is_refused_even_when_the_answer_is_cached(api, api_client_record, municipality, team):
    CandidateFactory(municipality=municipality, team=team)
    assert api.get("/api/v1/candidates").status_code == 200
    api_client_record.scopes = ["placements.read"]
    api_client_record.save()
    assert api.get("/api/v1/candidates").status_code == 403


def test_revoked_token_is_refused_even_when_the_answer_is_cached(api, api_client_record):
    assert api.get("/api/v1/candidates").status_code == 200
    api_client_record.revoked_at = timezone.now()
    api_client_record.save()
    assert api.get("/api/v1/candidates").status_code == 401


def test_another_client_never_gets_this_clients_answer(api, anon, municipality, other_municipality, team):
    mine = CandidateFactory(municipality=municipality, team=team)
    theirs = CandidateFactory(municipality=other_municipality, team=team)
    assert [r["uuid"] for r in api.get("/api/v1/candidates").json()["results"]] == [str(mine.uuid)]
    other = ApiClientFactory(municipality=other_municipality)
    anon.credentials(HTTP_AUTHORIZATION=f"Bearer {other.token}")
    assert [r["uuid"] for r in anon.get("/api/v1/candidates").json()["results"]] == [str(theirs.uuid)]
    anon.credentials(HTTP_AUTHORIZATION="Bearer een-verzonnen-token")
    assert anon.get("/api/v1/candidates").status_code == 401


def test_a_host_that_is_not_allowed_gets_400_not_a_cached_answer(api, caplog):
    assert api.get("/api/v1/candidates").status_code == 200
    assert api.get("/api/v1/candidates", HTTP_HOST="aanvaller.example").status_code == 400
    assert "API-cache" not in caplog.text


def test_a_write_in_a_transaction_moves_the_version_at_once_and_again_at_commit(
    municipality, team, django_capture_on_commit_callbacks
):
    candidate = CandidateFactory(municipality=municipality, team=team)
    start = api_cache.data_version()
    with django_capture_on_commit_callbacks() as callbacks:
        with transaction.atomic():
            candidate.city = "Zeist"
            candidate.save()
            Candidate.objects.filter(pk=candidate.pk).update(city="De Bilt")
            assert api_cache.data_version() == start + 1  # once per transaction, not per statement
    assert callbacks.count(api_cache.bump) == 1
    callbacks[callbacks.index(api_cache.bump)]()
    assert api_cache.data_version() == start + 2


def test_reads_and_unrelated_writes_keep_the_cache(api, municipality, team, django_assert_num_queries):
    CandidateFactory(municipality=municipality, team=team)
    version = api_cache.data_version()
    api.get("/api/v1/candidates")
    AuditEntry.objects.count()
    list(Candidate.objects.select_for_update().filter(municipality=municipality))
    cache.set("iets-anders", 1)
    assert api_cache.data_version() == version
    with django_assert_num_queries(0):
        api.get("/api/v1/candidates")
    assert not api_cache.writes_data('INSERT INTO "audit_auditentry" ("uuid") VALUES (%s)')
    assert not api_cache.writes_data('SELECT "id" FROM "candidates_candidate" FOR UPDATE')
    assert api_cache.writes_data('UPDATE "candidates_candidate" SET "city" = %s')
    assert api_cache.writes_data("truncate table employers_employer")


def test_with_the_cache_off_every_read_renders(api, settings, municipality, team, django_assert_max_num_queries):
    settings.WSP_API_CACHE = False
    CandidateFactory(municipality=municipality, team=team)
    api.get("/api/v1/candidates")
    with django_assert_max_num_queries(5) as captured:
        api.get("/api/v1/candidates")
    assert len(captured.captured_queries) >= 3  # client, count, page


def test_camelize_gives_what_the_library_gives():
    data = {
        "first_name": "Anna", "target_groups": [{"start_date": "2026-01-01", "beschut_werk_stage": None}],
        "nested_tuple": ({"a_b": 1}, 2), "plain_value": "met_underscore", "already": True, "amount_2": 3,
        7: "x", "naam_1_a": {"diep_er": [1, {"heel_diep": []}]},
    }
    assert camelize(data) == library_camelize(data)
    assert list(camelize(data)) == list(library_camelize(data))


@pytest.mark.integration
@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    not os.environ.get("REDIS_URL") or not settings.DATABASES["default"]["ENGINE"].endswith("postgresql"),
    reason="needs REDIS_URL and PostgreSQL",
)
def test_a_write_in_another_process_is_seen_through_the_shared_redis_cache(settings, municipality, team):
    """Two processes, one Redis: a Celery worker or another gunicorn worker writes, this
    process's next read is fresh."""
    prefix = f"wsp-test-{uuid.uuid4().hex[:8]}"
    settings.CACHES = {"default": {"BACKEND": "wsp_platform.core.cache.RedisCache",
                                   "LOCATION": os.environ["REDIS_URL"], "KEY_PREFIX": prefix}}
    from rest_framework.test import APIClient

    client_record = ApiClientFactory(municipality=municipality)
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {client_record.token}")
    candidate = CandidateFactory(municipality=municipality, team=team, city="Utrecht")
    assert _city_in_list(api, candidate.uuid) == "Utrecht"
    assert _city_in_list(api, candidate.uuid) == "Utrecht"  # now from Redis

    s = connection.settings_dict
    database_url = f"postgres://{s['USER']}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"
    script = (
        "import django; django.setup()\n"
        "from candidates.models import Candidate\n"
        f"c = Candidate.objects.get(uuid='{candidate.uuid}'); c.city = 'Vianen'; c.save()\n"
    )
    subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, check=True, timeout=60,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "wsp_platform.settings", "DATABASE_URL": database_url,
             "WSP_CACHE_KEY_PREFIX": prefix, "WSP_API_CACHE": "1"},
    )
    assert _city_in_list(api, candidate.uuid) == "Vianen"


@pytest.mark.integration
@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs REDIS_URL")
def test_the_throttle_counts_per_window_in_redis(settings, monkeypatch, api_client_record):
    """Production counts in Redis (one INCR+EXPIRE pipeline), not in the test's local cache."""
    from types import SimpleNamespace

    from wsp_platform.api import throttling

    prefix = f"wsp-test-{uuid.uuid4().hex[:8]}"
    settings.CACHES = {"default": {"BACKEND": "wsp_platform.core.cache.RedisCache",
                                   "LOCATION": os.environ["REDIS_URL"], "KEY_PREFIX": prefix}}
    monkeypatch.setenv("WSP_API_THROTTLE_RATE", "2/minute")
    monkeypatch.setattr(throttling, "time", SimpleNamespace(time=lambda: 1_800_000_010.0))  # 10 s into a window

    class Request:
        auth = api_client_record

    throttle = throttling.ClientRateThrottle()
    assert [throttle.allow_request(Request, None) for _ in range(3)] == [True, True, False]
    assert throttle.wait() == 50
