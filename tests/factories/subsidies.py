import datetime
from decimal import Decimal

import factory

from subsidies.models import LoonwaardeAssessment, LoonwaardeRule, SubsidyApplication

from .accounts import MunicipalityFactory
from .placements import EmployedPlacementFactory


class LoonwaardeAssessmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LoonwaardeAssessment

    placement = factory.SubFactory(EmployedPlacementFactory)
    assessed_on = datetime.date(2026, 1, 15)
    method = "uniform"
    assessor = "L. de Vries"
    percentage = 60
    normfunctie = "Medewerker facilitair"
    functieloon_per_hour = Decimal("14.71")
    next_due_on = datetime.date(2027, 1, 15)


class SubsidyApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SubsidyApplication

    placement = factory.SubFactory(EmployedPlacementFactory)
    municipality = factory.SelfAttribute("placement.candidate.municipality")
    kind = "loonkostensubsidie"
    status = "concept"
    period_start = datetime.date(2026, 1, 1)
    period_end = datetime.date(2026, 6, 30)
    hours_per_week = Decimal("24")
    details = factory.LazyFunction(dict)


class GrantedLksFactory(SubsidyApplicationFactory):
    status = "toegekend"
    decision_date = datetime.date(2025, 12, 15)
    decision_reference = factory.Sequence(lambda n: f"LKS-2026-{n:04d}")
    amount_granted = Decimal("3000.00")


class LoonwaardeRuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LoonwaardeRule

    municipality = factory.SubFactory(MunicipalityFactory)


class JobTaskFactory(factory.django.DjangoModelFactory):
    """A task of a job (the task basis of a loonwaarde assessment)."""

    class Meta:
        model = "employers.JobTask"

    job = factory.SubFactory("tests.factories.employers.JobFactory")
    description = "Broodjes beleggen"
    hours_per_week = Decimal("4")
