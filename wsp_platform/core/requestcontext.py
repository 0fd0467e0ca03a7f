"""The current request id, available to logging and the audit trail."""

from contextvars import ContextVar

_request_id: ContextVar[str | None] = ContextVar("request_id", default=None)


def set_request_id(value, token=None):
    if token is not None:
        _request_id.reset(token)
        return None
    return _request_id.set(value)


def get_request_id() -> str | None:
    return _request_id.get()
