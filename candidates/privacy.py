"""AVG (GDPR) rights and retention for candidates: inzage (export everything as
JSON), erasure/anonymisation, retention and consent withdrawal.

Rectification goes through the normal forms (``candidates.services.update_candidate``).
Every function here takes an ``Actor``, runs in one transaction and writes the
audit trail; the export itself is logged as an EXPORT with its purpose.
"""

import datetime
import secrets
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone

from wsp_platform.audit.models import AuditEntry
from wsp_platform.audit.services import Actor, AuditAction, record

from .models import Candidate, Consent

ANONYMOUS_FIRST_NAME = "Geanonimiseerd"
ANONYMOUS_LAST_NAME = "Kandidaat"
ANONYMOUS_TEXT = "[geanonimiseerd]"


# --- Retention: pure rules ------------------------------------------------------------

def retention_years() -> int:
    return int(settings.WSP.get("RETENTION_YEARS_AFTER_LAST_PLACEMENT", 2))


def _add_years(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def retention_ends_on(
    closed_on: datetime.date | None, last_placement_end: datetime.date | None, years: int
) -> datetime.date | None:
    """The day from which a closed file may be anonymised: ``years`` after the later
    of closing the file and the end of the last placement. An open file: never."""
    if closed_on is None:
        return None
    reference = max(d for d in (closed_on, last_placement_end) if d is not None)
    return _add_years(reference, years)


def candidates_due_for_anonymisation(today: datetime.date | None = None, years: int | None = None):
    """Closed, not yet anonymised candidates whose retention period has passed and who
    have no placement still running. One query; evaluated lazily."""
    from django.db.models import Exists, OuterRef, Subquery

    from placements.models import Placement
    from placements.rules import CLOSED_STATUSES

    today = today or timezone.localdate()
    years = retention_years() if years is None else years
    cutoff = _add_years(today, -years)
    last_end = (
        Placement.objects.filter(candidate=OuterRef("pk"))
        .values("candidate")
        .annotate(last=Max("end_date"))
        .values("last")
    )
    running = Placement.objects.filter(candidate=OuterRef("pk")).exclude(status__in=CLOSED_STATUSES)
    return (
        Candidate.objects.filter(closed_on__isnull=False, closed_on__lte=cutoff, anonymised_at__isnull=True)
        .annotate(last_end=Subquery(last_end))
        .filter(Q(last_end__isnull=True) | Q(last_end__lte=cutoff))
        .exclude(Exists(running))
        .order_by("pk")
    )


# --- Inzage: everything about a candidate ------------------------------------------------

def _value(value):
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if hasattr(value, "hex") and hasattr(value, "int"):  # UUID
        return str(value)
    return value


def _fields(obj, exclude=()) -> dict:
    """Concrete field values of ``obj`` (foreign keys as their display text)."""
    data = {}
    for field in obj._meta.concrete_fields:
        name = field.name
        if name in exclude or name == "id":
            continue
        if field.is_relation:
            related = getattr(obj, name)
            data[name] = str(related) if related is not None else None
            continue
        value = getattr(obj, name)
        if field.choices and value not in (None, ""):
            data[name] = {"waarde": _value(value), "omschrijving": str(getattr(obj, f"get_{name}_display")())}
        else:
            data[name] = _value(value)
    return data


def export_candidate_data(candidate: Candidate, *, actor: Actor, purpose: str = "") -> dict:
    """Inzage (AVG art. 15): everything the platform holds about one candidate, as a
    JSON-serialisable dict. The BSN is included in full: the export is for the person
    themselves. Writes one EXPORT audit row."""
    from django.contrib.contenttypes.models import ContentType

    from employers.models import ContactMoment
    from placements.models import Placement, Proposal, Task
    from wsp_platform.core.models import Document

    candidate = Candidate.objects.select_related("municipality", "team", "owner").get(pk=candidate.pk)
    placements = (
        Placement.objects.filter(candidate=candidate)
        .select_related("employer", "job", "owner")
        .prefetch_related("contracts", "status_changes", "adjustments", "signals")
        .order_by("pk")
    )
    placement_pks = [p.pk for p in placements]
    candidate_type = ContentType.objects.get_for_model(Candidate)
    placement_type = ContentType.objects.get_for_model(Placement)
    documents = Document.objects.filter(
        Q(content_type=candidate_type, object_id=candidate.pk)
        | Q(content_type=placement_type, object_id__in=placement_pks)
    ).order_by("created_at")
    exclude_identity = ("bsn_encrypted", "bsn_hash", "bsn_last4", "latitude", "longitude")
    data = {
        "soort": "AVG-inzage",
        "aangemaakt_op": timezone.now().isoformat(),
        "kandidaat": {
            "bsn": candidate.bsn,
            **_fields(candidate, exclude=exclude_identity),
            "vaardigheden": sorted(candidate.skills.values_list("name", flat=True)),
        },
        "doelgroepen": [_fields(t, exclude=("candidate",)) for t in candidate.target_groups.all()],
        "werkrelevante_behoeften": [_fields(n, exclude=("candidate",)) for n in candidate.work_needs.all()],
        "toestemmingen": [_fields(c, exclude=("candidate",)) for c in candidate.consents.all()],
        "voorstellen": [
            _fields(p, exclude=("candidate",))
            for p in Proposal.objects.filter(candidate=candidate).select_related("job").order_by("pk")
        ],
        "plaatsingen": [
            {
                **_fields(p, exclude=("candidate",)),
                "contracten": [_fields(c, exclude=("placement",)) for c in p.contracts.all()],
                "statuswijzigingen": [_fields(s, exclude=("placement",)) for s in p.status_changes.all()],
                "werkaanpassingen": [_fields(a, exclude=("placement",)) for a in p.adjustments.all()],
                "signalen": [_fields(s, exclude=("placement",)) for s in p.signals.all()],
            }
            for p in placements
        ],
        "contactmomenten": [
            _fields(m, exclude=("candidate",))
            for m in ContactMoment.objects.filter(Q(candidate=candidate) | Q(placement__in=placement_pks))
            .select_related("employer", "placement", "contact_person", "author")
            .order_by("occurred_at")
        ],
        "taken": [
            _fields(t, exclude=("candidate", "dedup_key"))
            for t in Task.objects.filter(Q(candidate=candidate) | Q(placement__in=placement_pks))
            .select_related("assignee", "employer", "placement", "created_by")
            .order_by("pk")
        ],
        "documenten": [_fields(d, exclude=("content_type", "object_id", "file")) for d in documents],
        "auditlog": [
            {
                "tijdstip": e.at.isoformat(),
                "actie": e.get_action_display(),
                "kanaal": e.get_channel_display(),
                "door": str(e.user or e.api_client or "systeem"),
                "velden": sorted(e.changes) if e.action != AuditAction.READ else e.changes.get("fields", []),
                "toelichting": e.purpose,
            }
            for e in AuditEntry.objects.filter(object_type="candidates.candidate", object_uuid=candidate.uuid)
            .select_related("user", "api_client")
            .order_by("at", "id")
        ],
    }
    record(actor, AuditAction.EXPORT, candidate, changes={"export": (None, "avg_inzage")}, purpose=purpose)
    return data


# --- Erasure / anonymisation ------------------------------------------------------------

@transaction.atomic
def anonymise_candidate(candidate: Candidate, *, actor: Actor, reason: str = "") -> Candidate:
    """Erase what identifies the person and keep what statistics need.

    Name, contact details, address, BSN, free texts and documents go; municipality,
    team, status, target groups, education level, placements (dates, status, end
    reason, employer) and subsidy data stay, so the region can still count outcomes.
    The BSN's keyed hash becomes a random token: still unique, no longer linkable.
    Idempotent: an already anonymised candidate is returned unchanged.
    """
    from django.contrib.contenttypes.models import ContentType

    from employers.models import ContactMoment
    from placements.models import Notification, Placement, Proposal, Task
    from wsp_platform.core.models import Document

    locked = Candidate.objects.select_for_update().get(pk=candidate.pk)
    if locked.anonymised_at:
        return locked
    changed = [
        "bsn",
        "first_name",
        "name_prefix",
        "last_name",
        "birth_date",
        "email",
        "phone",
        "street",
        "postcode",
        "city",
        "experience",
        "interests",
        "motivation",
        "support_needed",
        "internal_notes",
    ]
    locked.bsn_encrypted = ""
    locked.bsn_hash = f"anon-{secrets.token_hex(27)}"
    locked.bsn_last4 = ""
    locked.first_name = ANONYMOUS_FIRST_NAME
    locked.name_prefix = ""
    locked.last_name = ANONYMOUS_LAST_NAME
    # Year of birth only: age bands stay countable.
    locked.birth_date = locked.birth_date.replace(month=1, day=1)
    locked.email = ""
    locked.phone = ""
    locked.street = ""
    locked.postcode = f"{(locked.postcode or '1000')[:4]} XX"  # PC4 area only
    locked.city = locked.city
    locked.latitude = None
    locked.longitude = None
    for text_field in ("experience", "interests", "motivation", "support_needed", "internal_notes"):
        setattr(locked, text_field, "")
    locked.anonymised_at = timezone.now()
    locked.save()

    locked.work_needs.all().delete()
    locked.consents.update(note="")
    placement_pks = list(Placement.objects.filter(candidate=locked).values_list("pk", flat=True))
    Placement.objects.filter(pk__in=placement_pks).update(status_note="", trial_decision="", transition_plan="")
    Proposal.objects.filter(candidate=locked).update(motivation="", response_reason="")
    ContactMoment.objects.filter(Q(candidate=locked) | Q(placement__in=placement_pks)).update(summary=ANONYMOUS_TEXT)
    tasks = Task.objects.filter(Q(candidate=locked) | Q(placement__in=placement_pks))
    Notification.objects.filter(task__in=tasks).update(message=ANONYMOUS_TEXT)
    tasks.update(title=ANONYMOUS_TEXT, description="", completion_note="")
    # Documents: the files are personal data through and through.
    types = [ContentType.objects.get_for_model(Candidate), ContentType.objects.get_for_model(Placement)]
    documents = Document.objects.filter(
        Q(content_type=types[0], object_id=locked.pk) | Q(content_type=types[1], object_id__in=placement_pks)
    )
    removed_files = 0
    for document in documents:
        document.file.delete(save=False)
        removed_files += 1
    documents.delete()

    record(
        actor,
        AuditAction.ANONYMISE,
        locked,
        changes={**{field: ("*", "*") for field in changed}, "documents_removed": (0, removed_files)},
        purpose=reason,
    )
    return locked


def anonymise_expired_candidates(
    *, actor: Actor | None = None, today: datetime.date | None = None, limit: int | None = None
) -> int:
    """The retention job: anonymise every candidate whose retention period has passed.
    Each candidate in its own transaction, so a crash halfway loses nothing."""
    actor = actor or Actor.system()
    pks = list(candidates_due_for_anonymisation(today).values_list("pk", flat=True)[:limit])
    for candidate in Candidate.objects.filter(pk__in=pks).order_by("pk"):
        anonymise_candidate(
            candidate, actor=actor, reason=f"bewaartermijn verstreken ({retention_years()} jaar na afsluiting)"
        )
    return len(pks)


# --- Consent -------------------------------------------------------------------------------

@transaction.atomic
def withdraw_consent(consent: Consent, *, actor: Actor, on: datetime.date | None = None, note: str = "") -> Consent:
    """Withdraw a consent today: sharing stops at once, because every reader (portal,
    matching, proposals) only uses consents without ``withdrawn_on`` or withdrawn later."""
    locked = Consent.objects.select_for_update().get(pk=consent.pk)
    if locked.withdrawn_on:
        return locked
    day = on or timezone.localdate()
    if day < locked.given_on:
        day = locked.given_on
    locked.withdrawn_on = day
    if note:
        locked.note = note[:200]
    locked.save(update_fields=["withdrawn_on", "note", "updated_at"])
    record(actor, AuditAction.UPDATE, locked, changes={"withdrawn_on": (None, day.isoformat())}, purpose=note)
    return locked


def active_consents(candidate: Candidate, *, on: datetime.date | None = None):
    """Consents in force on ``on`` (today): given on or before, not withdrawn on or before."""
    day = on or timezone.localdate()
    return candidate.consents.filter(given_on__lte=day).filter(
        Q(withdrawn_on__isnull=True) | Q(withdrawn_on__gt=day)
    )
