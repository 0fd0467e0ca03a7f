"""Account-level operations: caseload reassignment by a teamleider."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from wsp_platform.audit.services import Actor, AuditAction, record

from . import policy


@transaction.atomic
def reassign_caseload(candidates, new_owner, *, actor: Actor, note: str = "") -> int:
    """Move ``candidates`` to ``new_owner``'s caseload (and team). Only a teamleider may,
    only within their team, only to an active bemiddelaar/teamleider of the team.
    One audit row per candidate whose owner changes. Returns how many moved."""
    from candidates.models import Candidate

    user = actor.user
    if user is None or not policy.can_reassign_caseload(user):
        raise PermissionDenied("Alleen een teamleider kan caseloads herverdelen.")
    if not policy.caseload_owners_for(user).filter(pk=new_owner.pk).exists():
        raise ValidationError({"new_owner": "Kies een actieve bemiddelaar uit je eigen team."})
    pks = [c.pk for c in candidates]
    allowed = policy.candidates_for(user, write=True).filter(pk__in=pks)
    if allowed.count() != len(set(pks)):
        raise PermissionDenied("Een of meer kandidaten horen niet bij je team.")
    moved = 0
    locked = Candidate.objects.select_for_update(of=("self",)).filter(pk__in=pks).select_related("owner")
    for candidate in locked.order_by("pk"):
        if candidate.owner_id == new_owner.pk:
            continue
        changes = {"owner": (str(candidate.owner) if candidate.owner else None, str(new_owner))}
        update_fields = ["owner", "updated_at"]
        if new_owner.team_id and candidate.team_id != new_owner.team_id:
            changes["team"] = (candidate.team_id, new_owner.team_id)
            candidate.team_id = new_owner.team_id
            update_fields.append("team")
        candidate.owner = new_owner
        candidate.save(update_fields=update_fields)
        record(actor, AuditAction.UPDATE, candidate, changes=changes, purpose=note or "caseload herverdeeld")
        moved += 1
    return moved
