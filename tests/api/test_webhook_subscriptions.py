"""A municipal system manages its own webhook subscriptions through the API."""

import json
from unittest import mock

import pytest

from tests.factories.api import ApiClientFactory, WebhookSubscriptionFactory
from tests.factories.candidates import CandidateFactory
from tests.factories.employers import JobFactory
from tests.factories.placements import PlacementFactory
from wsp_platform.api.models import WebhookDelivery, WebhookSubscription
from wsp_platform.api.tasks import sign
from wsp_platform.audit.models import AuditEntry

from .conftest import problem_fields

pytestmark = pytest.mark.django_db
URL = "/api/v1/webhook-subscriptions"


@pytest.fixture(autouse=True)
def _deliver_in_process():
    from wsp_platform.api.tasks import deliver_webhook

    with mock.patch.object(deliver_webhook, "delay", side_effect=lambda pk: deliver_webhook.apply(args=[pk])):
        yield


def test_subscribe_receive_a_signed_notification_and_cancel(api, api_client_record, municipality, team, region,
                                                           django_capture_on_commit_callbacks):
    bad = api.post(URL, {"url": "geen-url", "events": ["placement.status_changed", "iets.anders"]}, format="json")
    assert bad.status_code == 400
    assert problem_fields(bad) == {"url": "invalid", "events.1": "invalid_choice"}
    assert not WebhookSubscription.objects.exists()

    created = api.post(URL, {"url": "https://gemeente.example/hooks/wsp", "events": ["placement.status_changed"]},
                       format="json")
    assert created.status_code == 201, created.content
    body = created.json()
    secret = body["secret"]
    assert len(secret) >= 20 and body["events"] == ["placement.status_changed"] and body["isActive"] is True
    detail = api.get(f"{URL}/{body['uuid']}").json()
    assert "secret" not in detail  # shown once
    assert [s["uuid"] for s in api.get(URL).json()["results"]] == [body["uuid"]]
    assert AuditEntry.objects.filter(object_uuid=body["uuid"], action="create").count() == 1

    placement = PlacementFactory(candidate=CandidateFactory(municipality=municipality, team=team),
                                 job=JobFactory(employer__region=region), status="kennismaking")
    with mock.patch("wsp_platform.api.tasks.send", return_value=204) as send:
        with django_capture_on_commit_callbacks(execute=True):
            api.post(f"/api/v1/placements/{placement.uuid}/transition",
                     {"status": "beeindigd", "endReason": "geen_match"}, format="json")
    url, payload, headers = send.call_args.args
    assert url == "https://gemeente.example/hooks/wsp"
    assert json.loads(payload)["event"] == "placement.status_changed"
    assert headers["X-WSP-Signature"] == sign(secret, headers["X-WSP-Timestamp"], payload)

    assert api.delete(f"{URL}/{body['uuid']}").status_code == 204
    assert api.get(URL).json()["results"] == []
    assert api.delete(f"{URL}/{body['uuid']}").status_code == 404
    # The delivery log of a cancelled subscription stays.
    assert WebhookDelivery.objects.filter(subscription__uuid=body["uuid"]).count() == 1


def test_another_clients_subscription_does_not_exist_for_me(api):
    foreign = WebhookSubscriptionFactory(client=ApiClientFactory())
    assert api.get(f"{URL}/{foreign.uuid}").status_code == 404
    assert api.delete(f"{URL}/{foreign.uuid}").status_code == 404
    assert api.get(URL).json()["results"] == []
    foreign.refresh_from_db()
    assert foreign.is_active


def test_subscriptions_need_a_token(anon):
    assert anon.get(URL).status_code == 401
    assert anon.post(URL, {"url": "https://x.example/h"}, format="json").status_code == 401
