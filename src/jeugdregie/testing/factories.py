# SPDX-License-Identifier: EUPL-1.2
"""factory_boy factories. Personal data goes through the services, so it is encrypted."""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

import factory

from jeugdregie.accounts.constants import OrganisationKind, Role
from jeugdregie.accounts.models import Organisation, User
from jeugdregie.allocations.models import Allocation
from jeugdregie.allocations.services import delivery_start
from jeugdregie.authentication.services import user_create
from jeugdregie.budgets.constants import CeilingBasis
from jeugdregie.budgets.services import ceiling_set
from jeugdregie.clients.constants import ReferrerType
from jeugdregie.clients.models import Referral, Youth
from jeugdregie.clients.services import referral_create, youth_create
from jeugdregie.contracting.constants import ContractKind, Frequency, Unit
from jeugdregie.contracting.models import Lot, Product, ProductCategory, Provider, Tariff
from jeugdregie.contracting.services import contract_create
from jeugdregie.core.bsn import passes_eleven_test
from jeugdregie.regions.models import Municipality, Region
from jeugdregie.testing.auth import totp_device_for_tests
from jeugdregie.workflows.allocations import allocation_grant

PASSWORD = "test-wachtwoord-123"  # noqa: S105


def synthetic_test_bsn(n: int) -> str:
    """The n-th BSN of the 9999xxxxx test range that passes the eleven-test."""
    found = -1
    for candidate in range(999900000, 999999999):
        if passes_eleven_test(str(candidate)):
            found += 1
            if found == n:
                return str(candidate)
    raise ValueError(n)


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"regio{n}")
    name = factory.Sequence(lambda n: f"Regio {n}")


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality
        django_get_or_create = ("cbs_code",)

    region = factory.SubFactory(RegionFactory)
    cbs_code = "0505"
    name = "Dordrecht"
    youth_population = 25000


class ProviderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Provider

    agb_code = factory.Sequence(lambda n: f"{73000000 + n:08d}")
    kvk_number = factory.Sequence(lambda n: f"{40000000 + n:08d}")
    name = factory.Sequence(lambda n: f"Zorgaanbieder {n}")


class LotFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Lot

    region = factory.SubFactory(RegionFactory)
    code = factory.Sequence(lambda n: f"P{n}")
    name = factory.Sequence(lambda n: f"Perceel {n}")
    is_open = False


class ProductCategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProductCategory
        django_get_or_create = ("code",)

    code = "45"
    name = "Jeugd-GGZ"


class ProductFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Product

    region = factory.SubFactory(RegionFactory)
    lot = factory.SubFactory(LotFactory, region=factory.SelfAttribute("..region"))
    category = factory.SubFactory(ProductCategoryFactory)
    code = factory.Sequence(lambda n: f"{45000 + n:05d}")
    name = factory.Sequence(lambda n: f"Behandeling {n}")
    unit = Unit.HOUR
    basic_duration_weeks = 26


class TariffFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tariff

    product = factory.SubFactory(ProductFactory)
    valid_from = dt.date(2020, 1, 1)
    amount = Decimal("100.00")


@dataclass
class World:
    """A small region with one of everything, for tests that need a realistic setting."""

    region: Region
    other_region: Region
    dordrecht: Municipality
    gorinchem: Municipality
    haarlem: Municipality
    lot: Lot
    product: Product
    provider: Provider
    other_provider: Provider
    gi: Organisation
    youth: dict[str, Youth] = field(default_factory=dict)
    referrals: dict[str, Referral] = field(default_factory=dict)
    allocations: dict[str, Allocation] = field(default_factory=dict)
    users: dict[str, User] = field(default_factory=dict)


def build_world(year: int = 2025) -> World:
    region = RegionFactory.create(code="zhz", name="Zuid-Holland Zuid")
    other_region = RegionFactory.create(code="ijzk", name="IJmond en Zuid-Kennemerland")
    dordrecht = MunicipalityFactory.create(region=region, cbs_code="0505", name="Dordrecht")
    gorinchem = MunicipalityFactory.create(region=region, cbs_code="0512", name="Gorinchem")
    haarlem = MunicipalityFactory.create(region=other_region, cbs_code="0392", name="Haarlem")
    lot = LotFactory.create(region=region, code="GGZ", name="Jeugd-GGZ")
    product = ProductFactory.create(region=region, lot=lot, code="45A01", name="Behandeling GGZ")
    TariffFactory.create(
        product=product, valid_from=dt.date(year - 1, 1, 1), amount=Decimal("100.00")
    )
    provider = ProviderFactory.create(name="De Linde Jeugdzorg")
    other_provider = ProviderFactory.create(name="Het Anker")
    for index, p in enumerate((provider, other_provider)):
        contract_create(
            actor=None,
            region=region,
            provider=p,
            kind=ContractKind.REGIONAL,
            reference=f"RTA-{index}",
            lots=[lot],
            start=dt.date(year - 1, 1, 1),
        )
        ceiling_set(
            actor=None,
            region=region,
            provider=p,
            year=year,
            amount=Decimal("200000"),
            basis=CeilingBasis.FIXED,
            reason="test",
        )

    office = Organisation.objects.create(
        name="Servicecentrum",
        code="zhz-servicecentrum",
        kind=OrganisationKind.REGION_OFFICE,
        region=region,
    )
    other_office = Organisation.objects.create(
        name="Regio IJZK",
        code="ijzk-servicecentrum",
        kind=OrganisationKind.REGION_OFFICE,
        region=other_region,
    )
    dordrecht_org = Organisation.objects.create(
        name="Gemeente Dordrecht",
        code="zhz-gemeente-dordrecht",
        kind=OrganisationKind.MUNICIPALITY,
        region=region,
        municipality=dordrecht,
    )
    gi = Organisation.objects.create(
        name="Jeugdbescherming West",
        code="zhz-jeugdbescherming-west",
        kind=OrganisationKind.CERTIFIED_INSTITUTION,
        region=region,
    )
    provider_org = Organisation.objects.create(
        name=provider.name,
        code="zhz-de-linde-jeugdzorg",
        kind=OrganisationKind.PROVIDER,
        region=region,
        provider=provider,
    )
    other_provider_org = Organisation.objects.create(
        name=other_provider.name,
        code="zhz-het-anker",
        kind=OrganisationKind.PROVIDER,
        region=region,
        provider=other_provider,
    )

    world = World(
        region=region,
        other_region=other_region,
        dordrecht=dordrecht,
        gorinchem=gorinchem,
        haarlem=haarlem,
        lot=lot,
        product=product,
        provider=provider,
        other_provider=other_provider,
        gi=gi,
    )
    people: list[tuple[str, str, str, Municipality, Provider, str, Organisation | None]] = [
        ("anna", "Anna", "Visser", dordrecht, provider, ReferrerType.GENERAL_PRACTITIONER, None),
        (
            "bram",
            "Bram",
            "de Jong",
            gorinchem,
            other_provider,
            ReferrerType.CERTIFIED_INSTITUTION,
            gi,
        ),
        ("chris", "Chris", "Bakker", dordrecht, other_provider, ReferrerType.MUNICIPALITY, None),
        ("daan", "Daan", "Smit", haarlem, provider, ReferrerType.YOUTH_DOCTOR, None),
    ]
    for index, (key, given, family, municipality, p, referrer, org) in enumerate(people):
        youth = youth_create(
            actor=None,
            bsn=synthetic_test_bsn(index),
            given_name=given,
            family_name=family,
            birth_date=dt.date(2012, 3, 1 + index),
            municipality=municipality,
        )
        referral = referral_create(
            actor=None,
            youth=youth,
            referrer_type=referrer,
            date=dt.date(year, 1, 10),
            referrer_organisation=org,
        )
        allocation_product = product
        if municipality.region_id != region.pk:
            other_lot = LotFactory.create(region=other_region, code="P2", name="Perceel 2")
            allocation_product = ProductFactory.create(
                region=other_region, lot=other_lot, code="45B01", name="Basis GGZ"
            )
            TariffFactory.create(product=allocation_product, valid_from=dt.date(year - 1, 1, 1))
        allocation = allocation_grant(
            actor=None,
            youth=youth,
            provider=p,
            product=allocation_product,
            start=dt.date(year, 2, 1),
            end=dt.date(year, 7, 31),
            volume=40,
            frequency=Frequency.TOTAL,
            referral=referral,
        )
        delivery_start(actor=None, allocation=allocation, start=dt.date(year, 2, 3))
        world.youth[key], world.referrals[key], world.allocations[key] = youth, referral, allocation

    organisations: dict[str, tuple[Organisation, str]] = {
        Role.CONTRACT_MANAGER: (office, "contractbeheer"),
        Role.ACCESS_STAFF: (dordrecht_org, "toegang"),
        Role.GI_STAFF: (gi, "gi"),
        Role.EXPERT_MEMBER: (office, "expert"),
        Role.PROVIDER: (provider_org, "aanbieder"),
        Role.POLICY: (office, "beleid"),
        Role.FUNCTIONAL_ADMIN: (office, "beheer"),
        Role.PRIVACY_OFFICER: (office, "privacy"),
    }
    for role, (organisation, username) in organisations.items():
        world.users[role] = user_create(
            username=username, password=PASSWORD, organisation=organisation, role=role
        )
    world.users["other_provider"] = user_create(
        username="aanbieder2",
        password=PASSWORD,
        organisation=other_provider_org,
        role=Role.PROVIDER,
    )
    world.users["other_region"] = user_create(
        username="contractbeheer.ijzk",
        password=PASSWORD,
        organisation=other_office,
        role=Role.CONTRACT_MANAGER,
    )
    for user in world.users.values():  # authenticator apps with known keys (testing.auth)
        totp_device_for_tests(user)
    return world
