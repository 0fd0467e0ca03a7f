import pytest
from django.core.exceptions import ValidationError

from wsp_platform.core.validators import (
    is_valid_bsn,
    is_valid_kvk,
    normalize_postcode,
    validate_bsn,
    validate_kvk,
    validate_postcode,
)


@pytest.mark.parametrize("bsn", ["111222333", "123456782", "999990019"])
def test_valid_bsns_pass_the_11_proef(bsn):
    assert is_valid_bsn(bsn)
    validate_bsn(bsn)


def test_11_proef_arithmetic_by_hand():
    # 123456782: 9*1+8*2+7*3+6*4+5*5+4*6+3*7+2*8 - 2 = 9+16+21+24+25+24+21+16-2 = 154 = 14*11
    assert is_valid_bsn("123456782")
    # Changing the last digit breaks it: 154 - 2 + 3 = 153, not divisible by 11.
    assert not is_valid_bsn("123456783")


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("123456789", "elfproef"),
        ("12345678", "precies 9 cijfers"),
        ("1234567890", "precies 9 cijfers"),
        ("12345678a", "alleen uit cijfers"),
        ("", "alleen uit cijfers"),
    ],
)
def test_invalid_bsns_get_a_dutch_message(value, message):
    with pytest.raises(ValidationError) as excinfo:
        validate_bsn(value)
    assert message in excinfo.value.messages[0]


def test_all_zeros_is_not_a_bsn():
    assert not is_valid_bsn("000000000")


@pytest.mark.parametrize("kvk", ["12345678", "00000001"])
def test_valid_kvk(kvk):
    assert is_valid_kvk(kvk)
    validate_kvk(kvk)


@pytest.mark.parametrize("kvk", ["1234567", "123456789", "1234567a", ""])
def test_invalid_kvk_gets_a_dutch_message(kvk):
    with pytest.raises(ValidationError, match="8 cijfers"):
        validate_kvk(kvk)


def test_postcode_is_normalised_and_validated():
    assert normalize_postcode("3511ab") == "3511 AB"
    validate_postcode("3511 AB")
    with pytest.raises(ValidationError, match="1234 AB"):
        validate_postcode("0511 AB")
    with pytest.raises(ValidationError, match="1234 AB"):
        validate_postcode("35111")
