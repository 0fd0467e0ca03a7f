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
