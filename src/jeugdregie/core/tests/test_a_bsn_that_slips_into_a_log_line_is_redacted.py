# SPDX-License-Identifier: EUPL-1.2
"""The safety net under "no BSN in a log line": ``redact_bsns`` writes a BSN as ``[bsn]``,
in every string of the event, and leaves every other number alone."""

import pytest

from jeugdregie.core.logs import (
    BSN_REDACTED,
    DropQueryStrings,
    bsn_like_numbers,
    redact_bsns,
    without_query_string,
)

BSN = "999999990"  # synthetic, passes the eleven-test
NOT_A_BSN = "999999991"  # nine digits, fails the eleven-test


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (f"youth {BSN} not found", [BSN]),
        (f"/privacy/bsn/{BSN}/", [BSN]),
        (f"bsn={BSN}&x=1", [BSN]),
        (f'{{"bsn": "{BSN}"}}', [BSN]),
        (f"{NOT_A_BSN} fails the eleven-test", []),
        (f"1{BSN} has ten digits", []),
        (f"a3f{BSN}e1 is part of a hexadecimal hash", []),
        ("123 and 2026-12-07T15:13:12.123456Z", []),
    ],
)
def test_a_bsn_is_nine_digits_on_their_own_that_pass_the_eleven_test(text, found):
    assert bsn_like_numbers(text) == found


def test_every_string_of_the_event_is_redacted_nested_and_formatted_exception_too():
    event = {
        "event": f"lookup of {BSN} failed",
        "request": "GET /jeugdigen/12/",
        "numbers": [BSN, NOT_A_BSN, 12],
        "nested": {"bsn": BSN, "count": 999999990},
        "exception": f"Traceback …\nValueError: {BSN} unknown",
    }

    redacted = redact_bsns(None, "warning", event)

    assert redacted["event"] == f"lookup of {BSN_REDACTED} failed"
    assert redacted["request"] == "GET /jeugdigen/12/"
    assert redacted["numbers"] == [BSN_REDACTED, NOT_A_BSN, 12]
    assert redacted["nested"] == {"bsn": BSN_REDACTED, "count": 999999990}
    assert redacted["exception"] == f"Traceback …\nValueError: {BSN_REDACTED} unknown"


def test_the_development_servers_request_line_loses_its_query_string():
    import logging

    record = logging.LogRecord(
        "django.server", logging.INFO, __file__, 1, '"%s" %s %s',
        (f'GET /zoeken/?q={BSN}&pagina=2 HTTP/1.1', "200", "512"), None,
    )  # fmt: skip

    assert DropQueryStrings().filter(record)

    assert record.getMessage() == '"GET /zoeken/ HTTP/1.1" 200 512'
    assert without_query_string("/a/?q=1") == "/a/"
