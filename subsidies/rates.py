"""Load the dated rate tables from the database for the pure LKS calculation.

One query per table; the result is a plain, immutable value that can be passed to
``calculations.calculate_lks`` and reused for many calculations in one request.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from .calculations import DatedRate


@dataclass(frozen=True)
class RateTables:
    wml: tuple[DatedRate, ...]
    allowance: tuple[DatedRate, ...]
    # effective_from -> {age: percentage}
    youth: tuple[tuple[datetime.date, dict[int, Decimal]], ...] = ()
    # (effective_from, yearly amount, basis hours per week)
    guidance: tuple[tuple[datetime.date, Decimal, Decimal], ...] = field(default=())

    def youth_percentages(self, on: datetime.date) -> dict[int, Decimal] | None:
        """The youth percentages in force on ``on`` (None: the calculation's published ones)."""
        applicable = [table for effective_from, table in self.youth if effective_from <= on]
        return applicable[-1] if applicable else None

    def guidance_on(self, on: datetime.date) -> tuple[Decimal, Decimal] | None:
        applicable = [(amount, hours) for effective_from, amount, hours in self.guidance if effective_from <= on]
        return applicable[-1] if applicable else None


def load_rates() -> RateTables:
    """Read WML, allowance, youth and guidance-allowance tables (four queries)."""
    from .models import EmployerCostAllowanceRate, GuidanceAllowanceRate, MinimumWageRate, YouthWagePercentage

    wml = tuple(
        DatedRate(effective_from, amount)
        for effective_from, amount in MinimumWageRate.objects.order_by("effective_from").values_list(
            "effective_from", "hourly_amount"
        )
    )
    allowance = tuple(
        DatedRate(effective_from, percentage)
        for effective_from, percentage in EmployerCostAllowanceRate.objects.order_by("effective_from").values_list(
            "effective_from", "percentage"
        )
    )
    youth: dict[datetime.date, dict[int, Decimal]] = {}
    for effective_from, age, percentage in YouthWagePercentage.objects.order_by("effective_from").values_list(
        "effective_from", "age", "percentage"
    ):
        youth.setdefault(effective_from, {})[age] = percentage
    guidance = tuple(
        GuidanceAllowanceRate.objects.order_by("effective_from").values_list(
            "effective_from", "yearly_amount", "basis_hours_per_week"
        )
    )
    return RateTables(wml=wml, allowance=allowance, youth=tuple(sorted(youth.items())), guidance=guidance)
