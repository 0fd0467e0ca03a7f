import datetime

import factory

from placements.models import Contract, Placement, Proposal, Task

from .candidates import CandidateFactory
from .employers import JobFactory


class ProposalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Proposal

    candidate = factory.SubFactory(CandidateFactory)
    job = factory.SubFactory(JobFactory)
    proposed_on = datetime.date(2026, 1, 5)


class PlacementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Placement

    candidate = factory.SubFactory(CandidateFactory)
    job = factory.SubFactory(JobFactory)
    employer = factory.SelfAttribute("job.employer")
    owner = factory.SelfAttribute("candidate.owner")
    origin = "netwerk"
    status = "voorgesteld"


class EmployedPlacementFactory(PlacementFactory):
    status = "in_dienst"
    start_date = datetime.date(2026, 1, 1)
    contract_end_date = datetime.date(2026, 12, 31)
    hours_per_week = 24


class ContractFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contract

    placement = factory.SubFactory(EmployedPlacementFactory)
    sequence = 1
    kind = "tijdelijk"
    start_date = datetime.date(2026, 1, 1)
    end_date = datetime.date(2026, 12, 31)
    hours_per_week = 24
    hourly_wage = "14.71"


class TaskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Task

    title = "Bel de werkgever"
    due_date = datetime.date(2026, 11, 30)
    assignee = factory.SubFactory("tests.factories.accounts.UserFactory")
