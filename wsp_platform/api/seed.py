"""A small, fixed data set for fuzzing and benchmarking the API (not demo data).

``seed_for_fuzzing()`` creates one region with two municipalities, candidates,
employers, jobs, placements, an LKS application and an API client with every
scope, and returns that client's token (printed once by the callers)."""

import datetime
from decimal import Decimal

from django.db import transaction


@transaction.atomic
def seed_for_fuzzing(candidates: int = 30) -> str:
    from candidates.models import Candidate
    from employers.models import Employer, Job
    from placements.models import Placement, Task
    from subsidies.models import LoonwaardeAssessment, SubsidyApplication
    from wsp_platform.accounts.models import ApiClient, ApiScope, Municipality, Region, Team

    region, _ = Region.objects.get_or_create(name="Regio Fuzz")
    home, _ = Municipality.objects.get_or_create(cbs_code="GM0344", defaults={"name": "Utrecht", "region": region})
    other, _ = Municipality.objects.get_or_create(cbs_code="GM0345", defaults={"name": "Veenendaal",
                                                                                 "region": region})
    team, _ = Team.objects.get_or_create(name="Team Fuzz", region=region)
    employer, _ = Employer.objects.get_or_create(
        kvk_number="87654321", defaults={"name": "Fuzz BV", "sector": "zorg", "size_class": "lt50",
                                         "region": region})
    job, _ = Job.objects.get_or_create(
        employer=employer, title="Medewerker facilitair",
        defaults={"sector": "zorg", "hours_per_week": Decimal("24"), "hourly_wage": Decimal("15.00")})
    made = []
    start = 200000000
    n = 0
    while len(made) < candidates:
        n += 1
        bsn = _nth_bsn(start, n)
        candidate = Candidate(first_name=f"Kandidaat{n}", last_name=f"Fuzz{n:04d}",
                              birth_date=datetime.date(1990, 1, 1), postcode="3511 AB", city="Utrecht",
                              municipality=home if n % 5 else other, team=team)
        candidate.bsn = bsn
        candidate.save()
        made.append(candidate)
    for index, candidate in enumerate(made[:10]):
        placement = Placement.objects.create(
            candidate=candidate, job=job, employer=employer, origin="netwerk",
            status="in_dienst" if index % 2 else "kennismaking",
            start_date=datetime.date(2025, 1, 1) if index % 2 else None, hours_per_week=Decimal("24"))
        Task.objects.create(title="Nazorggesprek", due_date=datetime.date(2026, 1, 1), candidate=candidate,
                            placement=placement)
        if index % 2:
            LoonwaardeAssessment.objects.create(
                placement=placement, assessed_on=datetime.date(2025, 1, 5), method="uniform", percentage=60,
                normfunctie="Medewerker facilitair", functieloon_per_hour=Decimal("15.00"))
            SubsidyApplication.objects.create(
                placement=placement, municipality=candidate.municipality, kind="loonkostensubsidie",
                period_start=datetime.date(2025, 1, 1), period_end=datetime.date(2025, 12, 31),
                hours_per_week=Decimal("24"))
    client = ApiClient(name=f"Fuzz-client {ApiClient.objects.count() + 1}", municipality=home,
                       scopes=list(ApiScope.values))
    token = client.set_new_token()
    client.save()
    return token


def _nth_bsn(start: int, n: int) -> str:
    from wsp_platform.core.validators import is_valid_bsn

    value = start + n * 20
    while not is_valid_bsn(str(value)):
        value += 1
    return str(value)
