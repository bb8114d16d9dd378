# SPDX-License-Identifier: EUPL-1.2
"""Numbers as spreadsheets write them: "24000", "24000.00", "24.000", "24.000,00",
"1,234.56", "€ 1.234,56".

A number has at most one decimal mark. With both a point and a comma, the last one is the
decimal mark and the other separates thousands. With one kind of mark used more than once,
it separates thousands ("1.234.567"). One point followed by exactly three digits after one to
three leading digits (not "0") separates thousands too, as Dutch spreadsheets write whole
numbers ("24.000" is twenty-four thousand); otherwise the mark is the decimal mark ("80.00",
"12,5", "100,125"). Thousands groups have three digits: "1.23.456" is no number.
"""

import re
from decimal import Decimal, InvalidOperation

__all__ = ["spreadsheet_number"]

_SPACES = str.maketrans("", "", " \u00a0\u202f\u2009\t")


def _grouped(digits: str, mark: str) -> str | None:
    if re.fullmatch(rf"\d{{1,3}}(?:{re.escape(mark)}\d{{3}})+", digits):
        return digits.replace(mark, "")
    return None


def _split(text: str) -> tuple[str, str] | None:
    """(integer digits, fraction digits) or None."""
    has_point, has_comma = "." in text, "," in text
    if has_point and has_comma:
        decimal = "." if text.rfind(".") > text.rfind(",") else ","
        thousands = "," if decimal == "." else "."
        whole, _, fraction = text.rpartition(decimal)
        grouped = _grouped(whole, thousands)
        return (grouped, fraction) if grouped is not None else None
    mark = "." if has_point else "," if has_comma else ""
    if not mark:
        return text, ""
    if text.count(mark) > 1:
        grouped = _grouped(text, mark)
        return (grouped, "") if grouped is not None else None
    whole, _, fraction = text.partition(mark)
    if mark == "." and len(fraction) == 3 and 1 <= len(whole) <= 3 and not whole.startswith("0"):
        return whole + fraction, ""
    return whole, fraction


def spreadsheet_number(value: str) -> Decimal | None:
    """The number ``value`` writes, or None when it is no number."""
    text = value.translate(_SPACES).removeprefix("€")
    negative = text.startswith("-")
    parts = _split(text.removeprefix("-"))
    if parts is None:
        return None
    whole, fraction = parts
    if not whole.isdigit() or (fraction and not fraction.isdigit()):
        return None
    try:
        number = Decimal(f"{whole}.{fraction}" if fraction else whole)
    except InvalidOperation:  # pragma: no cover - digits only by now
        return None
    return -number if negative else number
