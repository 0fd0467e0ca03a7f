"""Every workspace page: it renders for a bemiddelaar, shows the data, hides what is
outside the policy, and answers 404 to employer users."""

import pytest
from django.urls import reverse

from tests.factories.candidates import CandidateFactory


def pages(w):
    return [
        reverse("home"),
        reverse("candidates:list"),
        reverse("candidates:create"),
        reverse("candidates:detail", args=[w.candidate.uuid]),
        reverse("candidates:edit", args=[w.candidate.uuid]),
        reverse("candidates:timeline", args=[w.candidate.uuid]),
        reverse("candidates:contact_moment", args=[w.candidate.uuid]),
        reverse("candidates:propose", args=[w.candidate.uuid]),
        reverse("employers:list"),
        reverse("employers:create"),
        reverse("employers:detail", args=[w.employer.uuid]),
        reverse("employers:edit", args=[w.employer.uuid]),
        reverse("employers:timeline", args=[w.employer.uuid]),
        reverse("employers:contact_moment", args=[w.employer.uuid]),
        reverse("employers:contact_create", args=[w.employer.uuid]),
        reverse("employers:contact_edit", args=[w.employer.uuid, w.contact.uuid]),
        reverse("employers:job_list"),
        reverse("employers:job_detail", args=[w.job.uuid]),
        reverse("employers:job_create", args=[w.employer.uuid]),
        reverse("employers:job_edit", args=[w.job.uuid]),
        reverse("placements:list"),
        reverse("placements:board"),
        reverse("placements:detail", args=[w.placement.uuid]),
        reverse("placements:edit", args=[w.placement.uuid]),
        reverse("placements:timeline", args=[w.placement.uuid]),
        reverse("placements:contact_moment", args=[w.placement.uuid]),
        reverse("task_list"),
        reverse("task_create"),
        reverse("document_upload", args=["kandidaat", w.candidate.uuid]),
        reverse("document_upload", args=["plaatsing", w.placement.uuid]),
    ]


def foreign_pages(w):
    return [
        reverse("candidates:detail", args=[w.foreign_candidate.uuid]),
        reverse("candidates:edit", args=[w.foreign_candidate.uuid]),
        reverse("candidates:timeline", args=[w.foreign_candidate.uuid]),
        reverse("candidates:contact_moment", args=[w.foreign_candidate.uuid]),
        reverse("candidates:propose", args=[w.foreign_candidate.uuid]),
        reverse("employers:detail", args=[w.foreign_employer.uuid]),
        reverse("employers:edit", args=[w.foreign_employer.uuid]),
        reverse("employers:job_detail", args=[w.foreign_job.uuid]),
        reverse("employers:job_create", args=[w.foreign_employer.uuid]),
        reverse("placements:detail", args=[w.foreign_placement.uuid]),
        reverse("placements:edit", args=[w.foreign_placement.uuid]),
        reverse("document_upload", args=["kandidaat", w.foreign_candidate.uuid]),
    ]


@pytest.mark.django_db
def test_every_page_renders_for_a_bemiddelaar(staff_client, world):
    for url in pages(world):
        response = staff_client.get(url)
        assert response.status_code == 200, url
        assert b"Hoofdmenu" in response.content or url.endswith("/tijdlijn/") or url.endswith("/contactmoment/"), url


@pytest.mark.django_db
def test_records_outside_the_policy_answer_404(staff_client, world):
    for url in foreign_pages(world):
        assert staff_client.get(url).status_code == 404, url


@pytest.mark.django_db
def test_employer_user_gets_404_on_every_workspace_page(client, world):
    client.force_login(world.employer_user)
    for url in pages(world)[1:]:
        assert client.get(url).status_code == 404, url
    # The start page sends an employer user to their portal, not the workspace.
    response = client.get(reverse("home"))
    assert response.status_code == 302 and response["Location"].startswith("/portaal/")


@pytest.mark.django_db
def test_anonymous_users_are_sent_to_login(client, world):
    for url in pages(world):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("login")), url


@pytest.mark.django_db
def test_login_page_and_logout(client, world):
    response = client.get(reverse("login"))
    assert response.status_code == 200
    for text in ("Gebruikersnaam", "Wachtwoord", "Inloggen"):
        assert text.encode() in response.content
    response = client.post(reverse("login"), {"username": "bemiddelaar", "password": "fout"})
    assert "Gebruikersnaam of wachtwoord klopt niet" in response.content.decode()
    response = client.post(reverse("login"), {"username": "bemiddelaar", "password": "geheim-wachtwoord-123"})
    assert response.status_code == 302 and response["Location"] == reverse("home")
    assert client.post(reverse("logout")).status_code == 302
    assert client.get(reverse("home")).status_code == 302


@pytest.mark.django_db
def test_candidate_detail_shows_masked_bsn_only(staff_client, world):
    response = staff_client.get(reverse("candidates:detail", args=[world.candidate.uuid]))
    html = response.content.decode()
    assert world.candidate.bsn_masked in html
    assert world.candidate.bsn not in html
    assert "Fatima El Amrani" in html
    assert "Medewerker facilitair" in html  # the placement


@pytest.mark.django_db
def test_candidate_list_shows_own_region_and_not_foreign(staff_client, world, django_assert_max_num_queries):
    CandidateFactory.create_batch(30, team=world.team, owner=world.user, municipality=world.municipality)
    with django_assert_max_num_queries(8):
        response = staff_client.get(reverse("candidates:list"))
    html = response.content.decode()
    assert "<strong>32</strong> resultaten" in html
    assert "Buitenregio" not in html
    assert world.candidate.bsn not in html
    assert "Pagina 1 van 2" in html


@pytest.mark.django_db
def test_list_pages_query_counts_are_bounded(staff_client, world, django_assert_max_num_queries):
    from tests.factories.employers import EmployerFactory, JobFactory
    from tests.factories.placements import PlacementFactory, TaskFactory

    for _ in range(12):
        employer = EmployerFactory(region=world.region, account_holder=world.user)
        job = JobFactory(employer=employer)
        candidate = CandidateFactory(team=world.team, owner=world.user, municipality=world.municipality)
        PlacementFactory(candidate=candidate, job=job, owner=world.user)
        TaskFactory(assignee=world.user, candidate=candidate)
    for name, limit in (
        ("employers:list", 8),
        ("employers:job_list", 8),
        ("placements:list", 8),
        ("placements:board", 14),
        ("task_list", 9),
        ("home", 18),
    ):
        with django_assert_max_num_queries(limit):
            response = staff_client.get(reverse(name))
        assert response.status_code == 200, name


@pytest.mark.django_db
def test_htmx_list_request_returns_only_the_results(staff_client, world):
    response = staff_client.get(
        reverse("candidates:list"), {"q": "Amrani"}, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="results"
    )
    html = response.content.decode()
    assert "El Amrani" in html
    assert "Jansen" not in html
    assert "<html" not in html
