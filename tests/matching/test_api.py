"""Matching and job redesign in the API."""

from decimal import Decimal

import pytest
from rest_framework.test import APIClient

from employers.models import FunctionTask, Job, JobTask
from tests.factories.accounts import MunicipalityFactory, TeamFactory, UserFactory
from tests.factories.api import ApiClientFactory
from tests.factories.candidates import CandidateFactory
from tests.factories.employers import EmployerLocationFactory, JobFactory
from wsp_platform.accounts.models import ApiScope
from wsp_platform.core.models import Skill

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    team = TeamFactory()
    municipality = MunicipalityFactory(region=team.region)
    owner = UserFactory(team=team)
    location = EmployerLocationFactory(employer__region=team.region, latitude=52.09, longitude=5.12)
    job = JobFactory(employer=location.employer, location=location, hours_per_week=Decimal("20"))
    JobTask.objects.create(job=job, description="Post sorteren", hours_per_week=Decimal("8"))
    candidate = CandidateFactory(team=team, municipality=municipality, owner=owner, latitude=52.10, longitude=5.12,
                                 first_name="Geheimenaam", bsn="111222333")
    client = ApiClientFactory(municipality=municipality)
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {client.token}")
    return {"api": api, "job": job, "candidate": candidate, "employer": location.employer, "client": client}


def test_candidate_matches_for_a_job(world):
    response = world["api"].get(f"/api/v1/jobs/{world['job'].uuid}/candidate-matches?limit=5")
    assert response.status_code == 200, response.content
    [match] = response.json()["results"]
    assert match["candidate"] == str(world["candidate"].uuid)
    assert 0 <= match["score"] <= 100 and match["distanceKm"] == pytest.approx(1.1, abs=0.1)
    assert {r["criterion"] for r in match["explanation"]} >= {"uren", "reisafstand", "vaardigheden"}
    body = response.content.decode()
    assert "Geheimenaam" not in body and "111222333" not in body


def test_job_matches_for_a_candidate(world):
    response = world["api"].get(f"/api/v1/candidates/{world['candidate'].uuid}/job-matches")
    assert response.status_code == 200
    assert [m["job"] for m in response.json()["results"]] == [str(world["job"].uuid)]


def test_matches_need_the_candidates_scope_and_own_records(world):
    world["client"].scopes = [s for s in ApiScope.values if not s.startswith("candidates.")]
    world["client"].save()
    assert world["api"].get(f"/api/v1/jobs/{world['job'].uuid}/candidate-matches").status_code == 403
    other = ApiClientFactory()  # another municipality and region
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {other.token}")
    assert api.get(f"/api/v1/candidates/{world['candidate'].uuid}/job-matches").status_code == 404


def test_functions_and_carving_through_the_api(world):
    api, employer = world["api"], world["employer"]
    Skill.objects.create(name="Scannen")
    url = f"/api/v1/employers/{employer.uuid}/functions"
    for name, tasks in (("Verpleegkundige", [("Bedden opmaken", "4.5"), ("Medicatie", "10")]),
                        ("Kok", [("Groente snijden", "6")])):
        response = api.post(url, {"name": name, "fteCount": "2.0", "tasks": [
            {"description": d, "hoursPerWeek": h, "capabilities": ["Scannen"]} for d, h in tasks
        ]}, format="json")
        assert response.status_code == 201, response.content
    listed = api.get(url).json()["results"]
    assert [f["name"] for f in listed] == ["Kok", "Verpleegkundige"]
    chosen = [str(FunctionTask.objects.get(description=d).uuid) for d in ("Bedden opmaken", "Groente snijden")]
    response = api.post(f"/api/v1/employers/{employer.uuid}/carved-jobs", {
        "tasks": chosen, "title": "Facilitair medewerker", "creationMethod": "jobcarving", "isGeneric": False,
        "hourlyWage": "14.71",
    }, format="json")
    assert response.status_code == 201, response.content
    assert response.json()["hoursPerWeek"] == "10.5" and response.json()["kind"] == "gecreeerd"
    job = Job.objects.get(title="Facilitair medewerker")
    assert job.source_tasks.count() == 2 and job.tasks.count() == 2 and job.is_generic is False

    foreign = FunctionTask.objects.create(function=JobFactory().employer.functions.create(name="X"),
                                          description="Elders", hours_per_week=Decimal("2"))
    response = api.post(f"/api/v1/employers/{employer.uuid}/carved-jobs", {
        "tasks": [str(foreign.uuid)], "title": "X", "creationMethod": "jobcarving", "isGeneric": True,
        "hourlyWage": "14.71",
    }, format="json")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/problem+json")


def test_functiecreatie_conversation_through_the_api_travels_with_the_carved_job(world):
    api, employer = world["api"], world["employer"]
    url = f"/api/v1/employers/{employer.uuid}/functiecreatie-conversations"
    response = api.post(url, {"heldOn": "2026-11-02"}, format="json")
    assert response.status_code == 400
    problem = response.json()
    assert response["Content-Type"].startswith("application/problem+json")
    assert {p["name"] for p in problem["invalidParams"]} == {"staffingProblem"}
    assert not employer.functiecreatie_conversations.exists()

    response = api.post(url, {
        "heldOn": "2026-11-02", "staffingProblem": "Verpleegkundigen maken overuren",
        "repetitiveTasks": "Bedden opmaken, maaltijden rondbrengen", "decision": "Eén functie voor 20 uur",
    }, format="json")
    assert response.status_code == 201, response.content
    conversation = response.json()
    assert conversation["staffingProblem"] == "Verpleegkundigen maken overuren"
    assert [c["uuid"] for c in api.get(url).json()["results"]] == [conversation["uuid"]]

    function = employer.functions.create(name="Verpleegkundige")
    task = function.tasks.create(description="Bedden opmaken", hours_per_week=Decimal("12"))
    response = api.post(f"/api/v1/employers/{employer.uuid}/carved-jobs", {
        "tasks": [str(task.uuid)], "title": "Zorgassistent", "creationMethod": "functiecreatie",
        "isGeneric": True, "hourlyWage": "14.71", "functiecreatie": conversation["uuid"],
    }, format="json")
    assert response.status_code == 201, response.content
    assert Job.objects.get(title="Zorgassistent").functiecreatie.uuid.hex == conversation["uuid"].replace("-", "")


def test_functiecreatie_of_another_municipalitys_employer_is_404(world):
    other = EmployerLocationFactory().employer
    response = world["api"].get(f"/api/v1/employers/{other.uuid}/functiecreatie-conversations")
    assert response.status_code == 404
