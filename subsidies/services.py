"""Domain operations on loonwaarde assessments and subsidy applications: one function
per use case (and one per lifecycle transition), called by views, the API and
Celery tasks alike. Each runs in one transaction and writes the audit trail."""

import datetime
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from placements.choices import SignalKind, TaskKind
from placements.models import Placement, Signal
from placements.services import create_task
from wsp_platform.audit.services import Actor, AuditAction, diff, record, save_changes

from .choices import ApplicationStatus as S
from .choices import AssessmentMethod, SubsidyKind
from .kinds import clean_details
from .models import (
    AssessmentTaskScore,
    LoonwaardeAssessment,
    LoonwaardeRule,
    SubsidyApplication,
    SubsidyApplicationStatusChange,
    SubsidyPayment,
)
from .rules import ApplicationFacts, DueRule, TransitionRefused, add_months, check_transition, next_assessment_due

__all__ = [
    "TransitionRefused",
    "activate_application",
    "create_application",
    "create_follow_up",
    "end_application",
    "grant_application",
    "record_payment",
    "prefill_follow_up",
    "record_assessment",
    "refuse_application",
    "request_early_assessment",
    "start_review",
    "submit_application",
    "update_application",
]

FORFAITAIR_PERCENTAGE = 50
EARLY_REQUESTERS = {"bemiddelaar": "de bemiddelaar", "werkgever": "de werkgever"}


# --- Loonwaarde assessments ----------------------------------------------------------

def due_rule_for(placement: Placement) -> DueRule:
    """The next-due rule of the candidate's home municipality, or the defaults."""
    rule = LoonwaardeRule.objects.filter(municipality_id=placement.candidate.municipality_id).first()
    if rule is None:
        return DueRule()
    return DueRule(
        forfaitair_months=rule.forfaitair_months,
        measurement_interval_months=rule.measurement_interval_months,
        beschut_werk_max_months=rule.beschut_werk_max_months,
    )


def _whole_percentage(value) -> int:
    try:
        number = Decimal(str(value).strip().replace(",", "."))
    except (InvalidOperation, TypeError, ValueError):
        raise ValidationError({"percentage": "Vul de loonwaarde in als heel percentage (0 tot en met 100)."}) from None
    if not number.is_finite() or number != number.to_integral_value():
        raise ValidationError({"percentage": "De loonwaarde is een heel percentage, zonder decimalen."})
    if number < 0 or number > 100:
        raise ValidationError({"percentage": "De loonwaarde ligt tussen 0 en 100%."})
    return int(number)


@transaction.atomic
def record_assessment(
    placement: Placement,
    *,
    actor: Actor,
    assessed_on: datetime.date,
    method: str,
    percentage,
    normfunctie: str,
    functieloon_per_hour,
    assessor: str = "",
    method_name: str = "",
    notes: str = "",
    task_scores: list[dict] | None = None,
    report_document=None,
    employment_start: datetime.date | None = None,
    today: datetime.date | None = None,
) -> LoonwaardeAssessment:
    """Record a loonwaarde assessment with its task basis and compute when the next is due.

    ``task_scores``: [{"job_task": JobTask|None, "description": str, "performance_percentage": int}].
    A forfaitaire start is recorded with method "forfaitair" at 50%. A lower percentage
    than the previous assessment raises a "loonwaarde gedaald" signal and a task for
    the placement's bemiddelaar.
    """
    today = today or timezone.localdate()
    errors: dict[str, list[str]] = {}
    try:
        percentage = _whole_percentage(percentage)
    except ValidationError as exc:
        errors.update(exc.message_dict)
    if method not in AssessmentMethod.values:
        errors["method"] = ["Kies de methode van de meting."]
    elif method == AssessmentMethod.ANDERS and not method_name.strip():
        errors["method_name"] = ["Noem de gevalideerde methode die is gebruikt."]
    elif method == AssessmentMethod.FORFAITAIR and "percentage" not in errors and percentage != FORFAITAIR_PERCENTAGE:
        errors["percentage"] = [f"Een forfaitaire loonwaarde is altijd {FORFAITAIR_PERCENTAGE}%."]
    if not assessed_on:
        errors["assessed_on"] = ["Vul de datum van de meting in."]
    elif assessed_on > today:
        errors["assessed_on"] = ["De datum van de meting ligt in de toekomst."]
    if not (normfunctie or "").strip():
        errors["normfunctie"] = ["Vul de normfunctie in."]
    try:
        functieloon = Decimal(str(functieloon_per_hour))
        if not functieloon.is_finite() or functieloon <= 0:
            raise InvalidOperation
    except (InvalidOperation, TypeError, ValueError):
        errors["functieloon_per_hour"] = ["Vul het functieloon per uur in (een bedrag groter dan 0)."]
        functieloon = None
    scores = []
    for number, score in enumerate(task_scores or [], start=1):
        job_task = score.get("job_task")
        if job_task is not None and job_task.job_id != placement.job_id:
            errors.setdefault("task_scores", []).append(f"Taak {number} hoort niet bij de baan van deze plaatsing.")
            continue
        description = (score.get("description") or (job_task.description if job_task else "")).strip()
        if not description:
            errors.setdefault("task_scores", []).append(f"Taak {number}: vul de omschrijving in.")
            continue
        try:
            performance = _whole_percentage(score.get("performance_percentage"))
        except ValidationError:
            errors.setdefault("task_scores", []).append(
                f"Taak {number}: de prestatie is een heel percentage van 0 tot en met 100."
            )
            continue
        scores.append((job_task, description[:200], performance))
    if errors:
        raise ValidationError(errors)

    forfaitair = method == AssessmentMethod.FORFAITAIR
    next_due = next_assessment_due(
        assessed_on=assessed_on,
        forfaitair=forfaitair,
        beschut_werk=placement.is_beschut_werk,
        employment_start=employment_start or placement.start_date,
        rule=due_rule_for(placement),
    )
    previous = (
        LoonwaardeAssessment.objects.filter(placement=placement, assessed_on__lte=assessed_on)
        .order_by("-assessed_on", "-id")
        .first()
    )
    assessment = LoonwaardeAssessment.objects.create(
        placement=placement,
        assessed_on=assessed_on,
        method=method,
        method_name=method_name.strip() if method == AssessmentMethod.ANDERS else "",
        assessor=assessor.strip(),
        percentage=percentage,
        normfunctie=normfunctie.strip(),
        functieloon_per_hour=functieloon,
        next_due_on=next_due,
        notes=notes,
        report_document=report_document,
        recorded_by=actor.user_or_none,
    )
    AssessmentTaskScore.objects.bulk_create(
        AssessmentTaskScore(assessment=assessment, job_task=t, description=d, performance_percentage=p)
        for t, d, p in scores
    )
    record(actor, AuditAction.CREATE, assessment, changes={"percentage": (None, percentage),
                                                           "next_due_on": (None, next_due)})
    if previous is not None and percentage < previous.percentage:
        _raise_loonwaarde_signal(placement, previous, assessment, actor=actor, today=today)
    return assessment


def _raise_loonwaarde_signal(placement, previous, assessment, *, actor: Actor, today: datetime.date) -> None:
    message = (
        f"Loonwaarde gedaald van {previous.percentage}% ({previous.assessed_on:%d-%m-%Y}) "
        f"naar {assessment.percentage}% ({assessment.assessed_on:%d-%m-%Y}). "
        "Bespreek extra ondersteuning met werkgever en kandidaat."
    )
    signal = Signal.objects.create(
        placement=placement,
        kind=SignalKind.LOONWAARDE_GEDAALD,
        message=message,
        raised_on=today,
        raised_by=actor.user_or_none,
    )
    record(actor, AuditAction.CREATE, signal)
    create_task(
        title=f"Loonwaarde gedaald: {placement.candidate} bij {placement.employer}",
        description=message,
        kind=TaskKind.SIGNAAL,
        due_date=today + datetime.timedelta(days=7),
        assignee=placement.owner,
        candidate=placement.candidate,
        placement=placement,
        actor=actor,
        dedup_key=f"loonwaarde_gedaald:{assessment.uuid}",
    )


@transaction.atomic
def request_early_assessment(
    placement: Placement,
    *,
    actor: Actor,
    requested_by: str,
    due_on: datetime.date,
    reason: str,
    today: datetime.date | None = None,
):
    """A bemiddelaar or the employer asks for an assessment before it is due: the latest
    assessment's due date moves forward (never back) and the bemiddelaar gets a task.
    Returns (assessment or None, task)."""
    today = today or timezone.localdate()
    errors = {}
    if requested_by not in EARLY_REQUESTERS:
        errors["requested_by"] = ["Kies wie de eerdere meting aanvraagt: de bemiddelaar of de werkgever."]
    if not due_on:
        errors["due_on"] = ["Vul de gewenste datum van de meting in."]
    elif due_on < today:
        errors["due_on"] = ["De gewenste datum ligt in het verleden."]
    if not (reason or "").strip():
        errors["reason"] = ["Geef de reden voor een eerdere meting."]
    latest = LoonwaardeAssessment.objects.filter(placement=placement).order_by("-assessed_on", "-id").first()
    if not errors and latest is not None and due_on <= latest.assessed_on:
        errors["due_on"] = ["De gewenste datum ligt niet na de laatste meting."]
    if errors:
        raise ValidationError(errors)
    if latest is not None and (latest.next_due_on is None or due_on < latest.next_due_on):
        old = latest.next_due_on
        latest.next_due_on = due_on
        latest.early_requested_by = EARLY_REQUESTERS[requested_by]
        latest.early_request_reason = reason.strip()
        latest.save(update_fields=["next_due_on", "early_requested_by", "early_request_reason", "updated_at"])
        record(actor, AuditAction.UPDATE, latest, changes={"next_due_on": (old, due_on),
                                                           "early_requested_by": ("", requested_by)},
               purpose=reason[:300])
    task, _ = create_task(
        title=f"Eerdere loonwaardemeting (aangevraagd door {EARLY_REQUESTERS.get(requested_by)}): "
        f"{placement.candidate}",
        description=reason.strip(),
        kind=TaskKind.LOONWAARDE,
        due_date=due_on,
        assignee=placement.owner or actor.user_or_none,
        candidate=placement.candidate,
        placement=placement,
        actor=actor,
        dedup_key=f"loonwaarde_eerder:{placement.uuid}:{due_on.isoformat()}",
    )
    return latest, task


# --- Subsidy applications --------------------------------------------------------------

EDITABLE_STATUSES = (S.CONCEPT, S.INGEDIEND)
APPLICATION_FIELDS = ("kind", "period_start", "period_end", "hours_per_week", "is_forfaitair",
                      "amount_requested", "employer_todo")


def _validate_application(data: dict) -> dict:
    errors = {}
    kind = data.get("kind")
    if kind not in SubsidyKind.values:
        errors["kind"] = ["Kies een geldige soort aanvraag."]
    if not data.get("period_start"):
        errors["period_start"] = ["Vul de begindatum van de periode in."]
    elif data.get("period_end") and data["period_end"] < data["period_start"]:
        errors["period_end"] = ["De einddatum van de periode ligt vóór de begindatum."]
    hours = data.get("hours_per_week")
    if hours is not None and not (0 < Decimal(hours) <= 60):
        errors["hours_per_week"] = ["Het aantal uren per week ligt tussen 0 en 60."]
    if kind == SubsidyKind.LOONKOSTENSUBSIDIE and hours is None:
        errors["hours_per_week"] = ["Vul het aantal uren per week in: de LKS wordt per uur berekend."]
    if data.get("is_forfaitair") and kind != SubsidyKind.LOONKOSTENSUBSIDIE:
        errors["is_forfaitair"] = ["Alleen loonkostensubsidie kan forfaitair zijn."]
    amount = data.get("amount_requested")
    if amount is not None and Decimal(amount) < 0:
        errors["amount_requested"] = ["Het aangevraagde bedrag kan niet negatief zijn."]
    details = {}
    if kind in SubsidyKind.values:
        try:
            details = clean_details(kind, data.get("details"), period_start=data.get("period_start"),
                                    is_forfaitair=bool(data.get("is_forfaitair")))
        except ValidationError as exc:
            for key, messages in exc.message_dict.items():
                errors[key if key == "kind" else f"details.{key}"] = messages
    if errors:
        raise ValidationError(errors)
    return details


@transaction.atomic
def create_application(placement: Placement, *, actor: Actor, data: dict, previous=None) -> SubsidyApplication:
    """A new application in concept for ``placement``. ``data`` holds the model fields in
    APPLICATION_FIELDS plus ``details`` (validated per kind). The municipality is the
    candidate's home municipality (it grants the subsidy)."""
    data = {k: v for k, v in data.items() if k in APPLICATION_FIELDS or k == "details"}
    data["details"] = _validate_application(data)
    application = SubsidyApplication.objects.create(
        placement=placement,
        municipality_id=placement.candidate.municipality_id,
        status=S.CONCEPT,
        previous=previous,
        created_by=actor.user_or_none,
        **data,
    )
    SubsidyApplicationStatusChange.objects.create(
        application=application, from_status="", to_status=S.CONCEPT, changed_by=actor.user_or_none,
        note="Vervolg op een eerdere beschikking" if previous else "",
    )
    record(actor, AuditAction.CREATE, application)
    return application


@transaction.atomic
def update_application(application: SubsidyApplication, *, actor: Actor, data: dict) -> SubsidyApplication:
    """Edit an application while it is concept or ingediend (after that, the beschikking
    is what counts and changes go through the transitions)."""
    locked = SubsidyApplication.objects.select_for_update().get(pk=application.pk)
    if locked.status not in EDITABLE_STATUSES:
        raise TransitionRefused(
            f"Een aanvraag met status {locked.get_status_display()} kan niet meer worden gewijzigd.", "status"
        )
    data = {k: v for k, v in data.items() if k in APPLICATION_FIELDS or k == "details"}
    merged = {f: getattr(locked, f) for f in APPLICATION_FIELDS} | {"details": locked.details} | data
    data["details"] = _validate_application(merged)
    changes = diff(locked, data)
    for field, value in data.items():
        setattr(locked, field, value)
    locked.save()
    if changes:
        record(actor, AuditAction.UPDATE, locked, changes=changes)
    return locked


def _details_valid(application) -> bool:
    try:
        clean_details(application.kind, application.details, period_start=application.period_start,
                      is_forfaitair=application.is_forfaitair)
    except ValidationError:
        return False
    return True


def facts_for(application: SubsidyApplication, today: datetime.date | None = None, **overrides) -> ApplicationFacts:
    """The transition facts of an application, with the values of the request applied."""
    values = {
        "status": application.status,
        "period_start": application.period_start,
        "period_end": application.period_end,
        "details_valid": _details_valid(application),
        "decision_date": application.decision_date,
        "decision_reference": application.decision_reference,
        "amount_granted": application.amount_granted,
        "refusal_reason": application.refusal_reason,
        "end_reason": application.end_reason,
        "today": today or timezone.localdate(),
    }
    values.update({k: v for k, v in overrides.items() if k in values})
    return ApplicationFacts(**values)


def _transition(application, target, *, actor: Actor, note: str = "", today=None, **values):
    """Check and apply one lifecycle step; ``values`` are model fields set with it."""
    locked = SubsidyApplication.objects.select_for_update().get(pk=application.pk)
    check_transition(facts_for(locked, today=today, **values), target)
    old = locked.status
    changes = {"status": (old, target)} | diff(locked, values)
    for field, value in values.items():
        setattr(locked, field, value)
    locked.status = target
    locked.save()
    SubsidyApplicationStatusChange.objects.create(
        application=locked, from_status=old, to_status=target, note=note, changed_by=actor.user_or_none
    )
    record(actor, AuditAction.TRANSITION, locked, changes=changes, purpose=note[:300])
    application.refresh_from_db()
    return application


@transaction.atomic
def submit_application(application, *, actor: Actor, submitted_on: datetime.date | None = None, today=None):
    """concept → ingediend: the kind's data must be complete."""
    today = today or timezone.localdate()
    return _transition(application, S.INGEDIEND, actor=actor, today=today, submitted_on=submitted_on or today)


@transaction.atomic
def start_review(application, *, actor: Actor, note: str = "", today=None):
    """ingediend → in_behandeling: the municipality has taken the application up."""
    return _transition(application, S.IN_BEHANDELING, actor=actor, note=note, today=today)


@transaction.atomic
def grant_application(
    application,
    *,
    actor: Actor,
    decision_date: datetime.date | None,
    decision_reference: str,
    amount_granted,
    period_start: datetime.date | None = None,
    period_end: datetime.date | None = None,
    decision_document=None,
    today=None,
):
    """in_behandeling → toegekend, with the beschikking: decision date, reference, amount,
    period (defaults to the requested period) and optionally the beschikking document."""
    values = {
        "decision_date": decision_date,
        "decision_reference": (decision_reference or "").strip(),
        "amount_granted": None if amount_granted in (None, "") else Decimal(str(amount_granted)),
        "period_start": period_start or application.period_start,
        "period_end": period_end or application.period_end,
    }
    if decision_document is not None:
        values["decision_document"] = decision_document
    return _transition(application, S.TOEGEKEND, actor=actor, today=today, **values)


@transaction.atomic
def refuse_application(application, *, actor: Actor, decision_date: datetime.date | None, reason: str, today=None):
    """in_behandeling → afgewezen, with the reason of the refusal."""
    return _transition(application, S.AFGEWEZEN, actor=actor, today=today, note=reason or "",
                       decision_date=decision_date, refusal_reason=(reason or "").strip())


@transaction.atomic
def activate_application(application, *, actor: Actor, today=None):
    """toegekend → lopend: the beschikking period has started."""
    return _transition(application, S.LOPEND, actor=actor, today=today)


@transaction.atomic
def end_application(application, *, actor: Actor, reason: str, today=None):
    """toegekend/lopend → beeindigd, with a reason (period over, placement ended, ...)."""
    return _transition(application, S.BEEINDIGD, actor=actor, today=today, note=reason or "",
                       end_reason=(reason or "").strip())


TRANSITION_SERVICES = {
    S.INGEDIEND: submit_application,
    S.IN_BEHANDELING: start_review,
    S.TOEGEKEND: grant_application,
    S.AFGEWEZEN: refuse_application,
    S.LOPEND: activate_application,
    S.BEEINDIGD: end_application,
}


# --- Follow-up beschikking ----------------------------------------------------------

def _same_length(start: datetime.date, end: datetime.date, new_start: datetime.date) -> datetime.date:
    """The end of a period from ``new_start`` as long as start..end: whole calendar months
    stay whole months (1 Jan – 30 Jun → 1 Jul – 31 Dec), otherwise the same number of days."""
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    if add_months(start, months) == end + datetime.timedelta(days=1):
        return add_months(new_start, months) - datetime.timedelta(days=1)
    return new_start + (end - start)


def prefill_follow_up(application: SubsidyApplication) -> dict:
    """The data for the next period's application, taken from ``application`` so nobody
    re-enters it: same kind, hours and kind details; the period starts the day after the
    previous one ends and lasts as long (whole months stay whole months). A forfaitaire LKS is followed by one on a
    measurement (the forfaitaire period is at most 6 months)."""
    start = (application.period_end + datetime.timedelta(days=1)) if application.period_end else None
    end = None
    if application.period_end:
        end = _same_length(application.period_start, application.period_end, start)
    details = dict(application.details or {})
    return {
        "kind": application.kind,
        "period_start": start,
        "period_end": end,
        "hours_per_week": application.hours_per_week,
        "is_forfaitair": False,
        "amount_requested": application.amount_granted or application.amount_requested,
        "employer_todo": "",
        "details": details,
    }


@transaction.atomic
def create_follow_up(application: SubsidyApplication, *, actor: Actor, data: dict | None = None):
    """Create the follow-up application (concept), linked to the previous beschikking."""
    if hasattr(application, "follow_up") and SubsidyApplication.objects.filter(previous=application).exists():
        raise TransitionRefused("Deze beschikking heeft al een vervolgaanvraag.", "previous")
    if application.status not in (S.TOEGEKEND, S.LOPEND, S.BEEINDIGD):
        raise TransitionRefused("Alleen een toegekende beschikking kan een vervolgaanvraag krijgen.", "status")
    values = prefill_follow_up(application) | (data or {})
    return create_application(application.placement, actor=actor, data=values, previous=application)


# -- payments ---------------------------------------------------------------------------
PAYABLE_STATUSES = (S.TOEGEKEND, S.LOPEND, S.BEEINDIGD)


def _euro(value: Decimal) -> str:
    from .templatetags.subsidies_tags import euro

    return euro(value)


@transaction.atomic
def record_payment(
    application: SubsidyApplication,
    *,
    actor: Actor,
    paid_on: datetime.date | None,
    amount,
    description: str = "",
    reference: str = "",
    today: datetime.date | None = None,
) -> SubsidyPayment:
    """Record one payment on a granted application and add it to ``amount_paid``.

    Refused (ValidationError per field, nothing written) before the beschikking, for an
    amount of € 0 or less, a date in the future or before the decision date, and when the
    payments together would exceed the granted amount."""
    today = today or timezone.localdate()
    locked = SubsidyApplication.objects.select_for_update().get(pk=application.pk)
    if locked.status not in PAYABLE_STATUSES:
        raise ValidationError(
            f"Uitbetalen kan pas als de aanvraag is toegekend (nu: {locked.get_status_display().lower()})."
        )
    errors = {}
    try:
        amount = Decimal(str(amount)).quantize(Decimal("0.01"))
    except (InvalidOperation, ValueError):
        errors["amount"] = "Vul een bedrag in euro's in, bijvoorbeeld 1250,00."
        amount = None
    if amount is not None and amount <= 0:
        errors["amount"] = "Het bedrag moet groter zijn dan € 0."
    elif amount is not None and locked.amount_granted is not None and locked.amount_paid + amount > (
        locked.amount_granted
    ):
        room = max(Decimal("0"), locked.amount_granted - locked.amount_paid)
        errors["amount"] = (
            f"Samen met wat al is uitbetaald ({_euro(locked.amount_paid)}) wordt dat meer dan de toegekende "
            f"{_euro(locked.amount_granted)}. Er kan nog {_euro(room)} worden uitbetaald."
        )
    if paid_on is None:
        errors["paid_on"] = "Vul de betaaldatum in."
    elif paid_on > today:
        errors["paid_on"] = "De betaaldatum ligt in de toekomst."
    elif locked.decision_date and paid_on < locked.decision_date:
        errors["paid_on"] = f"De betaaldatum ligt vóór de besluitdatum ({locked.decision_date:%d-%m-%Y})."
    if errors:
        raise ValidationError(errors)
    payment = SubsidyPayment.objects.create(
        application=locked, paid_on=paid_on, amount=amount, description=(description or "").strip(),
        reference=(reference or "").strip(), recorded_by=actor.user_or_none,
    )
    record(actor, AuditAction.CREATE, payment)
    save_changes(locked, {"amount_paid": locked.amount_paid + amount}, actor=actor)
    application.refresh_from_db()
    return payment
