"""The audit trail: one row per change, in the same transaction, append-only."""

import datetime

import pytest
from django.db import connection, transaction
from django.urls import reverse

from placements.services import create_task, transition_placement
from tests.factories.placements import PlacementFactory
from wsp_platform.accounts.services import reassign_caseload
from wsp_platform.audit.models import AuditAction, AuditEntry, Channel
from wsp_platform.audit.services import Actor, record, record_read


def _rows():
    return AuditEntry.objects.count()


@pytest.mark.django_db
def test_transition_placement_writes_exactly_one_row(two_worlds):
    placement = PlacementFactory(candidate=two_worlds.a.candidate, job=two_worlds.a.job, status="voorgesteld")
    before = _rows()
    transition_placement(placement, "kennismaking", actor=Actor(user=two_worlds.a.bemiddelaar))
    assert _rows() == before + 1
    entry = AuditEntry.objects.first()
    assert (entry.action, entry.object_uuid, entry.user) == (
        AuditAction.TRANSITION, placement.uuid, two_worlds.a.bemiddelaar,
    )
    assert entry.changes["status"] == ["voorgesteld", "kennismaking"]
    assert entry.channel == Channel.UI
    # The candidate's name is not in the row: it must stay harmless after anonymisation.
    assert two_worlds.a.candidate.first_name not in entry.object_repr


@pytest.mark.django_db
def test_create_task_writes_exactly_one_row(two_worlds):
    before = _rows()
    create_task(title="Bellen", due_date=datetime.date(2026, 12, 1), actor=Actor.system(),
                assignee=two_worlds.a.bemiddelaar)
    assert _rows() == before + 1
    assert AuditEntry.objects.first().channel == Channel.TASK


@pytest.mark.django_db
def test_audit_row_rolls_back_with_the_change(two_worlds):
    placement = PlacementFactory(candidate=two_worlds.a.candidate, job=two_worlds.a.job, status="voorgesteld")
    before = _rows()
    with pytest.raises(RuntimeError), transaction.atomic():
        transition_placement(placement, "kennismaking", actor=Actor(user=two_worlds.a.bemiddelaar))
        raise RuntimeError("the rest of the use case failed")
    assert _rows() == before
    placement.refresh_from_db()
    assert placement.status == "voorgesteld"


@pytest.mark.django_db
def test_reassign_caseload_one_row_per_moved_candidate(two_worlds):
    from tests.factories.accounts import UserFactory

    colleague = UserFactory(username="collega-A", team=two_worlds.a.team)
    teamleider = two_worlds.roles["teamleider"]
    before = _rows()
    moved = reassign_caseload([two_worlds.a.candidate], colleague, actor=Actor(user=teamleider))
    assert moved == 1
    assert _rows() == before + 1
    two_worlds.a.candidate.refresh_from_db()
    assert two_worlds.a.candidate.owner == colleague
    # Moving again to the same owner changes nothing and writes nothing.
    assert reassign_caseload([two_worlds.a.candidate], colleague, actor=Actor(user=teamleider)) == 0
    assert _rows() == before + 1


@pytest.mark.django_db
def test_a_bemiddelaar_cannot_reassign_and_a_teamleider_not_across_teams(two_worlds):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        reassign_caseload([two_worlds.a.candidate], two_worlds.a.bemiddelaar,
                          actor=Actor(user=two_worlds.a.bemiddelaar))
    with pytest.raises(PermissionDenied):
        reassign_caseload([two_worlds.b.candidate], two_worlds.a.bemiddelaar,
                          actor=Actor(user=two_worlds.roles["teamleider"]))


@pytest.mark.django_db
def test_sensitive_values_are_masked(two_worlds):
    entry = record(Actor.system(), AuditAction.UPDATE, two_worlds.a.candidate,
                   changes={"bsn": ("111222333", "736160231"), "benefit": ("geen", "wajong"),
                            "last_name": ("Jansen", "Pietersen"), "status": ("aanmelding", "bemiddelbaar")})
    assert entry.changes["bsn"] == ["***", "***"]
    assert entry.changes["benefit"] == ["***", "***"]
    assert entry.changes["last_name"] == ["***", "***"]
    assert entry.changes["status"] == ["aanmelding", "bemiddelbaar"]


@pytest.mark.django_db
def test_orm_update_and_delete_are_refused(two_worlds):
    entry = record_read(Actor(user=two_worlds.a.bemiddelaar), two_worlds.a.candidate, ["bsn"], "controle")
    with pytest.raises(PermissionError):
        AuditEntry.objects.filter(pk=entry.pk).update(purpose="weg")
    with pytest.raises(PermissionError):
        AuditEntry.objects.filter(pk=entry.pk).delete()
    with pytest.raises(PermissionError):
        entry.purpose = "anders"
        entry.save()
    with pytest.raises(PermissionError):
        entry.delete()


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="database trigger exists on PostgreSQL only")
def test_raw_sql_update_and_delete_are_refused_by_the_database(two_worlds):
    from django.db import DatabaseError

    entry = record_read(Actor(user=two_worlds.a.bemiddelaar), two_worlds.a.candidate, ["bsn"], "controle")
    statements = ("UPDATE audit_auditentry SET purpose = 'weg' WHERE id = %s",
                  "DELETE FROM audit_auditentry WHERE id = %s")
    for sql in statements:
        with pytest.raises(DatabaseError, match="alleen-toevoegen"), transaction.atomic(), connection.cursor() as cur:
            cur.execute(sql, [entry.pk])
    assert AuditEntry.objects.get(pk=entry.pk).purpose == "controle"


@pytest.mark.django_db
def test_admin_is_read_only(two_worlds):
    from django.contrib.admin.sites import site

    model_admin = site._registry[AuditEntry]
    assert not model_admin.has_change_permission(None)
    assert not model_admin.has_delete_permission(None)
    assert not model_admin.has_add_permission(None)


@pytest.mark.django_db
def test_reveal_bsn_is_post_only_and_logged_with_purpose(client, two_worlds):
    candidate = two_worlds.a.candidate
    client.force_login(two_worlds.a.bemiddelaar)
    url = reverse("accounts:reveal_bsn", args=[candidate.uuid])
    assert client.get(url).status_code == 405
    response = client.post(url, {"toelichting": "aanvraag LKS bij UWV"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert candidate.bsn in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    entry = AuditEntry.objects.get(action=AuditAction.READ, object_uuid=candidate.uuid)
    assert entry.changes == {"fields": ["bsn"]}
    assert entry.purpose == "aanvraag LKS bij UWV"
    assert entry.user == two_worlds.a.bemiddelaar
    assert entry.request_id  # the request id from the middleware
    # Another team's bemiddelaar: 404, and nothing logged.
    client.force_login(two_worlds.b.bemiddelaar)
    assert client.post(url).status_code == 404
    assert AuditEntry.objects.filter(action=AuditAction.READ).count() == 1


@pytest.mark.django_db
def test_record_read_for_the_api(two_worlds):
    from tests.factories.api import ApiClientFactory

    api_client = ApiClientFactory(municipality=two_worlds.a.municipality)
    entry = record_read(Actor(api_client=api_client, channel=Channel.API), two_worlds.a.candidate,
                        ["bsn", "target_groups"], purpose="X-Audit-Toelichting: herbeoordeling")
    assert entry.channel == Channel.API and entry.api_client == api_client and entry.user is None
    assert entry.changes == {"fields": ["bsn", "target_groups"]}


@pytest.mark.django_db
def test_trail_visible_on_record_via_inclusion_tag(rf, two_worlds):
    from django.template import Context, Template

    record_read(Actor(user=two_worlds.a.bemiddelaar), two_worlds.a.candidate, ["bsn"], "controle dossier")
    request = rf.get("/")
    request.user = two_worlds.roles["teamleider"]
    html = Template("{% load audit_tags %}{% audit_trail obj %}").render(
        Context({"obj": two_worlds.a.candidate, "request": request})
    )
    assert "Audittrail" in html and "Ingezien" in html and "controle dossier" in html
    assert reverse("accounts:audit_search") in html


@pytest.mark.django_db
def test_teamleider_searches_and_exports_only_their_team(client, two_worlds, django_assert_max_num_queries):
    record_read(Actor(user=two_worlds.a.bemiddelaar), two_worlds.a.candidate, ["bsn"], "team A inzage")
    record_read(Actor(user=two_worlds.b.bemiddelaar), two_worlds.b.candidate, ["bsn"], "team B inzage")
    client.force_login(two_worlds.roles["teamleider"])
    with django_assert_max_num_queries(12):
        html = client.get(reverse("accounts:audit_search"), {"actie": "read"}).content.decode()
    assert "team A inzage" in html and "team B inzage" not in html
    response = client.get(reverse("accounts:audit_export"), {"actie": "read"})
    body = b"".join(response.streaming_content).decode()
    assert response["Content-Type"].startswith("text/csv")
    assert "team A inzage" in body and "team B inzage" not in body
    assert AuditEntry.objects.filter(action=AuditAction.EXPORT, object_type="audit.auditentry").exists()
    # A bemiddelaar does not reach the audit search.
    client.force_login(two_worlds.a.bemiddelaar)
    assert client.get(reverse("accounts:audit_search")).status_code == 404


@pytest.mark.django_db
def test_audit_search_refuses_end_before_start(client, two_worlds):
    client.force_login(two_worlds.roles["teamleider"])
    html = client.get(reverse("accounts:audit_search"), {"van": "2026-05-01", "tot": "2026-04-01"}).content.decode()
    assert "De einddatum ligt vóór de begindatum." in html
