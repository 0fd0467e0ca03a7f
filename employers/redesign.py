"""Job redesign (jobcarving, functiecreatie, IHW, teamcrafting, stapelbaan): record an
employer's functions and their tasks, and carve a new job out of selected tasks.

``carve_summary`` is the arithmetic the workspace shows while selecting (hours freed
per source function, total hours, capabilities asked, heaviest load); ``carve_job``
saves the selection as a Job of kind *gecreeerd*, with its method, whether it is
generic, its source tasks, a copy of each task (JobTask) and the functiecreatie-light
conversation it came from. A werkaanpassing for one person is recorded against the
placement (placements.WorkAdjustment), not here.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction

from wsp_platform.audit.services import Actor, AuditAction, record

from .choices import CreationMethod, JobKind
from .models import Employer, FunctiecreatieConversation, Function, FunctionTask, Job, JobTask

LOADS = (("physical_load", "fysiek"), ("mental_load", "mentaal"), ("pace", "werktempo"), ("stimuli", "prikkels"))


@dataclass
class FunctionShare:
    function: Function
    tasks: list
    hours_freed: Decimal
    function_hours: Decimal  # all recorded task hours of the function

    @property
    def hours_left(self) -> Decimal:
        return self.function_hours - self.hours_freed


@dataclass
class CarveSummary:
    per_function: list = field(default_factory=list)
    total_hours: Decimal = Decimal("0")
    capabilities: list = field(default_factory=list)  # Skill objects, by name
    max_loads: dict = field(default_factory=dict)  # label -> highest level (1..3)
    all_quiet: bool = False
    tasks: list = field(default_factory=list)


def tasks_for_carving(employer: Employer, task_ids) -> list[FunctionTask]:
    """The selected tasks, only from this employer's functions (others are ignored)."""
    ids = [int(t) for t in task_ids if str(t).isdigit()]
    return list(
        FunctionTask.objects.filter(function__employer=employer, pk__in=ids)
        .select_related("function")
        .prefetch_related("capabilities")
        .order_by("function__name", "id")
    )


def carve_summary(tasks: list[FunctionTask]) -> CarveSummary:
    """Hours freed per source function, total hours, capabilities and loads of a selection."""
    summary = CarveSummary(tasks=list(tasks))
    if not tasks:
        return summary
    function_ids = {t.function_id for t in tasks}
    totals = {}
    for fid, hours in FunctionTask.objects.filter(function_id__in=function_ids).values_list(
        "function_id", "hours_per_week"
    ):
        totals[fid] = totals.get(fid, Decimal("0")) + hours
    by_function = {}
    for t in tasks:
        by_function.setdefault(t.function_id, []).append(t)
    for fid, ftasks in by_function.items():
        freed = sum((t.hours_per_week for t in ftasks), Decimal("0"))
        summary.per_function.append(FunctionShare(ftasks[0].function, ftasks, freed, totals.get(fid, freed)))
    summary.per_function.sort(key=lambda s: s.function.name)
    summary.total_hours = sum((t.hours_per_week for t in tasks), Decimal("0"))
    skills = {}
    for t in tasks:
        for s in t.capabilities.all():
            skills[s.pk] = s
    summary.capabilities = sorted(skills.values(), key=lambda s: s.name)
    summary.max_loads = {label: max(getattr(t, name) for t in tasks) for name, label in LOADS}
    summary.all_quiet = all(t.quiet_spot_possible for t in tasks)
    return summary


@transaction.atomic
def carve_job(
    employer: Employer,
    *,
    actor: Actor,
    task_ids,
    title: str,
    creation_method: str,
    is_generic: bool,
    hourly_wage: Decimal,
    sector: str = "",
    description: str = "",
    location=None,
    education_level: int = 0,
    functiecreatie: FunctiecreatieConversation | None = None,
    min_hours_per_week: Decimal | None = None,
) -> Job:
    """Save a selection of tasks as a new created job (kind *gecreeerd*)."""
    tasks = tasks_for_carving(employer, task_ids)
    errors = {}
    if not tasks:
        errors["tasks"] = "Kies minstens één taak uit een bestaande functie."
    if creation_method not in CreationMethod.values or creation_method == CreationMethod.WERKAANPASSING:
        errors["creation_method"] = (
            "Kies jobcarving, functiecreatie, IHW, teamcrafting of stapelbaan "
            "(een werkaanpassing leg je vast bij de plaatsing)."
        )
    if not (title or "").strip():
        errors["title"] = "Geef de nieuwe baan een functietitel."
    if location is not None and location.employer_id != employer.pk:
        errors["location"] = "Deze vestiging hoort niet bij deze werkgever."
    if functiecreatie is not None and functiecreatie.employer_id != employer.pk:
        errors["functiecreatie"] = "Dit gesprek hoort niet bij deze werkgever."
    summary = carve_summary(tasks)
    if summary.total_hours > 60:
        errors["tasks"] = f"De gekozen taken zijn samen {summary.total_hours} uur per week; dat is meer dan 60."
    if min_hours_per_week is not None and min_hours_per_week > summary.total_hours:
        errors["min_hours_per_week"] = "Het minimum aantal uren is hoger dan de uren van de gekozen taken."
    if errors:
        raise ValidationError(errors)
    job = Job.objects.create(
        employer=employer,
        location=location,
        title=title.strip(),
        description=description,
        kind=JobKind.GECREEERD,
        creation_method=creation_method,
        sector=sector or employer.sector,
        hours_per_week=summary.total_hours,
        min_hours_per_week=min_hours_per_week,
        hourly_wage=hourly_wage,
        education_level=education_level,
        is_generic=is_generic,
        functiecreatie=functiecreatie,
    )
    job.source_tasks.set(tasks)
    for t in tasks:
        copy = JobTask.objects.create(
            job=job,
            source_task=t,
            description=t.description,
            hours_per_week=t.hours_per_week,
            physical_load=t.physical_load,
            mental_load=t.mental_load,
            pace=t.pace,
            stimuli=t.stimuli,
            quiet_spot_possible=t.quiet_spot_possible,
        )
        copy.capabilities.set(t.capabilities.all())
    record(actor, AuditAction.CREATE, job, changes={
        "creation_method": ("", creation_method),
        "hours_per_week": (None, summary.total_hours),
        "source_tasks": ([], [t.pk for t in tasks]),
    })
    return job


@transaction.atomic
def add_function(employer: Employer, *, actor: Actor, **data) -> Function:
    function = Function(employer=employer, **data)
    function.full_clean()
    function.save()
    record(actor, AuditAction.CREATE, function)
    return function


@transaction.atomic
def add_function_task(function: Function, *, actor: Actor, capabilities=(), **data) -> FunctionTask:
    task = FunctionTask(function=function, **data)
    task.full_clean()
    task.save()
    task.capabilities.set(capabilities)
    record(actor, AuditAction.CREATE, task)
    return task


@transaction.atomic
def record_functiecreatie(employer: Employer, *, actor: Actor, **data) -> FunctiecreatieConversation:
    conversation = FunctiecreatieConversation(employer=employer, **data)
    conversation.full_clean()
    conversation.save()
    record(actor, AuditAction.CREATE, conversation)
    return conversation
