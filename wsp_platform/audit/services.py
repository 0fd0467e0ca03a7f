"""Writing the audit trail. Call these inside the same transaction as the change."""

from dataclasses import dataclass

from wsp_platform.core.requestcontext import get_request_id

from .models import AuditAction, AuditEntry, Channel

SENSITIVE_FIELDS = {
    "bsn",
    "bsn_encrypted",
    "bsn_hash",
    "bsn_last4",
    "birth_date",
    "benefit",
    "password",
    "token_hash",
    "internal_notes",
}
# Values that identify a person: the audit trail outlives the file (AVG erasure of a
# candidate cannot rewrite an append-only trail), so it stores that they changed, not
# what they were.
PERSONAL_FIELDS = {"first_name", "name_prefix", "last_name", "email", "phone", "street", "latitude", "longitude"}


@dataclass(frozen=True)
class Actor:
    """Who does something: a user (UI), an API client (API) or the system (tasks)."""

    user: object | None = None
    api_client: object | None = None
    channel: str = Channel.UI

    @classmethod
    def system(cls) -> "Actor":
        return cls(channel=Channel.TASK)

    @property
    def user_or_none(self):
        user = self.user
        return user if getattr(user, "pk", None) else None


def mask(field: str, value):
    if (field in SENSITIVE_FIELDS or field in PERSONAL_FIELDS) and value not in (None, ""):
        return "***"
    return value


def describe(obj) -> str:
    """What the audit row calls the object. Never a candidate's name: the row must
    stay meaningful, and harmless, after the candidate has been anonymised."""
    label = obj._meta.label_lower
    uuid = getattr(obj, "uuid", None)
    short = uuid.hex[:8] if uuid else str(getattr(obj, "pk", ""))
    if label == "candidates.candidate":
        return f"Kandidaat {short}"
    if label == "placements.placement":
        employer = getattr(obj, "employer", None) if getattr(obj, "employer_id", None) else None
        return f"Plaatsing {short}" + (f" bij {employer}" if employer else "")
    if label == "placements.proposal":
        return f"Voorstel {short}"
    return str(obj)[:200]


def _plain(value):
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def record(
    actor: Actor,
    action: str,
    obj,
    *,
    changes: dict | None = None,
    purpose: str = "",
) -> AuditEntry:
    """Write one audit row. ``changes`` maps field -> (old, new); sensitive values are masked."""
    masked = {
        field: [_plain(mask(field, old)), _plain(mask(field, new))]
        for field, (old, new) in (changes or {}).items()
    }
    return AuditEntry.objects.create(
        user=actor.user_or_none,
        api_client=actor.api_client,
        channel=actor.channel,
        action=action,
        object_type=obj._meta.label_lower,
        object_uuid=getattr(obj, "uuid", None),
        object_repr=describe(obj)[:200],
        changes=masked,
        purpose=purpose[:300],
        request_id=get_request_id() or "",
    )


def record_read(actor: Actor, obj, fields, purpose: str = "") -> AuditEntry:
    """Log a look at sensitive data of ``obj`` (BSN, target groups, work-capacity
    limits, documents, an AVG export): which fields were shown, to whom, and why.

    ``fields`` is an iterable of field names (no values are ever stored); ``purpose``
    is the stated reason, e.g. the API's ``X-Audit-Toelichting`` header.
    """
    names = sorted({str(f) for f in (fields or [])})
    return AuditEntry.objects.create(
        user=actor.user_or_none,
        api_client=actor.api_client,
        channel=actor.channel,
        action=AuditAction.READ,
        object_type=obj._meta.label_lower,
        object_uuid=getattr(obj, "uuid", None),
        object_repr=describe(obj)[:200],
        changes={"fields": names},
        purpose=(purpose or "")[:300],
        request_id=get_request_id() or "",
    )


def entries_for(obj):
    """The audit trail of one record, newest first."""
    uuid = getattr(obj, "uuid", None)
    if uuid is None:
        return AuditEntry.objects.none()
    return AuditEntry.objects.filter(object_type=obj._meta.label_lower, object_uuid=uuid).select_related(
        "user", "api_client"
    )


def diff(instance, data: dict) -> dict:
    """Field -> (old, new) for the values in ``data`` that differ from ``instance``."""
    return {
        field: (getattr(instance, field), value)
        for field, value in data.items()
        if getattr(instance, field) != value
    }


def save_changes(instance, data: dict, *, actor: Actor, extra_changes: dict | None = None) -> dict:
    """The edit step every ``update_*`` service shares: set ``data`` on ``instance``,
    validate (Dutch messages from the model), save, and write one audit row with the
    fields that really changed (plus ``extra_changes``). Call inside the service's
    transaction, on a row it locked. Returns the changes."""
    changes = diff(instance, data) | (extra_changes or {})
    for field, value in data.items():
        setattr(instance, field, value)
    instance.full_clean()
    instance.save()
    if changes:
        record(actor, AuditAction.UPDATE, instance, changes=changes)
    return changes


__all__ = ["Actor", "AuditAction", "Channel", "diff", "entries_for", "record", "record_read", "save_changes"]
