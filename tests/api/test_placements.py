import json
from unittest import mock

import pytest

from placements.models import Placement, Proposal
from tests.factories.api import WebhookSubscriptionFactory
from tests.factories.candidates import CandidateFactory
from tests.factories.employers import JobFactory
from tests.factories.placements import PlacementFactory, TaskFactory
from wsp_platform.api.models import WebhookDelivery
from wsp_platform.api.tasks import sign

from .conftest import problem_fields

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _deliver_in_process():
    """Run webhook deliveries in-process even when REDIS_URL points at a real broker."""
    from wsp_platform.api.tasks import deliver_webhook

    with mock.patch.object(deliver_webhook, "delay", side_effect=lambda pk: deliver_webhook.apply(args=[pk])):
        yield


@pytest.fixture
def placement(municipality, team, region):
    candidate = CandidateFactory(municipality=municipality, team=team)
    return PlacementFactory(candidate=candidate, job=JobFactory(employer__region=region), status="kennismaking")


def test_placement_detail_and_other_municipality(api, placement, other_municipality, team):
    response = api.get(f"/api/v1/placements/{placement.uuid}")
    assert response.status_code == 200
    body = response.json()
    assert body["candidate"] == str(placement.candidate.uuid)
    assert body["status"] == "kennismaking"
    foreign = PlacementFactory(candidate=CandidateFactory(municipality=other_municipality, team=team))
    assert api.get(f"/api/v1/placements/{foreign.uuid}").status_code == 404
    assert api.post(f"/api/v1/placements/{foreign.uuid}/transition", {"status": "beeindigd"},
                    format="json").status_code == 404


def test_transition_calls_the_service(api, placement):
    response = api.post(f"/api/v1/placements/{placement.uuid}/transition",
                        {"status": "in_dienst", "startDate": "2026-02-01"}, format="json")
    assert response.status_code == 200, response.json()
    assert response.json()["status"] == "in_dienst"
    assert response.json()["startDate"] == "2026-02-01"
    assert placement.status_changes.filter(to_status="in_dienst").exists()


def test_refused_transition_is_409_with_dutch_reason(api, placement):
    response = api.post(f"/api/v1/placements/{placement.uuid}/transition", {"status": "nazorg"}, format="json")
    assert response.status_code == 409
    assert response["Content-Type"] == "application/problem+json"
    assert "Van Kennismaking naar Nazorg kan niet" in response.json()["detail"]
    placement.refresh_from_db()
    assert placement.status == "kennismaking"


def test_transition_missing_data_is_400_on_the_field(api, placement):
    response = api.post(f"/api/v1/placements/{placement.uuid}/transition", {"status": "in_dienst"}, format="json")
    assert response.status_code == 400
    assert problem_fields(response) == {"startDate": "required"}
    invalid = api.post(f"/api/v1/placements/{placement.uuid}/transition",
                       {"status": "vliegen", "startDate": "morgen"}, format="json")
    assert set(problem_fields(invalid)) == {"status", "startDate"}


def test_patch_placement_requires_if_match(api, placement):
    url = f"/api/v1/placements/{placement.uuid}"
    assert api.patch(url, {"supervisorName": "Henk"}, format="json").status_code == 428
    etag = api.get(url)["ETag"]
    response = api.patch(url, {"supervisorName": "Henk", "status": "beeindigd"}, format="json", HTTP_IF_MATCH=etag)
    assert response.status_code == 200
    assert response.json()["supervisorName"] == "Henk"
    assert response.json()["status"] == "kennismaking"  # status only through transitions


def test_placement_filters_and_query_count(api, placement, municipality, team, region,
                                           django_assert_max_num_queries):
    for _ in range(10):
        PlacementFactory(candidate=CandidateFactory(municipality=municipality, team=team),
                         job=JobFactory(employer__region=region))
    with django_assert_max_num_queries(4):
        body = api.get("/api/v1/placements?pageSize=50").json()
    assert body["count"] == 11
    body = api.get("/api/v1/placements?status=kennismaking").json()
    assert [p["uuid"] for p in body["results"]] == [str(placement.uuid)]
    assert api.get(f"/api/v1/placements?employer={placement.employer.uuid}").json()["count"] == 1


def test_propose_candidate_creates_proposal_and_placement(api, municipality, team, region):
    candidate = CandidateFactory(municipality=municipality, team=team)
    job = JobFactory(employer__region=region)
    payload = {"candidate": str(candidate.uuid), "job": str(job.uuid), "origin": "netwerk"}
    response = api.post("/api/v1/proposals", payload, format="json", HTTP_IDEMPOTENCY_KEY="voorstel-1")
    assert response.status_code == 201, response.json()
    proposal = Proposal.objects.get(uuid=response.json()["uuid"])
    assert response.json()["placement"] == str(proposal.placement.uuid)
    again = api.post("/api/v1/proposals", payload, format="json", HTTP_IDEMPOTENCY_KEY="voorstel-1")
    assert again.json()["uuid"] == response.json()["uuid"]
    assert Placement.objects.count() == 1
    duplicate = api.post("/api/v1/proposals", payload, format="json")
    assert duplicate.status_code == 400
    assert problem_fields(duplicate) == {"job": "invalid"}


def test_proposal_for_a_foreign_candidate_is_refused(api, other_municipality, team, region):
    foreign = CandidateFactory(municipality=other_municipality, team=team)
    response = api.post("/api/v1/proposals", {"candidate": str(foreign.uuid), "job": "not-a-uuid",
                                              "origin": "x"}, format="json")
    assert response.status_code == 400
    assert set(problem_fields(response)) == {"candidate", "job", "origin"}


def test_tasks_are_scoped_and_can_be_completed(api, placement, other_municipality, team):
    own = TaskFactory(candidate=placement.candidate)
    TaskFactory(candidate=CandidateFactory(municipality=other_municipality, team=team))
    body = api.get("/api/v1/tasks").json()
    assert [t["uuid"] for t in body["results"]] == [str(own.uuid)]
    created = api.post("/api/v1/tasks", {"title": "Bel werkgever", "dueDate": "2026-12-01",
                                         "placement": str(placement.uuid)}, format="json")
    assert created.status_code == 201, created.json()
    assert created.json()["candidate"] == str(placement.candidate.uuid)
    done = api.post(f"/api/v1/tasks/{own.uuid}/complete", {"note": "Gedaan"}, format="json")
    assert done.json()["status"] == "afgerond"
    assert api.post(f"/api/v1/tasks/{own.uuid}/complete", {}, format="json").status_code == 409
    missing = api.post("/api/v1/tasks", {}, format="json")
    assert set(problem_fields(missing)) == {"title", "dueDate"}


def test_webhook_on_transition_is_signed_and_logged(api, placement, api_client_record,
                                                    django_capture_on_commit_callbacks):
    subscription = WebhookSubscriptionFactory(client=api_client_record, events=["placement.status_changed"])
    with mock.patch("wsp_platform.api.tasks.send", return_value=204) as send:
        with django_capture_on_commit_callbacks(execute=True):
            api.post(f"/api/v1/placements/{placement.uuid}/transition",
                     {"status": "beeindigd", "endReason": "geen_match"}, format="json")
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == "delivered" and delivery.attempts == 1
    url, body, headers = send.call_args.args
    assert url == subscription.url
    payload = json.loads(body)
    assert payload["event"] == "placement.status_changed"
    assert payload["uuid"] == str(placement.uuid)
    assert payload["status"] == "beeindigd"
    assert headers["X-WSP-Signature"] == sign("geheim", headers["X-WSP-Timestamp"], body)
    assert placement.candidate.last_name not in body.decode()


def test_webhook_failure_is_retried_and_logged(placement, api_client_record, django_capture_on_commit_callbacks):
    from celery.exceptions import Retry

    from wsp_platform.api.tasks import deliver_webhook

    WebhookSubscriptionFactory(client=api_client_record)
    # Without a broker the request never fails because a subscriber is down.
    with mock.patch("wsp_platform.api.tasks.send", side_effect=OSError("verbinding geweigerd")):
        with django_capture_on_commit_callbacks(execute=True):
            PlacementFactory(candidate=placement.candidate, job=placement.job)
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts) == ("pending", 1)
    assert "verbinding geweigerd" in delivery.last_error
    # On a worker, a failure schedules a retry; the next attempt succeeds.
    with mock.patch("wsp_platform.api.tasks.send", side_effect=OSError("time-out")):
        with mock.patch.object(deliver_webhook, "retry", side_effect=Retry("later")) as retry:
            with pytest.raises(Retry):
                deliver_webhook.run(delivery.pk)
    assert retry.call_args.kwargs["countdown"] == 30
    with mock.patch("wsp_platform.api.tasks.send", return_value=200):
        assert deliver_webhook.run(delivery.pk) == "delivered"
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.response_status) == ("delivered", 3, 200)


def test_no_webhook_for_other_municipality(placement, other_municipality, django_capture_on_commit_callbacks):
    from tests.factories.api import ApiClientFactory

    WebhookSubscriptionFactory(client=ApiClientFactory(municipality=other_municipality))
    with django_capture_on_commit_callbacks(execute=True):
        PlacementFactory(candidate=placement.candidate, job=placement.job)
    assert not WebhookDelivery.objects.exists()


def test_work_adjustments_recorded_and_listed(api, placement, other_municipality, team):
    from wsp_platform.audit.models import AuditEntry

    url = f"/api/v1/placements/{placement.uuid}/work-adjustments"
    response = api.post(url, {"adjustmentType": "rooster", "description": ""}, format="json")
    assert response.status_code == 400
    assert set(problem_fields(response)) == {"adjustmentType", "madeOn", "description"}
    assert not placement.adjustments.exists()

    response = api.post(url, {"adjustmentType": "werkplek", "madeOn": "2026-11-16",
                              "description": "Eigen werkplek in de stille ruimte, koptelefoon",
                              "owner": "werkbegeleider"}, format="json")
    assert response.status_code == 201, response.content
    assert response.json()["adjustmentType"] == "werkplek"
    adjustment = placement.adjustments.get()
    assert AuditEntry.objects.filter(object_uuid=adjustment.uuid, action="create").count() == 1
    listed = api.get(url).json()["results"]
    assert [a["description"] for a in listed] == ["Eigen werkplek in de stille ruimte, koptelefoon"]

    foreign = PlacementFactory(candidate=CandidateFactory(municipality=other_municipality, team=team))
    assert api.get(f"/api/v1/placements/{foreign.uuid}/work-adjustments").status_code == 404
    assert api.post(f"/api/v1/placements/{foreign.uuid}/work-adjustments", {
        "adjustmentType": "werkplek", "madeOn": "2026-11-16", "description": "x"}, format="json").status_code == 404
    assert not foreign.adjustments.exists()
