import logging

import pytest

from candidates.models import Candidate
from tests.factories.candidates import CandidateFactory, TargetGroupStatusFactory, bsn_from_sequence
from wsp_platform.audit.models import AuditEntry

from .conftest import problem_fields

pytestmark = pytest.mark.django_db

BSN = "111222333"  # passes the 11-proef


def valid_payload(**overrides):
    data = {
        "bsn": BSN,
        "firstName": "Sanne",
        "lastName": "de Vries",
        "birthDate": "1998-04-01",
        "postcode": "3511ab",
        "city": "Utrecht",
        "hoursAvailablePerWeek": 24,
        "wishedSectors": ["zorg"],
    }
    data.update(overrides)
    return data


def test_create_candidate_stores_bsn_encrypted_and_shows_it_masked(api, municipality, team):
    response = api.post("/api/v1/candidates", valid_payload(), format="json")
    assert response.status_code == 201, response.json()
    body = response.json()
    assert "bsn" not in body
    assert body["bsnMasked"] == "*****2333"
    assert body["municipality"] == "GM0344"
    assert body["postcode"] == "3511 AB"
    assert response["Location"] == body["url"]
    assert response["ETag"]
    candidate = Candidate.objects.get(uuid=body["uuid"])
    assert candidate.bsn == BSN
    assert BSN not in candidate.bsn_encrypted
    assert candidate.team == team
    entry = AuditEntry.objects.get(object_uuid=candidate.uuid, action="create")
    assert entry.channel == "api"
    assert BSN not in str(entry.changes)


def test_validation_errors_list_every_invalid_field(api, municipality, team):
    response = api.post(
        "/api/v1/candidates",
        {"bsn": "123456789", "email": "geen-email", "postcode": "99", "hoursAvailablePerWeek": 80,
         "wishedSectors": ["ruimtevaart"], "status": "onbekend"},
        format="json",
    )
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    fields = problem_fields(response)
    assert {"bsn", "firstName", "lastName", "birthDate", "email", "postcode", "hoursAvailablePerWeek",
            "wishedSectors.0", "status"} <= set(fields)
    reasons = {p["name"]: p["reason"] for p in response.json()["invalidParams"]}
    assert "elfproef" in reasons["bsn"]


def test_duplicate_bsn_is_reported_with_the_other_errors(api, municipality, team):
    CandidateFactory(municipality=municipality, team=team, bsn=BSN)
    response = api.post("/api/v1/candidates", valid_payload(postcode="x"), format="json")
    assert response.status_code == 400
    assert set(problem_fields(response)) == {"bsn", "postcode"}


def test_idempotency_key_returns_the_first_result(api, municipality, team):
    first = api.post("/api/v1/candidates", valid_payload(), format="json", HTTP_IDEMPOTENCY_KEY="abc-1")
    again = api.post("/api/v1/candidates", valid_payload(), format="json", HTTP_IDEMPOTENCY_KEY="abc-1")
    assert first.status_code == again.status_code == 201
    assert again.json()["uuid"] == first.json()["uuid"]
    assert again["Idempotent-Replayed"] == "true"
    assert Candidate.objects.count() == 1
    other_body = api.post("/api/v1/candidates", valid_payload(firstName="Ander"), format="json",
                          HTTP_IDEMPOTENCY_KEY="abc-1")
    assert other_body.status_code == 409
    assert other_body.json()["code"] == "idempotency_key_reused"


def test_failed_post_can_be_retried_with_the_same_key(api, municipality, team):
    bad = api.post("/api/v1/candidates", valid_payload(postcode="x"), format="json", HTTP_IDEMPOTENCY_KEY="k2")
    assert bad.status_code == 400
    good = api.post("/api/v1/candidates", valid_payload(postcode="x"), format="json", HTTP_IDEMPOTENCY_KEY="k2")
    assert good.status_code == 400  # same body, evaluated again (not replayed)
    assert api.post("/api/v1/candidates", valid_payload(), format="json",
                    HTTP_IDEMPOTENCY_KEY="k3").status_code == 201


def test_without_idempotency_key_a_retry_is_a_duplicate_error(api, municipality, team):
    assert api.post("/api/v1/candidates", valid_payload(), format="json").status_code == 201
    response = api.post("/api/v1/candidates", valid_payload(), format="json")
    assert response.status_code == 400
    assert problem_fields(response) == {"bsn": "unique"}


def test_if_match_is_required_and_checked(api, municipality, team):
    candidate = CandidateFactory(municipality=municipality, team=team, city="Utrecht")
    url = f"/api/v1/candidates/{candidate.uuid}"
    etag = api.get(url)["ETag"]

    missing = api.patch(url, {"city": "Zeist"}, format="json")
    assert missing.status_code == 428
    stale = api.patch(url, {"city": "Zeist"}, format="json", HTTP_IF_MATCH='"verouderd"')
    assert stale.status_code == 412
    candidate.refresh_from_db()
    assert candidate.city == "Utrecht"

    ok = api.patch(url, {"city": "Zeist"}, format="json", HTTP_IF_MATCH=etag)
    assert ok.status_code == 200, ok.json()
    assert ok.json()["city"] == "Zeist"
    assert ok["ETag"] != etag
    # The old ETag is now stale: a second writer with it is refused.
    assert api.patch(url, {"city": "Houten"}, format="json", HTTP_IF_MATCH=etag).status_code == 412
    assert api.put(url, valid_payload(), format="json").status_code == 428


def test_put_replaces_and_validates_all_fields(api, municipality, team):
    candidate = CandidateFactory(municipality=municipality, team=team)
    url = f"/api/v1/candidates/{candidate.uuid}"
    etag = api.get(url)["ETag"]
    response = api.put(url, {"firstName": ""}, format="json", HTTP_IF_MATCH=etag)
    assert response.status_code == 400
    assert {"firstName", "lastName", "birthDate", "postcode"} <= set(problem_fields(response))
    assert "bsn" not in problem_fields(response)


def test_search_by_bsn_in_the_body(api, municipality, other_municipality, team, caplog):
    own = CandidateFactory(municipality=municipality, team=team, bsn=BSN)
    foreign_bsn = bsn_from_sequence(777)
    CandidateFactory(municipality=other_municipality, team=team, bsn=foreign_bsn)
    caplog.set_level(logging.DEBUG)

    found = api.post("/api/v1/candidates/_zoek", {"bsn": BSN}, format="json")
    assert found.status_code == 200
    assert [c["uuid"] for c in found.json()["results"]] == [str(own.uuid)]
    assert api.post("/api/v1/candidates/_zoek", {"bsn": foreign_bsn}, format="json").json()["count"] == 0
    bad = api.post("/api/v1/candidates/_zoek", {"bsn": "12345"}, format="json")
    assert bad.status_code == 400
    assert problem_fields(bad) == {"bsn": "bsn_length"}
    assert BSN not in caplog.text
    assert foreign_bsn not in caplog.text
    assert api.get(f"/api/v1/candidates?bsn={BSN}").status_code == 400


def test_filters_in_camel_case_and_ordering(api, municipality, team):
    a = CandidateFactory(municipality=municipality, team=team, last_name="Aalders", status="bemiddelbaar",
                         hours_available_per_week=32)
    b = CandidateFactory(municipality=municipality, team=team, last_name="Bakker", status="geplaatst",
                         hours_available_per_week=8)
    TargetGroupStatusFactory(candidate=b, group="wajong")

    def uuids(query):
        response = api.get(f"/api/v1/candidates?{query}")
        assert response.status_code == 200, response.json()
        return [c["uuid"] for c in response.json()["results"]]

    assert uuids("status=geplaatst") == [str(b.uuid)]
    assert uuids("minHours=20") == [str(a.uuid)]
    assert uuids("targetGroup=wajong") == [str(b.uuid)]
    assert uuids("municipality=GM0344&ordering=-lastName") == [str(b.uuid), str(a.uuid)]
    bad = api.get("/api/v1/candidates?status=nonsense&minHours=veel")
    assert bad.status_code == 400
    assert set(problem_fields(bad)) == {"status", "minHours"}


def test_pagination_page_and_page_size(api, municipality, team):
    CandidateFactory.create_batch(5, municipality=municipality, team=team)
    body = api.get("/api/v1/candidates?pageSize=2&page=2").json()
    assert body["count"] == 5
    assert len(body["results"]) == 2
    assert "page=3" in body["next"] and "pageSize=2" in body["next"]
    assert "pageSize=2" in body["previous"]
    assert api.get("/api/v1/candidates?page=9").status_code == 404


def test_list_query_count_is_bounded(api, municipality, team, django_assert_max_num_queries):
    for candidate in CandidateFactory.create_batch(30, municipality=municipality, team=team):
        TargetGroupStatusFactory(candidate=candidate)
    # auth, throttle-free count, page, prefetch target groups (+ savepoint-free reads)
    with django_assert_max_num_queries(5):
        response = api.get("/api/v1/candidates?pageSize=30")
    assert len(response.json()["results"]) == 30


def test_import_upserts_all_or_nothing(api, municipality, team):
    existing = CandidateFactory(municipality=municipality, team=team, bsn=BSN, city="Utrecht")
    rows = [
        {"bsn": BSN, "city": "Nieuwegein"},
        valid_payload(bsn=bsn_from_sequence(501), firstName="Nieuw"),
    ]
    response = api.post("/api/v1/candidates/_import", {"candidates": rows}, format="json")
    assert response.status_code == 200, response.json()
    body = response.json()
    assert (body["created"], body["updated"]) == (1, 1)
    assert body["results"][0] == {"index": 0, "uuid": str(existing.uuid), "action": "updated"}
    existing.refresh_from_db()
    assert existing.city == "Nieuwegein"

    before = Candidate.objects.count()
    rows = [
        valid_payload(bsn=bsn_from_sequence(502)),
        valid_payload(bsn="123456789", postcode="x"),
        valid_payload(bsn=bsn_from_sequence(503), birthDate="gisteren"),
        valid_payload(bsn=bsn_from_sequence(502)),
    ]
    response = api.post("/api/v1/candidates/_import", {"candidates": rows}, format="json")
    assert response.status_code == 400
    assert Candidate.objects.count() == before
    report = response.json()
    assert [row["index"] for row in report["rows"]] == [1, 2, 3]
    assert {p["name"] for p in report["invalidParams"]} == {
        "candidates.1.bsn", "candidates.1.postcode", "candidates.2.birthDate", "candidates.3.bsn"}


def test_import_is_limited_to_1000_rows(api, municipality, team):
    response = api.post("/api/v1/candidates/_import", {"candidates": [{"bsn": BSN}] * 1001}, format="json")
    assert response.status_code == 400
    assert "candidates" in problem_fields(response)
