# SPDX-License-Identifier: EUPL-1.2
from collections.abc import Collection, Iterable
from datetime import date
from decimal import Decimal

from django.db.models import Count, Prefetch, Q, QuerySet

from jeugdregie.accounts.constants import Role
from jeugdregie.accounts.models import User
from jeugdregie.accounts.permissions import Capability
from jeugdregie.accounts.selectors import own_provider_id, region_id_of, user_can
from jeugdregie.contracting.constants import CONTRACTED_SUPPLY
from jeugdregie.contracting.models import Contract, Lot, Product, Provider, Tariff
from jeugdregie.regions.models import Region

__all__ = [
    "PROVIDER_SORTS",
    "TariffBook",
    "contract_list",
    "contracts_running",
    "contracts_visible_to",
    "lots_of_region",
    "provider_contracted",
    "provider_detail",
    "provider_ever_contracted",
    "provider_list",
    "providers_contracted",
    "providers_of_region",
    "providers_visible_to",
    "tariff_book",
    "tariff_for",
]

PROVIDER_SORTS = {
    "name": "name",
    "-name": "-name",
    "agb": "agb_code",
    "-agb": "-agb_code",
    "contracts": "contract_count",
    "-contracts": "-contract_count",
}


def providers_visible_to(*, user: User) -> QuerySet[Provider]:
    if not user_can(user, Capability.VIEW_PROVIDERS) or user.organisation is None:
        return Provider.objects.none()
    if user.role == Role.PROVIDER:
        return Provider.objects.filter(pk=own_provider_id(user))
    return Provider.objects.all()


def provider_list(*, user: User, query: str = "", sort: str = "name") -> QuerySet[Provider]:
    providers = providers_visible_to(user=user).annotate(
        contract_count=Count(
            "contracts", filter=Q(contracts__region_id=region_id_of(user)), distinct=True
        )
    )
    text = query.strip()
    if text:
        providers = providers.filter(Q(name__icontains=text) | Q(agb_code__startswith=text))
    return providers.order_by(PROVIDER_SORTS.get(sort, "name"), "pk")


def provider_detail(*, user: User, pk: int) -> Provider | None:
    return providers_visible_to(user=user).filter(pk=pk).first()


def contracts_visible_to(*, user: User) -> QuerySet[Contract]:
    if not user_can(user, Capability.VIEW_CONTRACTS):
        return Contract.objects.none()
    contracts = Contract.objects.filter(region_id=region_id_of(user))
    if user.role == Role.PROVIDER and user.organisation is not None:
        contracts = contracts.filter(provider_id=own_provider_id(user))
    return contracts.select_related("provider").prefetch_related(
        Prefetch("lots", queryset=Lot.objects.order_by("order"))
    )


def contract_list(*, user: User, kind: str = "", query: str = "") -> QuerySet[Contract]:
    contracts = contracts_visible_to(user=user)
    if kind:
        contracts = contracts.filter(kind=kind)
    if query.strip():
        contracts = contracts.filter(
            Q(provider__name__icontains=query.strip()) | Q(reference__icontains=query.strip())
        )
    return contracts.order_by("provider__name", "start", "pk")


def lots_of_region(*, user: User) -> QuerySet[Lot]:
    if not user_can(user, Capability.VIEW_CATALOGUE):
        return Lot.objects.none()
    return (
        Lot.objects.filter(region_id=region_id_of(user))
        .prefetch_related(
            Prefetch(
                "products",
                queryset=Product.objects.select_related("category")
                .prefetch_related(
                    Prefetch("tariffs", queryset=Tariff.objects.order_by("-valid_from"))
                )
                .order_by("code"),
            )
        )
        .annotate(contract_count=Count("contracts", distinct=True))
        .order_by("order", "code")
    )


# --- "the tariff of a product on a day" ---------------------------------------------------
# The one owner of the dated tariff lookup (issue 12). A tariff applies on day D when
# ``valid_from <= D`` and (``valid_to`` is empty or ``D <= valid_to``); of those that apply,
# the one with the latest ``valid_from`` counts (one start per product: a constraint). One
# product: ``tariff_for``; many (pricing a ledger, a declaration import, the region figures):
# ``tariff_book`` reads them in one query and ``TariffBook.price`` answers in memory by the
# same rule.


class TariffBook:
    """Tariffs in memory, to price many allocations without a query per row."""

    def __init__(self, tariffs: Iterable[tuple[int, date, date | None, Decimal]]) -> None:
        self._by_product: dict[int, list[tuple[date, date | None, Decimal]]] = {}
        for product_id, valid_from, valid_to, amount in tariffs:
            self._by_product.setdefault(product_id, []).append((valid_from, valid_to, amount))
        for rows in self._by_product.values():
            rows.sort(key=lambda row: row[0], reverse=True)

    def price(self, product_id: int, on: date) -> Decimal | None:
        """The amount of the product's tariff that applies on ``on``, or None."""
        for valid_from, valid_to, amount in self._by_product.get(product_id, []):
            if valid_from <= on and (valid_to is None or on <= valid_to):
                return amount
        return None


def tariff_book(
    *, region: Region | int | None = None, product_ids: Collection[int] | None = None
) -> TariffBook:
    """The tariffs of the region's products (or of these products; neither: of every
    product), read in one query."""
    tariffs = Tariff.objects.all()
    if region is not None:
        tariffs = tariffs.filter(product__region=region)
    if product_ids is not None:
        tariffs = tariffs.filter(product_id__in=product_ids)
    return TariffBook(tariffs.values_list("product_id", "valid_from", "valid_to", "amount"))


def tariff_for(*, product: Product, on: date) -> Decimal | None:
    """The amount of the product's tariff on ``on`` (None: no tariff applies that day)."""
    return tariff_book(product_ids=[product.pk]).price(product.pk, on)


# --- "is this provider contracted for this lot" -------------------------------------------
# The one owner of the question (issue 12). A contract counts on day D when
# ``start <= D`` and (``end`` is empty or ``D <= end``): the end date is the last day of the
# contract. By default only the contracted supply counts (``CONTRACTED_SUPPLY``: regional and
# tender contracts); a caller that legitimately asks something else passes ``kinds``.


def contracts_running(
    *,
    on: date,
    region: Region | None = None,
    lot: Lot | None = None,
    product: Product | None = None,
    kinds: Collection[str] = CONTRACTED_SUPPLY,
    until: date | None = None,
) -> QuerySet[Contract]:
    """The contracts of ``kinds`` running on ``on`` (or on any day from ``on`` to ``until``)
    for the lot (``lot`` or the product's lot), or of the whole region when neither is given.
    Every condition sits in one ``filter()``, so they hold for the same contract."""
    if region is None and lot is None and product is None:
        raise TypeError("contracts_running needs a region, a lot or a product")
    last = until or on
    conditions = Q(start__lte=last) & (Q(end__isnull=True) | Q(end__gte=on)) & Q(kind__in=kinds)
    lot_ids = {x for x in (lot.pk if lot else None, product.lot_id if product else None) if x}
    region_ids = {
        x
        for x in (
            region.pk if region else None,
            lot.region_id if lot else None,
            product.region_id if product else None,
        )
        if x
    }
    if len(lot_ids) > 1 or len(region_ids) > 1:  # a product of another lot or region
        return Contract.objects.none()
    if lot_ids:
        conditions &= Q(lots=lot_ids.pop())
    return Contract.objects.filter(conditions, region_id=region_ids.pop())


def provider_contracted(
    *,
    provider: Provider,
    on: date,
    lot: Lot | None = None,
    product: Product | None = None,
    region: Region | None = None,
    kinds: Collection[str] = CONTRACTED_SUPPLY,
) -> bool:
    """Whether ``provider`` is contracted for the lot (``lot`` or the product's lot) on
    ``on``; without a lot or product: for anything in ``region``."""
    return (
        contracts_running(on=on, region=region, lot=lot, product=product, kinds=kinds)
        .filter(provider=provider)
        .exists()
    )


def providers_contracted(
    *,
    on: date,
    lot: Lot | None = None,
    product: Product | None = None,
    region: Region | None = None,
    kinds: Collection[str] = CONTRACTED_SUPPLY,
    until: date | None = None,
) -> QuerySet[Provider]:
    """The providers ``provider_contracted`` says yes to (on ``on``, or on any day up to
    ``until``), as one query (a subquery on the running contracts: never a second join on
    the multi-valued ``contracts``)."""
    running = contracts_running(
        on=on, region=region, lot=lot, product=product, kinds=kinds, until=until
    )
    return Provider.objects.filter(pk__in=running.order_by().values("provider_id"))


def providers_of_region(*, region: Region | int | None) -> QuerySet[Provider]:
    """The providers that have, had or will have a contract of any kind with the region (the
    region's providers: budget pages, filters, choices), as one query without duplicates;
    none without a region."""
    if region is None:
        return Provider.objects.none()
    region_id = region if isinstance(region, int) else region.pk
    contracted = Contract.objects.filter(region_id=region_id).order_by().values("provider_id")
    return Provider.objects.filter(pk__in=contracted)


def provider_ever_contracted(*, provider: Provider, region: Region) -> bool:
    """Whether the provider has, had or will have a contract of any kind with the region."""
    return Contract.objects.filter(provider=provider, region=region).exists()
