import datetime

import pytest

from tests.factories.accounts import MunicipalityFactory, TeamFactory, UserFactory
from tests.factories.candidates import CandidateFactory
from tests.factories.employers import EmployerFactory, JobFactory
from tests.factories.placements import EmployedPlacementFactory
from wsp_platform.audit.services import Actor


class World:
    pass


@pytest.fixture
def world(db):
    w = World()
    w.team = TeamFactory(name="Team Subsidie")
    w.municipality = MunicipalityFactory(region=w.team.region, name="Amersfoort")
    w.user = UserFactory(username="bem-sub", team=w.team)
    w.teamleider = UserFactory(username="tl-sub", team=w.team, role="teamleider")
    w.candidate = CandidateFactory(team=w.team, owner=w.user, municipality=w.municipality,
                                   birth_date=datetime.date(1990, 4, 1), first_name="Sanne", last_name="Visser")
    w.employer = EmployerFactory(region=w.team.region, account_holder=w.user, name="Bakkerij Bol")
    w.job = JobFactory(employer=w.employer, hourly_wage="15.00", hours_per_week=24)
    w.placement = EmployedPlacementFactory(candidate=w.candidate, job=w.job, owner=w.user,
                                           start_date=datetime.date(2026, 1, 1), hours_per_week=24)
    w.actor = Actor(user=w.user)
    return w
