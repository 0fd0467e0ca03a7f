import datetime

import pytest

from subsidies.models import SubsidyApplication
from tests.factories.candidates import CandidateFactory
from tests.factories.employers import JobFactory
from tests.factories.placements import EmployedPlacementFactory

from .conftest import problem_fields

pytestmark = pytest.mark.django_db

URL = "/api/v1/loonkostensubsidie/_bereken"


def calc(api, **overrides):
    body = {"loonwaarde": 60, "functieloonPerUur": "14.06", "urenPerWeek": 32,
            "periodeStart": "2025-01-01", "periodeEind": "2025-01-31"}
    body.update(overrides)
    return api.post(URL, {k: v for k, v in body.items() if v is not None}, format="json")


def test_calculation_hand_computed_figures(api):
    # WML 2025-01-01: 14.06. LKS = 14.06×1.08 − 60%×14.06×1.08 = 15.1848 − 9.11088 = 6.07392 → 6.07;
    # werkgeverslasten 23.5% × 6.07392 = 1.4273712 → 1.43; totaal 7.50.
    # Per month: 7.50 × 32 × 52 / 12 = 1040.00.
    response = calc(api)
    assert response.status_code == 200, response.json()
    body = response.json()
    assert (body["wmlPerUur"], body["lksPerUur"], body["werkgeverslastenPerUur"], body["totaalPerUur"]) == (
        "14.06", "6.07", "1.43", "7.50")
    assert body["perioden"] == [{
        "start": "2025-01-01", "eind": "2025-01-31", "wmlPerUur": "14.06", "loonwaarde": 60,
        "lksPerUur": "6.07", "werkgeverslastenPerUur": "1.43", "totaalPerUur": "7.50", "bedrag": "1040.00",
    }]
    assert body["totaal"] == "1040.00"


def test_calculation_across_the_july_wml_change(api):
    # From 2025-07-01 the WML is 14.40 (above the functieloon 14.06, so the WML is used):
    # 15.552 − 9.3312 = 6.2208 → 6.22; 23.5% → 1.461888 → 1.46; 7.68/h; × 138.67 h = 1064.96.
    body = calc(api, periodeStart="2025-06-01", periodeEind="2025-07-31").json()
    assert [(p["start"], p["eind"], p["wmlPerUur"], p["totaalPerUur"], p["bedrag"]) for p in body["perioden"]] == [
        ("2025-06-01", "2025-06-30", "14.06", "7.50", "1040.00"),
        ("2025-07-01", "2025-07-31", "14.40", "7.68", "1064.96"),
    ]
    assert body["totaal"] == "2104.96"
    assert body["totaalPerUur"] == "7.50"


def test_calculation_youth_wml(api):
    body = calc(api, leeftijd=20, functieloonPerUur="11.25").json()
    assert body["wmlPerUur"] == "11.25"  # 80% of 14.06 = 11.248


def test_calculation_400s(api):
    for overrides, field in [
        ({"loonwaarde": 101}, "loonwaarde"),
        ({"loonwaarde": -1}, "loonwaarde"),
        ({"urenPerWeek": 61}, "urenPerWeek"),
        ({"periodeStart": "1990-01-01", "periodeEind": "1990-02-01"}, "periodeStart"),
        ({"periodeEind": "2024-12-01"}, "periodeEind"),
        ({"functieloonPerUur": "10.00"}, "functieloonPerUur"),
        ({"forfaitair": True}, "dienstverbandStart"),
    ]:
        response = calc(api, **overrides)
        assert response.status_code == 400, overrides
        assert response["Content-Type"] == "application/problem+json"
        assert field in problem_fields(response), (overrides, response.json())
    empty = api.post(URL, {}, format="json")
    assert set(problem_fields(empty)) == {"loonwaarde", "functieloonPerUur", "urenPerWeek", "periodeStart",
                                          "periodeEind"}
    assert calc(api, loonwaarde=101).json()["invalidParams"][0]["reason"] == "De loonwaarde ligt tussen 0 en 100%."
    before_first = calc(api, periodeStart="1990-01-01", periodeEind="1990-02-01")
    assert "Geen" in before_first.json()["invalidParams"][0]["reason"]


def test_calculation_needs_a_token(anon):
    assert anon.post(URL, {}, format="json").status_code == 401


@pytest.fixture
def placement(municipality, team, region):
    return EmployedPlacementFactory(candidate=CandidateFactory(municipality=municipality, team=team),
                                    job=JobFactory(employer__region=region, hourly_wage="15.00"),
                                    start_date=datetime.date(2025, 1, 1))


def test_application_lifecycle_through_actions(api, placement):
    created = api.post("/api/v1/subsidy-applications", {
        "placement": str(placement.uuid), "kind": "jobcoach", "periodStart": "2025-02-01",
        "periodEnd": "2025-12-31",
    }, format="json")
    assert created.status_code in (201, 400), created.json()
    if created.status_code == 400:  # the kind needs details: every missing one is listed
        assert all(p["name"].startswith("details.") for p in created.json()["invalidParams"])
    lks = api.post("/api/v1/subsidy-applications", {
        "placement": str(placement.uuid), "kind": "loonkostensubsidie", "periodStart": "2025-02-01",
        "periodEnd": "2025-03-31", "hoursPerWeek": "24",
    }, format="json")
    assert lks.status_code == 201, lks.json()
    body = lks.json()
    assert body["status"] == "concept"
    assert "lksBerekening" in body and "lksMelding" in body
    url = body["url"].replace("http://testserver", "")
    refused = api.post(f"{url}/grant", {"decisionDate": "2025-01-15", "decisionReference": "B-1",
                                        "amountGranted": "100.00"}, format="json")
    assert refused.status_code == 409
    assert SubsidyApplication.objects.get(uuid=body["uuid"]).status == "concept"
    bad = api.post(f"{url}/refuse", {}, format="json")
    assert set(problem_fields(bad)) == {"decisionDate", "reason"}


def test_application_validation_lists_all_fields(api, placement):
    response = api.post("/api/v1/subsidy-applications", {"placement": "x", "kind": "gratis-geld",
                                                         "hoursPerWeek": 99}, format="json")
    assert response.status_code == 400
    assert {"placement", "kind", "periodStart", "hoursPerWeek"} <= set(problem_fields(response))


def test_assessment_create_and_scoping(api, placement, other_municipality, team):
    response = api.post("/api/v1/loonwaarde-assessments", {
        "placement": str(placement.uuid), "assessedOn": "2025-01-10", "method": "uniform", "percentage": 55,
        "normfunctie": "Medewerker schoonmaak", "functieloonPerHour": "15.00",
    }, format="json")
    assert response.status_code == 201, response.json()
    assert response.json()["nextDueOn"]
    foreign = EmployedPlacementFactory(candidate=CandidateFactory(municipality=other_municipality, team=team))
    response = api.post("/api/v1/loonwaarde-assessments", {
        "placement": str(foreign.uuid), "assessedOn": "2025-01-10", "method": "uniform", "percentage": 120,
        "normfunctie": "", "functieloonPerHour": "0",
    }, format="json")
    assert response.status_code == 400
    assert {"placement", "percentage", "normfunctie", "functieloonPerHour"} <= set(problem_fields(response))
    assert api.get("/api/v1/loonwaarde-assessments").json()["count"] == 1
