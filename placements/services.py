"""Domain operations on placements and tasks: one function per use case,
called by views, the API and Celery tasks alike."""

import datetime

from django.db import transaction
from django.utils import timezone

from wsp_platform.audit.services import Actor, AuditAction, record

from .choices import PlacementStatus, TaskStatus
from .models import Placement, PlacementStatusChange, Task
from .rules import CLOSED_STATUSES, TransitionRefused, check_transition

__all__ = [
    "TransitionRefused",
    "assign_task",
    "cancel_open_tasks",
    "complete_task",
    "create_task",
    "reschedule_task",
    "transition_placement",
]


@transaction.atomic
def transition_placement(
    placement: Placement,
    target: str,
    *,
    actor: Actor,
    reason: str = "",
    end_reason: str = "",
    start_date: datetime.date | None = None,
    trial_end_date: datetime.date | None = None,
    end_date: datetime.date | None = None,
) -> Placement:
    """Move a placement to ``target``: checks the transition, records who/when/why,
    writes the audit trail, and on closing cancels its open follow-up tasks.

    Raises TransitionRefused (with a Dutch message) when the move is not allowed.
    """
    locked = Placement.objects.select_for_update().get(pk=placement.pk)
    start_date = start_date or locked.start_date
    trial_end_date = trial_end_date or locked.trial_end_date
    check_transition(
        locked.status,
        target,
        reason=end_reason or reason,
        start_date=start_date,
        trial_end_date=trial_end_date,
    )
    old_status = locked.status
    changes = {"status": (old_status, target)}
    today = timezone.localdate()
    if target == PlacementStatus.KENNISMAKING and not locked.introduction_start_date:
        locked.introduction_start_date = today
    if target == PlacementStatus.PROEFPLAATSING:
        changes["trial_end_date"] = (locked.trial_end_date, trial_end_date)
        locked.trial_end_date = trial_end_date
        locked.introduction_start_date = locked.introduction_start_date or today
    if target == PlacementStatus.IN_DIENST:
        changes["start_date"] = (locked.start_date, start_date)
        locked.start_date = start_date
    if target in CLOSED_STATUSES:
        locked.end_reason = end_reason or ("doorstroom" if target == PlacementStatus.DOORSTROOM else "anders")
        locked.end_date = end_date or today
        if locked.start_date and locked.end_date < locked.start_date:
            raise TransitionRefused("De einddatum ligt vóór de startdatum.", "end_date")
        changes["end_reason"] = ("", locked.end_reason)
    locked.status = target
    if reason:
        locked.status_note = reason
    locked.save()
    PlacementStatusChange.objects.create(
        placement=locked,
        from_status=old_status,
        to_status=target,
        reason=reason or end_reason,
        changed_by=actor.user_or_none,
    )
    record(actor, AuditAction.TRANSITION, locked, changes=changes, purpose=reason)
    if target in CLOSED_STATUSES:
        cancel_open_tasks(locked, actor=actor)
    placement.refresh_from_db()
    return placement


def cancel_open_tasks(placement: Placement, *, actor: Actor) -> int:
    """Closing a placement cancels its open follow-up tasks (they no longer make sense)."""
    open_tasks = Task.objects.filter(placement=placement, status=TaskStatus.OPEN)
    count = open_tasks.update(status=TaskStatus.GEANNULEERD, updated_at=timezone.now())
    if count:
        record(actor, AuditAction.UPDATE, placement, changes={"open_tasks_cancelled": (0, count)})
    return count


# --- Tasks ---------------------------------------------------------------------

def create_task(
    *,
    title: str,
    due_date: datetime.date,
    actor: Actor,
    assignee=None,
    kind: str = "handmatig",
    description: str = "",
    candidate=None,
    employer=None,
    placement=None,
    dedup_key: str | None = None,
    notify: bool = True,
) -> tuple[Task, bool]:
    """Create a task, or return the existing one with the same ``dedup_key``.

    Returns (task, created). Sweeps pass a dedup_key (kind:subject:due date): the
    unique constraint in the database makes a second run or a retried worker a no-op,
    even when two workers race (the loser's insert fails inside a savepoint).
    """
    from django.db import IntegrityError

    from .models import Notification

    if dedup_key:
        existing = Task.objects.filter(dedup_key=dedup_key).first()
        if existing:
            return existing, False
    try:
        with transaction.atomic():
            task = Task.objects.create(
                title=title[:200],
                description=description,
                kind=kind,
                due_date=due_date,
                assignee=assignee,
                candidate=candidate,
                employer=employer,
                placement=placement,
                dedup_key=dedup_key,
                created_by=actor.user_or_none,
            )
            record(actor, AuditAction.CREATE, task)
            if notify and assignee is not None:
                Notification.objects.create(user=assignee, task=task, message=task.title[:300])
    except IntegrityError:
        if dedup_key:
            return Task.objects.get(dedup_key=dedup_key), False
        raise
    return task, True


@transaction.atomic
def complete_task(task: Task, *, actor: Actor, note: str = "") -> Task:
    if task.status != TaskStatus.OPEN:
        raise TransitionRefused("Deze taak is al afgerond of geannuleerd.", "status")
    task.status = TaskStatus.AFGEROND
    task.completed_at = timezone.now()
    task.completion_note = note
    task.save(update_fields=["status", "completed_at", "completion_note", "updated_at"])
    record(actor, AuditAction.UPDATE, task, changes={"status": (TaskStatus.OPEN, TaskStatus.AFGEROND)})
    return task


@transaction.atomic
def reschedule_task(task: Task, due_date: datetime.date, *, actor: Actor, reason: str = "") -> Task:
    if task.status != TaskStatus.OPEN:
        raise TransitionRefused("Alleen open taken kunnen worden verzet.", "due_date")
    old = task.due_date
    task.due_date = due_date
    task.save(update_fields=["due_date", "updated_at"])
    record(actor, AuditAction.UPDATE, task, changes={"due_date": (old, due_date)}, purpose=reason)
    return task


@transaction.atomic
def assign_task(task: Task, assignee, *, actor: Actor) -> Task:
    from .models import Notification

    old = task.assignee
    task.assignee = assignee
    task.save(update_fields=["assignee", "updated_at"])
    record(actor, AuditAction.UPDATE, task, changes={"assignee": (old, assignee)})
    if assignee is not None:
        Notification.objects.get_or_create(user=assignee, task=task, defaults={"message": task.title[:300]})
    return task
