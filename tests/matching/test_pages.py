"""The matching pages in the workspace, the one-click proposal, and what the
employer (portal) and the API get to see of a proposed candidate."""

import datetime
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from candidates.choices import TargetGroup
from employers.models import JobRequirement, JobTask
from placements.matching import CRITERIA
from placements.models import Placement, Proposal
from tests.factories.accounts import EmployerUserFactory, MunicipalityFactory, TeamFactory, UserFactory
from tests.factories.api import ApiClientFactory
from tests.factories.candidates import CandidateFactory, TargetGroupStatusFactory, WorkNeedFactory
from tests.factories.employers import EmployerLocationFactory, JobFactory
from wsp_platform.core.models import Skill

pytestmark = pytest.mark.django_db

UTRECHT = (52.0907, 5.1214)


@pytest.fixture
def world():
    team = TeamFactory()
    municipality = MunicipalityFactory(region=team.region)
    user = UserFactory(team=team)
    location = EmployerLocationFactory(employer__region=team.region, latitude=UTRECHT[0], longitude=UTRECHT[1])
    job = JobFactory(employer=location.employer, location=location, title="Postkamermedewerker",
                     hours_per_week=Decimal("20"))
    skill = Skill.objects.create(name="Post sorteren")
    task = JobTask.objects.create(job=job, description="Post sorteren", hours_per_week=Decimal("8"))
    task.capabilities.add(skill)
    JobRequirement.objects.create(job=job, description="Ervaring met scanners", is_hard=False)

    def make(**kw):
        return CandidateFactory(team=team, municipality=municipality, owner=user, latitude=UTRECHT[0] + 0.01,
                                longitude=UTRECHT[1], **kw)

    candidate = make(first_name="Zoltan", last_name="Vermeulen-Uniek", birth_date=datetime.date(1988, 4, 13),
                     bsn="111222333", support_needed="Medicatie om 12 uur (epilepsie)",
                     internal_notes="Intern: schuldhulpverlening")
    candidate.skills.add(skill)
    TargetGroupStatusFactory(candidate=candidate, group=TargetGroup.WAJONG, start_date=datetime.date(2020, 1, 1))
    WorkNeedFactory(candidate=candidate, description="Rustige werkplek vanwege migraine", shareable_with_employer=True)
    return {"user": user, "job": job, "candidate": candidate, "make": make, "municipality": municipality}


def test_job_match_page_lists_ranked_candidates_with_every_criterion(client, world, django_assert_max_num_queries):
    for _ in range(6):
        world["make"]()
    client.force_login(world["user"])
    url = reverse("employers:job_matches", args=[world["job"].uuid])
    with django_assert_max_num_queries(25):
        response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Zoltan Vermeulen-Uniek" in html
    assert html.count("Voorstellen</button>") == 7
    for crit in CRITERIA:
        assert f"<strong>{crit.label}</strong>" in html
    assert "bespreekbaar" in html or "onbekend" in html
    # The page's query count does not grow with the number of results.
    for _ in range(10):
        world["make"]()
    with django_assert_max_num_queries(25):
        assert client.get(url).status_code == 200


def test_candidate_match_page_lists_jobs(client, world):
    client.force_login(world["user"])
    response = client.get(reverse("candidates:job_matches", args=[world["candidate"].uuid]))
    assert response.status_code == 200
    assert "Postkamermedewerker" in response.content.decode()
    detail = client.get(reverse("candidates:detail", args=[world["candidate"].uuid])).content.decode()
    assert reverse("candidates:job_matches", args=[world["candidate"].uuid]) in detail


def test_match_pages_respect_authorisation(client, world):
    outsider = UserFactory()  # another team and region
    client.force_login(outsider)
    assert client.get(reverse("employers:job_matches", args=[world["job"].uuid])).status_code == 404
    assert client.get(reverse("candidates:job_matches", args=[world["candidate"].uuid])).status_code == 404
    response = client.post(reverse("employers:job_match_propose", args=[world["job"].uuid]),
                           {"candidate": world["candidate"].uuid})
    assert response.status_code == 404
    assert not Proposal.objects.exists()


def test_one_click_proposal_is_anonymous_for_the_employer_and_the_api(client, world):
    candidate, job = world["candidate"], world["job"]
    client.force_login(world["user"])
    response = client.post(reverse("employers:job_match_propose", args=[job.uuid]), {"candidate": candidate.uuid})
    proposal = Proposal.objects.get()
    placement = Placement.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("placements:detail", args=[placement.uuid])
    assert proposal.candidate == candidate and proposal.job == job and proposal.status == "voorgesteld"
    assert proposal.match_score is not None and 0 < proposal.match_score <= 100
    assert proposal.proposed_by == world["user"]

    protected = [
        "Zoltan", "Vermeulen-Uniek", "111222333", "2333", "13-04-1988", "1988-04-13", "Wajong", "wajong",
        "epilepsie", "Medicatie", "schuldhulpverlening", "migraine",
    ]
    # The employer's portal: no consent recorded, so an anonymous profile.
    employer_browser = Client()
    employer_browser.force_login(EmployerUserFactory(employer=job.employer))
    html = employer_browser.get(reverse("portal:proposals")).content.decode()
    assert f"Kandidaat {proposal.uuid.hex[:6].upper()}" in html
    for value in protected:
        assert value not in html, f"{value!r} visible to the employer"

    # The API (a municipality's client): the proposal refers to the candidate by UUID only.
    api_client = ApiClientFactory(municipality=world["municipality"])
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {api_client.token}")
    body = api.get(reverse("api:proposal-detail", args=[proposal.uuid])).content.decode()
    assert str(candidate.uuid) in body
    for value in protected:
        assert value not in body, f"{value!r} in the API response"


def test_second_click_reports_the_existing_proposal(client, world):
    client.force_login(world["user"])
    url = reverse("employers:job_match_propose", args=[world["job"].uuid])
    client.post(url, {"candidate": world["candidate"].uuid})
    response = client.post(url, {"candidate": world["candidate"].uuid}, follow=True)
    assert "al voorgesteld" in response.content.decode()
    assert Proposal.objects.count() == 1


def test_proposing_an_excluded_candidate_is_refused(client, world):
    too_few = world["make"](hours_available_per_week=8)
    client.force_login(world["user"])
    response = client.post(reverse("employers:job_match_propose", args=[world["job"].uuid]),
                           {"candidate": too_few.uuid}, follow=True)
    assert "harde eisen" in response.content.decode()
    assert not Proposal.objects.exists()


def test_proposal_without_candidate_gets_a_message(client, world):
    client.force_login(world["user"])
    response = client.post(reverse("employers:job_match_propose", args=[world["job"].uuid]), {}, follow=True)
    assert "Kies de kandidaat" in response.content.decode()
    assert not Proposal.objects.exists()


def test_job_page_links_to_its_candidate_search_while_open(client, world):
    client.force_login(world["user"])
    job = world["job"]
    search = reverse("employers:job_matches", args=[job.uuid])
    assert search in client.get(reverse("employers:job_detail", args=[job.uuid])).content.decode()
    job.status = "gesloten"
    job.save()
    assert search not in client.get(reverse("employers:job_detail", args=[job.uuid])).content.decode()
