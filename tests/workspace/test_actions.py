"""Forms and actions: what a bemiddelaar does, and what they see when input is wrong."""

import csv
import datetime
import io

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from candidates.models import Candidate
from employers.models import ContactMoment
from placements.models import Placement, Task
from tests.factories.candidates import ConsentFactory
from tests.factories.placements import TaskFactory
from wsp_platform.core.models import Document

VALID_BSN = "111222333"


def candidate_data(world, **overrides):
    data = {
        "first_name": "Noor", "last_name": "Bakker", "birth_date": "1998-03-04", "postcode": "3511ab",
        "city": "Utrecht", "municipality": world.municipality.pk, "benefit": "bijstand", "status": "aanmelding",
        "owner": world.user.pk, "team": world.team.pk, "hours_available_per_week": "20", "travel_radius_km": "10",
        "mobility": "fiets", "education_level": "2", "work_fit_status": "bijna", "bsn": VALID_BSN,
        "wished_sectors": ["zorg", "groen"],
    }
    data.update(overrides)
    return data


@pytest.mark.django_db
def test_create_candidate_and_see_masked_bsn(staff_client, world):
    response = staff_client.post(reverse("candidates:create"), candidate_data(world))
    candidate = Candidate.objects.get(last_name="Bakker")
    assert response.status_code == 302
    assert response["Location"] == reverse("candidates:detail", args=[candidate.uuid])
    assert candidate.bsn == VALID_BSN and candidate.postcode == "3511 AB"
    assert candidate.wished_sectors == ["zorg", "groen"]
    html = staff_client.get(response["Location"]).content.decode()
    assert "*****2333" in html and VALID_BSN not in html


@pytest.mark.django_db
def test_candidate_form_reshows_input_and_explains_errors_in_dutch(staff_client, world):
    response = staff_client.post(
        reverse("candidates:create"),
        candidate_data(world, bsn="123456789", postcode="12", first_name="Noor", last_name="", birth_date=""),
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Dit BSN is ongeldig: het voldoet niet aan de elfproef." in html
    assert "Een postcode heeft de vorm 1234 AB." in html
    assert "Dit veld is vereist." in html
    assert 'value="Noor"' in html  # what was typed is still there
    assert "Controleer het formulier" in html
    assert not Candidate.objects.filter(first_name="Noor").exists()


@pytest.mark.django_db
def test_duplicate_bsn_is_refused_in_dutch(staff_client, world):
    response = staff_client.post(reverse("candidates:create"), candidate_data(world, bsn=world.candidate.bsn))
    assert "Er is al een kandidaat met dit BSN." in response.content.decode()
    assert Candidate.objects.count() == 3


@pytest.mark.django_db
def test_edit_candidate_keeps_bsn_when_left_empty(staff_client, world):
    url = reverse("candidates:edit", args=[world.candidate.uuid])
    old_bsn = world.candidate.bsn
    data = candidate_data(world, first_name="Fatiha", last_name="El Amrani", bsn="")
    response = staff_client.post(url, data)
    assert response.status_code == 302
    world.candidate.refresh_from_db()
    assert world.candidate.first_name == "Fatiha" and world.candidate.bsn == old_bsn


@pytest.mark.django_db
def test_search_finds_candidate(staff_client, world):
    html = staff_client.get(reverse("candidates:list"), {"q": "Amrani"}).content.decode()
    assert "Fatima El Amrani" in html and "Jansen" not in html


@pytest.mark.django_db
def test_sorting_by_column(staff_client, world):
    html = staff_client.get(reverse("candidates:list"), {"ordering": "-last_name"}).content.decode()
    assert html.index("Jansen") < html.index("El Amrani")
    assert 'aria-sort="descending"' in html


@pytest.mark.django_db
def test_csv_export_of_filtered_list_has_no_bsn(staff_client, world):
    response = staff_client.get(reverse("candidates:list"), {"q": "Amrani", "export": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body), delimiter=";"))
    assert rows[0][0] == "Naam"
    assert len(rows) == 2 and rows[1][0] == "Fatima El Amrani"
    assert world.candidate.bsn not in body and world.candidate.bsn_last4 not in body
    assert "Buitenregio" not in body


@pytest.mark.django_db
def test_xlsx_export(staff_client, world):
    from openpyxl import load_workbook

    response = staff_client.get(reverse("candidates:list"), {"export": "xlsx"})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0][:2] == ["Naam", "Woonplaats"]
    names = sorted(row[0] for row in values[1:])
    assert names == ["Fatima El Amrani", "Jan Jansen"]
    assert all(world.candidate.bsn not in str(v) for row in values for v in row)


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["employers:list", "employers:job_list", "placements:list", "task_list"])
def test_other_exports(staff_client, world, name):
    TaskFactory(assignee=world.user, title="Bel Petra", candidate=world.candidate)
    response = staff_client.get(reverse(name), {"export": "csv"})
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    assert len(body.splitlines()) >= 2
    assert "Verre" not in body and "Buitenregio" not in body


@pytest.mark.django_db
def test_add_contact_moment_via_htmx_refreshes_timeline(staff_client, world):
    url = reverse("candidates:contact_moment", args=[world.candidate.uuid])
    response = staff_client.post(
        url,
        {"channel": "telefoon", "with_whom": "kandidaat", "summary": "Besproken: start proefplaatsing",
         "follow_up_date": (world.today + datetime.timedelta(days=7)).isoformat()},
        HTTP_HX_REQUEST="true",
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Het contactmoment is vastgelegd." in html
    assert "Besproken: start proefplaatsing" in html
    moment = ContactMoment.objects.get()
    assert moment.candidate == world.candidate and moment.author == world.user


@pytest.mark.django_db
def test_contact_with_family_needs_consent(staff_client, world):
    url = reverse("candidates:contact_moment", args=[world.candidate.uuid])
    data = {"channel": "bezoek", "with_whom": "familie", "summary": "Gesprek met moeder"}
    html = staff_client.post(url, data, HTTP_HX_REQUEST="true").content.decode()
    assert "alleen als de kandidaat daar toestemming voor gaf" in html
    assert 'Gesprek met moeder' in html  # re-shown
    assert not ContactMoment.objects.exists()
    ConsentFactory(candidate=world.candidate, scope="contact_netwerk", given_on=world.today)
    staff_client.post(url, data, HTTP_HX_REQUEST="true")
    assert ContactMoment.objects.count() == 1


@pytest.mark.django_db
def test_contact_moment_without_summary(staff_client, world):
    url = reverse("placements:contact_moment", args=[world.placement.uuid])
    response = staff_client.post(url, {"channel": "bezoek", "with_whom": "werkgever", "summary": ""})
    assert response.status_code == 400
    assert "Dit veld is vereist." in response.content.decode()


@pytest.mark.django_db
def test_placement_contact_moment_is_on_all_three_timelines(staff_client, world):
    url = reverse("placements:contact_moment", args=[world.placement.uuid])
    staff_client.post(url, {"channel": "bezoek", "with_whom": "werkgever", "summary": "Werkplekbezoek: gaat goed",
                            "contact_person": world.contact.pk, "shared_with_employer": "on"})
    moment = ContactMoment.objects.get()
    assert moment.shared_with_employer and moment.employer == world.employer
    for name, obj in (("candidates:detail", world.candidate), ("employers:detail", world.employer),
                      ("placements:detail", world.placement)):
        assert "Werkplekbezoek: gaat goed" in staff_client.get(reverse(name, args=[obj.uuid])).content.decode()


@pytest.mark.django_db
def test_timeline_filter_by_type(staff_client, world):
    ContactMoment.objects.create(occurred_at=world.placement.created_at, channel="telefoon", with_whom="kandidaat",
                                 candidate=world.candidate, summary="Alleen contact")
    TaskFactory(assignee=world.user, title="Alleen taak", candidate=world.candidate)
    url = reverse("candidates:timeline", args=[world.candidate.uuid])
    html = staff_client.get(url, {"type": "taak"}).content.decode()
    assert "Alleen taak" in html and "Alleen contact" not in html


@pytest.mark.django_db
def test_propose_candidate_creates_placement_on_board(staff_client, world):
    from tests.factories.employers import JobFactory

    job = JobFactory(employer=world.employer, title="Tuinman", status="open")
    response = staff_client.post(
        reverse("candidates:propose", args=[world.other_candidate.uuid]),
        {"job": job.pk, "origin": "netwerk", "introduction_route": "proefplaatsing", "motivation": "Houdt van buiten"},
    )
    placement = Placement.objects.get(job=job)
    assert response["Location"] == reverse("placements:detail", args=[placement.uuid])
    assert placement.status == "voorgesteld" and placement.proposal.status == "voorgesteld"
    board = staff_client.get(reverse("placements:board"), {"alle": "1"}).content.decode()
    assert "Tuinman" in board
    again = staff_client.post(
        reverse("candidates:propose", args=[world.other_candidate.uuid]),
        {"job": job.pk, "origin": "netwerk", "introduction_route": "proefplaatsing"},
    )
    assert "Deze kandidaat is al voorgesteld voor deze baan." in again.content.decode()


@pytest.mark.django_db
def test_board_move_runs_transition_and_creates_trial_task(staff_client, world):
    url = reverse("placements:transition", args=[world.placement.uuid])
    staff_client.post(url, {"target": "kennismaking", "board": "1"}, HTTP_HX_REQUEST="true")
    trial_end = world.today + datetime.timedelta(days=28)
    response = staff_client.post(
        url, {"target": "proefplaatsing", "trial_end_date": trial_end.isoformat(), "board": "1"},
        HTTP_HX_REQUEST="true",
    )
    html = response.content.decode()
    world.placement.refresh_from_db()
    assert world.placement.status == "proefplaatsing" and world.placement.trial_end_date == trial_end
    assert "staat nu op Proefplaatsing" in html and 'id="board"' in html
    task = Task.objects.get(placement=world.placement, kind="proefplaatsing_einde")
    assert task.assignee == world.user and task.due_date == trial_end - datetime.timedelta(days=14)
    assert list(world.placement.status_changes.values_list("to_status", flat=True)) == [
        "proefplaatsing", "kennismaking"]


@pytest.mark.django_db
def test_refused_move_shows_dutch_reason(staff_client, world):
    url = reverse("placements:transition", args=[world.placement.uuid])
    html = staff_client.post(url, {"target": "nazorg", "board": "1"}, HTTP_HX_REQUEST="true").content.decode()
    assert "Van Voorgesteld naar Nazorg kan niet." in html
    staff_client.post(url, {"target": "kennismaking"})
    response = staff_client.post(url, {"target": "proefplaatsing"}, follow=True)
    assert "Vul de einddatum van de proefplaatsing in." in response.content.decode()
    world.placement.refresh_from_db()
    assert world.placement.status == "kennismaking"


@pytest.mark.django_db
def test_moving_a_foreign_placement_is_404(staff_client, world):
    url = reverse("placements:transition", args=[world.foreign_placement.uuid])
    assert staff_client.post(url, {"target": "kennismaking"}).status_code == 404


@pytest.mark.django_db
def test_task_lifecycle(staff_client, world):
    response = staff_client.post(
        reverse("task_create") + f"?kandidaat={world.candidate.uuid}",
        {"title": "Cv nalopen", "due_date": world.today.isoformat(), "assignee": world.user.pk,
         "kandidaat": str(world.candidate.uuid)},
    )
    task = Task.objects.get(title="Cv nalopen")
    assert task.candidate == world.candidate and response.status_code == 302
    assert "Cv nalopen" in staff_client.get(reverse("home")).content.decode()
    staff_client.post(reverse("task_reschedule", args=[task.uuid]), {"due_date": world.tomorrow.isoformat()})
    task.refresh_from_db()
    assert task.due_date == world.tomorrow
    staff_client.post(reverse("task_assign", args=[task.uuid]), {"assignee": world.colleague.pk})
    task.refresh_from_db()
    assert task.assignee == world.colleague and world.colleague.notifications.filter(task=task).exists()
    staff_client.force_login(world.colleague)
    staff_client.post(reverse("task_complete", args=[task.uuid]))
    task.refresh_from_db()
    assert task.status == "afgerond"


@pytest.mark.django_db
def test_task_form_errors_and_past_reschedule(staff_client, world):
    html = staff_client.post(reverse("task_create"), {"title": "", "due_date": "morgen"}).content.decode()
    assert "Dit veld is vereist." in html and "Voer een geldige datum in." in html
    task = TaskFactory(assignee=world.user)
    response = staff_client.post(reverse("task_reschedule", args=[task.uuid]),
                                 {"due_date": "2000-01-01"}, follow=True)
    assert "niet naar een datum in het verleden" in response.content.decode()


@pytest.mark.django_db
def test_overdue_tasks_stand_out(staff_client, world):
    TaskFactory(assignee=world.user, title="Oude taak", due_date=world.today - datetime.timedelta(days=3))
    html = staff_client.get(reverse("task_list")).content.decode()
    assert "task--overdue" in html and "Te laat" in html
    home = staff_client.get(reverse("home")).content.decode()
    assert "Oude taak" in home and "Te laat" in home


@pytest.mark.django_db
def test_foreign_task_actions_are_404(staff_client, world):
    task = TaskFactory(assignee=world.foreign_user)
    assert staff_client.post(reverse("task_complete", args=[task.uuid])).status_code == 404


@pytest.mark.django_db
def test_account_holder_change_creates_handover_task_and_mails_contact(
    staff_client, world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            reverse("employers:account_holder", args=[world.employer.uuid]),
            {"account_holder": world.colleague.pk, "note": "Ik ga met verlof"},
        )
    assert response.status_code == 302
    world.employer.refresh_from_db()
    assert world.employer.account_holder == world.colleague
    task = Task.objects.get(kind="overdracht")
    assert task.assignee == world.colleague and world.employer.name in task.title
    assert "kartrekker" in task.description
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [world.contact.email]
    assert "Cor Collega" in mail.outbox[0].body


@pytest.mark.django_db
def test_employer_form_errors(staff_client, world):
    html = staff_client.post(reverse("employers:create"), {"name": "Bakkerij", "kvk_number": "12ab"}).content.decode()
    assert "Een KvK-nummer bestaat uit precies 8 cijfers." in html and 'value="Bakkerij"' in html


@pytest.mark.django_db
def test_create_employer_contact_and_job(staff_client, world):
    response = staff_client.post(reverse("employers:create"), {
        "name": "Bakkerij Brood", "kvk_number": "87654321", "sector": "detailhandel", "size_class": "lt20",
        "region": world.region.pk, "service_style": "ontzorging", "inclusion_stage": "orientatie",
        "pso_level": "geen", "scope": "lokaal", "account_holder": world.user.pk,
    })
    assert response.status_code == 302, response.content.decode()[:3000]
    from employers.models import Employer

    employer = Employer.objects.get(kvk_number="87654321")
    staff_client.post(reverse("employers:contact_create", args=[employer.uuid]),
                      {"name": "Henk", "layer": "directie", "email": "henk@brood.example"})
    assert employer.contacts.get().name == "Henk"
    bad = staff_client.post(reverse("employers:job_create", args=[employer.uuid]), {
        "title": "Inpakker", "kind": "gecreeerd", "status": "open", "sector": "detailhandel",
        "hours_per_week": "16", "hourly_wage": "14.40", "education_level": "0", "is_generic": "on",
    })
    assert "Kies de methode waarmee deze baan is gecreëerd." in bad.content.decode()
    ok = staff_client.post(reverse("employers:job_create", args=[employer.uuid]), {
        "title": "Inpakker", "kind": "gecreeerd", "creation_method": "jobcarving", "status": "open",
        "sector": "detailhandel", "hours_per_week": "16", "hourly_wage": "14.40", "education_level": "0",
    })
    assert ok.status_code == 302
    assert "Inpakker" in staff_client.get(reverse("employers:detail", args=[employer.uuid])).content.decode()


@pytest.mark.django_db
def test_placement_edit(staff_client, world):
    url = reverse("placements:edit", args=[world.placement.uuid])
    response = staff_client.post(url, {
        "origin": "netwerk", "introduction_route": "proefplaatsing", "arrangement": "direct",
        "supervisor_status": "actief", "supervisor_name": "Karin", "owner": world.user.pk,
        "start_date": "2026-03-01", "contract_end_date": "2026-01-01",
    })
    assert "Het contract eindigt vóór de startdatum." in response.content.decode() or \
        "De einddatum ligt vóór de begindatum." in response.content.decode()
    response = staff_client.post(url, {
        "origin": "netwerk", "introduction_route": "proefplaatsing", "arrangement": "direct",
        "supervisor_status": "actief", "supervisor_name": "Karin", "owner": world.user.pk,
    })
    assert response.status_code == 302
    world.placement.refresh_from_db()
    assert world.placement.supervisor_name == "Karin"


@pytest.mark.django_db
def test_document_upload_and_permission_checked_download(staff_client, client, world, settings):
    url = reverse("document_upload", args=["kandidaat", world.candidate.uuid])
    upload = SimpleUploadedFile("cv Fatima.pdf", b"%PDF-1.4 test", content_type="application/pdf")
    response = staff_client.post(url, {"file": upload, "title": "Cv", "document_type": "cv"})
    assert response.status_code == 302
    document = Document.objects.get()
    assert "Fatima" not in document.file.name  # stored under a random name
    assert str(settings.MEDIA_ROOT) in document.file.path
    download = staff_client.get(reverse("document_download", args=[document.uuid]))
    assert download.status_code == 200 and b"".join(download.streaming_content) == b"%PDF-1.4 test"
    assert "cv Fatima.pdf" in download["Content-Disposition"]
    detail = staff_client.get(reverse("candidates:detail", args=[world.candidate.uuid])).content.decode()
    assert "Cv" in detail
    client.force_login(world.foreign_user)
    assert client.get(reverse("document_download", args=[document.uuid])).status_code == 404
    client.force_login(world.employer_user)
    assert client.get(reverse("document_download", args=[document.uuid])).status_code == 404


@pytest.mark.django_db
def test_document_type_and_size_checks(staff_client, world, settings):
    url = reverse("document_upload", args=["plaatsing", world.placement.uuid])
    bad = SimpleUploadedFile("virus.exe", b"MZ", content_type="application/octet-stream")
    html = staff_client.post(url, {"file": bad, "document_type": "overig"}).content.decode()
    assert "Bestandstype .exe is niet toegestaan" in html
    settings.DOCUMENT_MAX_UPLOAD_BYTES = 10
    big = SimpleUploadedFile("groot.pdf", b"x" * 100, content_type="application/pdf")
    html = staff_client.post(url, {"file": big, "document_type": "overig"}).content.decode()
    assert "Het bestand is te groot" in html
    assert not Document.objects.exists()


@pytest.mark.django_db
def test_employer_answer_to_a_proposal_is_in_the_employer_history(staff_client, world):
    """Proposals and how they ended stand on the employer's timeline; the answer given in
    the portal (with its reason) is there as well."""
    from employers.portal.services import respond_to_proposal
    from placements.services import propose_candidate
    from wsp_platform.audit.services import Actor

    placement = propose_candidate(world.other_candidate, world.job, actor=Actor(user=world.user),
                                  origin="netwerk", motivation="Sterk in plannen")
    proposal = placement.proposal
    respond_to_proposal(proposal, accept=False, reason="Wij zoeken iemand met rijbewijs",
                        actor=Actor(user=world.employer_user))
    html = staff_client.get(reverse("employers:detail", args=[world.employer.uuid])).content.decode()
    assert "Voorgesteld: Jan Jansen" in html
    assert "Afgewezen door werkgever op" in html
    assert "Wij zoeken iemand met rijbewijs" in html
    only = staff_client.get(reverse("employers:timeline", args=[world.employer.uuid]), {"type": "voorstel"})
    assert "Voorgesteld: Jan Jansen" in only.content.decode()
