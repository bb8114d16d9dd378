# SPDX-License-Identifier: EUPL-1.2
"""Rules shared by several messages: BSN, dates against the message date, duplicates."""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Hashable, Sequence

from ijw.datatypes import Geboortedatum, XsdVersie
from ijw.findings import Finding
from ijw.messagetypes import XSD_VERSIE
from ijw.paths import step
from ijw.rules.catalogue import rule_finding

_WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2, -1)
_DIGIT_OFFSET = ord("0") * sum(_WEIGHTS)


def passes_eleven_test(bsn: str) -> bool:
    """CS002: (9·d1 + 8·d2 + … + 2·d8 − d9) mod 11 = 0, for nine digits."""
    if len(bsn) != 9 or not bsn.isascii() or not bsn.isdigit():
        return False
    # Multiply the character codes and correct for ord("0") once, instead of int() per digit.
    return (sum(map(operator.mul, bsn.encode(), _WEIGHTS)) - _DIGIT_OFFSET) % 11 == 0


NONE: tuple[Finding, ...] = ()  # the common answer of a rule helper, without allocating


def bsn_rule(bsn: str, location: str) -> Sequence[Finding]:
    if passes_eleven_test(bsn):
        return NONE
    return [
        rule_finding(
            "CS002", location, "Het BSN voldoet niet aan de elfproef; controleer het nummer."
        )
    ]


def years_before(day: dt.date, years: int) -> dt.date:
    year = day.year - years
    if year < dt.MINYEAR:
        return dt.date.min
    if day.month == 2 and day.day == 29:
        return dt.date(year, 2, 28)
    return day.replace(year=year)


def age_on(birth: dt.date, day: dt.date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def not_after_message_date(
    value: dt.date | None, dagtekening: dt.date, location: str, label: str
) -> Sequence[Finding]:
    """TR134: a date of something that already happened may not lie after the Dagtekening."""
    if value is None or value <= dagtekening:
        return NONE
    return [
        rule_finding(
            "TR134",
            location,
            f"{label} {value.isoformat()} ligt na de dagtekening van het bericht "
            f"({dagtekening.isoformat()}).",
        )
    ]


def birth_date_rules(
    geboortedatum: Geboortedatum, dagtekening: dt.date, location: str, *, tr002: bool = True
) -> Sequence[Finding]:
    """TR134 and TR002 for the client's birth date (skipped when the date is unknown)."""
    birth = geboortedatum.datum
    if geboortedatum.onbekend or (
        birth <= dagtekening and (not tr002 or birth >= years_before(dagtekening, 120))
    ):
        return NONE
    found = list(
        not_after_message_date(birth, dagtekening, f"{location}/Datum", "De geboortedatum")
    )
    if tr002 and birth < years_before(dagtekening, 120):
        found.append(
            rule_finding(
                "TR002",
                f"{location}/Datum",
                f"De geboortedatum {birth.isoformat()} ligt meer dan 120 jaar voor "
                "de dagtekening; vul DatumGebruik 3 (onbekend) als de datum niet bekend is.",
            )
        )
    return found


def duplicates(
    keys: Sequence[Hashable],
    locations: Sequence[str],
    rule: str,
    what: str,
    advice: str = "elke regel komt maar één keer voor in een bericht",
) -> Sequence[Finding]:
    """A finding at every repeat of a key that occurred earlier in the same message."""
    if len(keys) < 2:
        return NONE
    first: dict[Hashable, int] = {}
    found: list[Finding] = []
    for index, key in enumerate(keys):
        if key in first:
            found.append(
                rule_finding(
                    rule,
                    locations[index],
                    f"{what} komt al voor op {locations[first[key]]}; {advice}.",
                )
            )
        else:
            first[key] = index
    return found


def item_paths(base: str, name: str, count: int) -> list[str]:
    return [f"{base}/{step(name, index, count)}" for index in range(count)]


def xsd_versie_rule(xsd_versie: XsdVersie, location: str) -> Sequence[Finding]:
    """IV034 (warning): the XSD version comes from the schema's appinfo."""
    basis, bericht = xsd_versie.basisschema_xsd_versie, xsd_versie.bericht_xsd_versie
    if basis == bericht == XSD_VERSIE:
        return NONE
    return [
        rule_finding(
            "IV034",
            location,
            f"XsdVersie {basis}/{bericht} wijkt af van de versie in de iJw 3.2-schema's "
            f"({XSD_VERSIE}).",
        )
    ]


def overlaps(first: tuple[dt.date, dt.date | None], second: tuple[dt.date, dt.date | None]) -> bool:
    """Two periods (start, end or open) share at least one day."""
    start_a, end_a = first
    start_b, end_b = second
    return (end_b is None or start_a <= end_b) and (end_a is None or start_b <= end_a)
