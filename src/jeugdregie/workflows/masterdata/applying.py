# SPDX-License-Identifier: EUPL-1.2
"""Applying a validated import through the services, in one transaction, all or nothing."""

import re
from collections import Counter
from collections.abc import Callable
from functools import partial
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction

from jeugdregie.accounts.models import User
from jeugdregie.budgets.constants import CeilingBasis, RealisationSource
from jeugdregie.budgets.services import ceiling_set, realisation_book
from jeugdregie.clients.selectors import youth_by_bsn
from jeugdregie.clients.services import youth_create
from jeugdregie.contracting.constants import ExecutionVariant, Unit
from jeugdregie.contracting.models import Lot, Product, Provider
from jeugdregie.contracting.services import (
    contract_create,
    lot_create,
    product_create,
    provider_create,
)
from jeugdregie.regions.models import Municipality, Region
from jeugdregie.regions.services import municipality_create, municipality_organisation_create
from jeugdregie.workflows.allocations import allocation_grant
from jeugdregie.workflows.masterdata.checking import check_tables
from jeugdregie.workflows.masterdata.plan import (
    AllocationRow,
    CeilingRow,
    ContractRow,
    MunicipalityRow,
    Plan,
    ProductRow,
    ProviderRow,
    RealisationRow,
)
from jeugdregie.workflows.masterdata.reading import FILES, Problems, read_tables

NO_LOT_CODE = "ZONDER"
UNKNOWN_NAME = "(onbekend)"  # toewijzingen.csv carries no names; they follow from the BRP

# the service's field name → the column of the file it came from
COLUMNS = {
    "gemeenten": {"cbs_code": "code", "name": "naam"},
    "producten": {
        "category": "productcategorie",
        "code": "productcode",
        "name": "omschrijving",
        "unit": "eenheid",
        "variant": "uitvoeringsvariant",
        "lot": "perceel",
    },
    "aanbieders": {"agb_code": "agb_code", "name": "naam", "kvk_number": "kvk_nummer"},
    "contracten": {
        "provider": "agb_code",
        "kind": "soort",
        "reference": "kenmerk",
        "lots": "percelen",
        "start": "ingangsdatum",
        "end": "einddatum",
    },
    "plafonds": {"amount": "bedrag", "lot": "perceel", "year": "jaar"},
    "realisatie": {"amount": "bedrag", "month": "maand", "year": "jaar"},
    "toewijzingen": {
        "number": "toewijzingnummer",
        "municipality": "gemeente",
        "bsn": "bsn",
        "birth_date": "geboortedatum",
        "provider": "agb_code",
        "product": "productcode",
        "start": "ingangsdatum",
        "end": "einddatum",
        "volume": "volume",
        "frequency": "frequentie",
        "unit_price": "tarief",
        "budget": "budget",
    },
}


class ImportRefusedError(Exception):
    """The import was refused whole; ``messages`` names every error by file, row, column."""

    def __init__(self, messages: list[str]):
        super().__init__(f"{len(messages)} fouten")
        self.messages = messages


class _Writer:
    def __init__(self, plan: Plan, region: Region, actor: User | None, problems: Problems):
        self.plan, self.region, self.actor, self.problems = plan, region, actor, problems
        self.counts: Counter[str] = Counter()

    def row(self, stem: str, line: int, write: Callable[[], object]) -> None:
        """Write one row in a savepoint; a refusal is reported and the import goes on."""
        filename = self.plan.filenames[stem]
        try:
            with transaction.atomic():
                write()
        except ValidationError as exc:
            if hasattr(exc, "error_dict"):
                for name, messages in exc.message_dict.items():
                    column = COLUMNS[stem].get(name, None if name == "__all__" else name)
                    for message in messages:
                        self.problems.add(filename, line, column, message)
            else:
                for message in exc.messages:
                    self.problems.add(filename, line, None, message)
        except DatabaseError as exc:
            self.problems.add(filename, line, None, f"database weigert de regel ({exc})")
        else:
            self.counts[stem] += 1

    def lot(self, name: str) -> Lot:
        lots = Lot.objects.filter(region=self.region)
        if not name:
            found = lots.filter(code=NO_LOT_CODE).first()
            return found or lot_create(
                actor=self.actor, region=self.region, code=NO_LOT_CODE, name="Zonder perceel"
            )
        found = lots.filter(name__iexact=name).first() or lots.filter(code__iexact=name).first()
        if found:
            return found
        code = re.sub(r"[^A-Z0-9]", "", name.upper())[:16] or "PERCEEL"
        unique, n = code, 1
        while lots.filter(code=unique).exists():
            n += 1
            unique = f"{code}{n}"
        return lot_create(actor=self.actor, region=self.region, code=unique, name=name)

    def aspecific_product(self, category: str, unit: str) -> Product:
        """An aspecific allocation (category only) gets the region's stand-in product for
        that category and unit, code ``<category>Z<unit>``."""
        code = f"{category}Z{unit}"
        found = Product.objects.filter(region=self.region, code=code).first()
        return found or product_create(
            actor=self.actor,
            region=self.region,
            lot=self.lot(""),
            category_code=category,
            code=code,
            name=f"Aspecifiek {category} ({Unit(unit).label})",
            unit=unit,
            variant=ExecutionVariant.EFFORT,
        )

    def apply(self) -> None:
        plan = self.plan
        for m in plan.municipalities:
            self.row("gemeenten", m.line, partial(self._municipality, m))
        for p in plan.products:
            self.row("producten", p.line, partial(self._product, p))
        for a in plan.providers:
            self.row("aanbieders", a.line, partial(self._provider, a))
        providers = {p.agb_code: p for p in Provider.objects.all()}
        for k in plan.contracts:
            self.row("contracten", k.line, partial(self._contract, k, providers))
        for c in plan.ceilings:
            self.row("plafonds", c.line, partial(self._ceiling, c, providers))
        for r in plan.realisations:
            self.row("realisatie", r.line, partial(self._realisation, r, providers))
        for t in plan.allocations:
            self.row("toewijzingen", t.line, partial(self._allocation, t, providers))

    def _municipality(self, row: MunicipalityRow) -> None:
        municipality = municipality_create(
            actor=self.actor, region=self.region, cbs_code=row.code, name=row.name
        )
        municipality_organisation_create(actor=self.actor, municipality=municipality)

    def _product(self, row: ProductRow) -> None:
        product_create(
            actor=self.actor,
            region=self.region,
            lot=self.lot(row.lot),
            category_code=row.category,
            code=row.code,
            name=row.name,
            unit=row.unit,
            variant=row.variant,
        )

    def _provider(self, row: ProviderRow) -> None:
        provider_create(actor=self.actor, agb_code=row.agb, name=row.name, kvk_number=row.kvk)

    def _contract(self, row: ContractRow, providers: dict[str, Provider]) -> None:
        contract_create(
            actor=self.actor,
            region=self.region,
            provider=providers[row.agb],
            kind=row.kind,
            reference=row.reference,
            lots=[self.lot(name) for name in row.lots],
            start=row.start,
            end=row.end,
        )

    def _ceiling(self, row: CeilingRow, providers: dict[str, Provider]) -> None:
        ceiling_set(
            actor=self.actor,
            region=self.region,
            provider=providers[row.agb],
            year=row.year,
            amount=row.amount,
            basis=CeilingBasis.FIXED,
            lot=self.lot(row.lot) if row.lot else None,
            reason="Migratie-import",
        )

    def _realisation(self, row: RealisationRow, providers: dict[str, Provider]) -> None:
        realisation_book(
            actor=self.actor,
            region=self.region,
            provider=providers[row.agb],
            year=row.year,
            month=row.month,
            amount=row.amount,
            source=RealisationSource.IMPORT,
        )

    def _allocation(self, row: AllocationRow, providers: dict[str, Provider]) -> None:
        municipality = Municipality.objects.filter(cbs_code=row.municipality).first()
        if municipality is None:  # its row in gemeenten was refused
            raise ValidationError(
                {"municipality": f"gemeente '{row.municipality}' is niet ingelezen"}
            )
        # any region: a BSN is unique nationally, and the import makes the youth when none
        youth = youth_by_bsn(bsn=row.bsn, region=None)
        if youth is None:
            youth = youth_create(
                actor=self.actor,
                bsn=row.bsn,
                given_name=UNKNOWN_NAME,
                family_name=UNKNOWN_NAME,
                birth_date=row.birth_date,
                municipality=municipality,
            )
        elif youth.birth_date != row.birth_date:
            raise ValidationError(
                {
                    "birth_date": f"{row.birth_date:%Y-%m-%d} wijkt af van de geregistreerde "
                    f"geboortedatum van deze jeugdige"
                }
            )
        if row.product_code:
            product = Product.objects.get(region=self.region, code=row.product_code)
        else:
            product = self.aspecific_product(row.category, row.unit or Unit.EURO)
        allocation_grant(
            actor=self.actor,
            youth=youth,
            provider=providers[row.agb],
            product=product,
            start=row.start,
            end=row.end,
            volume=row.volume,
            frequency=row.frequency,
            budget=row.budget,
            municipality=municipality,
            number=row.number,
            unit_price=row.unit_price,
        )


def import_masterdata(
    *, directory: Path, region: Region, actor: User | None = None
) -> dict[str, int]:
    """Import whichever files ``directory`` holds; rows written per file, or ImportRefusedError.

    First every file is read and every row and reference checked; only when all is well
    are the rows written through the services, in one transaction that is rolled back
    whole when any service refuses a row.
    """
    problems = Problems()
    if not directory.is_dir():
        raise ImportRefusedError([f"{directory}: map bestaat niet"])
    tables = read_tables(directory, problems)
    if not tables and not problems:
        names = ", ".join(f"{stem}.csv" for stem in FILES)
        raise ImportRefusedError(
            [f"{directory}: geen importbestanden gevonden (verwacht: {names})"]
        )
    plan = check_tables(tables, region, problems)
    if problems:
        raise ImportRefusedError(problems.messages)
    with transaction.atomic():
        writer = _Writer(plan, region, actor, problems)
        writer.apply()
        if problems:
            raise ImportRefusedError(problems.messages)  # leaving the block rolls everything back
    return {plan.filenames[stem]: count for stem, count in writer.counts.items()}
