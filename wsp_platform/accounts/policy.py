"""Authorisation rules in one place: which records a user or API client may see.

Views, the API, exports and counts all start from these querysets, so a list,
a search or a count can never show more than the object checks would allow.
An object outside the queryset answers 404, never 403 (no existence leak).
"""

from django.conf import settings
from django.db.models import Q, QuerySet

from .models import Role


def _staff_region_id(user):
    return user.region_id or (user.team.region_id if user.team_id else None)


def region_reads_across_teams(user) -> bool:
    region = user.region or (user.team.region if user.team_id else None)
    if region is None:
        return False
    return region.read_across_teams or settings.WSP.get("REGION_READ_ACROSS_TEAMS", False)


def candidates_for(user, *, write: bool = False) -> QuerySet:
    """Bemiddelaar: own caseload and team (read across the region if allowed);
    teamleider: the team; functional admin and employer users: none."""
    from candidates.models import Candidate

    qs = Candidate.objects.all()
    if not user.is_authenticated or not user.is_active:
        return qs.none()
    if user.is_superuser:
        return qs
    if user.role == Role.BEMIDDELAAR:
        own = Q(owner=user) | Q(team_id=user.team_id)
        if not write and region_reads_across_teams(user):
            own |= Q(municipality__region_id=_staff_region_id(user))
        return qs.filter(own)
    if user.role == Role.TEAMLEIDER:
        scope = Q(team_id=user.team_id)
        if not write and region_reads_across_teams(user):
            scope |= Q(municipality__region_id=_staff_region_id(user))
        return qs.filter(scope)
    return qs.none()


def employers_for(user) -> QuerySet:
    """Staff see the employers of their region; an employer user only their own."""
    from employers.models import Employer

    qs = Employer.objects.all()
    if not user.is_authenticated or not user.is_active:
        return qs.none()
    if user.is_superuser:
        return qs
    if user.role in (Role.BEMIDDELAAR, Role.TEAMLEIDER):
        return qs.filter(region_id=_staff_region_id(user))
    if user.role == Role.WERKGEVER:
        return qs.filter(pk=user.employer_id)
    return qs.none()


def jobs_for(user) -> QuerySet:
    from employers.models import Job

    return Job.objects.filter(employer__in=employers_for(user).values("pk"))


def placements_for(user) -> QuerySet:
    """Staff: placements of candidates they may see; employer users: their employer's placements."""
    from placements.models import Placement

    qs = Placement.objects.all()
    if not user.is_authenticated or not user.is_active:
        return qs.none()
    if user.is_superuser:
        return qs
    if user.role == Role.WERKGEVER:
        return qs.filter(employer_id=user.employer_id)
    if user.role in (Role.BEMIDDELAAR, Role.TEAMLEIDER):
        return qs.filter(Q(candidate__in=candidates_for(user).values("pk")) | Q(owner=user))
    return qs.none()


def tasks_for(user) -> QuerySet:
    from placements.models import Task

    qs = Task.objects.all()
    if not user.is_authenticated or user.role not in (Role.BEMIDDELAAR, Role.TEAMLEIDER):
        return qs.none() if not user.is_superuser else qs
    if user.is_superuser:
        return qs
    if user.role == Role.TEAMLEIDER:
        return qs.filter(Q(assignee__team_id=user.team_id) | Q(assignee=user))
    return qs.filter(Q(assignee=user) | Q(assignee__isnull=True, candidate__team_id=user.team_id))


def subsidy_applications_for(user) -> QuerySet:
    from subsidies.models import SubsidyApplication

    return SubsidyApplication.objects.filter(placement__in=placements_for(user).values("pk"))


def assessments_for(user) -> QuerySet:
    from subsidies.models import LoonwaardeAssessment

    return LoonwaardeAssessment.objects.filter(placement__in=placements_for(user).values("pk"))


# --- API clients: only their municipality's records ------------------------------

def candidates_for_client(client) -> QuerySet:
    from candidates.models import Candidate

    return Candidate.objects.filter(municipality_id=client.municipality_id)


def placements_for_client(client) -> QuerySet:
    from placements.models import Placement

    return Placement.objects.filter(candidate__municipality_id=client.municipality_id)


def subsidy_applications_for_client(client) -> QuerySet:
    from subsidies.models import SubsidyApplication

    return SubsidyApplication.objects.filter(placement__candidate__municipality_id=client.municipality_id)


def is_staff_user(user) -> bool:
    return user.is_authenticated and (user.is_superuser or user.role in (Role.BEMIDDELAAR, Role.TEAMLEIDER))


# --- API clients: the rest of the API's resources (appended for the REST API) ------------

def employers_for_client(client) -> QuerySet:
    """Employers of the labour-market region the client's municipality belongs to."""
    from employers.models import Employer

    return Employer.objects.filter(region_id=client.municipality.region_id)


def contact_persons_for_client(client) -> QuerySet:
    from employers.models import ContactPerson

    return ContactPerson.objects.filter(employer__region_id=client.municipality.region_id)


def jobs_for_client(client) -> QuerySet:
    from employers.models import Job

    return Job.objects.filter(employer__region_id=client.municipality.region_id)


def proposals_for_client(client) -> QuerySet:
    from placements.models import Proposal

    return Proposal.objects.filter(candidate__municipality_id=client.municipality_id)


def assessments_for_client(client) -> QuerySet:
    from subsidies.models import LoonwaardeAssessment

    return LoonwaardeAssessment.objects.filter(placement__candidate__municipality_id=client.municipality_id)


def tasks_for_client(client) -> QuerySet:
    """Tasks about the client's candidates (directly or through their placements)."""
    from placements.models import Task

    return Task.objects.filter(
        Q(candidate__municipality_id=client.municipality_id)
        | Q(placement__candidate__municipality_id=client.municipality_id)
    )


# --- Roles -----------------------------------------------------------------------------

def is_teamleider(user) -> bool:
    return user.is_authenticated and user.is_active and (user.is_superuser or user.role == Role.TEAMLEIDER)


def is_functional_admin(user) -> bool:
    """Functional admins manage rate tables, regions and users; never candidate files."""
    return user.is_authenticated and user.is_active and user.role == Role.FUNCTIONEEL_BEHEERDER


def can_reassign_caseload(user) -> bool:
    """Only a teamleider (for their own team) or a superuser moves caseloads."""
    return is_teamleider(user)


def caseload_owners_for(user) -> QuerySet:
    """Who a teamleider may hand candidates to: active bemiddelaars and teamleiders of the team."""
    from .models import User

    qs = User.objects.filter(is_active=True, role__in=(Role.BEMIDDELAAR, Role.TEAMLEIDER))
    if not can_reassign_caseload(user):
        return qs.none()
    if user.is_superuser and not user.team_id:
        return qs
    return qs.filter(team_id=user.team_id)


def can_view_audit_trail(user) -> bool:
    """The audit-trail search and export: teamleiders (their team) and superusers."""
    return is_teamleider(user)


def audit_entries_for(user) -> QuerySet:
    """Audit rows a teamleider may search: actions by members of the team, and rows about
    candidates and placements of the team. Superusers see all; everyone else nothing."""
    from wsp_platform.audit.models import AuditEntry

    qs = AuditEntry.objects.all()
    if not can_view_audit_trail(user):
        return qs.none()
    if user.is_superuser:
        return qs
    candidate_uuids = candidates_for(user, write=True).values("uuid")
    placement_uuids = placements_for(user).values("uuid")
    return qs.filter(
        Q(user__team_id=user.team_id)
        | Q(object_type="candidates.candidate", object_uuid__in=candidate_uuids)
        | Q(object_type="placements.placement", object_uuid__in=placement_uuids)
    )


def can_reveal_bsn(user, candidate) -> bool:
    """Revealing the full BSN: WSP staff who may see the candidate's file."""
    return is_staff_user(user) and candidates_for(user).filter(pk=candidate.pk).exists()


# --- Object-level helpers: an object outside the policy is a 404, never a 403 ------------

def _get_or_404(queryset: QuerySet, **lookup):
    from django.http import Http404

    try:
        return queryset.get(**lookup)
    except (queryset.model.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404("Niet gevonden") from exc


def get_candidate_or_404(user, uuid, *, write: bool = False):
    """The candidate with ``uuid`` if ``user`` may see it (``write=True``: may change it)."""
    return _get_or_404(candidates_for(user, write=write), uuid=uuid)


def get_employer_or_404(user, uuid):
    return _get_or_404(employers_for(user), uuid=uuid)


def get_job_or_404(user, uuid):
    return _get_or_404(jobs_for(user), uuid=uuid)


def get_placement_or_404(user, uuid):
    return _get_or_404(placements_for(user), uuid=uuid)


def get_task_or_404(user, uuid):
    return _get_or_404(tasks_for(user), uuid=uuid)


def get_subsidy_application_or_404(user, uuid):
    return _get_or_404(subsidy_applications_for(user), uuid=uuid)


def documents_for(user) -> QuerySet:
    """Documents attached to records the user may see (staff); employer users see only
    documents on their placements that were shared with the employer."""
    from django.contrib.contenttypes.models import ContentType

    from wsp_platform.core.models import Document

    qs = Document.objects.all()
    if not user.is_authenticated or not user.is_active:
        return qs.none()
    if user.is_superuser:
        return qs
    if user.role == Role.WERKGEVER:
        placement_type = ContentType.objects.get(app_label="placements", model="placement")
        return qs.filter(
            content_type=placement_type,
            object_id__in=placements_for(user).values("pk"),
            shared_with_employer=True,
        )
    if not is_staff_user(user):
        return qs.none()
    subjects = {
        ("candidates", "candidate"): candidates_for(user),
        ("placements", "placement"): placements_for(user),
        ("subsidies", "subsidyapplication"): subsidy_applications_for(user),
        ("employers", "employer"): employers_for(user),
    }
    condition = Q(pk__in=[])
    for (app_label, model), subject_qs in subjects.items():
        ctype = ContentType.objects.get(app_label=app_label, model=model)
        condition |= Q(content_type=ctype, object_id__in=subject_qs.values("pk"))
    return qs.filter(condition)


def get_document_or_404(user, uuid):
    return _get_or_404(documents_for(user), uuid=uuid)


# --- The route rule table ----------------------------------------------------------------
#
# Every named URL of the site has exactly one audience below (first matching pattern wins,
# fnmatch on "namespace:name"). tests/security/test_authorisation_matrix.py requests every
# route as every role, with an object of the user's own team/employer and one of another,
# and checks the answer documented here. A new route without a rule fails that test.
#
# Audience          anonymous      employer user   functional admin   WSP staff (bemiddelaar, teamleider)
# STAFF             login page     404             404                200, foreign object 404
# TEAMLEIDER        login page     404             404                teamleider 200, bemiddelaar 404
# EMPLOYER          login page     200 (own)/404   404                404
# AUTHENTICATED     login page     200             200                200  (the home page)
# INTERNAL          login page     404             200                200  (2FA enrolment/verification)
# ADMIN             admin login    admin login     admin (Django perms) admin login unless is_staff
# API               401            401             401                401  (token only; a session is not enough)
# PUBLIC            200            200             200                200  (login, invitation link, API schema)
#
# "Foreign object" means a record of another team (another region) or another employer:
# the answer is 404, so a URL never reveals that a record exists.

STAFF = "staff"
TEAMLEIDER = "teamleider"
EMPLOYER = "employer"
AUTHENTICATED = "authenticated"
INTERNAL = "internal"
ADMIN = "admin"
API = "api"
PUBLIC = "public"

ROUTE_RULES: list[tuple[str, str]] = [
    # Logging in and out, the one-time invitation link.
    ("login", PUBLIC),
    ("logout", PUBLIC),
    ("portal:accept_invitation", PUBLIC),
    # The API: documentation and schema are public, everything else needs a token.
    ("api:schema*", PUBLIC),
    ("api:docs", PUBLIC),
    ("api:redoc", PUBLIC),
    ("api:not-found", PUBLIC),
    ("api:*", API),
    # Accounts: 2FA for whoever is logged in, audit and caseloads for teamleiders,
    # BSN reveal and the AVG export for staff who may see the candidate.
    ("accounts:two_factor*", INTERNAL),
    ("accounts:audit*", TEAMLEIDER),
    ("accounts:caseload*", TEAMLEIDER),
    ("accounts:erase*", TEAMLEIDER),
    ("accounts:*", STAFF),
    # The employer portal (inviting employer users is done by staff).
    ("portal:invite", STAFF),
    ("portal:*", EMPLOYER),
    # The workspace.
    ("subsidies:budget", TEAMLEIDER),
    ("candidates:*", STAFF),
    ("employers:*", STAFF),
    ("placements:*", STAFF),
    ("subsidies:*", STAFF),
    ("matching:*", STAFF),
    ("redesign:*", STAFF),
    ("task_*", STAFF),
    ("document_*", STAFF),
    ("notifications_*", STAFF),
    ("home", AUTHENTICATED),
    ("admin:login", PUBLIC),
    ("admin:logout", PUBLIC),
    ("admin:*", ADMIN),
]


def rule_for_route(route_name: str) -> str | None:
    """The audience of a named route (``namespace:name``), or None when it has no rule."""
    from fnmatch import fnmatchcase

    for pattern, audience in ROUTE_RULES:
        if fnmatchcase(route_name, pattern):
            return audience
    return None
