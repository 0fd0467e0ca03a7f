"""Celery tasks for candidates: thin wrappers around services."""

from celery import shared_task

from wsp_platform.audit.services import Actor


@shared_task(name="candidates.tasks.anonymise_expired_candidates", acks_late=True, max_retries=3)
def anonymise_expired_candidates(today: str | None = None) -> int:
    """AVG retention: anonymise candidates whose file was closed longer than the
    retention period (settings.WSP["RETENTION_YEARS_AFTER_LAST_PLACEMENT"], default
    2 years after the last placement ended). Anonymous statistics stay: the rows keep
    municipality, team, status, target groups and placements. Safe to run twice."""
    import datetime

    from .privacy import anonymise_expired_candidates as run

    day = datetime.date.fromisoformat(today) if today else None
    return run(actor=Actor.system(), today=day)
