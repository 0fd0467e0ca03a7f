"""Celery tasks: thin wrappers around the sweeps and the digest.

Both are idempotent (dedup keys, DigestLog), so they are safe to deliver twice:
``acks_late`` + ``reject_on_worker_lost`` hand a message from a killed worker to the
next one, and database hiccups are retried with exponential backoff.
"""

import datetime

from celery import shared_task
from django.db import InterfaceError, OperationalError

RETRY = {
    "acks_late": True,
    "reject_on_worker_lost": True,
    "autoretry_for": (OperationalError, InterfaceError, ConnectionError, TimeoutError),
    "retry_backoff": 30,
    "retry_backoff_max": 15 * 60,
    "retry_jitter": True,
    "max_retries": 6,
}


def _day(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


@shared_task(name="placements.tasks.run_daily_sweeps", time_limit=45 * 60, soft_time_limit=40 * 60, **RETRY)
def run_daily_sweeps(day: str | None = None, rules: list[str] | None = None) -> dict[str, int]:
    """All deadline sweeps for ``day`` (ISO date; default today in Europe/Amsterdam)."""
    from .sweeps import run_sweeps

    return run_sweeps(_day(day), rules)


@shared_task(name="placements.tasks.send_daily_digests", time_limit=20 * 60, soft_time_limit=15 * 60, **RETRY)
def send_daily_digests(day: str | None = None, force: bool = False) -> int:
    """The working-morning e-mail digest (weekends skipped unless ``force``)."""
    from .sweeps import send_digests

    return send_digests(_day(day), force=force)
