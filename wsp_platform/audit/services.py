"""Writing the audit trail. Call these inside the same transaction as the change."""

from dataclasses import dataclass

from wsp_platform.core.requestcontext import get_request_id

from .models import AuditAction, AuditEntry, Channel

SENSITIVE_FIELDS = {"bsn", "bsn_encrypted", "bsn_hash", "birth_date", "benefit", "password", "token_hash"}


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
    if field in SENSITIVE_FIELDS and value not in (None, ""):
        return "***"
    return value


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
        object_repr=str(obj)[:200],
        changes=masked,
        purpose=purpose[:300],
        request_id=get_request_id() or "",
    )


def diff(instance, data: dict) -> dict:
    """Field -> (old, new) for the values in ``data`` that differ from ``instance``."""
    return {
        field: (getattr(instance, field), value)
        for field, value in data.items()
        if getattr(instance, field) != value
    }


__all__ = ["Actor", "AuditAction", "Channel", "diff", "record"]
