"""The employer's cost of a placement per month (pure; no database access).

What a month shows, for each calendar month from ``first_month``:

- ``wage_cost``: gross wage cost = hourly wage × hours per week × 52 / 12 × 1.08
  (the 8% vakantiebijslag included), pro rata the calendar days the contract runs
  in that month. For a detachering where the hirer pays a monthly fee, that fee
  (pro rata) replaces the wage cost.
  NOT included: employer's social security contributions and pension premiums
  (werkgeverslasten), a 13th month or end-of-year bonus, travel allowances, the
  cost of guidance on the shop floor. The LKS allowance for werkgeverslasten below
  is a lump sum meant to cover those contributions, so the net figure is an
  indication, not a payroll calculation.
- ``lks`` and ``allowance``: the loonkostensubsidie and the vergoeding
  werkgeverslasten of granted LKS beschikkingen, computed with the platform's one
  LKS formula (``calculations.calculate_lks``) over the part of the beschikking
  period that falls in the month; the allowance is the month's LKS total minus
  its LKS part, so the two add up to the calculation's total to the cent.
- ``other_subsidies``: the granted amount of other granted applications
  (jobcoach, werkplekaanpassing, begeleidingsvergoeding, LKV, ...) spread evenly
  over the calendar days of their beschikking period.
- ``net_cost`` = wage_cost − lks − allowance − other_subsidies (can be negative).
All amounts are Decimal, rounded to cents (ROUND_HALF_UP) per month.
"""

import calendar
import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from .calculations import HOLIDAY_ALLOWANCE_FACTOR, RateNotFound, calculate_lks
from .rates import RateTables

HOLIDAY_ALLOWANCE = Fraction(HOLIDAY_ALLOWANCE_FACTOR)  # the one 8% vakantiebijslag of the LKS formula
ZERO = Decimal("0.00")


def round_cents(value) -> Decimal:
    """Exact ROUND_HALF_UP to cents for a Fraction or Decimal."""
    cents = Fraction(value) * 100
    whole = int(abs(cents) + Fraction(1, 2))
    return Decimal(whole if cents >= 0 else -whole).scaleb(-2)


@dataclass(frozen=True)
class WagePeriod:
    start: datetime.date
    end: datetime.date | None
    hourly_wage: Decimal = Decimal(0)
    hours_per_week: Decimal = Decimal(0)
    monthly_amount: Decimal | None = None  # a fixed monthly fee instead (detachering)


@dataclass(frozen=True)
class LksPeriod:
    """The inputs of one LKS beschikking for ``calculate_lks``."""

    start: datetime.date
    end: datetime.date
    loonwaarde: int
    functieloon_per_hour: Decimal
    hours_per_week: Decimal
    age: int = 21
    forfaitair: bool = False
    employment_start: datetime.date | None = None


@dataclass(frozen=True)
class Grant:
    start: datetime.date
    end: datetime.date
    amount: Decimal
    label: str = ""


@dataclass(frozen=True)
class CostMonth:
    month: datetime.date
    wage_cost: Decimal
    lks: Decimal
    allowance: Decimal
    other_subsidies: Decimal
    net_cost: Decimal

    @property
    def subsidy(self) -> Decimal:
        return self.lks + self.allowance + self.other_subsidies


@dataclass(frozen=True)
class CostOverview:
    months: tuple[CostMonth, ...]
    notes: tuple[str, ...] = ()

    @property
    def totals(self) -> CostMonth | None:
        if not self.months:
            return None

        def total(name):
            return sum((getattr(m, name) for m in self.months), ZERO)

        return CostMonth(
            month=self.months[0].month,
            wage_cost=total("wage_cost"),
            lks=total("lks"),
            allowance=total("allowance"),
            other_subsidies=total("other_subsidies"),
            net_cost=total("net_cost"),
        )

    @property
    def note(self) -> str:
        return " ".join(self.notes)


def month_starts(first: datetime.date, count: int) -> list[datetime.date]:
    months, year, month = [], first.year, first.month
    for _ in range(count):
        months.append(datetime.date(year, month, 1))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def month_end(month: datetime.date) -> datetime.date:
    return month.replace(day=calendar.monthrange(month.year, month.month)[1])


def _overlap(a_start, a_end, b_start, b_end):
    start = max(a_start, b_start)
    end = min(a_end, b_end) if a_end else b_end
    return (start, end) if start <= end else None


def calculate_period(period: LksPeriod, start: datetime.date, end: datetime.date, rates: RateTables):
    """``calculate_lks`` for the part start..end of an LKS period (same inputs)."""
    return calculate_lks(
        loonwaarde=period.loonwaarde,
        functieloon_per_hour=period.functieloon_per_hour,
        hours_per_week=period.hours_per_week,
        period_start=start,
        period_end=end,
        wml_rates=rates.wml,
        allowance_rates=rates.allowance,
        youth_percentages=rates.youth_percentages(start),
        age=period.age,
        forfaitair=period.forfaitair,
        employment_start=period.employment_start,
    )


def compute_cost_overview(
    *,
    first_month: datetime.date,
    months: int = 12,
    wage_periods: Sequence[WagePeriod] = (),
    lks_periods: Sequence[LksPeriod] = (),
    grants: Sequence[Grant] = (),
    rates: RateTables,
) -> CostOverview:
    """Monthly wage cost, LKS, allowance, other subsidies and net cost (see module doc)."""
    notes: list[str] = []
    result = []
    for month in month_starts(first_month, months):
        last = month_end(month)
        days_in_month = last.day
        wage = Fraction(0)
        for period in wage_periods:
            overlap = _overlap(period.start, period.end, month, last)
            if not overlap:
                continue
            share = Fraction((overlap[1] - overlap[0]).days + 1, days_in_month)
            if period.monthly_amount is not None:
                wage += Fraction(period.monthly_amount) * share
            else:
                wage += (
                    Fraction(period.hourly_wage) * Fraction(period.hours_per_week) * 52 / 12 * HOLIDAY_ALLOWANCE * share
                )
        lks_total, lks_part = ZERO, Fraction(0)
        for period in lks_periods:
            overlap = _overlap(period.start, period.end, month, last)
            if not overlap:
                continue
            try:
                calc = calculate_period(period, overlap[0], overlap[1], rates)
            except (RateNotFound, ValueError) as exc:
                message = f"LKS {month:%m-%Y} niet berekend: {exc}"
                if message not in notes:
                    notes.append(message)
                continue
            lks_total += calc.total
            for stretch in calc.stretches:
                lks_part += (
                    Fraction(stretch.lks_per_hour) * Fraction(period.hours_per_week) * 52 / 12
                    * Fraction((stretch.end - stretch.start).days + 1, days_in_month)
                )
        lks = min(round_cents(lks_part), lks_total)
        allowance = lks_total - lks
        other = Fraction(0)
        for grant in grants:
            overlap = _overlap(grant.start, grant.end, month, last)
            if not overlap:
                continue
            period_days = (grant.end - grant.start).days + 1
            other += Fraction(grant.amount) * Fraction((overlap[1] - overlap[0]).days + 1, period_days)
        wage_cost, other_subsidies = round_cents(wage), round_cents(other)
        result.append(
            CostMonth(
                month=month,
                wage_cost=wage_cost,
                lks=lks,
                allowance=allowance,
                other_subsidies=other_subsidies,
                net_cost=wage_cost - lks - allowance - other_subsidies,
            )
        )
    return CostOverview(months=tuple(result), notes=tuple(notes))


def spread_by_days(amount: Decimal, start: datetime.date, end: datetime.date, month: datetime.date) -> Fraction:
    """The part of ``amount`` (over start..end inclusive) that falls in ``month``."""
    overlap = _overlap(start, end, month, month_end(month))
    if not overlap:
        return Fraction(0)
    return Fraction(amount) * Fraction((overlap[1] - overlap[0]).days + 1, (end - start).days + 1)
