"""Two employers in one region, each with placements, proposals, subsidies, reports and
documents, and candidates full of data an employer must never see."""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.utils import timezone

from candidates.choices import Benefit, TargetGroup
from employers.models import ContactMoment
from placements.models import Signal, Task
from subsidies.models import SubsidyApplication
from tests.factories.accounts import EmployerUserFactory, TeamFactory, UserFactory
from tests.factories.candidates import (
    CandidateFactory,
    ConsentFactory,
    TargetGroupStatusFactory,
    WorkNeedFactory,
)
from tests.factories.employers import ContactPersonFactory, EmployerFactory, JobFactory
from tests.factories.placements import ContractFactory, EmployedPlacementFactory, ProposalFactory
from wsp_platform.core.models import Document

BIRTH_DATE = datetime.date(1987, 3, 9)


@dataclass
class World:
    """Everything of one employer, plus the values that must never reach its portal."""

    employer: object
    user: object
    placement: object
    job: object
    carved_job: object
    candidate: object
    proposal_named: object
    proposal_anonymous: object
    application: object
    document: object
    private_document: object
    shared_report: object
    private_report: object
    contact: object
    task: object
    protected: list = field(default_factory=list)
    markers: list = field(default_factory=list)


def birth_date_formats(value: datetime.date) -> list[str]:
    months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
              "oktober", "november", "december"]
    return [
        value.strftime("%d-%m-%Y"),
        value.strftime("%Y-%m-%d"),
        value.strftime("%d/%m/%Y"),
        f"{value.day}-{value.month}-{value.year}",
        f"{value.day} {months[value.month - 1]} {value.year}",
        value.strftime("%d.%m.%Y"),
    ]


def build_world(tag: str, *, region, holder, deputy, team) -> World:
    today = timezone.localdate()
    employer = EmployerFactory(
        name=f"Werkgever {tag} BV",
        region=region,
        account_holder=holder,
        deputy=deputy,
        account_holder_since=today - datetime.timedelta(days=10),
        internal_notes=f"Interne notitie werkgever {tag}: lastige directeur",
    )
    user = EmployerUserFactory(username=f"werkgever-{tag.lower()}", employer=employer,
                               first_name="Wim", last_name=f"Werkgever{tag}")
    job = JobFactory(employer=employer, title=f"Medewerker groen {tag}")
    carved_job = JobFactory(employer=employer, title=f"Gecreëerde baan {tag}", kind="gecreeerd",
                            creation_method="jobcarving")
    owner = UserFactory(username=f"bemiddelaar-{tag.lower()}", team=team, region=region)
    candidate = CandidateFactory(
        first_name=f"Sanne{tag}",
        last_name=f"Verhoeven{tag}geheim",
        birth_date=BIRTH_DATE,
        email=f"sanne{tag.lower()}@prive.example",
        phone=f"06-9999000{len(tag)}",
        benefit=Benefit.WAJONG,
        internal_notes=f"Interne notitie kandidaat {tag}: schuldhulp loopt",
        support_needed=f"Ondersteuning {tag}: medicatie om 12 uur",
        experience="Vakkenvullen bij een supermarkt",
        team=team,
        owner=owner,
    )
    TargetGroupStatusFactory(candidate=candidate, group=TargetGroup.DOELGROEPREGISTER)
    TargetGroupStatusFactory(candidate=candidate, group=TargetGroup.BESCHUT_WERK)
    WorkNeedFactory(candidate=candidate, description=f"Werkbehoefte zonder toestemming {tag}",
                    shareable_with_employer=True)
    placement = EmployedPlacementFactory(
        candidate=candidate, job=job, owner=owner, start_date=today - datetime.timedelta(days=90),
        contract_end_date=today + datetime.timedelta(days=275), trial_end_date=today - datetime.timedelta(days=100),
        hours_per_week=Decimal("24"), jobcoach_name=f"Jan Jobcoach {tag}", jobcoach_phone="030-1234567",
        jobcoach_email=f"jobcoach{tag.lower()}@coach.example", introduction_route="proefplaatsing",
    )
    ContractFactory(placement=placement, start_date=placement.start_date, end_date=placement.contract_end_date,
                    hourly_wage=Decimal("15.00"))
    task = Task.objects.create(title=f"Nazorgbezoek {tag}", kind="nazorg", due_date=today + datetime.timedelta(days=12),
                               assignee=owner, placement=placement, candidate=candidate)
    shared_report = ContactMoment.objects.create(
        occurred_at=timezone.now() - datetime.timedelta(days=3), channel="bezoek", with_whom="werkgever",
        employer=employer, placement=placement, candidate=candidate, shared_with_employer=True,
        summary=f"Gedeeld verslag {tag}: gaat goed, tempo stijgt.", author=owner,
    )
    private_report = ContactMoment.objects.create(
        occurred_at=timezone.now() - datetime.timedelta(days=2), channel="telefoon", with_whom="kandidaat",
        employer=employer, placement=placement, candidate=candidate, shared_with_employer=False,
        summary=f"Intern verslag {tag}: thuis spanningen", author=owner,
    )
    application = SubsidyApplication.objects.create(
        placement=placement, municipality=candidate.municipality, kind="loonkostensubsidie", status="toegekend",
        period_start=today.replace(day=1) - datetime.timedelta(days=60),
        period_end=today + datetime.timedelta(days=300),
        amount_granted=Decimal("9600.00"), amount_paid=Decimal("1600.00"), decision_reference=f"LKS-{tag}-001",
        employer_todo=f"Getekende arbeidsovereenkomst {tag}\nLoonstrook maart {tag}",
        refusal_reason="", details={}, end_reason="",
    )
    # Proposals: one candidate consented to share name and work needs, one did not.
    named = CandidateFactory(first_name=f"Ahmed{tag}", last_name=f"Bakker{tag}geheim", team=team, owner=owner,
                             birth_date=BIRTH_DATE, internal_notes=f"Interne notitie voorstel {tag}")
    ConsentFactory(candidate=named, scope="profiel_delen", employer=employer)
    ConsentFactory(candidate=named, scope="werkbehoeften_delen", employer=None)
    WorkNeedFactory(candidate=named, description=f"Eén instructie tegelijk {tag}", shareable_with_employer=True)
    WorkNeedFactory(candidate=named, description=f"Niet deelbare behoefte {tag}", shareable_with_employer=False)
    TargetGroupStatusFactory(candidate=named, group=TargetGroup.WAJONG)
    anonymous = CandidateFactory(first_name=f"Lotte{tag}", last_name=f"Jansen{tag}geheim", team=team, owner=owner,
                                 birth_date=BIRTH_DATE, benefit=Benefit.BIJSTAND)
    # Consent to share the name given and withdrawn: no name.
    ConsentFactory(candidate=anonymous, scope="profiel_delen", employer=employer,
                   withdrawn_on=datetime.date(2025, 6, 1))
    ConsentFactory(candidate=anonymous, scope="werkbehoeften_delen", employer=employer,
                   withdrawn_on=datetime.date(2025, 6, 1))
    WorkNeedFactory(candidate=anonymous, description=f"Behoefte ingetrokken toestemming {tag}",
                    shareable_with_employer=True)
    proposal_named = ProposalFactory(candidate=named, job=job, status="voorgesteld", proposed_by=owner,
                                     motivation=f"Past goed bij het groenteam {tag}")
    proposal_anonymous = ProposalFactory(candidate=anonymous, job=carved_job, status="voorgesteld", proposed_by=owner)
    ct = ContentType.objects.get_for_model(placement)
    document = Document(content_type=ct, object_id=placement.pk, title=f"Werkplan {tag}", original_name="werkplan.pdf",
                        size=12, shared_with_employer=True, document_type="verslag")
    document.file.save("werkplan.pdf", ContentFile(b"%PDF-1.4 test"), save=True)
    private_document = Document(content_type=ct, object_id=placement.pk, title=f"Intern dossierstuk {tag}",
                                original_name="intern.pdf", size=12, shared_with_employer=False)
    private_document.file.save("intern.pdf", ContentFile(b"%PDF-1.4 geheim"), save=True)
    contact = ContactPersonFactory(employer=employer, name=f"Contact {tag}")
    Signal.objects.create(placement=placement, kind="loonwaarde_gedaald", message=f"Intern signaal {tag}",
                          raised_on=today)

    protected = [
        candidate.bsn, candidate.bsn_masked, named.bsn, anonymous.bsn,
        *birth_date_formats(BIRTH_DATE),
        *[label for label in TargetGroup.labels],
        "Wajong", Benefit.BIJSTAND.label, Benefit.WAJONG.label,
        candidate.internal_notes, named.internal_notes, employer.internal_notes,
        candidate.support_needed, candidate.email, candidate.phone,
        candidate.last_name, named.last_name, anonymous.last_name, anonymous.first_name,
        f"Werkbehoefte zonder toestemming {tag}", f"Niet deelbare behoefte {tag}",
        f"Behoefte ingetrokken toestemming {tag}",
        private_report.summary, private_document.title, f"Intern signaal {tag}",
        "Advies beschut werk", "beschut werk", "doelgroepregister",
    ]
    markers = [employer.name, candidate.first_name, job.title, carved_job.title, shared_report.summary,
               document.title, application.decision_reference, f"Getekende arbeidsovereenkomst {tag}", named.first_name]
    return World(
        employer=employer, user=user, placement=placement, job=job, carved_job=carved_job, candidate=candidate,
        proposal_named=proposal_named, proposal_anonymous=proposal_anonymous, application=application,
        document=document, private_document=private_document, shared_report=shared_report,
        private_report=private_report, contact=contact, task=task, protected=protected, markers=markers,
    )


@pytest.fixture
def region_staff(db):
    team = TeamFactory(name="Team Groen")
    holder = UserFactory(username="accounthouder", first_name="Anouk", last_name="Accounthouder", team=team,
                         region=team.region, phone="030-7654321", email="anouk@wsp.example")
    deputy = UserFactory(username="vervanger", first_name="Victor", last_name="Vervanger", team=team,
                         region=team.region, phone="030-1111111", email="victor@wsp.example")
    return team, holder, deputy


@pytest.fixture
def world_a(region_staff):
    team, holder, deputy = region_staff
    return build_world("A", region=team.region, holder=holder, deputy=deputy, team=team)


@pytest.fixture
def world_b(region_staff, world_a):
    team, holder, deputy = region_staff
    return build_world("B", region=team.region, holder=holder, deputy=deputy, team=team)


@pytest.fixture
def portal_client(client, world_a):
    client.force_login(world_a.user)
    return client

