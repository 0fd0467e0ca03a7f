"""The kind-specific data of a subsidy application (stored in ``SubsidyApplication.details``).

One specification per kind drives the service validation, the form fields and the
detail page, so the three never disagree. Pure: no database access. Values are
stored JSON-safe: dates as ISO strings, money and hours as decimal strings.
"""

import datetime
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.core.exceptions import ValidationError

from .choices import SubsidyKind as K

CENT = Decimal("0.01")


@dataclass(frozen=True)
class DetailField:
    name: str
    label: str
    type: str  # "text", "longtext", "date", "money", "hours", "int", "bool", "periods"
    required: bool = False
    default: object = None
    min_value: Decimal | int | None = None
    max_value: Decimal | int | None = None
    help: str = ""


SPEC: dict[str, tuple[DetailField, ...]] = {
    K.LOONKOSTENSUBSIDIE: (
        DetailField(
            "employment_start", "Start dienstverband", "date",
            help="Nodig bij forfaitaire LKS: de 6 maanden tellen vanaf deze datum.",
        ),
    ),
    K.NO_RISKPOLIS: (
        DetailField("registration_date", "Datum registratie no-riskpolis", "date", required=True),
        DetailField("registration_reference", "Kenmerk registratie (UWV)", "text"),
        DetailField(
            "sickness_periods", "Gemelde ziekteperiodes", "periods",
            help="Eén periode per regel: dd-mm-jjjj t/m dd-mm-jjjj (einddatum leeg als nog ziek).",
        ),
    ),
    K.JOBCOACH: (
        DetailField("provider", "Jobcoachorganisatie", "text", required=True),
        DetailField("hours_per_week", "Uren per week", "hours", required=True, min_value=Decimal("0.5"),
                    max_value=Decimal("40")),
        DetailField("hours_total", "Uren in totaal", "hours", required=True, min_value=Decimal("0.5"),
                    max_value=Decimal("5000")),
        DetailField("tapering_plan", "Afbouwplan", "longtext",
                    help="Bijv. 2 uur per week in het eerste half jaar, daarna 1 uur."),
        DetailField("end_date", "Einddatum jobcoaching", "date", required=True),
    ),
    K.BEGELEIDINGSVERGOEDING: (
        DetailField("yearly_amount", "Bedrag per jaar (voltijd)", "money", min_value=Decimal("0"),
                    help="Leeg: het tarief uit de tabel (bijv. € 7.800 bij 31 uur in 2021)."),
        DetailField("contract_hours", "Contracturen per week", "hours", required=True, min_value=Decimal("1"),
                    max_value=Decimal("60")),
    ),
    K.WERKPLEKAANPASSING: (
        DetailField("description", "Omschrijving aanpassing", "longtext", required=True),
        DetailField("cost", "Kosten", "money", required=True, min_value=Decimal("0")),
        DetailField("quote_reference", "Offerte (leverancier en nummer)", "text",
                    help="Voeg de offerte als document van het soort 'Offerte' toe."),
    ),
    K.PROEFPLAATSING: (
        DetailField("weeks", "Duur (weken)", "int", required=True, default=8, min_value=1, max_value=26),
        DetailField("extension_weeks", "Verlenging (weken)", "int", default=0, min_value=0, max_value=26),
        DetailField("extension_reason", "Reden verlenging", "longtext"),
    ),
    K.LKV: (
        DetailField("employer_deadline", "Uiterste aanvraagdatum werkgever", "date", required=True,
                    help="De werkgever vraagt het LKV zelf aan via de loonaangifte."),
        DetailField("lkv_kind", "Soort LKV", "text"),
    ),
    K.DETACHERINGSVERGOEDING: (
        DetailField("legal_employer", "Juridisch werkgever", "text", required=True),
        DetailField("monthly_fee", "Vergoeding per maand", "money", required=True, min_value=Decimal("0")),
        DetailField("percentage_of_wml", "Percentage van het WML", "hours", min_value=Decimal("0"),
                    max_value=Decimal("100")),
    ),
}


def fields_for(kind: str) -> tuple[DetailField, ...]:
    return SPEC.get(kind, ())


def _date(value) -> datetime.date:
    if isinstance(value, datetime.date):
        return value
    text = str(value).strip()
    for fmt in ("%Y-%m-%d", "%d-%m-%Y"):
        try:
            return datetime.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError


def _parse(field: DetailField, value):
    """Return the JSON-safe value, or raise ValidationError with a Dutch message."""
    label = field.label.lower()
    if field.type in ("text", "longtext"):
        return str(value).strip()
    if field.type == "bool":
        return bool(value)
    if field.type == "date":
        try:
            return _date(value).isoformat()
        except ValueError:
            raise ValidationError(f"Vul bij '{label}' een geldige datum in (dd-mm-jjjj).") from None
    if field.type in ("money", "hours", "int"):
        try:
            number = Decimal(str(value).replace(",", ".").strip())
        except InvalidOperation:
            raise ValidationError(f"Vul bij '{label}' een getal in.") from None
        if not number.is_finite():
            raise ValidationError(f"Vul bij '{label}' een getal in.")
        if field.type == "int" and number != number.to_integral_value():
            raise ValidationError(f"Vul bij '{label}' een heel getal in.")
        if field.min_value is not None and number < field.min_value:
            raise ValidationError(f"'{field.label}' is minimaal {field.min_value}.")
        if field.max_value is not None and number > field.max_value:
            raise ValidationError(f"'{field.label}' is maximaal {field.max_value}.")
        if field.type == "int":
            return int(number)
        if field.type == "money":
            return str(number.quantize(CENT, ROUND_HALF_UP))
        return str(number.quantize(Decimal("0.1"), ROUND_HALF_UP))
    if field.type == "periods":
        return _periods(value)
    raise ValidationError(f"Onbekend veldtype {field.type}.")


def _periods(value) -> list[dict]:
    """Sickness periods: a list of {"start", "end"} (end may be empty) or text lines."""
    if isinstance(value, str):
        items = []
        for line in value.splitlines():
            if not line.strip():
                continue
            parts = [p.strip() for p in line.replace("t/m", "|").replace(" - ", "|").split("|")]
            items.append({"start": parts[0], "end": parts[1] if len(parts) > 1 else ""})
        value = items
    if not isinstance(value, list):
        raise ValidationError("Geef de ziekteperiodes als lijst van perioden.")
    result = []
    for number, item in enumerate(value, start=1):
        if not isinstance(item, dict):
            raise ValidationError(f"Ziekteperiode {number} is ongeldig.")
        try:
            start = _date(item.get("start", ""))
            end = _date(item["end"]) if item.get("end") else None
        except ValueError:
            raise ValidationError(f"Ziekteperiode {number}: vul geldige datums in (dd-mm-jjjj).") from None
        if end and end < start:
            raise ValidationError(f"Ziekteperiode {number}: de einddatum ligt vóór de begindatum.")
        result.append({"start": start.isoformat(), "end": end.isoformat() if end else ""})
    return sorted(result, key=lambda p: p["start"])


def clean_details(
    kind: str,
    raw: dict | None,
    *,
    period_start: datetime.date | None = None,
    is_forfaitair: bool = False,
) -> dict:
    """Validate and normalise the details of ``kind``. Unknown keys are refused (a typo
    in an API call must not vanish silently). Raises ValidationError keyed by field."""
    if kind not in SPEC:
        raise ValidationError({"kind": "Kies een geldige soort aanvraag."})
    raw = dict(raw or {})
    spec = {f.name: f for f in SPEC[kind]}
    errors: dict[str, list[str]] = {}
    unknown = sorted(set(raw) - set(spec))
    for name in unknown:
        errors[name] = [f"Onbekend gegeven '{name}' voor deze soort aanvraag."]
    clean: dict = {}
    for name, field in spec.items():
        value = raw.get(name)
        if value in (None, "", []):
            if field.default is not None:
                clean[name] = field.default
            elif field.required:
                errors[name] = [f"Vul '{field.label.lower()}' in."]
            continue
        try:
            clean[name] = _parse(field, value)
        except ValidationError as exc:
            errors[name] = exc.messages
    if not errors:
        _cross_checks(kind, clean, period_start=period_start, is_forfaitair=is_forfaitair, errors=errors)
    if errors:
        raise ValidationError(errors)
    return clean


def _cross_checks(kind, clean, *, period_start, is_forfaitair, errors):
    if kind == K.LOONKOSTENSUBSIDIE and is_forfaitair and not clean.get("employment_start"):
        errors["employment_start"] = ["Vul bij forfaitaire LKS de startdatum van het dienstverband in."]
    if kind == K.JOBCOACH:
        if Decimal(clean["hours_total"]) < Decimal(clean["hours_per_week"]):
            errors["hours_total"] = ["Het totaal aantal uren is kleiner dan de uren per week."]
        if period_start and clean["end_date"] < period_start.isoformat():
            errors["end_date"] = ["De einddatum van de jobcoaching ligt vóór de begindatum van de periode."]
    if kind == K.PROEFPLAATSING and clean.get("extension_weeks") and not clean.get("extension_reason"):
        errors["extension_reason"] = ["Geef een reden op voor de verlenging."]


def display_details(kind: str, details: dict) -> list[tuple[str, str]]:
    """(label, text) pairs for the detail page, in the specification's order."""
    rows = []
    for field in fields_for(kind):
        value = details.get(field.name)
        if value in (None, "", []):
            continue
        if field.type == "date":
            text = _date(value).strftime("%d-%m-%Y")
        elif field.type == "money":
            text = f"€ {Decimal(value):,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")
        elif field.type == "periods":
            text = "; ".join(
                f"{_date(p['start']):%d-%m-%Y} t/m {_date(p['end']):%d-%m-%Y}" if p.get("end")
                else f"vanaf {_date(p['start']):%d-%m-%Y}"
                for p in value
            )
        else:
            text = str(value)
        rows.append((field.label, text))
    return rows


def proefplaatsing_end(start: datetime.date, details: dict) -> datetime.date:
    """Last day of a proefplaatsing: the weeks plus the extension, from the start."""
    weeks = int(details.get("weeks") or 8) + int(details.get("extension_weeks") or 0)
    return start + datetime.timedelta(weeks=weeks, days=-1)


def guidance_allowance(yearly_amount: Decimal, basis_hours: Decimal, contract_hours: Decimal) -> Decimal:
    """Begeleidingsvergoeding pro rata: yearly amount × contract hours / basis hours,
    capped at the full amount (e.g. €7 800 × 24 / 31 = €6 038.71)."""
    share = min(Decimal(contract_hours) / Decimal(basis_hours), Decimal(1))
    return (Decimal(yearly_amount) * share).quantize(CENT, ROUND_HALF_UP)
