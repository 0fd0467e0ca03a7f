"""AVG: inzage export, anonymisation (by hand and by the retention job), consent withdrawal."""

import datetime
import json

import pytest
from django.urls import reverse

from candidates.models import Candidate
from candidates.privacy import (
    active_consents,
    anonymise_candidate,
    candidates_due_for_anonymisation,
    retention_ends_on,
    withdraw_consent,
)
from candidates.tasks import anonymise_expired_candidates
from tests.factories.candidates import CandidateFactory
from tests.factories.placements import PlacementFactory
from tests.security.conftest import SEEDED_BSN
from wsp_platform.audit.models import AuditAction, AuditEntry
from wsp_platform.audit.services import Actor
from wsp_platform.core import crypto


def test_retention_rule():
    assert retention_ends_on(None, None, 2) is None  # open file: never
    assert retention_ends_on(datetime.date(2024, 3, 1), None, 2) == datetime.date(2026, 3, 1)
    # The later of closing and the last placement's end counts.
    assert retention_ends_on(datetime.date(2024, 3, 1), datetime.date(2024, 9, 30), 2) == datetime.date(2026, 9, 30)
    assert retention_ends_on(datetime.date(2024, 2, 29), None, 2) == datetime.date(2026, 2, 28)


@pytest.mark.django_db
def test_inzage_export_holds_everything_and_is_logged(client, two_worlds):
    client.force_login(two_worlds.a.bemiddelaar)
    response = client.get(reverse("accounts:candidate_export", args=[two_worlds.a.candidate.uuid]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    assert data["kandidaat"]["bsn"] == SEEDED_BSN
    assert data["kandidaat"]["first_name"] == "KandidaatA"
    assert data["doelgroepen"][0]["group"]["waarde"] == "wajong"
    assert len(data["plaatsingen"]) == 1 and len(data["toestemmingen"]) == 1
    assert data["documenten"][0]["title"] == "Werkplan A"
    assert AuditEntry.objects.filter(action=AuditAction.EXPORT, object_uuid=two_worlds.a.candidate.uuid).count() == 1
    # The other team cannot export it.
    client.force_login(two_worlds.b.bemiddelaar)
    assert client.get(reverse("accounts:candidate_export", args=[two_worlds.a.candidate.uuid])).status_code == 404


@pytest.mark.django_db
def test_anonymise_removes_identity_keeps_statistics(two_worlds):
    candidate = two_worlds.a.candidate
    placement_pk = two_worlds.a.placement.pk
    anonymise_candidate(candidate, actor=Actor(user=two_worlds.roles["teamleider"]), reason="verzoek kandidaat")
    candidate = Candidate.objects.get(pk=candidate.pk)
    assert candidate.anonymised_at is not None
    assert candidate.first_name == "Geanonimiseerd" and candidate.email == "" and candidate.phone == ""
    assert candidate.bsn == "" and candidate.bsn_hash != crypto.keyed_hash(SEEDED_BSN)
    assert candidate.birth_date == datetime.date(1995, 1, 1)
    assert candidate.internal_notes == ""
    # Statistics remain: municipality, team, target group, placement.
    assert candidate.municipality == two_worlds.a.municipality
    assert candidate.target_groups.count() == 1
    assert candidate.placements.filter(pk=placement_pk).exists()
    # Documents are gone.
    from wsp_platform.core.models import Document

    assert not Document.objects.filter(object_id=placement_pk, title="Werkplan A").exists()
    entry = AuditEntry.objects.get(action=AuditAction.ANONYMISE)
    assert entry.purpose == "verzoek kandidaat" and SEEDED_BSN not in json.dumps(entry.changes)
    # The same BSN can be registered again (hash no longer taken); two anonymised rows never collide.
    other = CandidateFactory(team=two_worlds.a.team)
    anonymise_candidate(other, actor=Actor.system())
    assert Candidate.objects.filter(anonymised_at__isnull=False).count() == 2


@pytest.mark.django_db
def test_erase_view_is_for_teamleiders_and_needs_confirmation(client, two_worlds):
    url = reverse("accounts:erase_candidate", args=[two_worlds.a.candidate.uuid])
    client.force_login(two_worlds.a.bemiddelaar)
    assert client.post(url, {"bevestig": "ja"}).status_code == 404
    client.force_login(two_worlds.roles["teamleider"])
    client.post(url, {})
    assert Candidate.objects.get(pk=two_worlds.a.candidate.pk).anonymised_at is None
    assert client.post(url, {"bevestig": "ja", "toelichting": "verzoek"}).status_code == 302
    assert Candidate.objects.get(pk=two_worlds.a.candidate.pk).anonymised_at is not None


@pytest.mark.django_db
def test_retention_job_anonymises_only_expired_closed_files(two_worlds, settings):
    settings.WSP = {**settings.WSP, "RETENTION_YEARS_AFTER_LAST_PLACEMENT": 2}
    today = datetime.date(2026, 11, 1)
    team = two_worlds.a.team
    expired = CandidateFactory(team=team, closed_on=datetime.date(2024, 6, 1))
    too_recent = CandidateFactory(team=team, closed_on=datetime.date(2025, 6, 1))
    recent_placement = CandidateFactory(team=team, closed_on=datetime.date(2024, 1, 1))
    PlacementFactory(candidate=recent_placement, job=two_worlds.a.job, status="beeindigd",
                     end_reason="anders", end_date=datetime.date(2025, 3, 1))
    still_working = CandidateFactory(team=team, closed_on=datetime.date(2023, 1, 1))
    PlacementFactory(candidate=still_working, job=two_worlds.a.job, status="in_dienst",
                     start_date=datetime.date(2022, 1, 1))
    open_file = CandidateFactory(team=team, closed_on=None)
    due = set(candidates_due_for_anonymisation(today).values_list("pk", flat=True))
    assert due == {expired.pk}
    assert anonymise_expired_candidates.apply(args=[today.isoformat()]).get() == 1  # the task, run here
    assert anonymise_expired_candidates(today.isoformat()) == 0  # safe to run twice
    states = dict(Candidate.objects.values_list("pk", "anonymised_at"))
    assert states[expired.pk] is not None
    for pk in (too_recent.pk, recent_placement.pk, still_working.pk, open_file.pk):
        assert states[pk] is None
    assert AuditEntry.objects.filter(action=AuditAction.ANONYMISE, channel="task").count() == 1


def test_retention_job_is_scheduled(settings):
    tasks = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert "candidates.tasks.anonymise_expired_candidates" in tasks


@pytest.mark.django_db
def test_consent_withdrawal_stops_sharing_today(client, two_worlds):
    consent = two_worlds.a.consent
    assert consent in active_consents(two_worlds.a.candidate)
    client.force_login(two_worlds.a.bemiddelaar)
    response = client.post(reverse("accounts:consent_withdraw", args=[consent.uuid]), {"toelichting": "telefonisch"})
    assert response.status_code == 302
    consent.refresh_from_db()
    from django.utils import timezone

    assert consent.withdrawn_on == timezone.localdate()
    assert consent not in active_consents(two_worlds.a.candidate)
    assert AuditEntry.objects.filter(object_uuid=consent.uuid, action=AuditAction.UPDATE).count() == 1
    # Withdrawing again changes nothing.
    withdraw_consent(consent, actor=Actor.system())
    assert AuditEntry.objects.filter(object_uuid=consent.uuid).count() == 1
    # Another team cannot withdraw it.
    client.force_login(two_worlds.b.bemiddelaar)
    assert client.post(reverse("accounts:consent_withdraw", args=[two_worlds.a.consent.uuid])).status_code == 404
