"""Domain operations on candidates: one function per use case, called by views,
the API and tasks alike. Each runs in one transaction and writes the audit trail."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from wsp_platform.audit.services import Actor, AuditAction, diff, record
from wsp_platform.core import crypto
from wsp_platform.core.validators import validate_bsn

from .models import Candidate

DUPLICATE_BSN = "Er is al een kandidaat met dit BSN."


def bsn_in_use(bsn: str, *, exclude_pk=None) -> bool:
    qs = Candidate.objects.filter(bsn_hash=crypto.keyed_hash(bsn))
    if exclude_pk:
        qs = qs.exclude(pk=exclude_pk)
    return qs.exists()


def _check_bsn(bsn: str, exclude_pk=None) -> None:
    try:
        validate_bsn(bsn)
    except ValidationError as exc:
        raise ValidationError({"bsn": exc.messages}) from exc
    if bsn_in_use(bsn, exclude_pk=exclude_pk):
        raise ValidationError({"bsn": DUPLICATE_BSN})


def create_candidate(*, actor: Actor, bsn: str, skills=None, **data) -> Candidate:
    """Register a candidate. Raises ValidationError (Dutch, per field) for a bad or
    duplicate BSN or invalid data; nothing is saved half."""
    _check_bsn(bsn)
    candidate = Candidate(**data)
    candidate.bsn = bsn
    candidate.full_clean(exclude=["bsn_encrypted", "bsn_hash", "bsn_last4"])
    try:
        with transaction.atomic():
            candidate.save()
            if skills is not None:
                candidate.skills.set(skills)
            record(actor, AuditAction.CREATE, candidate, changes={"bsn": (None, bsn)})
    except IntegrityError as exc:
        # Two users registering the same person at the same moment.
        raise ValidationError({"bsn": DUPLICATE_BSN}) from exc
    return candidate


def update_candidate(
    candidate: Candidate, *, actor: Actor, data: dict, bsn: str | None = None, skills=None
) -> Candidate:
    """Change a candidate's file (also AVG rectification). Only changed fields are audited."""
    if bsn:
        _check_bsn(bsn, exclude_pk=candidate.pk)
    with transaction.atomic():
        locked = Candidate.objects.select_for_update().get(pk=candidate.pk)
        changes = diff(locked, data)
        for field, value in data.items():
            setattr(locked, field, value)
        if bsn and bsn != locked.bsn:
            changes["bsn"] = ("*", bsn)
            locked.bsn = bsn
        locked.full_clean(exclude=["bsn_encrypted", "bsn_hash", "bsn_last4"])
        try:
            with transaction.atomic():
                locked.save()
        except IntegrityError as exc:
            raise ValidationError({"bsn": DUPLICATE_BSN}) from exc
        if skills is not None:
            old = set(locked.skills.values_list("pk", flat=True))
            new = {s.pk for s in skills}
            if old != new:
                locked.skills.set(skills)
                changes["skills"] = (sorted(old), sorted(new))
        if changes:
            record(actor, AuditAction.UPDATE, locked, changes=changes)
    return locked
