# SPDX-License-Identifier: EUPL-1.2
"""Simple types: reading and writing the text of leaf elements the way XML Schema 1.0 does.

Each ``SimpleType`` turns the text of an element into a Python value or raises
``LexicalError`` with the kind of facet that failed. The rules follow XML Schema 1.0 as the
official iJw schemas use it (and as libxml2 applies it):

- ``xs:string`` types keep whitespace as it is; ``xs:integer``, ``xs:date`` and ``xs:time``
  collapse it, so leading and trailing spaces, tabs and newlines are allowed there.
- In XSD regular expressions ``.`` matches anything except CR and LF and ``\\s`` is only
  space, tab, CR and LF; a non-breaking space is not whitespace.
- ``xs:date`` allows negative years and years above 9999; they are schema-valid but cannot
  be a ``datetime.date``, so they raise ``UnrepresentableError`` (likewise the time 24:00:00).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import enum
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

XML_WHITESPACE = " \t\n\r"


class LexicalError(ValueError):
    """A value breaks its simple type; ``rule`` names the facet kind (e.g. ``"PATROON"``)."""

    def __init__(self, rule: str, message: str) -> None:
        super().__init__(message)
        self.rule = rule
        self.message = message


class UnrepresentableError(ValueError):
    """A schema-valid value that a Python ``date``/``time`` cannot hold."""

    def __init__(self, rule: str, message: str) -> None:
        super().__init__(message)
        self.rule = rule
        self.message = message


@dataclass(frozen=True, slots=True)
class SimpleType:
    """A named (``LDT_…``) or anonymous simple type with its reader and writer."""

    name: str | None
    read: Callable[[str], Any]
    write: Callable[[Any], str]
    python_type: type | tuple[type, ...]
    description: str
    # The facet-by-facet reader (same verdict as ``read``; used to test the fast paths).
    check: Callable[[str], Any] | None = None
    # For generated readers: a regex equivalent to all facets of a string type, or the
    # code table of an enumeration.
    fast: re.Pattern[str] | None = None
    codes: dict[str, Any] | None = None
    # "integer" (with ``maximum``; minimum 0, no pattern) or "date": the generated reader
    # inlines the common case.
    kind: str = ""
    maximum: int | None = None
    pinned: str | None = None  # kind "pinned": the one lexical form of the common case


def _show(value: str) -> str:
    return repr(value if len(value) <= 40 else value[:37] + "...")


# --- strings ----------------------------------------------------------------------------


def non_blank_line(value: str) -> bool:
    """XSD pattern ``.*[^\\s].*``: one line with at least one non-whitespace character."""
    return "\n" not in value and "\r" not in value and value.strip(" \t") != ""


def non_blank(value: str) -> bool:
    """XSD pattern ``([.\\s]*\\S+[.\\s]*)+``: at least one non-whitespace character."""
    return value.strip(XML_WHITESPACE) != ""


def regex(pattern: str) -> Callable[[str], bool]:
    """A whole-value XSD pattern that has the same meaning as a Python regex.

    Only for patterns without ``.``, ``\\s``, ``\\d`` or ``\\w`` (whose meaning differs).
    """
    compiled = re.compile(pattern)

    def matches(value: str) -> bool:
        return compiled.fullmatch(value) is not None

    return matches


def _write_str(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"verwacht tekst, kreeg {type(value).__name__}")
    return value


def string_type(
    name: str | None,
    *,
    min_length: int = 0,
    max_length: int | None = None,
    pattern: Callable[[str], bool] | None = None,
    pattern_text: str = "",
    fast: str | None = None,
) -> SimpleType:
    """A string type. ``fast`` is an optional Python regex equivalent to all facets together;
    it only speeds up the common (valid) case, the facet checks below decide."""

    def check(text: str) -> str:
        length = len(text)
        if length < min_length:
            if length == 0:
                raise LexicalError("LENGTE", "mag niet leeg zijn")
            raise LexicalError("LENGTE", f"{_show(text)} is korter dan {min_length} tekens")
        if max_length is not None and length > max_length:
            raise LexicalError(
                "LENGTE", f"{_show(text)} heeft {length} tekens, maximaal {max_length}"
            )
        if pattern is not None and not pattern(text):
            raise LexicalError("PATROON", f"{_show(text)} voldoet niet aan {pattern_text}")
        return text

    if fast is None and pattern is None:
        upper = "" if max_length is None else str(max_length)
        fast = rf"(?s:.{{{min_length},{upper}}})"
    fast_pattern = re.compile(fast) if fast is not None else None
    read = check
    if fast_pattern is not None:
        fast_match = fast_pattern.fullmatch

        def read(text: str) -> str:
            if fast_match(text) is not None:
                return text
            return check(text)

    description = f"tekst ({min_length}..{max_length or '∞'} tekens) {pattern_text}".strip()
    return SimpleType(name, read, _write_str, str, description, check, fast_pattern)


def enum_type(name: str, codes: type[enum.StrEnum]) -> SimpleType:
    lookup: dict[str, enum.StrEnum] = {member.value: member for member in codes}
    allowed = ", ".join(sorted(lookup))
    if len(allowed) > 60:
        allowed = allowed[:57] + "..."

    def read(text: str) -> enum.StrEnum:
        member = lookup.get(text)
        if member is None:
            raise LexicalError("CODELIJST", f"{_show(text)} is geen code uit {name} ({allowed})")
        return member

    def write(value: Any) -> str:
        if isinstance(value, str) and value in lookup:
            return lookup[value].value
        raise TypeError(f"{value!r} is geen code uit {name}")

    return SimpleType(
        name, read, write, (codes, str), f"code uit {codes.__name__}", codes=dict(lookup)
    )


# --- integers ---------------------------------------------------------------------------

_INTEGER = re.compile(r"([+-]?)([0-9]+)")


def integer_type(
    name: str | None,
    *,
    minimum: int,
    maximum: int,
    pattern: Callable[[str], bool] | None = None,
    pattern_text: str = "",
) -> SimpleType:
    max_digits = len(str(maximum))

    def read(text: str) -> int:
        value = text.strip(XML_WHITESPACE) if text else text
        if pattern is None and value.isdigit() and value.isascii() and len(value) <= max_digits:
            number = int(value)
            if number <= maximum and number >= minimum:
                return number
        if pattern is not None and not pattern(value):
            raise LexicalError("PATROON", f"{_show(value)} voldoet niet aan {pattern_text}")
        if value.isascii() and value.isdigit():
            digits, negative = value, False
        else:
            match = _INTEGER.fullmatch(value)
            if match is None:
                raise LexicalError("DATATYPE", f"{_show(value)} is geen geheel getal")
            digits, negative = match.group(2), match.group(1) == "-"
        significant = digits.lstrip("0") or "0"
        if len(significant) > max_digits + 1:
            raise LexicalError("BEREIK", f"{_show(value)} ligt buiten {minimum}..{maximum}")
        number = -int(significant) if negative else int(significant)
        if number < minimum or number > maximum:
            raise LexicalError("BEREIK", f"{number} ligt buiten {minimum}..{maximum}")
        return number

    def write(value: Any) -> str:
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"verwacht een geheel getal, kreeg {type(value).__name__}")
        return str(value)

    plain = pattern is None and minimum == 0
    return SimpleType(
        name,
        read,
        write,
        int,
        f"geheel getal {minimum}..{maximum}",
        kind="integer" if plain else "",
        maximum=maximum,
    )


# --- dates and times --------------------------------------------------------------------

_DATE = re.compile(r"(-?)([1-9][0-9]{4,}|[0-9]{4})-([0-9]{2})-([0-9]{2})")
_DAYS_IN_MONTH = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _is_leap(last_digits: int) -> bool:
    # Only the zero-ness of year mod 4/100/400 matters; the last four digits decide it.
    return last_digits % 4 == 0 and (last_digits % 100 != 0 or last_digits % 400 == 0)


SIMPLE_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}").fullmatch


def read_date(text: str) -> dt.date:
    value = text.strip(XML_WHITESPACE)
    if SIMPLE_DATE(value) is not None:
        # Fast path; an impossible date (2027-06-31, 0000-01-01) falls through to the exact
        # check below, which says what is wrong.
        with contextlib.suppress(ValueError):
            return dt.date.fromisoformat(value)
    match = _DATE.fullmatch(value)
    if match is None:
        raise LexicalError("DATATYPE", f"{_show(value)} is geen datum (jjjj-mm-dd)")
    sign, year_text, month_text, day_text = match.groups()
    month, day = int(month_text), int(day_text)
    last_digits = int(year_text[-4:])
    if year_text.strip("0") == "":
        raise LexicalError("DATATYPE", f"{_show(value)} is geen datum: jaar 0000 bestaat niet")
    if not 1 <= month <= 12:
        raise LexicalError("DATATYPE", f"{_show(value)} is geen datum: maand {month_text}")
    days = 29 if month == 2 and _is_leap(last_digits) else _DAYS_IN_MONTH[month - 1]
    if not 1 <= day <= days:
        raise LexicalError("DATATYPE", f"{_show(value)} is geen bestaande datum")
    if sign or len(year_text) > 4:
        raise UnrepresentableError("IJW-DATUM", f"{_show(value)}: jaar buiten 0001..9999")
    return dt.date(last_digits, month, day)


def _write_date(value: Any) -> str:
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise TypeError(f"verwacht een datum, kreeg {type(value).__name__}")
    return value.isoformat()


_TIME = re.compile(r"([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\.([0-9]+))?")


def read_time(text: str) -> dt.time:
    value = text.strip(XML_WHITESPACE)
    match = _TIME.fullmatch(value)
    if match is None:
        raise LexicalError("DATATYPE", f"{_show(value)} is geen tijd (uu:mm:ss)")
    hour, minute, second = (int(part) for part in match.groups()[:3])
    fraction = match.group(4) or ""
    if hour == 24 and minute == 0 and second == 0 and fraction.strip("0") == "":
        raise UnrepresentableError("IJW-TIJD", f"{_show(value)}: 24:00:00 wordt niet ondersteund")
    if hour > 23 or minute > 59 or second > 59:
        raise LexicalError("DATATYPE", f"{_show(value)} is geen bestaande tijd")
    micro = int((fraction + "000000")[:6])
    return dt.time(hour, minute, second, micro)


def _write_time(value: Any) -> str:
    if not isinstance(value, dt.time) or value.tzinfo is not None:
        raise TypeError(f"verwacht een tijd zonder tijdzone, kreeg {value!r}")
    return value.isoformat()


def date_type(name: str) -> SimpleType:
    return SimpleType(name, read_date, _write_date, dt.date, "datum jjjj-mm-dd", kind="date")


def time_type(name: str) -> SimpleType:
    return SimpleType(name, read_time, _write_time, dt.time, "tijd uu:mm:ss")
