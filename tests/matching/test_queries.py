"""Matching against the database: hard constraints applied in SQL, same answers as the
plain rule, bounded query counts."""

from decimal import Decimal

import pytest

from candidates.models import Candidate
from employers.models import JobRequirement, JobTask
from placements import matching
from placements.models import MatchingWeights
from tests.factories.accounts import MunicipalityFactory, TeamFactory, UserFactory
from tests.factories.candidates import CandidateFactory
from tests.factories.employers import EmployerLocationFactory, JobFactory
from wsp_platform.core.models import Skill

pytestmark = pytest.mark.django_db

UTRECHT = (52.0907, 5.1214)
AMERSFOORT = (52.1535, 5.3736)  # ~18.4 km from Utrecht
ZWOLLE = (52.5168, 6.0830)  # ~80 km


@pytest.fixture
def setting():
    team = TeamFactory()
    municipality = MunicipalityFactory(region=team.region)
    owner = UserFactory(team=team)
    location = EmployerLocationFactory(latitude=UTRECHT[0], longitude=UTRECHT[1], employer__region=team.region)
    job = JobFactory(employer=location.employer, location=location, hours_per_week=Decimal("20"))
    JobTask.objects.create(job=job, description="Post sorteren", hours_per_week=Decimal("10"), physical_load=2)

    def make(**kw):
        lat, lon = kw.pop("at", UTRECHT)
        kw.setdefault("hours_available_per_week", 24)
        kw.setdefault("travel_radius_km", 25)
        return CandidateFactory(team=team, municipality=municipality, owner=owner, latitude=lat, longitude=lon, **kw)

    return job, make


def ids(matches):
    return {m.candidate_id for m in matches}


def test_each_hard_constraint_excludes_in_the_database(setting):
    job, make = setting
    vca = Skill.objects.create(name="VCA")
    JobRequirement.objects.create(job=job, description="VCA", skill=vca, is_hard=True)
    good = make(at=AMERSFOORT)
    good.skills.add(vca)
    too_few_hours = make(hours_available_per_week=16)
    too_few_hours.skills.add(vca)
    too_far = make(at=ZWOLLE, travel_radius_km=40)
    too_far.skills.add(vca)
    radius_too_small = make(at=AMERSFOORT, travel_radius_km=15)
    radius_too_small.skills.add(vca)
    make()  # no VCA
    too_heavy = make(capacity_physical=1)
    too_heavy.skills.add(vca)
    paused = make(status="gepauzeerd")
    paused.skills.add(vca)
    unknown_place = make(at=(None, None))
    unknown_place.skills.add(vca)

    found = ids(matching.candidates_for_job(job))
    assert found == {good.pk, unknown_place.pk}
    # The database filter alone already leaves these out (not the Python rule afterwards).
    jf = matching.job_facts(job)
    assert set(matching.hard_filtered_candidates(jf, Candidate.objects.all()).values_list("pk", flat=True)) == {
        good.pk, unknown_place.pk,
    }


def test_same_answer_as_the_plain_python_loop(setting):
    job, make = setting
    skill = Skill.objects.create(name="Sorteren")
    JobTask.objects.get(job=job).capabilities.add(skill)
    for i in range(12):
        c = make(at=(UTRECHT[0] + i * 0.02, UTRECHT[1]), travel_radius_km=5 + i * 2,
                 wished_sectors=["zorg"] if i % 2 else [])
        if i % 3 == 0:
            c.skills.add(skill)
    fast = matching.candidates_for_job(job, limit=50)
    slow = matching.candidates_for_job_naive(job, limit=50)
    assert [(m.candidate_id, m.score) for m in fast] == [(m.candidate_id, m.score) for m in slow]
    assert fast


def test_jobs_for_candidate_applies_hard_constraints(setting):
    job, make = setting
    candidate = make(at=AMERSFOORT, capacity_physical=2)
    far_location = EmployerLocationFactory(employer=job.employer, latitude=ZWOLLE[0], longitude=ZWOLLE[1])
    far_job = JobFactory(employer=job.employer, location=far_location, hours_per_week=Decimal("20"))
    long_job = JobFactory(employer=job.employer, location=job.location, hours_per_week=Decimal("32"))
    heavy_job = JobFactory(employer=job.employer, location=job.location, hours_per_week=Decimal("20"))
    JobTask.objects.create(job=heavy_job, description="Tillen", hours_per_week=Decimal("4"), physical_load=3)
    closed_job = JobFactory(employer=job.employer, location=job.location, status="vervuld")
    hard_job = JobFactory(employer=job.employer, location=job.location, hours_per_week=Decimal("20"))
    JobRequirement.objects.create(job=hard_job, description="Rijbewijs", skill=Skill.objects.create(name="Rijbewijs B"),
                                  is_hard=True)
    found = {m.job_id for m in matching.jobs_for_candidate(candidate)}
    assert found == {job.pk}
    assert not {far_job.pk, long_job.pk, heavy_job.pk, closed_job.pk, hard_job.pk} & found


def test_region_weights_are_used(setting):
    job, make = setting
    make(wished_sectors=["horeca"])
    MatchingWeights.objects.create(region=job.employer.region, skills=0, negotiable=0, sector=1, interests=0,
                                   experience=0, education=0, distance=0, quiet=0)
    [m] = matching.candidates_for_job(job)
    assert m.score == 0  # only the (missed) sector counts
    MatchingWeights.objects.filter(region=job.employer.region).update(sector=0, distance=1)
    [m] = matching.candidates_for_job(job)
    assert m.score == 100  # same place: full closeness


def test_query_count_is_bounded(setting, django_assert_max_num_queries):
    job, make = setting
    skill = Skill.objects.create(name="Sorteren")
    JobTask.objects.get(job=job).capabilities.add(skill)
    for _ in range(15):
        make().skills.add(skill)
    with django_assert_max_num_queries(10):
        assert len(matching.candidates_for_job(job, limit=10)) == 10
    candidate = Candidate.objects.first()
    for _ in range(8):
        JobFactory(employer=job.employer, location=job.location, hours_per_week=Decimal("20"))
    with django_assert_max_num_queries(10):
        assert len(matching.jobs_for_candidate(candidate)) == 9
