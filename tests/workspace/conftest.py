import datetime

import pytest
from django.utils import timezone

from tests.factories.accounts import EmployerUserFactory, MunicipalityFactory, TeamFactory, UserFactory
from tests.factories.candidates import CandidateFactory
from tests.factories.employers import ContactPersonFactory, EmployerFactory, JobFactory
from tests.factories.placements import PlacementFactory


class World:
    """A small region: one team with a bemiddelaar, a colleague, candidates, an employer
    with a job and a placement; plus a foreign team in another region."""


@pytest.fixture
def world(db):
    w = World()
    w.team = TeamFactory(name="Team Noord")
    w.region = w.team.region
    w.municipality = MunicipalityFactory(region=w.region, name="Utrecht")
    w.user = UserFactory(username="bemiddelaar", first_name="Bea", last_name="Bemiddel", team=w.team)
    w.colleague = UserFactory(username="collega", first_name="Cor", last_name="Collega", team=w.team)
    w.candidate = CandidateFactory(
        first_name="Fatima", last_name="El Amrani", team=w.team, owner=w.user, municipality=w.municipality,
        city="Utrecht",
    )
    w.other_candidate = CandidateFactory(
        first_name="Jan", last_name="Jansen", team=w.team, owner=w.colleague, municipality=w.municipality,
        city="Zeist",
    )
    w.employer = EmployerFactory(name="Zorggroep De Linde", region=w.region, account_holder=w.user)
    w.contact = ContactPersonFactory(employer=w.employer, name="Petra de Vries", is_champion=True)
    w.job = JobFactory(employer=w.employer, title="Medewerker facilitair", status="open")
    w.placement = PlacementFactory(candidate=w.candidate, job=w.job, owner=w.user)
    # Another region that this bemiddelaar must never see.
    w.foreign_team = TeamFactory(name="Team Zuid")
    w.foreign_user = UserFactory(username="vreemde", team=w.foreign_team)
    w.foreign_municipality = MunicipalityFactory(region=w.foreign_team.region)
    w.foreign_candidate = CandidateFactory(
        first_name="Geheim", last_name="Buitenregio", team=w.foreign_team, owner=w.foreign_user,
        municipality=w.foreign_municipality,
    )
    w.foreign_employer = EmployerFactory(name="Verre BV", region=w.foreign_team.region, account_holder=w.foreign_user)
    w.foreign_job = JobFactory(employer=w.foreign_employer, title="Verre baan")
    w.foreign_placement = PlacementFactory(candidate=w.foreign_candidate, job=w.foreign_job, owner=w.foreign_user)
    w.employer_user = EmployerUserFactory(username="werkgever", employer=w.employer)
    w.today = timezone.localdate()
    w.tomorrow = w.today + datetime.timedelta(days=1)
    return w


@pytest.fixture
def staff_client(client, world):
    client.force_login(world.user)
    return client
