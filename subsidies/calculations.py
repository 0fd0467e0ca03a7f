"""Loonkostensubsidie (LKS, Participatiewet art. 10d) calculation.

Pure Python: no Django, no database. Every rate is passed in, so the same code serves
the dated rate tables in the database and the published defaults below (which a data
migration can seed from). Money is ``Decimal``, never float; percentages are given as
percent numbers (``Decimal("23.5")`` means 23.5%, loonwaarde ``60`` means 60%).

Per hour (for one set of rates):
    WML_vt        = WML × 1.08                  (8% vakantiebijslag on top)
    wage value    = loonwaarde% × functieloon × 1.08
    LKS           = WML_vt − wage value, clamped to 0 .. 70% of WML_vt
    allowance     = LKS × vergoeding werkgeverslasten%
Per month: hourly total × hours per week × 52 / 12; part of a month pro rata by calendar days.
"""

from __future__ import annotations

import calendar
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

# Adult (21 and older) statutory hourly minimum wage, excluding holiday allowance.
# Source: Rijksoverheid, "Bedragen minimumloon" (rijksoverheid.nl), and the half-yearly
# indexation notices in the Staatscourant (Wet minimumloon en minimumvakantiebijslag).
PUBLISHED_WML_RATES: tuple[tuple[date, Decimal], ...] = (
    (date(2024, 1, 1), Decimal("13.27")),
    (date(2024, 7, 1), Decimal("13.68")),
    (date(2025, 1, 1), Decimal("14.06")),
    (date(2025, 7, 1), Decimal("14.40")),
    (date(2026, 1, 1), Decimal("14.71")),
)

# Vergoeding werkgeverslasten, as a percentage of the LKS. Source: Regeling
# loonkostensubsidie Participatiewet, Stcrt. 2017-68248: 23.5% from 2018-01-01, 23% before
# (since the Participatiewet LKS started on 2015-01-01).
PUBLISHED_ALLOWANCE_RATES: tuple[tuple[date, Decimal], ...] = (
    (date(2015, 1, 1), Decimal("23")),
    (date(2018, 1, 1), Decimal("23.5")),
)

# Youth minimum wage as a percentage of the adult WML, by age; 21 and older is 100%.
# Source: Rijksoverheid, "Bedragen minimumloon" (Wet minimumloon en minimumvakantiebijslag).
YOUTH_WML_PERCENTAGES: tuple[tuple[int, Decimal], ...] = (
    (20, Decimal("80")),
    (19, Decimal("60")),
    (18, Decimal("50")),
    (17, Decimal("39.5")),
    (16, Decimal("34.5")),
    (15, Decimal("30")),
)

HOLIDAY_ALLOWANCE_FACTOR = Decimal("1.08")
MAX_LKS_SHARE = Decimal("0.70")  # art. 10d: at most 70% of the WML (incl. vakantiebijslag)
FORFAITAIR_LOONWAARDE = 50
FORFAITAIR_MONTHS = 6
MAX_HOURS_PER_WEEK = 60
ADULT_AGE = 21
MIN_AGE = 15
WEEKS_PER_YEAR = 52
MONTHS_PER_YEAR = 12


class RateNotFound(ValueError):
    """No rate is known on the given date (it lies before the first effective date)."""

    def __init__(self, on: date, what: str = "tarief"):
        super().__init__(f"Geen {what} bekend voor {on.isoformat()}.")
        self.on = on


@dataclass(frozen=True)
class DatedRate:
    effective_from: date
    value: Decimal


@dataclass(frozen=True)
class HourlyLks:
    """The per-hour figures for one set of rates (all amounts in euro)."""

    wml_per_hour: Decimal  # statutory hourly WML for the age, without holiday allowance
    loonwaarde: int
    lks_per_hour: Decimal
    allowance_per_hour: Decimal
    total_per_hour: Decimal


@dataclass(frozen=True)
class Stretch:
    """A part of the period (inclusive dates) in which the per-hour figures are constant."""

    start: date
    end: date
    wml_per_hour: Decimal
    loonwaarde: int
    lks_per_hour: Decimal
    allowance_per_hour: Decimal
    total_per_hour: Decimal
    amount: Decimal


@dataclass(frozen=True)
class LksCalculation:
    first: HourlyLks  # the figures on the first day of the period
    stretches: tuple[Stretch, ...]
    total: Decimal  # sum of the (rounded) stretch amounts


def dated_rates(pairs: Iterable[tuple[date, Decimal]]) -> tuple[DatedRate, ...]:
    """``PUBLISHED_*`` pairs → ``DatedRate`` objects, e.g. ``dated_rates(PUBLISHED_WML_RATES)``."""
    return tuple(DatedRate(effective_from, value) for effective_from, value in pairs)


def rate_on(on: date, rates: Iterable[DatedRate], *, what: str = "tarief") -> Decimal:
    """The value of the latest rate effective on ``on`` (input order does not matter)."""
    applicable = [rate for rate in rates if rate.effective_from <= on]
    if not applicable:
        raise RateNotFound(on, what)
    return max(applicable, key=lambda rate: rate.effective_from).value


def wml_for(
    on: date,
    wml_rates: Iterable[DatedRate],
    youth_percentages: Mapping[int, Decimal] | None = None,
    age: int = ADULT_AGE,
) -> Decimal:
    """Statutory hourly WML for ``age`` on ``on``, without holiday allowance.

    The youth amount is the adult amount × the youth percentage, rounded to cents
    (ROUND_HALF_UP): that rounded figure is the statutory youth hourly wage.
    """
    if isinstance(age, bool) or not isinstance(age, int) or age < MIN_AGE:
        raise ValueError(f"Voor een leeftijd onder {MIN_AGE} jaar bestaat geen minimumloon.")
    adult = rate_on(on, wml_rates, what="minimumloon")
    if age >= ADULT_AGE:
        return adult
    percentages = dict(YOUTH_WML_PERCENTAGES) if youth_percentages is None else youth_percentages
    if age not in percentages:
        raise ValueError(f"Geen jeugdminimumloonpercentage bekend voor {age} jaar.")
    return _round_cents(adult * Decimal(percentages[age]) / 100)


def hourly_lks(
    *, wml_per_hour: Decimal, functieloon_per_hour: Decimal, loonwaarde: int, allowance_percentage: Decimal
) -> HourlyLks:
    """LKS and employer-cost allowance per hour.

    Rounding: everything is computed unrounded; only the shown figures are rounded to cents
    (ROUND_HALF_UP): ``lks_per_hour = round(LKS)``, ``allowance_per_hour = round(LKS × %)``
    with the *unrounded* LKS, and ``total_per_hour = lks_per_hour + allowance_per_hour``, so
    the figures on a beschikking add up to the cent.
    """
    wml = _as_decimal(wml_per_hour, "wml_per_hour")
    functieloon = _as_decimal(functieloon_per_hour, "functieloon_per_hour")
    percentage = _as_decimal(allowance_percentage, "allowance_percentage")
    _check_loonwaarde(loonwaarde)
    if wml <= 0 or percentage < 0:
        raise ValueError("Het minimumloon moet positief zijn en de vergoeding werkgeverslasten niet negatief.")
    if functieloon < wml:
        raise ValueError(
            f"Het functieloon ({_euro(functieloon)} per uur) ligt onder het minimumloon ({_euro(wml)} per uur)."
        )
    wml_vt = wml * HOLIDAY_ALLOWANCE_FACTOR
    wage_value = functieloon * HOLIDAY_ALLOWANCE_FACTOR * loonwaarde / 100
    lks = min(max(wml_vt - wage_value, Decimal(0)), wml_vt * MAX_LKS_SHARE)
    lks_per_hour = _round_cents(lks)
    allowance_per_hour = _round_cents(lks * percentage / 100)
    return HourlyLks(
        wml_per_hour=wml,
        loonwaarde=loonwaarde,
        lks_per_hour=lks_per_hour,
        allowance_per_hour=allowance_per_hour,
        total_per_hour=lks_per_hour + allowance_per_hour,
    )


def calculate_lks(
    *,
    loonwaarde: int,
    functieloon_per_hour: Decimal,
    hours_per_week: Decimal,
    period_start: date,
    period_end: date,
    wml_rates: Sequence[DatedRate],
    allowance_rates: Sequence[DatedRate],
    youth_percentages: Mapping[int, Decimal] | None = None,
    age: int = ADULT_AGE,
    forfaitair: bool = False,
    employment_start: date | None = None,
) -> LksCalculation:
    """LKS over ``period_start`` .. ``period_end`` (inclusive), split where the figures change.

    The period is cut at every WML or allowance rate change, at the end of the forfaitaire
    period and at month boundaries (pro rata is per calendar month: a piece is worth
    monthly amount × its days / days in that month). Adjacent pieces with identical
    per-hour figures are merged into one ``Stretch``; its ``amount`` is the exact sum of the
    unrounded pieces, rounded to cents once (ROUND_HALF_UP). ``total`` is the sum of the
    rounded stretch amounts, so it matches what is shown.

    The functieloon must be at least the WML on ``period_start`` (else ValueError). When the
    WML later rises above it, the WML is used as functieloon from then on: the employer
    must pay at least the minimum wage.

    Forfaitair: the loonwaarde is taken as 50% from ``employment_start`` (required) for six
    calendar months, exclusive end (2025-03-15 → up to and including 2025-09-14; a missing
    day is clamped to the month's end: 2025-08-31 → up to and including 2026-02-27); the
    measured ``loonwaarde`` applies afterwards. ``age`` is taken as constant over the period.
    """
    _check_loonwaarde(loonwaarde)
    functieloon = _as_decimal(functieloon_per_hour, "functieloon_per_hour")
    hours = _as_decimal(hours_per_week, "hours_per_week")
    if not 0 < hours <= MAX_HOURS_PER_WEEK:
        raise ValueError(f"Het aantal uren per week moet groter dan 0 en ten hoogste {MAX_HOURS_PER_WEEK} zijn.")
    if period_end < period_start:
        raise ValueError("De einddatum van de periode ligt voor de begindatum.")
    forfait_end = None
    if forfaitair:
        if employment_start is None:
            raise ValueError("Bij een forfaitaire loonkostensubsidie is de startdatum van het dienstverband nodig.")
        if period_start < employment_start:
            raise ValueError("De periode begint voor de start van het dienstverband.")
        forfait_end = _add_months(employment_start, FORFAITAIR_MONTHS)
    start_wml = wml_for(period_start, wml_rates, youth_percentages, age)
    if functieloon < start_wml:
        raise ValueError(
            f"Het functieloon ({_euro(functieloon)} per uur) ligt onder het minimumloon ({_euro(start_wml)} per uur)."
        )

    monthly_hours = Fraction(hours) * WEEKS_PER_YEAR / MONTHS_PER_YEAR
    merged: list[list] = []  # [hourly, start, end, exact amount as Fraction]
    for start, end in _pieces(period_start, period_end, (*wml_rates, *allowance_rates), forfait_end):
        wml = wml_for(start, wml_rates, youth_percentages, age)
        hourly = hourly_lks(
            wml_per_hour=wml,
            functieloon_per_hour=max(functieloon, wml),
            loonwaarde=FORFAITAIR_LOONWAARDE if forfait_end and start < forfait_end else loonwaarde,
            allowance_percentage=rate_on(start, allowance_rates, what="vergoeding werkgeverslasten"),
        )
        days_in_month = calendar.monthrange(start.year, start.month)[1]
        amount = Fraction(hourly.total_per_hour) * monthly_hours * ((end - start).days + 1) / days_in_month
        if merged and merged[-1][0] == hourly:
            merged[-1][2] = end
            merged[-1][3] += amount
        else:
            merged.append([hourly, start, end, amount])

    stretches = tuple(
        Stretch(
            start=start,
            end=end,
            wml_per_hour=hourly.wml_per_hour,
            loonwaarde=hourly.loonwaarde,
            lks_per_hour=hourly.lks_per_hour,
            allowance_per_hour=hourly.allowance_per_hour,
            total_per_hour=hourly.total_per_hour,
            amount=_round_cents(amount),
        )
        for hourly, start, end, amount in merged
    )
    return LksCalculation(
        first=merged[0][0], stretches=stretches, total=sum((s.amount for s in stretches), Decimal("0.00"))
    )


def _pieces(start: date, end: date, rates: Iterable[DatedRate], forfait_end: date | None) -> list[tuple[date, date]]:
    """Cut start..end (inclusive) at rate changes, the forfaitair end and month starts."""
    cuts = {rate.effective_from for rate in rates}
    if forfait_end is not None:
        cuts.add(forfait_end)
    month_start = start.replace(day=1)
    while month_start <= end:
        cuts.add(month_start)
        month_start = _add_months(month_start, 1)
    starts = [start, *sorted(cut for cut in cuts if start < cut <= end)]
    ends = [next_start - timedelta(days=1) for next_start in starts[1:]] + [end]
    return list(zip(starts, ends, strict=True))


def _add_months(day: date, months: int) -> date:
    """Same day number ``months`` later, clamped to the last day of a shorter month."""
    year, month = divmod(day.month - 1 + months, 12)
    year += day.year
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _round_cents(value: Decimal | Fraction) -> Decimal:
    """Exact ROUND_HALF_UP (half away from zero) to whole cents."""
    cents = Fraction(value) * 100
    rounded = math.floor(abs(cents) + Fraction(1, 2))
    return Decimal(rounded if cents >= 0 else -rounded).scaleb(-2)


def _as_decimal(value: Decimal | int, name: str) -> Decimal:
    """Accept Decimal or int; reject floats (money is never float) and NaN/infinity."""
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        raise TypeError(f"{name} must be a Decimal (or int), not {type(value).__name__}.")
    value = Decimal(value)
    if not value.is_finite():
        raise ValueError(f"Ongeldig bedrag of aantal: {value}.")
    return value


def _check_loonwaarde(loonwaarde: int) -> None:
    if isinstance(loonwaarde, bool) or not isinstance(loonwaarde, int) or not 0 <= loonwaarde <= 100:
        raise ValueError("De loonwaarde moet een geheel getal van 0 tot en met 100 (procent) zijn.")


def _euro(amount: Decimal) -> str:
    return "€ " + f"{amount:.2f}".replace(".", ",")
