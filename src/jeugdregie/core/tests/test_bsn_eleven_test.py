# SPDX-License-Identifier: EUPL-1.2
import pytest
from django.core.exceptions import ValidationError

from jeugdregie.core.bsn import mask_bsn, normalise_bsn, passes_eleven_test, validate_bsn


@pytest.mark.parametrize(
    ("bsn", "valid"),
    [
        ("999990019", True),  # 9*9+9*8+9*7+9*6+9*5+0+0+1*2 - 9 = 341 = 31*11
        ("999999991", False),
        ("999990018", False),
        ("000000000", False),
        ("12345678", False),
        ("99999001a", False),
    ],
)
def test_eleven_test_table(bsn, valid):
    assert passes_eleven_test(bsn) is valid


def test_validate_gives_the_reason():
    with pytest.raises(ValidationError) as length:
        validate_bsn("12345")
    assert length.value.code == "bsn_length"
    with pytest.raises(ValidationError) as eleven:
        validate_bsn("999999991")
    assert eleven.value.code == "bsn_eleven_test"
    validate_bsn("9999.90.019")  # dots and spaces are allowed in input


def test_normalise_and_mask():
    assert normalise_bsn(" 9999 90 019 ") == "999990019"
    assert mask_bsn("999990019") == "******019"
