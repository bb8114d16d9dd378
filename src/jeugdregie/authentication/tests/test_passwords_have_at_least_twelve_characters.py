# SPDX-License-Identifier: EUPL-1.2
import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError


def test_a_password_of_eleven_characters_is_refused():
    with pytest.raises(ValidationError) as refusal:
        validate_password("Kwartel-8x!")
    assert any("12" in message for message in refusal.value.messages)


def test_a_password_of_twelve_characters_is_accepted():
    validate_password("Kwartel-8x!z")
