"""Bad input gets a clear Dutch message from the admin and model validation, and
nothing is saved half."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from candidates.models import Candidate, TargetGroupStatus
from employers.models import Employer, EmployerLocation
from placements.models import Contract, Placement
from subsidies.models import SubsidyApplication
from tests.factories.accounts import MunicipalityFactory, TeamFactory, UserFactory
from tests.factories.candidates import CandidateFactory
from tests.factories.employers import EmployerFactory
from tests.factories.placements import EmployedPlacementFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    user = UserFactory(username="admin-test", role="functioneel_beheerder", is_staff=True, is_superuser=True,
                       team=None, region=None)
    client.force_login(user)
    return client


def candidate_form(**overrides) -> dict:
    team = TeamFactory()
    data = {
        "bsn": "111222333",
        "first_name": "Fatima",
        "last_name": "Bouzid",
        "birth_date": "12-03-1998",
        "postcode": "3511 AB",
        "municipality": MunicipalityFactory(region=team.region).pk,
        "team": team.pk,
        "benefit": "bijstand",
        "status": "aanmelding",
        "education_level": "2",
        "hours_available_per_week": "24",
        "travel_radius_km": "10",
        "mobility": "fiets",
        "work_fit_status": "bijna",
        "wished_sectors": "[]",
    }
    for prefix in ("target_groups", "work_needs", "consents"):
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0",
                     f"{prefix}-MIN_NUM_FORMS": "0", f"{prefix}-MAX_NUM_FORMS": "1000"})
    data.update(overrides)
    return data


def test_admin_refuses_a_bsn_that_fails_the_elfproef(admin_client):
    response = admin_client.post(reverse("admin:candidates_candidate_add"), candidate_form(bsn="123456789"))
    assert response.status_code == 200  # the form is shown again
    assert "voldoet niet aan de elfproef" in response.content.decode()
    assert not Candidate.objects.exists()


@pytest.mark.parametrize(
    "bsn, message",
    [("12345678", "precies 9 cijfers"), ("12345678a", "alleen uit cijfers"), ("", "Vul het BSN in")],
)
def test_admin_explains_other_bad_bsns(admin_client, bsn, message):
    response = admin_client.post(reverse("admin:candidates_candidate_add"), candidate_form(bsn=bsn))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Candidate.objects.exists()


def test_admin_refuses_a_duplicate_bsn(admin_client):
    CandidateFactory(bsn="111222333")
    response = admin_client.post(reverse("admin:candidates_candidate_add"), candidate_form(bsn="111222333"))
    assert response.status_code == 200
    assert "Er bestaat al een kandidaat met dit BSN." in response.content.decode()
    assert Candidate.objects.count() == 1


def test_admin_saves_a_valid_candidate_with_the_bsn_encrypted(admin_client):
    response = admin_client.post(reverse("admin:candidates_candidate_add"), candidate_form())
    assert response.status_code == 302, response.content.decode()[:3000]
    candidate = Candidate.objects.get()
    assert candidate.bsn == "111222333" and "111222333" not in candidate.bsn_encrypted
    assert candidate.bsn_masked == "*****2333"


def test_admin_employer_with_a_bad_location_postcode_saves_nothing(admin_client):
    """An employer with an inline location: one bad field refuses the whole form, employer included."""
    region = TeamFactory().region
    data = {
        "name": "Bakkerij Van Dam",
        "kvk_number": "12345678",
        "sector": "industrie",
        "size_class": "lt20",
        "region": region.pk,
        "pso_level": "geen",
        "inclusion_stage": "orientatie",
        "service_style": "ontzorging",
        "scope": "lokaal",
        "locations-TOTAL_FORMS": "1", "locations-INITIAL_FORMS": "0",
        "locations-MIN_NUM_FORMS": "0", "locations-MAX_NUM_FORMS": "1000",
        "locations-0-name": "Hoofdvestiging", "locations-0-postcode": "AB 1234", "locations-0-city": "Utrecht",
        "contacts-TOTAL_FORMS": "0", "contacts-INITIAL_FORMS": "0",
        "contacts-MIN_NUM_FORMS": "0", "contacts-MAX_NUM_FORMS": "1000",
    }
    response = admin_client.post(reverse("admin:employers_employer_add"), data)
    assert response.status_code == 200
    assert "Een postcode heeft de vorm 1234 AB." in response.content.decode()
    assert not Employer.objects.exists() and not EmployerLocation.objects.exists()

    data["locations-0-postcode"] = "3511ab"
    data["kvk_number"] = "1234567"
    response = admin_client.post(reverse("admin:employers_employer_add"), data)
    assert "Een KvK-nummer bestaat uit precies 8 cijfers." in response.content.decode()
    assert not Employer.objects.exists()

    data["kvk_number"] = "12345678"
    response = admin_client.post(reverse("admin:employers_employer_add"), data)
    assert response.status_code == 302
    assert EmployerLocation.objects.get().postcode == "3511 AB"


def errors_of(obj, **kwargs) -> dict:
    with pytest.raises(ValidationError) as exc:
        obj.full_clean(**kwargs)
    return exc.value.message_dict


def test_model_validation_kvk_and_postcode():
    employer = EmployerFactory.build(kvk_number="KVK12345", region=TeamFactory().region,
                                     account_holder=UserFactory())
    assert errors_of(employer)["kvk_number"] == ["Een KvK-nummer bestaat uit precies 8 cijfers."]

    candidate = CandidateFactory()
    candidate.postcode = "12345"
    assert errors_of(candidate)["postcode"] == ["Een postcode heeft de vorm 1234 AB."]


def test_model_validation_date_ranges():
    placement = EmployedPlacementFactory(start_date=datetime.date(2026, 3, 1))
    placement.end_date = datetime.date(2026, 2, 1)
    assert errors_of(placement)["end_date"] == ["De einddatum ligt vóór de begindatum."]
    placement.end_date = None
    placement.contract_end_date = datetime.date(2026, 2, 1)
    assert errors_of(placement)["contract_end_date"] == ["De einddatum ligt vóór de begindatum."]

    contract = Contract(placement=placement, sequence=1, kind="tijdelijk", start_date=datetime.date(2026, 3, 1),
                        end_date=datetime.date(2026, 1, 1), hours_per_week=24, hourly_wage="14.71")
    assert "De einddatum ligt vóór de begindatum." in errors_of(contract)["end_date"]

    application = SubsidyApplication(placement=placement, municipality=placement.candidate.municipality,
                                     kind="loonkostensubsidie", period_start=datetime.date(2026, 3, 1),
                                     period_end=datetime.date(2026, 2, 28))
    assert "De einddatum ligt vóór de begindatum." in errors_of(application)["period_end"]

    status = TargetGroupStatus(candidate=placement.candidate, group="wajong", start_date=datetime.date(2026, 3, 1),
                               end_date=datetime.date(2025, 3, 1))
    assert "De einddatum ligt vóór de begindatum." in errors_of(status)["end_date"]
    # Nothing of the above reached the database.
    assert Placement.objects.get().end_date is None
    assert not Contract.objects.exists() and not SubsidyApplication.objects.exists()
