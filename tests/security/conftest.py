"""Two separate worlds, A and B (different regions, teams and employers), and one user
per role. Side A is "own" for bemiddelaar A, teamleider A and employer user A; side B is
"foreign" for them and own for bemiddelaar B."""

import datetime
from types import SimpleNamespace

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile

from tests.factories.accounts import EmployerUserFactory, MunicipalityFactory, RegionFactory, TeamFactory, UserFactory
from tests.factories.candidates import ConsentFactory, TargetGroupStatusFactory
from tests.factories.employers import ContactPersonFactory, EmployerFactory, JobFactory
from tests.factories.placements import EmployedPlacementFactory, ProposalFactory, TaskFactory
from tests.factories.subsidies import SubsidyApplicationFactory
from wsp_platform.accounts.models import Role
from wsp_platform.core.models import Document

# A valid BSN (11-proef) that is used nowhere else: the leak test hunts for it.
SEEDED_BSN = "736160231"


def _side(tag: str, bsn: str | None = None) -> SimpleNamespace:
    from tests.factories.candidates import CandidateFactory

    s = SimpleNamespace()
    s.region = RegionFactory(name=f"Regio {tag}")
    s.team = TeamFactory(name=f"Team {tag}", region=s.region)
    s.municipality = MunicipalityFactory(region=s.region, name=f"Gemeente {tag}")
    s.bemiddelaar = UserFactory(username=f"bemiddelaar-{tag}", team=s.team, role=Role.BEMIDDELAAR)
    extra = {"bsn": bsn} if bsn else {}
    s.candidate = CandidateFactory(
        first_name=f"Kandidaat{tag}", last_name="Testpersoon", team=s.team, owner=s.bemiddelaar,
        municipality=s.municipality, internal_notes=f"Interne notitie {tag}", **extra,
    )
    TargetGroupStatusFactory(candidate=s.candidate, group="wajong")
    s.consent = ConsentFactory(candidate=s.candidate, scope="profiel_delen", given_on=datetime.date(2025, 1, 1))
    s.employer = EmployerFactory(name=f"Werkgever {tag}", region=s.region, account_holder=s.bemiddelaar)
    s.contact = ContactPersonFactory(employer=s.employer, name=f"Contact {tag}")
    s.job = JobFactory(employer=s.employer, title=f"Baan {tag}")
    s.placement = EmployedPlacementFactory(candidate=s.candidate, job=s.job, owner=s.bemiddelaar)
    s.proposal = ProposalFactory(candidate=s.candidate, job=s.job, status="voorgesteld", proposed_by=s.bemiddelaar)
    s.application = SubsidyApplicationFactory(placement=s.placement)
    s.task = TaskFactory(assignee=s.bemiddelaar, candidate=s.candidate, title=f"Taak {tag}")
    ct = ContentType.objects.get_for_model(s.placement)
    s.document = Document(
        content_type=ct, object_id=s.placement.pk, title=f"Werkplan {tag}", original_name="werkplan.pdf",
        size=13, shared_with_employer=True,
    )
    s.document.file.save("werkplan.pdf", ContentFile(b"%PDF-1.4 test"), save=True)
    s.employer_user = EmployerUserFactory(username=f"werkgever-{tag}", employer=s.employer)
    return s


@pytest.fixture
def two_worlds(db):
    a = _side("A", bsn=SEEDED_BSN)
    b = _side("B")
    teamleider = UserFactory(username="teamleider-A", team=a.team, role=Role.TEAMLEIDER)
    admin = UserFactory(username="beheerder", team=None, region=a.region, role=Role.FUNCTIONEEL_BEHEERDER)
    return SimpleNamespace(
        a=a,
        b=b,
        roles={
            "anonymous": None,
            "bemiddelaar_own_team": a.bemiddelaar,
            "bemiddelaar_other_team": b.bemiddelaar,
            "teamleider": teamleider,
            "functioneel_beheerder": admin,
            "employer_user_a": a.employer_user,
        },
    )
