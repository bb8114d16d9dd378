# SPDX-License-Identifier: EUPL-1.2
"""A contract type for import-linter (``.importlinter``): apps meet through each other's
services, selectors and constants, not through each other's models.

A module of one app importing the ``models`` module of another app breaks the contract,
unless the import matches an ``ignore_imports`` line of the contract: the declared exceptions
(with their reasons in the contract file) and the list of imports still to be replaced, which
may only shrink (a line that no longer matches is an error, so it cannot go stale).
"""

from typing import Any, cast

from grimp import ImportGraph
from importlinter import Contract, ContractCheck, fields, output
from importlinter.application import contract_utils


def _app(module: str) -> str:
    parts = module.split(".")
    return ".".join(parts[:2])


class CrossAppModelsContract(Contract):
    type_name = "cross_app_models"

    root = fields.StringField()
    ignore_imports = fields.SetField(subfield=fields.ImportExpressionField(), required=False)

    def check(self, graph: ImportGraph, verbose: bool) -> ContractCheck:
        removal = contract_utils.remove_ignored_imports_and_report(
            graph=graph,
            ignore_imports=cast(Any, self.ignore_imports),
            unmatched_alerting=contract_utils.AlertLevel.ERROR,
        )
        root = str(self.root)
        found: list[dict[str, Any]] = []
        for importer in sorted(graph.find_descendants(root)):
            for imported in sorted(graph.find_modules_directly_imported_by(importer)):
                if not imported.startswith(f"{root}.") or not imported.endswith(".models"):
                    continue
                if _app(imported) == _app(importer):
                    continue
                details = graph.get_import_details(importer=importer, imported=imported)
                lines = sorted({detail["line_number"] for detail in details})
                found.append({"importer": importer, "imported": imported, "lines": lines})
        return ContractCheck(
            kept=not found,
            warnings=list(removal.warnings),
            ignored_import_count=removal.ignored_import_count,
            metadata={"imports": found},
        )

    def render_broken_contract(self, check: ContractCheck) -> None:
        for found in check.metadata["imports"]:
            lines = ", ".join(f"l.{line}" for line in found["lines"])
            output.print(f"- {found['importer']} -> {found['imported']} ({lines})")
        output.new_line()
        output.print(
            "Use the other app's selectors, services or constants instead; an exception is "
            "declared in .importlinter with its reason."
        )
