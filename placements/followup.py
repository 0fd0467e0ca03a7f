"""Pure follow-up (nazorg) and deadline rules: no database access.

Every deadline rule has the same shape. An *anchor* is the date the thing happens
(the trial ends, the beschikking ends, a nazorg contact is due). The task *appears*
on the trigger day, ``anchor - lead``; it is never created before that day and, thanks
to the dedup key ``rule:subject:anchor``, never twice. A sweep for day D creates the
tasks whose trigger day lies in ``[D - catch_up_days, D]``: a missed night (beat down,
worker restarting) is caught up the next day instead of lost.

The lead times are settings (``settings.WSP["LEAD_TIMES"]``), read through
``lead_times()`` so a region or a test can change them without touching code.
"""

import calendar
import datetime
from dataclasses import dataclass, field

DAY = datetime.timedelta(days=1)

# Defaults for settings.WSP["LEAD_TIMES"]; days unless the name says months.
DEFAULT_LEAD_TIMES: dict[str, int | tuple[int, ...]] = {
    # A sweep catches up this many missed days (beat or worker down).
    "catch_up_days": 7,
    # Changes that are recorded after the fact (a champion left, a new account holder,
    # a new werkbegeleider) are noticed up to this many days after their date.
    "recent_change_days": 14,
    "nazorg_contact": 7,  # the nazorg task appears a week before the contact is due
    "loonwaarde_due": 56,  # reassessment due in 8 weeks
    "loonwaarde_overdue": 1,  # the day after the due date, if no new assessment
    "forfaitair_warning_months": 5,  # month 5 of the forfaitaire LKS
    "forfaitair_period_months": 6,
    "beschikking_end": 42,  # 6 weeks
    "trial_end": 14,  # 2 weeks
    "contract_end": 42,  # 6 weeks
    "jobcoach_budget_end": 42,
    "jobcoach_no_contact": 28,  # no jobcoach contact for 4 weeks ...
    "jobcoach_first_months": 6,  # ... in the first half year
    "candidate_no_contact": 56,  # 8 weeks without any contact moment
    "ketenregeling": 91,  # third temporary contract ends in 3 months
    "ketenregeling_count": 3,
    "transition_plan": 91,  # temporary contract ends in 3 months without transitieplan
    "champion_leaving": 28,  # announced departure of a kartrekker
    "supervisor_change": 28,  # announced departure/retirement of the werkbegeleider
    "durability_lead": 14,
    "durability_months": (6, 12),
    "step_down_month": 6,  # LKS or jobcoach hours are usually stepped down here
    "step_down_lead": 28,
}


def lead_times() -> dict:
    """The configured lead times, defaults filled in (``settings.WSP["LEAD_TIMES"]``)."""
    from django.conf import settings

    configured = (getattr(settings, "WSP", {}) or {}).get("LEAD_TIMES", {}) or {}
    return {**DEFAULT_LEAD_TIMES, **configured}


def add_months(day: datetime.date, months: int) -> datetime.date:
    """Same day ``months`` later (or earlier), clamped to the month's end."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class Window:
    """An inclusive date range."""

    first: datetime.date
    last: datetime.date

    def __contains__(self, day: datetime.date) -> bool:
        return self.first <= day <= self.last

    def shift(self, days: int) -> "Window":
        delta = datetime.timedelta(days=days)
        return Window(self.first + delta, self.last + delta)


def trigger_window(day: datetime.date, catch_up_days: int) -> Window:
    """The trigger days a sweep for ``day`` handles: ``[day - catch_up, day]``."""
    return Window(day - datetime.timedelta(days=catch_up_days), day)


def anchor_window(day: datetime.date, lead_days: int, catch_up_days: int) -> Window:
    """Anchors whose trigger day ``anchor - lead_days`` is handled by the sweep for ``day``."""
    return trigger_window(day, catch_up_days).shift(lead_days)


def is_triggered(anchor: datetime.date, lead_days: int, day: datetime.date, catch_up_days: int) -> bool:
    return anchor in anchor_window(day, lead_days, catch_up_days)


def start_window_for_months(target: Window, months: int) -> Window | None:
    """Start dates ``s`` with ``add_months(s, months)`` inside ``target``.

    ``add_months`` is monotonic, so the answer is a range; clamping at month ends
    (31 Jan + 1 month = 28 Feb) means a few starts map to one day, handled here.
    """
    first = add_months(target.first, -months)
    while add_months(first - DAY, months) >= target.first:
        first -= DAY
    while add_months(first, months) < target.first:
        first += DAY
    last = add_months(target.last, -months)
    while add_months(last + DAY, months) <= target.last:
        last += DAY
    while add_months(last, months) > target.last:
        last -= DAY
    return Window(first, last) if first <= last else None


# --- Nazorg cadence -------------------------------------------------------------------

@dataclass(frozen=True)
class Offset:
    """A nazorg contact at ``weeks`` or ``months`` after the start, with its label."""

    weeks: int = 0
    months: int = 0

    def apply(self, start: datetime.date) -> datetime.date:
        if self.months:
            return add_months(start, self.months)
        return start + datetime.timedelta(weeks=self.weeks)

    @property
    def label(self) -> str:
        return f"maand {self.months}" if self.months else f"week {self.weeks}"


@dataclass(frozen=True)
class NazorgCadence:
    """Default: week 1, 2, 4, 8, then monthly until month 6, every 3 months until the
    placement is stable (month 24), then half-yearly. A region sets its own in the admin
    (NazorgSchedule); a placement can override it with a fixed interval in days."""

    early_weeks: tuple[int, ...] = (1, 2, 4, 8)
    monthly_until_month: int = 6
    quarterly_until_month: int = 24
    stable_interval_months: int = 6
    horizon_months: int = 240  # a placement older than 20 years gets no more contacts
    offsets: tuple[Offset, ...] = field(init=False, compare=False, repr=False)

    def __post_init__(self):
        object.__setattr__(self, "offsets", tuple(self._offsets()))

    def _offsets(self):
        weeks = sorted({w for w in self.early_weeks if w > 0})
        yield from (Offset(weeks=w) for w in weeks)
        # Monthly contacts start after the last early contact (week 8 ≈ month 2).
        month = max(1, -(-(weeks[-1] * 7) // 30) + 1) if weeks else 1
        while month <= self.monthly_until_month:
            yield Offset(months=month)
            month += 1
        month = max(month - 1, self.monthly_until_month) + 3
        while month <= self.quarterly_until_month:
            yield Offset(months=month)
            month += 3
        month = max(month - 3, self.quarterly_until_month) + max(1, self.stable_interval_months)
        while month <= self.horizon_months:
            yield Offset(months=month)
            month += max(1, self.stable_interval_months)


def parse_weeks(value: str) -> tuple[int, ...]:
    """'1, 2, 4,8' -> (1, 2, 4, 8). Raises ValueError on anything else."""
    parts = [p.strip() for p in (value or "").split(",") if p.strip()]
    weeks = tuple(int(p) for p in parts)
    if any(w <= 0 or w > 104 for w in weeks):
        raise ValueError("weeks out of range")
    return weeks


def nazorg_contacts(start: datetime.date, cadence: NazorgCadence, window: Window) -> list[tuple[datetime.date, str]]:
    """The (contact date, label) pairs of the cadence that fall inside ``window``."""
    return [(o.apply(start), o.label) for o in cadence.offsets if o.apply(start) in window]


def start_windows(cadence: NazorgCadence, window: Window) -> list[Window]:
    """For a set-based query: the start-date ranges whose cadence has a contact in ``window``."""
    ranges = []
    for offset in cadence.offsets:
        if offset.months:
            found = start_window_for_months(window, offset.months)
        else:
            found = window.shift(-7 * offset.weeks)
        if found:
            ranges.append(found)
    return merge_windows(ranges)


def merge_windows(ranges: list[Window]) -> list[Window]:
    merged: list[Window] = []
    for w in sorted(ranges, key=lambda r: r.first):
        if merged and w.first <= merged[-1].last + DAY:
            merged[-1] = Window(merged[-1].first, max(merged[-1].last, w.last))
        else:
            merged.append(w)
    return merged


def interval_contacts(start: datetime.date, interval_days: int, window: Window) -> list[tuple[datetime.date, str]]:
    """A per-placement override: a contact every ``interval_days`` after the start."""
    if interval_days <= 0:
        return []
    first_k = max(1, -(-(window.first - start).days // interval_days))
    result = []
    k = first_k
    while True:
        day = start + datetime.timedelta(days=k * interval_days)
        if day > window.last:
            break
        result.append((day, f"elke {interval_days} dagen"))
        k += 1
    return result


# --- Deadline helpers ---------------------------------------------------------------------

def no_contact_anchor(last_contact: datetime.date, gap_days: int) -> datetime.date:
    """The day a silence of ``gap_days`` is reached after the last contact."""
    return last_contact + datetime.timedelta(days=gap_days)


def is_working_day(day: datetime.date) -> bool:
    """Monday to Friday: the digest goes out on working mornings."""
    return day.weekday() < 5


def dedup_key(rule: str, subject, anchor: datetime.date) -> str:
    """``rule:subject:anchor`` — unique in the database (Task.dedup_key)."""
    return f"{rule}:{subject}:{anchor.isoformat()}"
