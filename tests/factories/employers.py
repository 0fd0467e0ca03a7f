from decimal import Decimal

import factory
from django.utils import timezone

from employers.models import ContactMoment, ContactPerson, Employer, EmployerLocation, Function, FunctionTask, Job

from .accounts import RegionFactory, UserFactory


class EmployerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Employer

    name = factory.Faker("company", locale="nl_NL")
    kvk_number = factory.Sequence(lambda n: f"{10000000 + n}")
    sector = "zorg"
    size_class = "lt250"
    region = factory.SubFactory(RegionFactory)
    account_holder = factory.SubFactory(UserFactory)


class EmployerLocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EmployerLocation

    employer = factory.SubFactory(EmployerFactory)
    name = "Hoofdvestiging"
    postcode = "3512 JE"
    city = "Utrecht"


class ContactPersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContactPerson

    employer = factory.SubFactory(EmployerFactory)
    name = factory.Faker("name", locale="nl_NL")
    layer = "leidinggevende"
    email = factory.Sequence(lambda n: f"contact{n}@werkgever.example")


class JobFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Job

    employer = factory.SubFactory(EmployerFactory)
    location = factory.SubFactory(EmployerLocationFactory, employer=factory.SelfAttribute("..employer"))
    title = "Medewerker facilitair"
    sector = "zorg"
    hours_per_week = Decimal("24")
    hourly_wage = Decimal("14.71")


class FunctionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Function

    employer = factory.SubFactory(EmployerFactory)
    name = "Verpleegkundige"


class FunctionTaskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FunctionTask

    function = factory.SubFactory(FunctionFactory)
    description = "Bedden opmaken"
    hours_per_week = Decimal("4")


class ContactMomentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContactMoment

    occurred_at = factory.LazyFunction(timezone.now)
    channel = "telefoon"
    with_whom = "kandidaat"
    summary = "Gebeld over de voortgang."
