import datetime

import factory

from candidates.models import Candidate, Consent, TargetGroupStatus, WorkNeed

from .accounts import MunicipalityFactory, TeamFactory, UserFactory


def bsn_from_sequence(n: int) -> str:
    """The n-th valid BSN (11-proef) from a fixed starting point, deterministic per test run."""
    from wsp_platform.core.validators import is_valid_bsn

    # Steps of 20: every block of ten numbers holds at most one valid BSN and two
    # consecutive blocks at least one, so two sequence numbers never share a BSN.
    candidate = 100000000 + n * 20
    while not is_valid_bsn(str(candidate)):
        candidate += 1
    return str(candidate)


class CandidateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Candidate
        skip_postgeneration_save = True

    first_name = factory.Faker("first_name", locale="nl_NL")
    last_name = factory.Faker("last_name", locale="nl_NL")
    birth_date = datetime.date(1995, 5, 17)
    email = factory.Sequence(lambda n: f"kandidaat{n}@example.nl")
    phone = "06-12345678"
    postcode = "3511 AB"
    city = "Utrecht"
    municipality = factory.SubFactory(MunicipalityFactory)
    team = factory.SubFactory(TeamFactory)
    owner = factory.SubFactory(UserFactory, team=factory.SelfAttribute("..team"))
    hours_available_per_week = 24
    travel_radius_km = 15
    status = "bemiddelbaar"
    bsn = factory.Sequence(bsn_from_sequence)


class TargetGroupStatusFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TargetGroupStatus

    candidate = factory.SubFactory(CandidateFactory)
    group = "doelgroepregister"
    start_date = datetime.date(2024, 1, 1)


class WorkNeedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkNeed

    candidate = factory.SubFactory(CandidateFactory)
    description = "Eén instructie tegelijk"
    shareable_with_employer = True


class ConsentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Consent

    candidate = factory.SubFactory(CandidateFactory)
    scope = "profiel_delen"
    given_on = datetime.date(2025, 1, 1)
