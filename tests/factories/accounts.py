import factory

from wsp_platform.accounts.models import Municipality, Region, Role, Team, User


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Regio {n}")
    wsp_name = factory.LazyAttribute(lambda o: f"WSP {o.name}")


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality
        django_get_or_create = ("cbs_code",)

    cbs_code = factory.Sequence(lambda n: f"GM{9000 + n:04d}")
    name = factory.Sequence(lambda n: f"Gemeente {n}")
    region = factory.SubFactory(RegionFactory)


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team

    name = factory.Sequence(lambda n: f"Team {n}")
    region = factory.SubFactory(RegionFactory)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"gebruiker{n}")
    first_name = factory.Faker("first_name", locale="nl_NL")
    last_name = factory.Faker("last_name", locale="nl_NL")
    email = factory.LazyAttribute(lambda o: f"{o.username}@wsp.example")
    role = Role.BEMIDDELAAR
    team = factory.SubFactory(TeamFactory)
    region = factory.LazyAttribute(lambda o: o.team.region if o.team else None)
    password = factory.django.Password("geheim-wachtwoord-123")


class EmployerUserFactory(UserFactory):
    role = Role.WERKGEVER
    team = None
    region = None
    employer = factory.SubFactory("tests.factories.employers.EmployerFactory")
