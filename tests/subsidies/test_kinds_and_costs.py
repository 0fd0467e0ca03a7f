"""Kind-specific details and the employer cost overview (pure, hand-computed)."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from subsidies.calculations import DatedRate
from subsidies.costs import CostOverview, Grant, LksPeriod, WagePeriod, compute_cost_overview
from subsidies.kinds import clean_details, guidance_allowance, proefplaatsing_end
from subsidies.rates import RateTables
from subsidies.selectors import compare_periods

D = datetime.date
RATES = RateTables(
    wml=(DatedRate(D(2025, 7, 1), Decimal("14.40")), DatedRate(D(2026, 1, 1), Decimal("14.71"))),
    allowance=(DatedRate(D(2018, 1, 1), Decimal("23.5")),),
)


def test_jobcoach_details_required_and_normalised():
    with pytest.raises(ValidationError) as exc:
        clean_details("jobcoach", {})
    assert set(exc.value.message_dict) == {"provider", "hours_per_week", "hours_total", "end_date"}
    assert exc.value.message_dict["provider"] == ["Vul 'jobcoachorganisatie' in."]
    clean = clean_details("jobcoach", {"provider": " Jobcoach BV ", "hours_per_week": "2,0", "hours_total": 52,
                                       "end_date": "31-12-2026", "tapering_plan": "2 u, daarna 1 u"},
                          period_start=D(2026, 1, 1))
    assert clean == {"provider": "Jobcoach BV", "hours_per_week": "2.0", "hours_total": "52.0",
                     "end_date": "2026-12-31", "tapering_plan": "2 u, daarna 1 u"}


def test_jobcoach_end_before_period_and_total_below_weekly_refused():
    with pytest.raises(ValidationError) as exc:
        clean_details("jobcoach", {"provider": "X", "hours_per_week": 4, "hours_total": 2, "end_date": "2025-12-31"},
                      period_start=D(2026, 1, 1))
    assert "hours_total" in exc.value.message_dict


def test_unknown_detail_is_refused_not_dropped():
    with pytest.raises(ValidationError) as exc:
        clean_details("lkv", {"employer_deadline": "2026-05-01", "deadlien": "x"})
    assert "deadlien" in exc.value.message_dict


def test_no_riskpolis_sickness_periods_from_text_lines():
    clean = clean_details("no_riskpolis", {"registration_date": "2026-01-05",
                                           "sickness_periods": "02-03-2026 t/m 06-03-2026\n10-04-2026"})
    assert clean["sickness_periods"] == [{"start": "2026-03-02", "end": "2026-03-06"},
                                         {"start": "2026-04-10", "end": ""}]
    with pytest.raises(ValidationError, match="einddatum ligt vóór"):
        clean_details("no_riskpolis", {"registration_date": "2026-01-05",
                                       "sickness_periods": [{"start": "2026-03-06", "end": "2026-03-02"}]})


def test_proefplaatsing_defaults_to_eight_weeks_and_extension_needs_reason():
    assert clean_details("proefplaatsing", {}) == {"weeks": 8, "extension_weeks": 0}
    with pytest.raises(ValidationError) as exc:
        clean_details("proefplaatsing", {"extension_weeks": 4})
    assert exc.value.message_dict["extension_reason"] == ["Geef een reden op voor de verlenging."]
    assert proefplaatsing_end(D(2026, 1, 5), {"weeks": 8, "extension_weeks": 4}) == D(2026, 3, 29)


def test_werkplekaanpassing_cost_must_be_a_non_negative_amount():
    with pytest.raises(ValidationError) as exc:
        clean_details("werkplekaanpassing", {"description": "Stahulp", "cost": "-5"})
    assert exc.value.message_dict["cost"] == ["'Kosten' is minimaal 0."]
    assert clean_details("werkplekaanpassing", {"description": "Stahulp", "cost": "1250,5"})["cost"] == "1250.50"


def test_forfaitair_lks_needs_employment_start():
    with pytest.raises(ValidationError) as exc:
        clean_details("loonkostensubsidie", {}, is_forfaitair=True)
    assert "employment_start" in exc.value.message_dict


def test_begeleidingsvergoeding_pro_rata():
    # 7800 × 24 / 31 = 6038.709… → 6038.71; more hours than the basis is capped.
    assert guidance_allowance(Decimal("7800"), Decimal("31"), Decimal("24")) == Decimal("6038.71")
    assert guidance_allowance(Decimal("7800"), Decimal("31"), Decimal("36")) == Decimal("7800.00")


# --- cost overview ----------------------------------------------------------------

def test_cost_overview_hand_computed():
    """€15.00/h, 24 h/week from 2026-01-01: wage 15 × 24 × 52/12 × 1.08 = 1684.80 a month.

    LKS at loonwaarde 60%, functieloon €15.00, WML €14.71 (2026):
      WML_vt = 15.8868; wage value = 0.6 × 16.20 = 9.72; LKS = 6.1668 → 6.17/h
      allowance = 6.1668 × 23.5% = 1.449198 → 1.45/h; total 7.62/h
      month = 7.62 × 24 × 52 / 12 = 792.48; LKS part 6.17 × 104 = 641.68; allowance 150.80.
    Jobcoach grant €1 810 over 1 Jan – 31 Mar 2026 (90 days): Jan 31/90 × 1810 = 623.44.
    """
    overview = compute_cost_overview(
        first_month=D(2026, 1, 1),
        months=4,
        wage_periods=[WagePeriod(D(2026, 1, 1), None, Decimal("15.00"), Decimal("24"))],
        lks_periods=[LksPeriod(D(2026, 1, 1), D(2026, 2, 14), 60, Decimal("15.00"), Decimal("24"))],
        grants=[Grant(D(2026, 1, 1), D(2026, 3, 31), Decimal("1810.00"))],
        rates=RATES,
    )
    jan, feb, mar, apr = overview.months
    assert jan.wage_cost == Decimal("1684.80")
    assert (jan.lks, jan.allowance) == (Decimal("641.68"), Decimal("150.80"))
    assert jan.other_subsidies == Decimal("623.44")
    assert jan.net_cost == Decimal("1684.80") - Decimal("641.68") - Decimal("150.80") - Decimal("623.44")
    # February: LKS for 14 of 28 days = half a month: 396.24 in all, 320.84 LKS.
    assert feb.lks + feb.allowance == Decimal("396.24")
    assert feb.lks == Decimal("320.84")
    assert feb.other_subsidies == Decimal("563.11")  # 28/90 × 1810 = 563.111…
    assert mar.lks == Decimal("0.00") and mar.other_subsidies == Decimal("623.44")
    assert apr.subsidy == Decimal("0.00") and apr.net_cost == Decimal("1684.80")
    assert overview.totals.wage_cost == Decimal("6739.20")


def test_wage_cost_pro_rata_when_contract_starts_mid_month():
    # 16 of 30 days of April: 1684.80 × 16 / 30 = 898.56
    overview = compute_cost_overview(
        first_month=D(2026, 4, 1), months=1,
        wage_periods=[WagePeriod(D(2026, 4, 15), D(2026, 12, 31), Decimal("15.00"), Decimal("24"))],
        rates=RATES,
    )
    assert overview.months[0].wage_cost == Decimal("898.56")


def test_detachering_fee_replaces_wage_cost():
    overview = compute_cost_overview(
        first_month=D(2026, 1, 1), months=1,
        wage_periods=[WagePeriod(D(2026, 1, 1), None, monthly_amount=Decimal("700.00"))], rates=RATES,
    )
    assert overview.months[0].wage_cost == Decimal("700.00")


def test_lks_that_cannot_be_computed_is_explained():
    overview = compute_cost_overview(
        first_month=D(2024, 1, 1), months=1,
        lks_periods=[LksPeriod(D(2024, 1, 1), D(2024, 1, 31), 60, Decimal("15.00"), Decimal("24"))], rates=RATES,
    )
    assert overview.months[0].lks == Decimal("0.00")
    assert "niet berekend" in overview.note
    assert isinstance(overview, CostOverview)


# --- contract vs beschikking periods ---------------------------------------------------

def test_periods_flag_gap_overlap_and_uncovered_contract():
    contracts = [(D(2026, 1, 1), D(2026, 12, 31), "Contract 1")]
    beschikkingen = [
        (D(2026, 1, 1), D(2026, 3, 31), "B1"),
        (D(2026, 5, 1), D(2026, 7, 31), "B2"),  # gap in April
        (D(2026, 7, 1), D(2026, 9, 30), "B3"),  # overlaps July
    ]
    result = compare_periods(contracts, beschikkingen)
    kinds = [(i.kind, i.start, i.end) for i in result.issues]
    assert ("gat", D(2026, 4, 1), D(2026, 4, 30)) in kinds
    assert ("overlap", D(2026, 7, 1), D(2026, 7, 31)) in kinds
    assert ("buiten_contract", D(2026, 10, 1), D(2026, 12, 31)) in kinds
    assert [r.label for r in result.rows][:2] == ["Contract 1", "B1"]


def test_periods_adjacent_beschikkingen_have_no_issue():
    result = compare_periods([(D(2026, 1, 1), D(2026, 6, 30), "C")],
                             [(D(2026, 1, 1), D(2026, 3, 31), "B1"), (D(2026, 4, 1), D(2026, 6, 30), "B2")])
    assert result.issues == []
