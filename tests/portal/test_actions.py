"""What an employer user does in the portal lands with the WSP as a task and a timeline entry."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from employers.models import ContactMoment
from employers.portal.services import working_days_ahead
from placements.models import Signal, Task
from wsp_platform.audit.models import AuditEntry
from wsp_platform.core.models import Document

pytestmark = pytest.mark.django_db


def test_accept_introduction(portal_client, world_a):
    proposal = world_a.proposal_named
    response = portal_client.post(reverse("portal:proposal_respond", args=[proposal.uuid]), {"decision": "accepteren"})
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == "geaccepteerd" and proposal.responded_on == timezone.localdate()
    task = Task.objects.get(kind="werkgeversvraag", candidate=proposal.candidate)
    assert task.assignee == proposal.proposed_by and task.title.startswith("Kennismaking plannen")
    moment = ContactMoment.objects.get(employer=world_a.employer, summary__contains="geaccepteerd")
    assert not moment.shared_with_employer and moment.author == world_a.user
    assert AuditEntry.objects.filter(object_uuid=proposal.uuid, action="transition").count() == 1
    assert "Kennismaking geaccepteerd" in portal_client.get(reverse("portal:proposals")).content.decode()


def test_decline_needs_a_reason_and_feeds_the_history(portal_client, world_a):
    proposal = world_a.proposal_anonymous
    url = reverse("portal:proposal_respond", args=[proposal.uuid])
    response = portal_client.post(url, {"decision": "afwijzen", "reason": ""}, follow=True)
    assert "Geef kort aan waarom deze kandidaat niet past." in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.status == "voorgesteld"

    portal_client.post(url, {"decision": "afwijzen", "reason": "Te weinig uren beschikbaar"})
    proposal.refresh_from_db()
    assert proposal.status == "afgewezen" and proposal.response_reason == "Te weinig uren beschikbaar"
    task = Task.objects.get(kind="werkgeversvraag", candidate=proposal.candidate)
    assert "Te weinig uren beschikbaar" in task.description
    assert ContactMoment.objects.filter(employer=world_a.employer, summary__contains="Te weinig uren").exists()

    again = portal_client.post(url, {"decision": "accepteren"}, follow=True)
    assert "U heeft al op dit voorstel gereageerd." in again.content.decode()
    proposal.refresh_from_db()
    assert proposal.status == "afgewezen"


@pytest.mark.parametrize("kind", ["vacature", "werk_zonder_vacature"])
def test_work_request_becomes_task_for_account_holder(portal_client, world_a, kind):
    response = portal_client.post(
        reverse("portal:work_request"),
        {"kind": kind, "title": "Hulp in de spoelkeuken", "description": "Vaat en afruimen, ochtenden",
         "hours_per_week": "16"},
    )
    assert response.status_code == 302
    task = Task.objects.get(kind="werkgeversvraag", employer=world_a.employer)
    assert task.assignee == world_a.employer.account_holder
    assert "Hulp in de spoelkeuken" in task.title and "Uren per week: 16" in task.description
    assert task.due_date == working_days_ahead(timezone.localdate(), 3)
    assert ContactMoment.objects.filter(employer=world_a.employer, summary__contains="spoelkeuken").exists()
    jobs_page = portal_client.get(reverse("portal:jobs")).content.decode()
    assert "Hulp in de spoelkeuken" in jobs_page and "in behandeling" in jobs_page


def test_work_request_errors_in_dutch(portal_client):
    response = portal_client.post(reverse("portal:work_request"), {"kind": "vacature", "title": "", "description": ""})
    assert response.status_code == 200
    assert "Controleer het formulier" in response.content.decode()
    assert not Task.objects.filter(kind="werkgeversvraag").exists()


def test_report_absence(portal_client, world_a):
    response = portal_client.post(
        reverse("portal:signal", args=[world_a.placement.uuid]),
        {"kind": "verzuim", "message": "Vandaag en morgen afwezig, ziek gemeld"},
    )
    assert response.status_code == 302
    signal = Signal.objects.get(placement=world_a.placement, raised_by_employer=True)
    assert signal.kind == "verzuim" and signal.raised_by == world_a.user
    task = Task.objects.get(kind="signaal", placement=world_a.placement)
    assert task.assignee == world_a.placement.owner and task.due_date == timezone.localdate()
    assert task.assignee.notifications.filter(task=task).exists()
    moment = ContactMoment.objects.get(placement=world_a.placement, summary__contains="Verzuim")
    assert moment.candidate == world_a.candidate
    # The employer's own message is not counted as the last WSP contact.
    html = portal_client.get(reverse("portal:home")).content.decode()
    assert world_a.private_report.occurred_at.astimezone().strftime("%d-%m-%Y") in html


def test_signal_form_refuses_unknown_kind(portal_client, world_a):
    response = portal_client.post(
        reverse("portal:signal", args=[world_a.placement.uuid]), {"kind": "loonwaarde_gedaald", "message": "x"}
    )
    assert response.status_code == 200
    assert not Signal.objects.filter(raised_by_employer=True).exists()


def test_upload_and_download_document(portal_client, world_a):
    url = reverse("portal:document_upload", args=[world_a.placement.uuid])
    upload = SimpleUploadedFile("getekend-contract.pdf", b"%PDF-1.4 getekend", content_type="application/pdf")
    response = portal_client.post(url, {"file": upload, "title": "Getekend contract", "document_type": "contract"})
    assert response.status_code == 302
    document = Document.objects.get(title="Getekend contract")
    assert document.shared_with_employer and document.uploaded_by == world_a.user
    assert Task.objects.filter(placement=world_a.placement, title__startswith="Document van werkgever").exists()
    download = portal_client.get(reverse("portal:document_download", args=[document.uuid]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == b"%PDF-1.4 getekend"
    assert AuditEntry.objects.filter(object_uuid=document.uuid, action="read").exists()


def test_upload_refuses_bad_type_and_size(portal_client, world_a, settings):
    url = reverse("portal:document_upload", args=[world_a.placement.uuid])
    bad = SimpleUploadedFile("script.exe", b"MZ", content_type="application/octet-stream")
    response = portal_client.post(url, {"file": bad, "document_type": "overig"}, follow=True)
    assert "Bestandstype .exe is niet toegestaan" in response.content.decode()
    settings.DOCUMENT_MAX_UPLOAD_BYTES = 10
    big = SimpleUploadedFile("groot.pdf", b"x" * 11, content_type="application/pdf")
    response = portal_client.post(url, {"file": big, "document_type": "overig"}, follow=True)
    assert "te groot" in response.content.decode()
    assert not Document.objects.filter(uploaded_by=world_a.user).exists()


def test_working_days_ahead_skips_weekends():
    friday = datetime.date(2026, 11, 20)
    assert working_days_ahead(friday, 0) == friday
    assert working_days_ahead(friday, 1) == datetime.date(2026, 11, 23)
    assert working_days_ahead(friday, 3) == datetime.date(2026, 11, 25)
