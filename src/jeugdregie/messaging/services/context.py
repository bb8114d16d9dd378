# SPDX-License-Identifier: EUPL-1.2
"""What the processing of one received message knows and has found so far."""

import datetime as dt
from collections.abc import Callable, Hashable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any, TypeVar, cast

import ijw
from jeugdregie.allocations.models import Allocation, DeliveryPeriod
from jeugdregie.contracting.models import Product, Provider
from jeugdregie.messaging.models import InboxMessage
from jeugdregie.messaging.services import sql
from jeugdregie.regions.models import Municipality

__all__ = [
    "Catalogue",
    "Context",
    "T",
    "allocations_by_number",
    "catalogue",
    "import_run",
    "link_allocations",
    "run_cached",
]


@dataclass
class Context:
    inbox: InboxMessage
    message: ijw.Message
    provider: Provider
    municipality: Municipality
    today: dt.date
    header_code: str | None = None
    flagged: dict[int, str] = field(default_factory=dict)
    findings: list[dict[str, Any]] = field(default_factory=list)

    @property
    def rejected(self) -> bool:
        return self.header_code is not None or bool(self.flagged)

    def reject(
        self, target: object | None, *, code: str, rule: str, location: str, text: str
    ) -> None:
        """Record a cross-message finding; ``target`` None means the header (whole message)."""
        if target is None:
            self.header_code = self.header_code or code
        else:
            self.flagged.setdefault(id(target), code)
        self.findings.append(
            {
                "code": code,
                "rule": rule,
                "location": f"/{self.inbox.message_type}{location}",
                "line": None,
                "severity": ijw.Severity.ERROR.value,
                "message": text,
            }
        )


def allocations_by_number(
    ctx: Context, numbers: Iterable[str], *, with_periods: bool = False
) -> dict[str, tuple[Allocation, list[DeliveryPeriod]]]:
    """The provider's allocations in the municipality with these numbers, each with the
    youth's BSN key as ``youth_bsn_index`` (nothing to decrypt), its product from the
    catalogue and, when asked, its delivery periods by start: one query (``sql``)."""
    numbers = sorted(set(numbers))
    if not numbers:
        return {}
    found = sql.allocations_by_number(
        municipality_id=ctx.municipality.pk,
        provider_id=ctx.provider.pk,
        numbers=numbers,
        with_periods=with_periods,
    )
    known = catalogue(ctx.municipality.region_id)
    for allocation, _periods in found.values():
        known.attach([allocation])
        allocation.municipality = ctx.municipality  # at hand: no query to show it
    return found


def link_allocations(inbox: InboxMessage, allocations: Iterable[Allocation]) -> None:
    """Link the message to the allocations it touched, in one insert (the related manager's
    ``add`` first reads the existing links)."""
    link = InboxMessage.allocations.through
    link.objects.bulk_create(
        [link(inboxmessage_id=inbox.pk, allocation_id=allocation.pk) for allocation in allocations],
        ignore_conflicts=True,
    )


T = TypeVar("T")

_run_cache: ContextVar[dict[Hashable, object] | None] = ContextVar("ijw_run_cache", default=None)


@contextmanager
def import_run() -> Iterator[None]:
    """Around an import of many messages: master data that an import does not change (the
    provider and municipality of a sender and receiver, the region's catalogue and tariffs,
    its auto-approval setting) is read once per run instead of once per message."""
    token = _run_cache.set({})
    try:
        yield
    finally:
        _run_cache.reset(token)


def run_cached(key: Hashable, load: Callable[[], T]) -> T:
    """``load()``, remembered for the rest of the import run (read anew outside a run)."""
    cache = _run_cache.get()
    if cache is None:
        return load()
    if key not in cache:
        cache[key] = load()
    return cast(T, cache[key])


@dataclass
class Catalogue:
    """A region's products (with their category) by code and by id."""

    by_code: dict[str, Product]
    by_id: dict[int, Product]

    def attach(self, allocations: Iterable[Allocation]) -> None:
        """Give each allocation its product from here instead of a join."""
        for allocation in allocations:
            product = self.by_id.get(allocation.product_id)
            if product is not None:
                allocation.product = product


def catalogue(region_id: int) -> Catalogue:
    """The region's catalogue (read once per import run)."""

    def load() -> Catalogue:
        products = list(Product.objects.filter(region=region_id).select_related("category"))
        return Catalogue(
            by_code={product.code: product for product in products},
            by_id={product.pk: product for product in products},
        )

    return run_cached(("catalogue", region_id), load)
