import pytest
from rest_framework.test import APIClient

from tests.factories.accounts import MunicipalityFactory, RegionFactory, TeamFactory
from tests.factories.api import ApiClientFactory


@pytest.fixture
def region(db):
    return RegionFactory(name="Regio Midden-Utrecht")


@pytest.fixture
def municipality(region):
    return MunicipalityFactory(cbs_code="GM0344", name="Utrecht", region=region)


@pytest.fixture
def other_municipality(region):
    return MunicipalityFactory(cbs_code="GM0345", name="Veenendaal", region=region)


@pytest.fixture
def team(region):
    return TeamFactory(name="Team Noord", region=region)


@pytest.fixture
def api_client_record(municipality):
    return ApiClientFactory(name="Zaaksysteem Utrecht", municipality=municipality)


@pytest.fixture
def api(api_client_record):
    """A DRF test client authenticated with the client's bearer token."""
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {api_client_record.token}")
    return client


@pytest.fixture
def anon():
    return APIClient()


def problem_fields(response) -> dict:
    """invalidParams as {name: code}."""
    return {p["name"]: p["code"] for p in response.json().get("invalidParams", [])}
