"""Pure subsidy rules: the application lifecycle and the loonwaarde next-due rule.

No database access. The service layer calls these and turns a refusal into a
user-facing (Dutch) error; the UI asks ``refused_reasons`` why a button is off.
"""

import calendar
import datetime
from dataclasses import dataclass
from decimal import Decimal

from placements.rules import TransitionRefused

from .choices import ApplicationStatus as S

__all__ = [
    "TRANSITIONS",
    "ApplicationFacts",
    "DueRule",
    "TransitionRefused",
    "add_months",
    "check_transition",
    "next_assessment_due",
    "refused_reasons",
]

# From each status, the statuses an application may move to. toegekend → beeindigd
# covers a grant that never starts running (the placement ended before the period).
TRANSITIONS: dict[str, tuple[str, ...]] = {
    S.CONCEPT: (S.INGEDIEND,),
    S.INGEDIEND: (S.IN_BEHANDELING,),
    S.IN_BEHANDELING: (S.TOEGEKEND, S.AFGEWEZEN),
    S.TOEGEKEND: (S.LOPEND, S.BEEINDIGD),
    S.AFGEWEZEN: (),
    S.LOPEND: (S.BEEINDIGD,),
    S.BEEINDIGD: (),
}

LABELS = dict(S.choices)


@dataclass(frozen=True)
class ApplicationFacts:
    """What a transition check needs to know about an application (and the request)."""

    status: str
    period_start: datetime.date | None = None
    period_end: datetime.date | None = None
    details_valid: bool = True
    decision_date: datetime.date | None = None
    decision_reference: str = ""
    amount_granted: Decimal | None = None
    refusal_reason: str = ""
    end_reason: str = ""
    today: datetime.date | None = None


def check_transition(facts: ApplicationFacts, target: str) -> None:
    """Raise TransitionRefused (Dutch message, offending field) when ``facts.status`` →
    ``target`` is not allowed or lacks the data the target needs."""
    current = facts.status
    if target not in LABELS:
        raise TransitionRefused(f"Onbekende status '{target}'.", "status")
    if current == target:
        raise TransitionRefused(f"De aanvraag heeft al de status {LABELS[target]}.", "status")
    if target not in TRANSITIONS[current]:
        allowed = ", ".join(LABELS[s] for s in TRANSITIONS[current]) or "geen (de aanvraag is afgesloten)"
        raise TransitionRefused(
            f"Van {LABELS[current]} naar {LABELS[target]} kan niet. Wel mogelijk: {allowed}.", "status"
        )
    if target == S.INGEDIEND:
        if not facts.period_start:
            raise TransitionRefused("Vul de begindatum van de aangevraagde periode in.", "period_start")
        if not facts.details_valid:
            raise TransitionRefused(
                "De gegevens voor deze soort aanvraag zijn niet compleet; vul ze eerst aan.", "details"
            )
    if target == S.TOEGEKEND:
        if not facts.decision_date:
            raise TransitionRefused("Vul de besluitdatum van de beschikking in.", "decision_date")
        if not facts.decision_reference:
            raise TransitionRefused("Vul het kenmerk van de beschikking in.", "decision_reference")
        if facts.amount_granted is None:
            raise TransitionRefused("Vul het toegekende bedrag in.", "amount_granted")
        if facts.amount_granted < 0:
            raise TransitionRefused("Het toegekende bedrag kan niet negatief zijn.", "amount_granted")
        if not facts.period_start or not facts.period_end:
            raise TransitionRefused("Vul de periode van de beschikking in (van en tot en met).", "period_end")
        if facts.period_end < facts.period_start:
            raise TransitionRefused("De beschikkingsperiode eindigt vóór de begindatum.", "period_end")
    if target == S.AFGEWEZEN:
        if not facts.decision_date:
            raise TransitionRefused("Vul de besluitdatum van de afwijzing in.", "decision_date")
        if not (facts.refusal_reason or "").strip():
            raise TransitionRefused("Geef de reden van de afwijzing op.", "refusal_reason")
    if target == S.LOPEND and facts.today and facts.period_start and facts.period_start > facts.today:
        raise TransitionRefused(
            f"De beschikkingsperiode begint pas op {facts.period_start:%d-%m-%Y}; "
            "de aanvraag kan dan op lopend worden gezet.",
            "period_start",
        )
    if target == S.BEEINDIGD and not (facts.end_reason or "").strip():
        raise TransitionRefused("Geef een reden op voor het beëindigen.", "end_reason")


def refused_reasons(facts: ApplicationFacts, *, needs_input: tuple[str, ...] = ()) -> dict[str, str]:
    """For every other status, why a move there is refused right now ({} entry absent
    when it is allowed). Fields in ``needs_input`` are filled on the form itself, so a
    missing value there does not count as a refusal."""
    reasons = {}
    for target in S.values:
        if target == facts.status:
            continue
        try:
            check_transition(facts, target)
        except TransitionRefused as exc:
            if target in TRANSITIONS[facts.status] and exc.field in needs_input:
                continue
            reasons[target] = exc.message
    return reasons


# --- Loonwaarde: when is the next assessment due --------------------------------------

@dataclass(frozen=True)
class DueRule:
    """A municipality's next-due rule (LoonwaardeRule), with the defaults when absent."""

    forfaitair_months: int = 6
    measurement_interval_months: int = 12
    beschut_werk_max_months: int = 36


def add_months(day: datetime.date, months: int) -> datetime.date:
    """Same day ``months`` later, clamped to the month's end (31 Jan + 1 month = 28/29 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def next_assessment_due(
    *,
    assessed_on: datetime.date,
    forfaitair: bool = False,
    beschut_werk: bool = False,
    employment_start: datetime.date | None = None,
    rule: DueRule | None = None,
    requested_on: datetime.date | None = None,
) -> datetime.date:
    """The date by which the next loonwaarde assessment is due.

    - After a forfaitaire start (loonwaarde taken as 50%, no measurement) a real
      measurement is due before the forfaitaire period ends: the last day of the
      period of ``forfaitair_months`` (default 6) from the start of employment (or
      from the assessment date when the start is unknown).
    - After a measurement: ``measurement_interval_months`` later (default 12).
    - Beschut werk: re-measured at least once every ``beschut_werk_max_months``
      (default 36): that is its interval; a municipality can set it shorter.
    - An earlier request (bemiddelaar or employer, ``requested_on``) brings the date
      forward, never back.
    The result always lies after ``assessed_on``.
    """
    rule = rule or DueRule()
    if forfaitair:
        start = employment_start or assessed_on
        due = add_months(start, rule.forfaitair_months) - datetime.timedelta(days=1)
    elif beschut_werk:
        due = add_months(assessed_on, rule.beschut_werk_max_months)
    else:
        due = add_months(assessed_on, rule.measurement_interval_months)
    if requested_on is not None:
        due = min(due, requested_on)
    return max(due, assessed_on + datetime.timedelta(days=1))
