"""Validators for Dutch identifiers. Pure functions plus Django wrappers.

The messages are Dutch because they reach bemiddelaars and municipal systems.
"""

import re

from django.core.exceptions import ValidationError

POSTCODE_RE = re.compile(r"^[1-9][0-9]{3}\s?[A-Z]{2}$")


def is_valid_bsn(value: str) -> bool:
    """The 11-proef for a BSN: nine digits d1..d9 with
    9*d1 + 8*d2 + ... + 2*d8 - 1*d9 divisible by 11 (and not all zeros)."""
    if not isinstance(value, str) or len(value) != 9 or not value.isdigit():
        return False
    digits = [int(c) for c in value]
    total = sum(weight * digit for weight, digit in zip(range(9, 1, -1), digits[:8], strict=True)) - digits[8]
    return total % 11 == 0 and value != "000000000"


def validate_bsn(value: str) -> None:
    if not isinstance(value, str) or not value.isdigit():
        raise ValidationError("Een BSN bestaat alleen uit cijfers.", code="bsn_digits")
    if len(value) != 9:
        raise ValidationError("Een BSN bestaat uit precies 9 cijfers.", code="bsn_length")
    if not is_valid_bsn(value):
        raise ValidationError("Dit BSN is ongeldig: het voldoet niet aan de elfproef.", code="bsn_11proef")


def is_valid_kvk(value: str) -> bool:
    """A KvK number is 8 digits (the Handelsregister has no check digit)."""
    return isinstance(value, str) and len(value) == 8 and value.isdigit()


def validate_kvk(value: str) -> None:
    if not is_valid_kvk(value):
        raise ValidationError("Een KvK-nummer bestaat uit precies 8 cijfers.", code="kvk_format")


def normalize_postcode(value: str) -> str:
    """'1234ab' and '1234 AB' both become '1234 AB'."""
    compact = re.sub(r"\s+", "", value or "").upper()
    return f"{compact[:4]} {compact[4:]}" if len(compact) == 6 else (value or "").strip().upper()


def validate_postcode(value: str) -> None:
    if not POSTCODE_RE.match(normalize_postcode(value)):
        raise ValidationError("Een postcode heeft de vorm 1234 AB.", code="postcode_format")


def validate_cbs_code(value: str) -> None:
    if not re.fullmatch(r"GM\d{4}", value or ""):
        raise ValidationError("Een CBS-gemeentecode heeft de vorm GM0363.", code="cbs_format")


def validate_date_range(start, end, *, start_field="start_date", end_field="end_date") -> None:
    """Raise a field-bound error when the end lies before the start."""
    if start and end and end < start:
        raise ValidationError({end_field: "De einddatum ligt vóór de begindatum."}, code="date_range")
