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


def test_payments_through_the_api(api, placement, other_municipality, team, anon):
    from tests.factories.api import ApiClientFactory
    from tests.factories.subsidies import GrantedLksFactory

    granted = GrantedLksFactory(placement=placement, amount_granted="3000.00")
    url = f"/api/v1/subsidy-applications/{granted.uuid}"
    paid = api.post(f"{url}/payments", {"paidOn": "2026-01-31", "amount": "1250.00", "reference": "BET-1"},
                    format="json")
    assert paid.status_code == 201, paid.json()
    assert paid.json()["amount"] == "1250.00" and paid.json()["paidOn"] == "2026-01-31"
    detail = api.get(url).json()
    assert detail["amountPaid"] == "1250.00"
    assert [(p["paidOn"], p["amount"], p["reference"]) for p in detail["payments"]] == [
        ("2026-01-31", "1250.00", "BET-1")]

    too_much = api.post(f"{url}/payments", {"paidOn": "2026-02-28", "amount": "2000.00"}, format="json")
    assert too_much.status_code == 400
    assert too_much["Content-Type"] == "application/problem+json"
    assert "Er kan nog € 1.750,00 worden uitbetaald" in too_much.json()["invalidParams"][0]["reason"]
    both = api.post(f"{url}/payments", {"paidOn": "2099-01-01", "amount": "0"}, format="json")
    assert set(problem_fields(both)) == {"paidOn", "amount"}
    assert api.get(url).json()["amountPaid"] == "1250.00"

    concept = SubsidyApplication.objects.create(
        placement=placement, municipality=placement.candidate.municipality, kind="jobcoach",
        period_start=datetime.date(2026, 1, 1))
    early = api.post(f"/api/v1/subsidy-applications/{concept.uuid}/payments",
                     {"paidOn": "2026-01-31", "amount": "10.00"}, format="json")
    assert early.status_code == 400
    assert early.json()["invalidParams"] == [{
        "name": "nonFieldErrors", "code": "invalid",
        "reason": "Uitbetalen kan pas als de aanvraag is toegekend (nu: concept).",
    }]

    reader = ApiClientFactory(municipality=placement.candidate.municipality, scopes=["subsidies.read"])
    anon.credentials(HTTP_AUTHORIZATION=f"Bearer {reader.token}")
    assert anon.post(f"{url}/payments", {"paidOn": "2026-01-31", "amount": "1.00"}, format="json").status_code == 403
    stranger = ApiClientFactory(municipality=other_municipality)
    anon.credentials(HTTP_AUTHORIZATION=f"Bearer {stranger.token}")
    assert anon.post(f"{url}/payments", {"paidOn": "2026-01-31", "amount": "1.00"}, format="json").status_code == 404
    assert granted.payments.count() == 1
