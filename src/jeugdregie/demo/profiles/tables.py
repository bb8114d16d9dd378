# SPDX-License-Identifier: EUPL-1.2
"""Read a region's product catalogue and allocation patterns from two plain-text tables.

The catalogue is what the region buys, as a contract manager would list it::

    [JO-LICHT | closed | light] Jeugd en opvoedondersteuning licht
    45A01 | 45 | 04 | 68.00 | 70.40 | Ambulante jeugdhulp licht

(lot code, open or closed, segment; product code, JZ020 category, WJ756 unit, tariff from
1 January of the year before the demo year, raised tariff from 1 January of the demo year
or empty, name). The execution variant follows the unit, as in the WJ756 code list.

The patterns say how allocations of each product typically look::

    45A01 | 5   | 1-3 per week, max 5 | 13-39 | basic 26 weeks, age 4-17, open 20%

(product code, relative number of allocations, volume, duration in weeks, options). A volume
is ``N[-M] per day|per week|per month|total[, max K]`` or ``€ N-M`` for a budget; options
are ``basic N weeks``, ``age N-M``, ``open N%`` (share without an end date) and
``light contract`` (a tailor-made arrangement from a non-contracted provider).
"""

import re
from decimal import Decimal

from jeugdregie.contracting.constants import ExecutionVariant, Frequency, LotSegment, Unit
from jeugdregie.demo.profiles.base import LotSpec, ProductSpec

OUTPUT_UNITS = frozenset({Unit.PIECE_OUTPUT, Unit.EURO})
FREQUENCIES = {
    "per day": Frequency.PER_DAY,
    "per week": Frequency.PER_WEEK,
    "per month": Frequency.PER_MONTH,
    "total": Frequency.TOTAL,
}
LOT_HEADER = re.compile(
    r"^\[(?P<code>[^|\]]+)\|(?P<open>[^|\]]+)(?:\|(?P<segment>[^\]]+))?\]\s*(?P<name>.+)$"
)
VOLUME = re.compile(
    r"^(?P<low>\d+)(?:-(?P<high>\d+))? (?P<frequency>per day|per week|per month|total)"
    r"(?:, max (?P<cap>\d+))?$"
)
BUDGET = re.compile(r"^€ ?(?P<low>\d+)-(?P<high>\d+)$")
RANGE = re.compile(r"^(?P<low>\d+)(?:-(?P<high>\d+))?$")


class TableError(ValueError):
    """A catalogue or pattern row that cannot be read; the message names the row."""


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.split("|")]


def _range(text: str, row: str) -> tuple[int, int]:
    match = RANGE.match(text)
    if not match:
        raise TableError(f"{row}: '{text}' is not a number or a range like 13-39.")
    low = int(match["low"])
    return low, int(match["high"] or low)


def _pattern(cells: list[str], row: str) -> dict[str, object]:
    if len(cells) not in (4, 5):
        raise TableError(f"{row}: expected 4 or 5 columns, found {len(cells)}.")
    _code, weight, volume, weeks, options = [*cells, ""][:5]
    pattern: dict[str, object] = {"weight": float(weight), "weeks": _range(weeks, row)}
    if budget := BUDGET.match(volume):
        pattern.update(budget=(int(budget["low"]), int(budget["high"])), frequency=Frequency.TOTAL)
    elif amount := VOLUME.match(volume):
        low = int(amount["low"])
        pattern.update(
            volume=(low, int(amount["high"] or low)),
            frequency=FREQUENCIES[amount["frequency"]],
            volume_cap=int(amount["cap"]) if amount["cap"] else None,
        )
    else:
        raise TableError(
            f"{row}: volume '{volume}' is not like '1-3 per week, max 5' or '€ 10-20'."
        )
    for option in filter(None, (part.strip() for part in options.split(","))):
        if option == "light contract":
            pattern["custom"] = True
        elif found := re.fullmatch(r"basic (\d+) weeks", option):
            pattern["basic_duration_weeks"] = int(found[1])
        elif found := re.fullmatch(r"age (\d+-\d+)", option):
            pattern["ages"] = _range(found[1], row)
        elif found := re.fullmatch(r"open (\d+)%", option):
            pattern["open_end"] = int(found[1]) / 100
        else:
            raise TableError(f"{row}: unknown option '{option}'.")
    return pattern


def read_lots(catalogue: str, patterns: str) -> tuple[LotSpec, ...]:
    """The lots with their products, from the catalogue table and the pattern table."""
    shapes: dict[str, dict[str, object]] = {}
    for number, line in enumerate(patterns.strip().splitlines(), start=1):
        if line.strip() and not line.startswith("#"):
            cells = _cells(line)
            shapes[cells[0]] = _pattern(cells, f"pattern row {number} ({cells[0]})")
    groups: list[tuple[dict[str, str], list[ProductSpec]]] = []
    for number, line in enumerate(catalogue.strip().splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        if found := LOT_HEADER.match(line):
            header = {key: (value or "").strip() for key, value in found.groupdict().items()}
            groups.append((header, []))
            continue
        cells = _cells(line)
        row = f"catalogue row {number} ({cells[0]})"
        if not groups or len(cells) != 6:
            raise TableError(f"{row}: expected a lot header first and 6 columns per product.")
        code, category, unit, tariff, raised, name = cells
        if code not in shapes:
            raise TableError(f"{row}: no allocation pattern for product {code}.")
        groups[-1][1].append(
            ProductSpec(
                code=code,
                name=name,
                category=category,
                unit=Unit(unit),
                tariff=Decimal(tariff),
                raised_tariff=Decimal(raised) if raised else None,
                variant=ExecutionVariant.OUTPUT
                if unit in OUTPUT_UNITS
                else ExecutionVariant.EFFORT,
                **shapes.pop(code),  # type: ignore[arg-type]
            )
        )
    if shapes:
        raise TableError(
            f"Patterns for products not in the catalogue: {', '.join(sorted(shapes))}."
        )
    return tuple(
        LotSpec(
            code=header["code"],
            name=header["name"],
            is_open=header["open"] == "open",
            segment=LotSegment(header["segment"]),
            products=tuple(products),
        )
        for header, products in groups
    )
