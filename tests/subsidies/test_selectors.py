"""Computed amounts from the database: the LKS of an application, the employer cost
overview of a placement and the municipal budget (rates from the seeded tables)."""

import datetime
from decimal import Decimal

from subsidies import selectors
from subsidies.models import EmployerCostAllowanceRate, MinimumWageRate, YouthWagePercentage
from subsidies.rates import load_rates
from tests.factories.placements import ContractFactory
from tests.factories.subsidies import GrantedLksFactory, LoonwaardeAssessmentFactory, SubsidyApplicationFactory
from wsp_platform.accounts.policy import subsidy_applications_for

D = datetime.date


def test_seeded_rate_tables(db):
    assert list(MinimumWageRate.objects.values_list("hourly_amount", flat=True)) == [
        Decimal("13.27"), Decimal("13.68"), Decimal("14.06"), Decimal("14.40"), Decimal("14.71")]
    assert all(r.source for r in MinimumWageRate.objects.all())
    assert dict(YouthWagePercentage.objects.values_list("age", "percentage"))[17] == Decimal("39.50")
    allowance = EmployerCostAllowanceRate.objects.get(effective_from=D(2018, 1, 1))
    assert allowance.percentage == Decimal("23.50") and "Stcrt. 2017-68248" in allowance.source


def test_load_rates_one_query_per_table(db, django_assert_num_queries):
    with django_assert_num_queries(4):
        rates = load_rates()
    assert rates.wml[-1].value == Decimal("14.71")
    assert rates.youth_percentages(D(2026, 1, 1))[20] == Decimal("80.00")


def test_lks_of_an_application_uses_latest_assessment_and_job_wage(world):
    """Job €15.00, 24 h, loonwaarde 60%, 2026 WML €14.71: 7.62/h (see test_kinds_and_costs),
    792.48 a month, 4 754.88 for January–June."""
    LoonwaardeAssessmentFactory(placement=world.placement, assessed_on=D(2025, 6, 1), percentage=40)
    LoonwaardeAssessmentFactory(placement=world.placement, assessed_on=D(2025, 12, 1), percentage=60)
    app = SubsidyApplicationFactory(placement=world.placement)
    calc = app.lks_calculation
    assert calc.first.total_per_hour == Decimal("7.62")
    assert calc.total == Decimal("4754.88")
    assert [(s.start, s.end) for s in calc.stretches] == [(D(2026, 1, 1), D(2026, 6, 30))]


def test_lks_uses_youth_wage_for_the_age_at_period_start(world):
    """19 years old on 1 Jan 2026: WML 60% × 14.71 = 8.83; loonwaarde 30%, functieloon 15.00:
    9.5364 − 4.86 = 4.6764 → 4.68 + allowance 1.10 = 5.78 per hour."""
    world.candidate.birth_date = D(2006, 6, 1)
    world.candidate.save()
    LoonwaardeAssessmentFactory(placement=world.placement, assessed_on=D(2025, 12, 1), percentage=30)
    result = selectors.lks_result_for(SubsidyApplicationFactory(placement=world.placement))
    assert result.inputs.age == 19
    assert result.calculation.first.wml_per_hour == Decimal("8.83")
    assert result.calculation.first.total_per_hour == Decimal("5.78")


def test_lks_without_assessment_explains_and_forfaitair_uses_fifty(world):
    app = SubsidyApplicationFactory(placement=world.placement)
    result = selectors.lks_result_for(app)
    assert result.calculation is None and "nog geen loonwaardemeting" in result.error
    forfaitair = SubsidyApplicationFactory(placement=world.placement, is_forfaitair=True,
                                           details={"employment_start": "2026-01-01"})
    calc = forfaitair.lks_calculation
    assert calc.first.loonwaarde == 50


def test_employer_cost_overview_of_a_placement(world):
    ContractFactory(placement=world.placement, hourly_wage="15.00", hours_per_week=24,
                    start_date=D(2026, 1, 1), end_date=D(2026, 12, 31))
    LoonwaardeAssessmentFactory(placement=world.placement, assessed_on=D(2025, 12, 1), percentage=60)
    GrantedLksFactory(placement=world.placement, period_start=D(2026, 1, 1), period_end=D(2026, 6, 30))
    SubsidyApplicationFactory(placement=world.placement, kind="jobcoach", status="lopend",
                              period_start=D(2026, 1, 1), period_end=D(2026, 3, 31), amount_granted="1810.00")
    SubsidyApplicationFactory(placement=world.placement, status="ingediend")  # not granted: not counted
    overview = selectors.employer_cost_overview(world.placement, start=D(2026, 1, 15))
    jan = overview.months[0]
    assert jan.month == D(2026, 1, 1) and len(overview.months) == 12
    assert (jan.wage_cost, jan.lks, jan.allowance, jan.other_subsidies) == (
        Decimal("1684.80"), Decimal("641.68"), Decimal("150.80"), Decimal("623.44"))
    assert jan.net_cost == Decimal("268.88")
    assert overview.months[6].lks == Decimal("0.00")  # July: beschikking over
    assert overview.months[6].net_cost == Decimal("1684.80")


def test_municipal_budget_granted_spread_and_projected_computed(world, django_assert_max_num_queries):
    LoonwaardeAssessmentFactory(placement=world.placement, assessed_on=D(2025, 12, 1), percentage=60)
    GrantedLksFactory(placement=world.placement, period_start=D(2026, 1, 1), period_end=D(2026, 3, 31),
                      amount_granted=Decimal("900.00"))
    SubsidyApplicationFactory(placement=world.placement, status="in_behandeling",
                              period_start=D(2026, 4, 1), period_end=D(2026, 9, 30))
    with django_assert_max_num_queries(8):
        budget = selectors.municipal_lks_budget(subsidy_applications_for(world.teamleider),
                                                first_month=D(2026, 1, 1))
    row = budget.rows[0]
    assert row.municipality == world.municipality
    # 900 over 90 days: January 31/90 × 900 = 310.00; February 280.00.
    assert row.granted[:4] == [Decimal("310.00"), Decimal("280.00"), Decimal("310.00"), Decimal("0.00")]
    assert row.projected[3] == Decimal("792.48") and row.projected[0] == Decimal("0.00")
    assert row.projected_total == Decimal("4754.88")
