"""Pure rules: the application lifecycle table and the loonwaarde next-due rule."""

import datetime
from decimal import Decimal
from itertools import product

import pytest

from subsidies.choices import ApplicationStatus as S
from subsidies.rules import (
    TRANSITIONS,
    ApplicationFacts,
    DueRule,
    TransitionRefused,
    add_months,
    check_transition,
    next_assessment_due,
    refused_reasons,
)

D = datetime.date
TODAY = D(2026, 3, 1)

ALLOWED = {
    (S.CONCEPT, S.INGEDIEND),
    (S.INGEDIEND, S.IN_BEHANDELING),
    (S.IN_BEHANDELING, S.TOEGEKEND),
    (S.IN_BEHANDELING, S.AFGEWEZEN),
    (S.TOEGEKEND, S.LOPEND),
    (S.TOEGEKEND, S.BEEINDIGD),
    (S.LOPEND, S.BEEINDIGD),
}


def complete(status: str) -> ApplicationFacts:
    """Facts with everything every target could need."""
    return ApplicationFacts(
        status=status, period_start=D(2026, 1, 1), period_end=D(2026, 6, 30), decision_date=D(2025, 12, 20),
        decision_reference="LKS-1", amount_granted=Decimal("1000"), refusal_reason="Geen doelgroep",
        end_reason="Periode voorbij", today=TODAY,
    )


def test_table_matches_the_documented_lifecycle():
    assert {(a, b) for a, targets in TRANSITIONS.items() for b in targets} == ALLOWED


@pytest.mark.parametrize("current,target", sorted(ALLOWED))
def test_every_allowed_transition_passes_with_complete_data(current, target):
    check_transition(complete(current), target)


REFUSED = sorted((a, b) for a, b in product(S.values, S.values) if (a, b) not in ALLOWED)


@pytest.mark.parametrize("current,target", REFUSED)
def test_every_other_transition_is_refused_with_a_dutch_reason(current, target):
    with pytest.raises(TransitionRefused) as exc:
        check_transition(complete(current), target)
    message = exc.value.message
    if current == target:
        assert "heeft al de status" in message
    else:
        assert "kan niet" in message
        assert "Wel mogelijk:" in message


def test_closed_statuses_say_nothing_is_possible():
    with pytest.raises(TransitionRefused, match="de aanvraag is afgesloten"):
        check_transition(complete(S.AFGEWEZEN), S.LOPEND)


@pytest.mark.parametrize(
    "current,target,change,field,text",
    [
        (S.CONCEPT, S.INGEDIEND, {"details_valid": False}, "details", "niet compleet"),
        (S.CONCEPT, S.INGEDIEND, {"period_start": None}, "period_start", "begindatum"),
        (S.IN_BEHANDELING, S.TOEGEKEND, {"decision_date": None}, "decision_date", "besluitdatum"),
        (S.IN_BEHANDELING, S.TOEGEKEND, {"decision_reference": ""}, "decision_reference", "kenmerk"),
        (S.IN_BEHANDELING, S.TOEGEKEND, {"amount_granted": None}, "amount_granted", "toegekende bedrag"),
        (S.IN_BEHANDELING, S.TOEGEKEND, {"amount_granted": Decimal("-1")}, "amount_granted", "negatief"),
        (S.IN_BEHANDELING, S.TOEGEKEND, {"period_end": None}, "period_end", "periode van de beschikking"),
        (S.IN_BEHANDELING, S.TOEGEKEND, {"period_end": D(2025, 12, 1)}, "period_end", "vóór"),
        (S.IN_BEHANDELING, S.AFGEWEZEN, {"refusal_reason": "  "}, "refusal_reason", "reden van de afwijzing"),
        (S.IN_BEHANDELING, S.AFGEWEZEN, {"decision_date": None}, "decision_date", "besluitdatum"),
        (S.TOEGEKEND, S.LOPEND, {"period_start": D(2026, 4, 1)}, "period_start", "begint pas op 01-04-2026"),
        (S.LOPEND, S.BEEINDIGD, {"end_reason": ""}, "end_reason", "reden"),
        (S.TOEGEKEND, S.BEEINDIGD, {"end_reason": ""}, "end_reason", "reden"),
    ],
)
def test_allowed_transition_refused_when_data_is_missing(current, target, change, field, text):
    facts = ApplicationFacts(**(complete(current).__dict__ | change))
    with pytest.raises(TransitionRefused) as exc:
        check_transition(facts, target)
    assert exc.value.field == field
    assert text.lower() in exc.value.message.lower()


def test_lopend_allowed_on_the_first_day_of_the_period():
    facts = ApplicationFacts(**(complete(S.TOEGEKEND).__dict__ | {"period_start": TODAY}))
    check_transition(facts, S.LOPEND)


def test_refused_reasons_skip_fields_filled_on_the_transition_form():
    facts = ApplicationFacts(status=S.IN_BEHANDELING, period_start=D(2026, 1, 1), today=TODAY)
    reasons = refused_reasons(facts, needs_input=("decision_date", "refusal_reason"))
    assert S.TOEGEKEND not in reasons and S.AFGEWEZEN not in reasons
    assert "kan niet" in reasons[S.LOPEND]
    assert set(reasons) == set(S.values) - {S.IN_BEHANDELING, S.TOEGEKEND, S.AFGEWEZEN}


# --- next due ---------------------------------------------------------------------

@pytest.mark.parametrize(
    "day,months,expected",
    [(D(2026, 1, 31), 1, D(2026, 2, 28)), (D(2024, 1, 31), 1, D(2024, 2, 29)), (D(2025, 11, 15), 3, D(2026, 2, 15)),
     (D(2026, 3, 1), 12, D(2027, 3, 1)), (D(2026, 8, 31), 6, D(2027, 2, 28))],
)
def test_add_months_clamps_to_month_end(day, months, expected):
    assert add_months(day, months) == expected


def test_measurement_due_after_twelve_months_by_default():
    assert next_assessment_due(assessed_on=D(2026, 3, 10)) == D(2027, 3, 10)


def test_forfaitair_due_on_last_day_of_six_months_from_employment_start():
    # Employment from 15 March: the forfaitaire period runs up to and including 14 September.
    due = next_assessment_due(assessed_on=D(2025, 3, 20), forfaitair=True, employment_start=D(2025, 3, 15))
    assert due == D(2025, 9, 14)


def test_forfaitair_without_employment_start_counts_from_assessment():
    assert next_assessment_due(assessed_on=D(2026, 1, 1), forfaitair=True) == D(2026, 6, 30)


def test_beschut_werk_at_least_every_three_years():
    assert next_assessment_due(assessed_on=D(2026, 2, 1), beschut_werk=True) == D(2029, 2, 1)


def test_municipality_rule_overrides_defaults():
    rule = DueRule(forfaitair_months=3, measurement_interval_months=6, beschut_werk_max_months=24)
    assert next_assessment_due(assessed_on=D(2026, 1, 10), rule=rule) == D(2026, 7, 10)
    assert next_assessment_due(assessed_on=D(2026, 1, 10), beschut_werk=True, rule=rule) == D(2028, 1, 10)
    assert next_assessment_due(assessed_on=D(2026, 1, 10), forfaitair=True, employment_start=D(2026, 1, 1),
                               rule=rule) == D(2026, 3, 31)


def test_early_request_brings_due_date_forward_never_back():
    assert next_assessment_due(assessed_on=D(2026, 1, 10), requested_on=D(2026, 5, 1)) == D(2026, 5, 1)
    assert next_assessment_due(assessed_on=D(2026, 1, 10), requested_on=D(2028, 5, 1)) == D(2027, 1, 10)


def test_due_date_always_after_the_assessment():
    assert next_assessment_due(assessed_on=D(2026, 1, 10), requested_on=D(2026, 1, 1)) == D(2026, 1, 11)
