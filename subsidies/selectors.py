"""Reads for subsidies: computed LKS of an application, the employer cost overview,
contract-vs-beschikking periods and the municipal LKS budget. Callers pass querysets
that start from the policy (``wsp_platform.accounts.policy``)."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

from django.db.models import Prefetch
from django.utils import timezone

from .calculations import LksCalculation, RateNotFound, calculate_lks
from .choices import ApplicationStatus as S
from .choices import SubsidyKind
from .costs import (
    ZERO,
    CostOverview,
    Grant,
    LksPeriod,
    WagePeriod,
    calculate_period,
    compute_cost_overview,
    month_end,
    month_starts,
    round_cents,
    spread_by_days,
)
from .models import LoonwaardeAssessment, SubsidyApplication
from .rates import RateTables, load_rates

GRANTED_STATUSES = (S.TOEGEKEND, S.LOPEND)
PENDING_STATUSES = (S.INGEDIEND, S.IN_BEHANDELING)
# Amounts that are not income for the employer: the detacheringsvergoeding is what the
# hirer pays the legal employer; a no-riskpolis pays sickness benefit only when ill.
NOT_EMPLOYER_INCOME = (SubsidyKind.LOONKOSTENSUBSIDIE, SubsidyKind.DETACHERINGSVERGOEDING, SubsidyKind.NO_RISKPOLIS)


def age_on(birth_date: datetime.date, on: datetime.date) -> int:
    return on.year - birth_date.year - ((on.month, on.day) < (birth_date.month, birth_date.day))


def latest_assessment(assessments, on: datetime.date | None = None):
    """The newest assessment (on or before ``on`` when given) from an iterable."""
    candidates = [a for a in assessments if on is None or a.assessed_on <= on]
    return max(candidates, key=lambda a: (a.assessed_on, a.id), default=None)


@dataclass(frozen=True)
class LksInputs:
    period: LksPeriod | None
    reason: str = ""


def lks_inputs_for(application: SubsidyApplication, *, assessments=None) -> LksInputs:
    """The calculation inputs of an LKS application: the placement's latest loonwaarde
    assessment (or forfaitair: 50% for 6 months from the start of employment, then the
    latest assessment if there is one), the job's hourly wage as functieloon, the
    application's hours (else the placement's, else the job's) and the candidate's age
    at the start of the period."""
    if application.kind != SubsidyKind.LOONKOSTENSUBSIDIE:
        return LksInputs(None, "Geen loonkostensubsidie.")
    placement = application.placement
    if not application.period_end:
        return LksInputs(None, "De periode heeft nog geen einddatum.")
    if assessments is None:
        assessments = list(placement.loonwaarde_assessments.all())
    latest = latest_assessment(assessments)
    employment_start = None
    if application.is_forfaitair:
        raw = (application.details or {}).get("employment_start")
        employment_start = datetime.date.fromisoformat(raw) if raw else placement.start_date
        if employment_start is None:
            return LksInputs(None, "De startdatum van het dienstverband ontbreekt (forfaitaire LKS).")
        loonwaarde = latest.percentage if latest else 50
    elif latest is None:
        return LksInputs(None, "Er is nog geen loonwaardemeting voor deze plaatsing.")
    else:
        loonwaarde = latest.percentage
    hours = application.hours_per_week or placement.hours_per_week or placement.job.hours_per_week
    functieloon = placement.job.hourly_wage
    if not hours or not functieloon:
        return LksInputs(None, "Uren per week of functieloon ontbreekt.")
    return LksInputs(
        LksPeriod(
            start=application.period_start,
            end=application.period_end,
            loonwaarde=int(loonwaarde),
            functieloon_per_hour=Decimal(functieloon),
            hours_per_week=Decimal(hours),
            age=age_on(placement.candidate.birth_date, application.period_start),
            forfaitair=application.is_forfaitair,
            employment_start=employment_start,
        )
    )


@dataclass(frozen=True)
class LksResult:
    calculation: LksCalculation | None
    inputs: LksPeriod | None
    error: str = ""


def lks_result_for(application: SubsidyApplication, *, rates: RateTables | None = None, assessments=None) -> LksResult:
    """The LKS over the application's period, with the inputs used or why it cannot be computed."""
    inputs = lks_inputs_for(application, assessments=assessments)
    if inputs.period is None:
        return LksResult(None, None, inputs.reason)
    period = inputs.period
    rates = rates or load_rates()
    try:
        calculation = calculate_lks(
            loonwaarde=period.loonwaarde,
            functieloon_per_hour=period.functieloon_per_hour,
            hours_per_week=period.hours_per_week,
            period_start=period.start,
            period_end=period.end,
            wml_rates=rates.wml,
            allowance_rates=rates.allowance,
            youth_percentages=rates.youth_percentages(period.start),
            age=period.age,
            forfaitair=period.forfaitair,
            employment_start=period.employment_start,
        )
    except (RateNotFound, ValueError) as exc:
        return LksResult(None, period, str(exc))
    return LksResult(calculation, period)


def lks_calculation_for(application: SubsidyApplication, *, rates: RateTables | None = None, assessments=None):
    """The LksCalculation (per stretch and total) of an LKS application, or None."""
    return lks_result_for(application, rates=rates, assessments=assessments).calculation


# --- Employer cost overview ----------------------------------------------------------

def _wage_periods(placement, contracts) -> list[WagePeriod]:
    end_cap = placement.end_date
    if placement.arrangement == "detachering" and placement.detachering_fee_monthly is not None:
        start = placement.start_date or (contracts[0].start_date if contracts else None)
        if start is None:
            return []
        return [WagePeriod(start=start, end=end_cap or placement.contract_end_date,
                           monthly_amount=placement.detachering_fee_monthly)]
    periods = []
    for contract in contracts:
        end = contract.end_date
        if end_cap and (end is None or end > end_cap):
            end = end_cap
        periods.append(WagePeriod(contract.start_date, end, contract.hourly_wage, contract.hours_per_week))
    if not periods and placement.start_date:
        hours = placement.hours_per_week or placement.job.hours_per_week
        periods.append(WagePeriod(placement.start_date, end_cap or placement.contract_end_date,
                                  placement.job.hourly_wage, hours))
    return periods


def employer_cost_overview(
    placement,
    *,
    start: datetime.date | None = None,
    months: int = 12,
    rates: RateTables | None = None,
) -> CostOverview:
    """The employer's monthly cost of ``placement`` for ``months`` months from the month
    of ``start`` (default: this month). See ``subsidies.costs`` for what is included.
    Three queries (contracts, applications, assessments) plus the rates unless they are
    passed in or prefetched."""
    first_month = (start or timezone.localdate()).replace(day=1)
    rates = rates or load_rates()
    # .all() and sorting here, so a caller's prefetch_related("contracts", "subsidy_applications",
    # "loonwaarde_assessments") makes a list of placements cost no extra queries.
    contracts = sorted(placement.contracts.all(), key=lambda c: (c.sequence, c.start_date))
    applications = [a for a in placement.subsidy_applications.all() if a.status in GRANTED_STATUSES]
    assessments = list(placement.loonwaarde_assessments.all())
    notes = []
    lks_periods, grants = [], []
    detachering = placement.arrangement == "detachering" and placement.detachering_fee_monthly is not None
    for application in applications:
        if application.kind == SubsidyKind.LOONKOSTENSUBSIDIE:
            if detachering:
                continue  # the LKS goes to the legal employer, not to the hirer
            application.placement = placement
            inputs = lks_inputs_for(application, assessments=assessments)
            if inputs.period:
                lks_periods.append(inputs.period)
            else:
                notes.append(f"LKS {application.period_start:%d-%m-%Y} niet berekend: {inputs.reason}")
        elif application.kind not in NOT_EMPLOYER_INCOME and application.amount_granted and application.period_end:
            grants.append(Grant(application.period_start, application.period_end, application.amount_granted,
                                application.get_kind_display()))
    wage_periods = _wage_periods(placement, contracts)
    if not wage_periods:
        notes.append("Nog geen dienstverband vastgelegd: er zijn geen loonkosten.")
    overview = compute_cost_overview(
        first_month=first_month, months=months, wage_periods=wage_periods, lks_periods=lks_periods,
        grants=grants, rates=rates,
    )
    return CostOverview(months=overview.months, notes=tuple(notes) + overview.notes)


# --- Contract periods vs beschikking periods -------------------------------------------

@dataclass(frozen=True)
class PeriodRow:
    kind: str  # "contract" or "beschikking"
    label: str
    start: datetime.date
    end: datetime.date | None
    flags: tuple[str, ...] = ()


@dataclass(frozen=True)
class PeriodIssue:
    kind: str  # "gat" or "overlap" or "buiten_contract"
    start: datetime.date
    end: datetime.date | None
    message: str


@dataclass
class PeriodComparison:
    rows: list[PeriodRow] = field(default_factory=list)
    issues: list[PeriodIssue] = field(default_factory=list)


def _fmt(day):
    return f"{day:%d-%m-%Y}" if day else "onbepaald"


def compare_periods(contracts, beschikkingen) -> PeriodComparison:
    """Pure: line contract periods (start, end|None, label) up with beschikking periods
    (start, end|None, label) of the same subsidy kind and flag what a bemiddelaar must
    see: a gap between successive beschikkingen while a contract runs, overlapping
    beschikkingen, and contract time not covered by any beschikking (after the first)."""
    result = PeriodComparison()
    for start, end, label in sorted(contracts, key=lambda c: c[0]):
        result.rows.append(PeriodRow("contract", label, start, end))
    ordered = sorted(beschikkingen, key=lambda b: b[0])
    for index, (start, end, label) in enumerate(ordered):
        flags = []
        if index:
            prev_start, prev_end, prev_label = ordered[index - 1]
            if prev_end is None or start <= prev_end:
                flags.append("overlap")
                result.issues.append(PeriodIssue(
                    "overlap", start, prev_end,
                    f"{label} overlapt met {prev_label} ({_fmt(start)} t/m {_fmt(prev_end)}).",
                ))
            elif start > prev_end + datetime.timedelta(days=1):
                gap_start, gap_end = prev_end + datetime.timedelta(days=1), start - datetime.timedelta(days=1)
                flags.append("gat")
                result.issues.append(PeriodIssue(
                    "gat", gap_start, gap_end,
                    f"Gat tussen beschikkingen van {_fmt(gap_start)} t/m {_fmt(gap_end)}.",
                ))
        result.rows.append(PeriodRow("beschikking", label, start, end, tuple(flags)))
    if ordered and contracts:
        covered_until = max((b[1] for b in ordered if b[1]), default=None)
        open_ended = any(b[1] is None for b in ordered)
        contract_end = max((c[1] for c in contracts if c[1]), default=None)
        contract_open = any(c[1] is None for c in contracts)
        if not open_ended and covered_until and (contract_open or (contract_end and contract_end > covered_until)):
            result.issues.append(PeriodIssue(
                "buiten_contract", covered_until + datetime.timedelta(days=1), None if contract_open else contract_end,
                f"Het contract loopt door na de laatste beschikking (tot {_fmt(covered_until)}): "
                "vraag tijdig een vervolgbeschikking aan.",
            ))
    result.rows.sort(key=lambda r: (r.start, r.kind != "contract"))
    return result


def period_comparison(placement, *, kind: str = SubsidyKind.LOONKOSTENSUBSIDIE) -> PeriodComparison:
    contracts = [
        (c.start_date, c.end_date, f"Contract {c.sequence} ({c.get_kind_display().lower()})")
        for c in placement.contracts.all()
    ]
    beschikkingen = [
        (a.period_start, a.period_end, f"Beschikking {a.decision_reference or a.period_start.strftime('%d-%m-%Y')}")
        for a in placement.subsidy_applications.filter(kind=kind, status__in=(*GRANTED_STATUSES, S.BEEINDIGD))
    ]
    return compare_periods(contracts, beschikkingen)


# --- Assessments history ---------------------------------------------------------------

def assessment_history(placement) -> list[LoonwaardeAssessment]:
    """All assessments of a placement, oldest first, with their task basis."""
    return list(
        placement.loonwaarde_assessments.order_by("assessed_on", "id").prefetch_related("task_scores")
    )


def chart_data(assessments) -> dict:
    """JSON-safe data for the loonwaarde chart (labels and percentages, oldest first)."""
    return {
        "labels": [a.assessed_on.strftime("%d-%m-%Y") for a in assessments],
        "values": [a.percentage for a in assessments],
        "methods": [a.get_method_display() for a in assessments],
    }


# --- Municipal LKS budget -------------------------------------------------------------

@dataclass
class BudgetRow:
    municipality: object
    granted: list[Decimal]
    projected: list[Decimal]

    @property
    def cells(self):
        return list(zip(self.granted, self.projected, strict=True))

    @property
    def granted_total(self) -> Decimal:
        return sum(self.granted, ZERO)

    @property
    def projected_total(self) -> Decimal:
        return sum(self.projected, ZERO)


@dataclass
class Budget:
    months: list[datetime.date]
    rows: list[BudgetRow]
    notes: list[str]

    @property
    def granted_totals(self) -> list[Decimal]:
        return [sum((r.granted[i] for r in self.rows), ZERO) for i in range(len(self.months))]

    @property
    def projected_totals(self) -> list[Decimal]:
        return [sum((r.projected[i] for r in self.rows), ZERO) for i in range(len(self.months))]


def municipal_lks_budget(applications, *, first_month: datetime.date, months: int = 12,
                         rates: RateTables | None = None) -> Budget:
    """LKS per municipality per month for a teamleider.

    - granted: the granted amount of toegekend/lopend LKS beschikkingen spread over the
      calendar days of their period (what the municipality has committed);
    - projected: ingediend/in behandeling LKS applications, computed with the LKS
      formula month by month over their period (what is coming); a granted one without
      an amount is computed the same way and counted as granted.
    ``applications`` is a policy-filtered queryset. Queries: 1 for the applications,
    1 for the assessments, 4 for the rate tables."""
    month_list = month_starts(first_month, months)
    window_end = month_list[-1].replace(day=28) + datetime.timedelta(days=4)
    apps = list(
        applications.filter(kind=SubsidyKind.LOONKOSTENSUBSIDIE, status__in=(*GRANTED_STATUSES, *PENDING_STATUSES),
                            period_start__lte=window_end)
        .exclude(period_end__lt=first_month)
        .select_related("municipality", "placement__job", "placement__candidate")
        .prefetch_related(Prefetch("placement__loonwaarde_assessments",
                                   queryset=LoonwaardeAssessment.objects.order_by("assessed_on")))
        .order_by("municipality__name", "period_start")
    )
    rates = rates or load_rates()
    by_municipality: dict[int, BudgetRow] = {}
    granted = defaultdict(lambda: [Fraction(0)] * months)
    projected = defaultdict(lambda: [Fraction(0)] * months)
    notes = []
    for app in apps:
        row = by_municipality.setdefault(app.municipality_id, BudgetRow(app.municipality, [], []))
        key = row.municipality.pk
        if app.status in GRANTED_STATUSES and app.amount_granted is not None and app.period_end:
            for i, month in enumerate(month_list):
                granted[key][i] += spread_by_days(app.amount_granted, app.period_start, app.period_end, month)
            continue
        inputs = lks_inputs_for(app, assessments=list(app.placement.loonwaarde_assessments.all()))
        if inputs.period is None:
            notes.append(f"{app.municipality}: aanvraag {app.period_start:%d-%m-%Y} niet berekend ({inputs.reason})")
            continue
        target = granted if app.status in GRANTED_STATUSES else projected
        for i, month in enumerate(month_list):
            start, end = max(app.period_start, month), min(app.period_end, month_end(month))
            if start > end:
                continue
            try:
                target[key][i] += Fraction(calculate_period(inputs.period, start, end, rates).total)
            except (RateNotFound, ValueError) as exc:
                notes.append(f"{app.municipality}: aanvraag {app.period_start:%d-%m-%Y} niet berekend ({exc})")
                break
    rows = []
    for key, row in by_municipality.items():
        row.granted = [round_cents(v) for v in granted[key]]
        row.projected = [round_cents(v) for v in projected[key]]
        rows.append(row)
    return Budget(months=month_list, rows=rows, notes=notes)
