# SPDX-License-Identifier: EUPL-1.2
"""The contracts file of the migration import: which provider the region contracts for which
lots, from when to when (an Open House admission or a tender; light contracts come from the
expert table, never from an import)."""

from jeugdregie.contracting.constants import ContractKind
from jeugdregie.workflows.masterdata.plan import ContractRow, Plan
from jeugdregie.workflows.masterdata.reading import Problems, Table
from jeugdregie.workflows.masterdata.rows import Duplicates, known_provider, rows

__all__ = ["CONTRACT_KINDS", "check_contracts"]

CONTRACT_KINDS = {"open house": ContractKind.REGIONAL, "aanbesteding": ContractKind.TENDER}
"""The file's word for each kind of contract an import may bring."""


def check_contracts(
    table: Table | None,
    plan: Plan,
    problems: Problems,
    providers: set[str],
    lots: set[str],
) -> None:
    duplicates = Duplicates(("kenmerk",))
    for row in rows(table, problems):
        agb = row.digits("agb_code", 8)
        kind = row.choice("soort", list(CONTRACT_KINDS))
        reference = row.text("kenmerk")
        named = [name.strip() for name in row.text("percelen").split("|") if name.strip()]
        start = row.day("ingangsdatum")
        end = row.day("einddatum", required=False)
        known_provider(row, agb, providers)
        unknown = [name for name in named if name.lower() not in lots]
        if unknown:
            row.error(
                "percelen",
                f"onbekend perceel '{unknown[0]}': niet in de database en niet in producten "
                "(meer percelen scheidt u met |)",
            )
        if start and end and end < start:
            row.error("einddatum", f"{end:%Y-%m-%d} ligt voor de ingangsdatum {start:%Y-%m-%d}")
        if row.ok and duplicates.check(row, (reference,)):
            assert start is not None
            plan.contracts.append(
                ContractRow(row.line, agb, CONTRACT_KINDS[kind], reference, named, start, end)
            )
