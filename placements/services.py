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


# --- Workspace use cases (proposals, pipeline moves, placement edits) -------------

TRIAL_DECISION_LEAD_DAYS = 14


@transaction.atomic
def propose_candidate(
    candidate,
    job,
    *,
    actor: Actor,
    origin: str,
    motivation: str = "",
    introduction_route: str = "geen",
    owner=None,
    match_score: int | None = None,
) -> Placement:
    """Propose a candidate for a job: a Proposal plus a Placement in status
    voorgesteld (the first card on the pipeline board). A candidate cannot have two
    open proposals for the same job."""
    from django.core.exceptions import ValidationError

    from candidates.choices import CandidateStatus

    from .choices import Origin, ProposalStatus
    from .models import Proposal

    if origin not in Origin.values:
        raise ValidationError({"origin": "Kies hoe deze plaatsing is ontstaan."})
    if Proposal.objects.filter(
        candidate=candidate, job=job, status__in=[ProposalStatus.CONCEPT, ProposalStatus.VOORGESTELD]
    ).exists():
        raise ValidationError({"job": "Deze kandidaat is al voorgesteld voor deze baan."})
    if job.status not in ("open", "concept"):
        raise ValidationError({"job": "Deze baan is niet meer open."})
    today = timezone.localdate()
    proposal = Proposal.objects.create(
        candidate=candidate,
        job=job,
        status=ProposalStatus.VOORGESTELD,
        motivation=motivation,
        match_score=match_score,
        proposed_by=actor.user_or_none,
        proposed_on=today,
    )
    placement = Placement.objects.create(
        candidate=candidate,
        job=job,
        employer_id=job.employer_id,
        proposal=proposal,
        owner=owner or candidate.owner or actor.user_or_none,
        origin=origin,
        introduction_route=introduction_route,
        status=PlacementStatus.VOORGESTELD,
    )
    PlacementStatusChange.objects.create(
        placement=placement, from_status="", to_status=PlacementStatus.VOORGESTELD,
        reason=motivation[:500], changed_by=actor.user_or_none,
    )
    record(actor, AuditAction.CREATE, proposal)
    record(actor, AuditAction.CREATE, placement)
    if candidate.status in (CandidateStatus.AANMELDING, CandidateStatus.VERKENNING, CandidateStatus.BEMIDDELBAAR):
        old = candidate.status
        candidate.status = CandidateStatus.IN_TRAJECT
        candidate.save(update_fields=["status", "updated_at"])
        record(actor, AuditAction.UPDATE, candidate, changes={"status": (old, candidate.status)})
    return placement


def move_placement(placement: Placement, target: str, *, actor: Actor, **kwargs) -> tuple[Placement, Task | None]:
    """A move on the pipeline board: ``transition_placement`` plus the follow-up it
    implies. Entering proefplaatsing plans the decision task two weeks before the
    trial ends (or today when the trial is shorter), for the placement's owner.

    Returns (placement, task or None). Raises TransitionRefused with a Dutch reason."""
    from .choices import TaskKind

    with transaction.atomic():
        placement = transition_placement(placement, target, actor=actor, **kwargs)
        task = None
        if target == PlacementStatus.PROEFPLAATSING and placement.trial_end_date:
            today = timezone.localdate()
            due = max(today, placement.trial_end_date - datetime.timedelta(days=TRIAL_DECISION_LEAD_DAYS))
            task, _ = create_task(
                title=f"Besluit na proefplaatsing {placement.candidate} bij {placement.employer} "
                f"(eindigt {placement.trial_end_date:%d-%m-%Y})",
                description="Bespreek met werkgever en kandidaat: in dienst, verlengen of stoppen.",
                kind=TaskKind.PROEFPLAATSING_EINDE,
                due_date=due,
                assignee=placement.owner or actor.user_or_none,
                candidate=placement.candidate,
                placement=placement,
                actor=actor,
                dedup_key=f"{TaskKind.PROEFPLAATSING_EINDE}:{placement.uuid}:{placement.trial_end_date.isoformat()}",
            )
    return placement, task


@transaction.atomic
def update_placement(placement: Placement, *, actor: Actor, data: dict) -> Placement:
    """Edit a placement's details (not its status: that is ``transition_placement``)."""
    from wsp_platform.audit.services import save_changes

    data = {k: v for k, v in data.items() if k not in ("status", "end_reason")}
    locked = Placement.objects.select_for_update().get(pk=placement.pk)
    if data.get("supervisor_name", locked.supervisor_name) != locked.supervisor_name and locked.supervisor_name:
        # A new werkbegeleider: the follow-up sweep asks for extra attention from this date.
        data.setdefault("supervisor_changed_on", timezone.localdate())
    save_changes(locked, data, actor=actor)
    return locked


@transaction.atomic
def record_work_adjustment(placement: Placement, *, actor: Actor, data: dict):
    """A werkaanpassing: the job or workplace adjusted for this one person (tasks, hours,
    workplace, instruction, technology). Validated, saved and audited in one transaction."""
    from .models import WorkAdjustment

    adjustment = WorkAdjustment(placement=placement, **data)
    adjustment.full_clean()
    adjustment.save()
    record(actor, AuditAction.CREATE, adjustment)
    return adjustment


# --- Follow-up: tasks from the deadline sweeps, the e-mail digest ------------------------

def create_sweep_tasks(specs, *, actor: Actor) -> int:
    """Create the tasks of one sweep chunk at once (``specs``: placements.sweeps.TaskSpec),
    skipping every ``dedup_key`` that already exists; returns how many were created.

    One transaction per chunk: a worker killed halfway loses the whole chunk, which the
    retry recreates. The same task, in-app notification and audit row as ``create_task``,
    but in three INSERTs instead of four queries per task. When a concurrent run inserted
    one of the keys meanwhile (unique violation), the chunk falls back to ``create_task``,
    which settles each race on its own.
    """
    from django.db import IntegrityError

    from wsp_platform.audit.models import AuditEntry
    from wsp_platform.audit.services import describe
    from wsp_platform.core.requestcontext import get_request_id

    from .models import Notification

    unique = {}
    for spec in specs:
        unique.setdefault(spec.dedup_key, spec)
    if not unique:
        return 0
    with transaction.atomic():
        existing = set(Task.objects.filter(dedup_key__in=list(unique)).values_list("dedup_key", flat=True))
        todo = [spec for key, spec in unique.items() if key not in existing]
        if not todo:
            return 0
        try:
            with transaction.atomic():
                tasks = Task.objects.bulk_create(
                    [
                        Task(
                            title=spec.title[:200],
                            description=spec.description,
                            kind=spec.kind,
                            due_date=spec.due_date,
                            assignee_id=spec.assignee_id,
                            candidate_id=spec.candidate_id,
                            employer_id=spec.employer_id,
                            placement_id=spec.placement_id,
                            dedup_key=spec.dedup_key,
                            created_by=actor.user_or_none,
                        )
                        for spec in todo
                    ]
                )
                Notification.objects.bulk_create(
                    [
                        Notification(user_id=task.assignee_id, task=task, message=task.title[:300])
                        for task in tasks
                        if task.assignee_id
                    ]
                )
                AuditEntry.objects.bulk_create(
                    [
                        AuditEntry(
                            user=actor.user_or_none,
                            api_client=actor.api_client,
                            channel=actor.channel,
                            action=AuditAction.CREATE,
                            object_type=Task._meta.label_lower,
                            object_uuid=task.uuid,
                            object_repr=describe(task)[:200],
                            changes={},
                            request_id=get_request_id() or "",
                        )
                        for task in tasks
                    ]
                )
                return len(tasks)
        except IntegrityError:
            pass
        from django.contrib.auth import get_user_model

        from candidates.models import Candidate
        from employers.models import Employer

        created = 0
        for spec in todo:
            _task, was_created = create_task(
                title=spec.title,
                description=spec.description,
                kind=spec.kind,
                due_date=spec.due_date,
                assignee=get_user_model()(pk=spec.assignee_id) if spec.assignee_id else None,
                candidate=Candidate(pk=spec.candidate_id) if spec.candidate_id else None,
                employer=Employer(pk=spec.employer_id) if spec.employer_id else None,
                placement=Placement(pk=spec.placement_id) if spec.placement_id else None,
                dedup_key=spec.dedup_key,
                actor=actor,
            )
            created += was_created
        return created


def send_task_digest(user, day: datetime.date, *, actor: Actor, since=None) -> bool:
    """Mail ``user`` the open tasks that are new since the previous digest (or ``since``)
    and those overdue on ``day``. At most once per user per day: the DigestLog row
    (unique user+day) is claimed in the transaction that sends the mail, so a second run
    finds it and a run that dies before committing leaves nothing behind (the retry sends).
    Returns True when a mail was sent."""
    from django.conf import settings
    from django.core.mail import send_mail
    from django.db import IntegrityError
    from django.template.loader import render_to_string

    from .models import DigestLog, Notification

    if not user.email or not user.is_active:
        return False
    try:
        with transaction.atomic():
            log = DigestLog.objects.create(user=user, day=day)
            previous = (
                DigestLog.objects.filter(user=user, day__lt=day, sent_at__isnull=False).order_by("-day").first()
            )
            if since is None:
                since = previous.sent_at if previous else timezone.make_aware(
                    datetime.datetime.combine(day - datetime.timedelta(days=1), datetime.time())
                )
            open_tasks = Task.objects.filter(assignee=user, status=TaskStatus.OPEN).select_related(
                "placement", "candidate", "employer"
            )
            new = list(open_tasks.filter(created_at__gte=since, due_date__gte=day).order_by("due_date", "id")[:100])
            overdue = list(open_tasks.filter(due_date__lt=day).order_by("due_date", "id")[:100])
            if not new and not overdue:
                transaction.set_rollback(True)
                return False
            base_url = (getattr(settings, "WSP", {}) or {}).get("SITE_URL", "").rstrip("/")
            context = {
                "user": user,
                "day": day,
                "new": [_digest_line(t, base_url) for t in new],
                "overdue": [_digest_line(t, base_url) for t in overdue],
                "overdue_total": open_tasks.filter(due_date__lt=day).count(),
            }
            context["overdue_more"] = context["overdue_total"] - len(overdue)
            subject = f"Je taken voor {day:%d-%m-%Y}: {len(new)} nieuw, {context['overdue_total']} te laat"
            body = render_to_string("placements/email/task_digest.txt", context)
            send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])
            now = timezone.now()
            log.sent_at = now
            log.new_count = len(new)
            log.overdue_count = context["overdue_total"]
            log.save(update_fields=["sent_at", "new_count", "overdue_count"])
            Notification.objects.filter(user=user, task__in=[t.pk for t in new + overdue], emailed_at=None).update(
                emailed_at=now
            )
            record(actor, AuditAction.UPDATE, user, changes={"task_digest": (None, day.isoformat())})
    except IntegrityError:
        return False  # already sent (or being sent) today
    return True


def _digest_line(task: Task, base_url: str) -> dict:
    from django.urls import NoReverseMatch, reverse

    url = ""
    try:
        if task.placement_id:
            url = reverse("placements:detail", args=[task.placement.uuid])
        elif task.candidate_id:
            url = reverse("candidates:detail", args=[task.candidate.uuid])
    except NoReverseMatch:
        url = ""
    return {"title": task.title, "due_date": task.due_date, "url": f"{base_url}{url}" if url else ""}
