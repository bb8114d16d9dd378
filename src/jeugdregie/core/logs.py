# SPDX-License-Identifier: EUPL-1.2
"""What a log line may never hold, and the safety net that keeps a BSN out of it.

A log line carries the request id, the user's id (the number, never the user name) and role;
never a BSN, a person's name, a message body or a query string. The code does not log them
in the first place: the test suite fails on any log line with a BSN or a name of a person it
created (``jeugdregie.testing.log_leaks``). ``redact_bsns`` is the net under that rule, a
processor in every log line's chain: a BSN that slips through anyway is written as
``[bsn]``.

A BSN in a log line is nine digits that pass the eleven-test (``core.bsn``), not part of a
longer run of letters and digits: a hash or a key in hexadecimal holds nine digits in a row
by chance, a BSN stands on its own (``/bsn/999999990/``, ``bsn=999999990``, ``"999999990"``).
"""

import logging
import re
from collections.abc import MutableMapping
from typing import Any

from jeugdregie.core.bsn import passes_eleven_test

BSN_REDACTED = "[bsn]"
_NINE_DIGITS = re.compile(r"(?<![0-9A-Za-z])[0-9]{9}(?![0-9A-Za-z])")
_QUERY_STRING = re.compile(r"\?[^\s\"]*")


def bsn_like_numbers(text: str) -> list[str]:
    """The nine-digit numbers in ``text`` that pass the eleven-test."""
    return [number for number in _NINE_DIGITS.findall(text) if passes_eleven_test(number)]


def redact_bsn_text(text: str) -> str:
    def replace(match: re.Match[str]) -> str:
        return BSN_REDACTED if passes_eleven_test(match.group()) else match.group()

    return _NINE_DIGITS.sub(replace, text)


def _redacted(value: Any) -> Any:
    if isinstance(value, str):
        return redact_bsn_text(value)
    if isinstance(value, dict):
        return {key: _redacted(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(_redacted(item) for item in value)
    return value


def redact_bsns(
    logger: object, method_name: str, event_dict: MutableMapping[str, Any]
) -> MutableMapping[str, Any]:
    """structlog processor: every string in the event (nested ones too, the formatted
    exception included when it runs after ``format_exc_info``) with its BSNs as ``[bsn]``."""
    for key, value in event_dict.items():
        event_dict[key] = _redacted(value)
    return event_dict


def without_query_string(text: str) -> str:
    """A request line or address without its query string: a search may carry a BSN."""
    return _QUERY_STRING.sub("", text)


class DropQueryStrings(logging.Filter):
    """For the development server's request lines (logger ``django.server``): its arguments
    hold the request line with the query string, the filter removes it."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(
                without_query_string(arg) if isinstance(arg, str) else arg for arg in record.args
            )
        return True
