"""Reads for the employer portal.

Every function takes the employer of the logged-in user (from the policy) and
returns small view objects holding only what an employer may see. Templates
never get a Candidate: no BSN, birth date, target group, benefit, health
information or internal note can end up in a page by a template mistake.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, Subquery
from django.utils import timezone

from candidates.choices import ConsentScope
from candidates.models import Consent, WorkNeed
from employers.models import ContactMoment, Employer, Job
from placements.choices import ProposalStatus, TaskKind, TaskStatus
from placements.models import Contract, Placement, Proposal, Task
from placements.rules import CLOSED_STATUSES
from subsidies.choices import ApplicationStatus, SubsidyKind
from subsidies.costs import CostOverview
from subsidies.models import SubsidyApplication
from subsidies.rates import load_rates
from subsidies.selectors import employer_cost_overview
from wsp_platform.accounts import policy
from wsp_platform.accounts.models import Role
from wsp_platform.core.models import Document

ACCOUNT_HOLDER_NOTICE_DAYS = 60
# Closed placements stay visible this long (the employer still gets paid subsidies, reports).
CLOSED_VISIBLE_DAYS = 180
# Labels an employer sees; the kind "begeleidingsvergoeding beschut werk" would name a target group.
SUBSIDY_KIND_LABELS = {**dict(SubsidyKind.choices), SubsidyKind.BEGELEIDINGSVERGOEDING: "Begeleidingsvergoeding"}
TODO_DONE_STATUSES = (ApplicationStatus.AFGEWEZEN, ApplicationStatus.BEEINDIGD)


def employer_for(user) -> Employer:
    """The one employer of an employer user, through the policy (raises DoesNotExist otherwise)."""
    return policy.employers_for(user).select_related("account_holder", "deputy").get(pk=user.employer_id)


def _is_portal_author():
    return Q(author__role=Role.WERKGEVER)


# --- Contacts at the WSP ----------------------------------------------------------

@dataclass
class WspContact:
    role: str
    name: str
    phone: str
    email: str


@dataclass
class WspContacts:
    contacts: list
    changed_on: datetime.date | None = None
    notice: str = ""


def wsp_contacts(employer: Employer, today: datetime.date | None = None) -> WspContacts:
    today = today or timezone.localdate()
    contacts = []
    for role, user in (("Accounthouder", employer.account_holder), ("Vervanger", employer.deputy)):
        if user is not None:
            contacts.append(WspContact(role, user.get_full_name() or user.username, user.phone, user.email))
    result = WspContacts(contacts=contacts)
    since = employer.account_holder_since
    if since and employer.account_holder and today - since <= datetime.timedelta(days=ACCOUNT_HOLDER_NOTICE_DAYS):
        name = employer.account_holder.get_full_name() or employer.account_holder.username
        result.changed_on = since
        result.notice = f"Sinds {since:%d-%m-%Y} is {name} uw nieuwe accounthouder bij het WSP."
    return result


# --- Placements -----------------------------------------------------------------------

@dataclass
class PortalPlacement:
    uuid: object
    employee: str
    job_title: str
    status: str
    status_label: str
    route_label: str
    arrangement_label: str
    introduction_start_date: datetime.date | None
    start_date: datetime.date | None
    trial_end_date: datetime.date | None
    contract_end_date: datetime.date | None
    end_date: datetime.date | None
    hours_per_week: Decimal | None
    supervisor_name: str
    jobcoach_name: str
    jobcoach_organisation: str
    jobcoach_phone: str
    jobcoach_email: str
    next_visit: datetime.date | None
    last_contact: datetime.datetime | None
    is_closed: bool
    hourly_wage: Decimal | None = None


def _placement_queryset(employer: Employer, today: datetime.date):
    next_visit = (
        Task.objects.filter(placement=OuterRef("pk"), kind=TaskKind.NAZORG, status=TaskStatus.OPEN)
        .order_by("due_date")
        .values("due_date")[:1]
    )
    last_contact = (
        ContactMoment.objects.filter(placement=OuterRef("pk"), occurred_at__lte=timezone.now())
        .exclude(_is_portal_author())
        .order_by("-occurred_at")
        .values("occurred_at")[:1]
    )
    current_wage = Contract.objects.filter(placement=OuterRef("pk")).order_by("-sequence").values("hourly_wage")[:1]
    visible = ~Q(status__in=CLOSED_STATUSES) | Q(end_date__gte=today - datetime.timedelta(days=CLOSED_VISIBLE_DAYS))
    return (
        Placement.objects.filter(employer=employer)
        .filter(visible)
        .select_related("candidate", "job")
        .annotate(
            next_visit=Subquery(next_visit),
            last_contact=Subquery(last_contact),
            current_wage=Subquery(current_wage),
        )
        .order_by("candidate__first_name", "pk")
    )


def _to_portal_placement(p: Placement) -> PortalPlacement:
    return PortalPlacement(
        uuid=p.uuid,
        employee=p.candidate.display_name_for_employer,
        job_title=p.job.title,
        status=p.status,
        status_label=p.get_status_display(),
        route_label=p.get_introduction_route_display(),
        arrangement_label=p.get_arrangement_display(),
        introduction_start_date=p.introduction_start_date,
        start_date=p.start_date,
        trial_end_date=p.trial_end_date,
        contract_end_date=p.contract_end_date,
        end_date=p.end_date,
        hours_per_week=p.hours_per_week,
        supervisor_name=p.supervisor_name,
        jobcoach_name=p.jobcoach_name,
        jobcoach_organisation=p.jobcoach_organisation,
        jobcoach_phone=p.jobcoach_phone,
        jobcoach_email=p.jobcoach_email,
        next_visit=p.next_visit,
        last_contact=p.last_contact,
        is_closed=p.status in CLOSED_STATUSES,
        hourly_wage=getattr(p, "current_wage", None) or p.job.hourly_wage,
    )


def placements(employer: Employer, today: datetime.date | None = None) -> list[PortalPlacement]:
    today = today or timezone.localdate()
    return [_to_portal_placement(p) for p in _placement_queryset(employer, today)]


def placement_object(employer: Employer, uuid) -> Placement:
    """The Placement row (for services); raises DoesNotExist outside this employer."""
    return Placement.objects.select_related("candidate", "employer", "owner", "job").get(employer=employer, uuid=uuid)


def placement(employer: Employer, uuid, today: datetime.date | None = None) -> PortalPlacement:
    today = today or timezone.localdate()
    return _to_portal_placement(_placement_queryset(employer, today).get(uuid=uuid))


# --- Subsidies and the cost overview ------------------------------------------------------

@dataclass
class PortalApplication:
    uuid: object
    kind_label: str
    status: str
    status_label: str
    period_start: datetime.date
    period_end: datetime.date | None
    amount_granted: Decimal | None
    amount_paid: Decimal
    decision_reference: str
    todo: list[str]

    @property
    def amount_open(self) -> Decimal | None:
        if self.amount_granted is None:
            return None
        return max(Decimal("0"), self.amount_granted - (self.amount_paid or Decimal("0")))


@dataclass
class PlacementSubsidies:
    placement: PortalPlacement
    applications: list[PortalApplication] = field(default_factory=list)
    cost: CostOverview | None = None  # from subsidies.selectors.employer_cost_overview


def _todo_lines(text: str) -> list[str]:
    return [line.strip(" -•*\t") for line in (text or "").splitlines() if line.strip(" -•*\t")]


def _to_portal_application(a: SubsidyApplication) -> PortalApplication:
    return PortalApplication(
        uuid=a.uuid,
        kind_label=SUBSIDY_KIND_LABELS.get(a.kind, a.kind),
        status=a.status,
        status_label=a.get_status_display(),
        period_start=a.period_start,
        period_end=a.period_end,
        amount_granted=a.amount_granted,
        amount_paid=a.amount_paid,
        decision_reference=a.decision_reference,
        todo=_todo_lines(a.employer_todo) if a.status not in TODO_DONE_STATUSES else [],
    )


def subsidies_per_placement(
    employer: Employer, today: datetime.date | None = None, only_placement=None
) -> list[PlacementSubsidies]:
    today = today or timezone.localdate()
    qs = _placement_queryset(employer, today)
    if only_placement is not None:
        qs = qs.filter(uuid=only_placement)
    rows = list(
        qs.prefetch_related(
            "contracts",
            "subsidy_applications",
            "loonwaarde_assessments",
            Prefetch(
                "subsidy_applications",
                queryset=SubsidyApplication.objects.order_by("-period_start", "-id"),
                to_attr="portal_applications",
            )
        )
    )
    result = []
    first_month = today.replace(day=1)
    rates = load_rates()
    for row in rows:
        pp = _to_portal_placement(row)
        apps = [_to_portal_application(a) for a in row.portal_applications]
        cost = None
        if not pp.is_closed:
            cost = employer_cost_overview(row, start=first_month, months=12, rates=rates)
        result.append(PlacementSubsidies(placement=pp, applications=apps, cost=cost))
    return result


@dataclass
class TodoItem:
    text: str
    application: str
    employee: str
    placement_uuid: object


def employer_todos(employer: Employer) -> list[TodoItem]:
    """What the employer still has to deliver, one line per item."""
    apps = (
        SubsidyApplication.objects.filter(placement__employer=employer)
        .exclude(employer_todo="")
        .exclude(status__in=TODO_DONE_STATUSES)
        .select_related("placement__candidate")
        .order_by("period_start", "id")
    )
    items = []
    for app in apps:
        for line in _todo_lines(app.employer_todo):
            items.append(
                TodoItem(
                    text=line,
                    application=SUBSIDY_KIND_LABELS.get(app.kind, app.kind),
                    employee=app.placement.candidate.display_name_for_employer,
                    placement_uuid=app.placement.uuid,
                )
            )
    return items


# --- Proposals: anonymous profiles ------------------------------------------------------

@dataclass
class AnonymousProfile:
    proposal_uuid: object
    label: str
    named: bool
    job_title: str
    proposed_on: datetime.date
    motivation: str
    education: str
    hours_available: int
    available_days: str
    available_from: datetime.date | None
    travel: str
    skills: list[str]
    experience: str
    interests: str
    work_needs: list[str]
    status: str = ""
    status_label: str = ""
    responded_on: datetime.date | None = None


def _active_consents(scope: str, employer: Employer, today: datetime.date):
    return Consent.objects.filter(
        Q(employer__isnull=True) | Q(employer=employer),
        scope=scope,
        given_on__lte=today,
        withdrawn_on__isnull=True,
    )


def _proposal_queryset(employer: Employer, today: datetime.date):
    profile_consent = _active_consents(ConsentScope.PROFIEL_DELEN, employer, today).filter(
        candidate=OuterRef("candidate")
    )
    needs_consent = _active_consents(ConsentScope.WERKBEHOEFTEN_DELEN, employer, today).filter(
        candidate=OuterRef("candidate")
    )
    return (
        Proposal.objects.filter(job__employer=employer)
        .select_related("candidate", "job")
        .prefetch_related(
            "candidate__skills",
            Prefetch(
                "candidate__work_needs",
                queryset=WorkNeed.objects.filter(shareable_with_employer=True),
                to_attr="shareable_needs",
            ),
        )
        .annotate(profile_shared=Exists(profile_consent), needs_shared=Exists(needs_consent))
    )


def _anonymous_label(proposal: Proposal) -> str:
    return f"Kandidaat {proposal.uuid.hex[:6].upper()}"


def _to_profile(p: Proposal) -> AnonymousProfile:
    c = p.candidate
    travel = f"{c.get_mobility_display()}, tot {c.travel_radius_km} km"
    return AnonymousProfile(
        proposal_uuid=p.uuid,
        label=c.display_name_for_employer if p.profile_shared else _anonymous_label(p),
        named=p.profile_shared,
        job_title=p.job.title,
        proposed_on=p.proposed_on,
        motivation=p.motivation,
        education=c.get_education_level_display(),
        hours_available=c.hours_available_per_week,
        available_days=c.available_days,
        available_from=c.available_from,
        travel=travel,
        skills=[s.name for s in c.skills.all()],
        experience=c.experience,
        interests=c.interests,
        work_needs=[n.description for n in c.shareable_needs] if p.needs_shared else [],
        status=p.status,
        status_label=p.get_status_display(),
        responded_on=p.responded_on,
    )


def open_proposals(employer: Employer, today: datetime.date | None = None) -> list[AnonymousProfile]:
    today = today or timezone.localdate()
    qs = _proposal_queryset(employer, today).filter(status=ProposalStatus.VOORGESTELD).order_by("-proposed_on", "pk")
    return [_to_profile(p) for p in qs]


def answered_proposals(employer: Employer, today: datetime.date | None = None, limit: int = 10):
    today = today or timezone.localdate()
    qs = (
        _proposal_queryset(employer, today)
        .filter(status__in=[ProposalStatus.GEACCEPTEERD, ProposalStatus.AFGEWEZEN])
        .order_by("-responded_on", "-pk")[:limit]
    )
    return [_to_profile(p) for p in qs]


def proposal_object(employer: Employer, uuid) -> Proposal:
    return Proposal.objects.select_related("job__employer", "candidate").get(job__employer=employer, uuid=uuid)


# --- Jobs and requests -------------------------------------------------------------------

def jobs(employer: Employer):
    return (
        Job.objects.filter(employer=employer)
        .select_related("location")
        .annotate(open_proposals=Count("proposals", filter=Q(proposals__status=ProposalStatus.VOORGESTELD)))
        .order_by("status", "title")
    )


def submitted_requests(employer: Employer, limit: int = 20):
    """Requests the employer sent through the portal (vacancies, work without vacancy)."""
    return (
        Task.objects.filter(
            employer=employer,
            kind=TaskKind.WERKGEVERSVRAAG,
            created_by__role=Role.WERKGEVER,
            candidate__isnull=True,
            placement__isnull=True,
        )
        .only("uuid", "title", "status", "created_at")
        .order_by("-created_at")[:limit]
    )


# --- Visit reports and documents ---------------------------------------------------------

@dataclass
class SharedReport:
    occurred_at: datetime.datetime
    channel_label: str
    employee: str
    summary: str
    author: str
    follow_up_date: datetime.date | None


def shared_reports(employer: Employer, placement_uuid=None, limit: int = 50) -> list[SharedReport]:
    qs = (
        ContactMoment.objects.filter(shared_with_employer=True)
        .filter(Q(placement__employer=employer) | Q(placement__isnull=True, employer=employer))
        .select_related("placement__candidate", "author")
        .order_by("-occurred_at")
    )
    if placement_uuid is not None:
        qs = qs.filter(placement__uuid=placement_uuid)
    reports = []
    for m in qs[:limit]:
        reports.append(
            SharedReport(
                occurred_at=m.occurred_at,
                channel_label=m.get_channel_display(),
                employee=m.placement.candidate.display_name_for_employer if m.placement_id else "",
                summary=m.summary,
                author=(m.author.get_full_name() or m.author.username) if m.author_id else "",
                follow_up_date=m.follow_up_date,
            )
        )
    return reports


def documents(employer: Employer):
    """Documents shared with this employer: on its placements, their subsidy applications,
    or on the employer itself."""
    ct = ContentType.objects.get_for_models(Placement, SubsidyApplication, Employer)
    placement_ids = Placement.objects.filter(employer=employer).values("pk")
    application_ids = SubsidyApplication.objects.filter(placement__employer=employer).values("pk")
    return Document.objects.filter(shared_with_employer=True).filter(
        Q(content_type=ct[Placement], object_id__in=placement_ids)
        | Q(content_type=ct[SubsidyApplication], object_id__in=application_ids)
        | Q(content_type=ct[Employer], object_id=employer.pk)
    )


@dataclass
class PortalDocument:
    uuid: object
    title: str
    type_label: str
    size: int
    created_at: datetime.datetime
    subject: str
    uploaded_by_employer: bool


def document_list(employer: Employer, placement_uuid=None) -> list[PortalDocument]:
    qs = documents(employer).select_related("uploaded_by", "content_type").order_by("-created_at")
    placements_by_pk = {
        p.pk: p
        for p in Placement.objects.filter(employer=employer).select_related("candidate").only(
            "pk", "uuid", "candidate__first_name", "candidate__last_name", "job_id"
        )
    }
    apps = {
        a.pk: a
        for a in SubsidyApplication.objects.filter(placement__employer=employer).only("pk", "kind", "placement_id")
    }
    result = []
    for d in qs:
        model = d.content_type.model
        subject, p = "Algemeen", None
        if model == "placement":
            p = placements_by_pk.get(d.object_id)
        elif model == "subsidyapplication" and d.object_id in apps:
            p = placements_by_pk.get(apps[d.object_id].placement_id)
        if p is not None:
            subject = p.candidate.display_name_for_employer
        if placement_uuid is not None and (p is None or p.uuid != placement_uuid):
            continue
        result.append(
            PortalDocument(
                uuid=d.uuid,
                title=d.title,
                type_label=d.get_document_type_display(),
                size=d.size,
                created_at=d.created_at,
                subject=subject,
                uploaded_by_employer=bool(d.uploaded_by_id and d.uploaded_by.role == Role.WERKGEVER),
            )
        )
    return result
