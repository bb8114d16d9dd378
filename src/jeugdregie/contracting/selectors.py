# SPDX-License-Identifier: EUPL-1.2
from datetime import date
from decimal import Decimal

from django.db.models import Count, Prefetch, Q, QuerySet

from jeugdregie.accounts.constants import Role
from jeugdregie.accounts.models import User
from jeugdregie.accounts.permissions import Capability
from jeugdregie.accounts.selectors import own_provider_id, region_id_of, user_can
from jeugdregie.contracting.models import Contract, Lot, Product, Provider, Tariff

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


def tariff_for(*, product: Product, on: date) -> Decimal | None:
    tariff = (
        Tariff.objects.filter(product=product, valid_from__lte=on)
        .exclude(valid_to__lt=on)
        .order_by("-valid_from")
        .first()
    )
    return tariff.amount if tariff else None
