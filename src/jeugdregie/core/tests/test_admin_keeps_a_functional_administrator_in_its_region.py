# SPDX-License-Identifier: EUPL-1.2
"""The master-data admin (/beheer/) keeps a functional administrator in its own region: another
region's rows are not found, cannot be chosen in a form, and national code lists, regions and
groups are a superuser's. Inline rows (a product's tariffs) reach the change log too."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from jeugdregie.accounts.constants import Role
from jeugdregie.accounts.models import Organisation
from jeugdregie.audit.models import ChangeRecord
from jeugdregie.authentication.tests.test_an_administrator_cannot_grant_itself_power import (
    make_functional_administrator,
)
from jeugdregie.budgets.models import BudgetCeiling
from jeugdregie.contracting.models import Lot, ProductCategory, Tariff
from jeugdregie.testing.auth import sign_in
from jeugdregie.testing.factories import ProviderFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def beheer(world, client):
    user = make_functional_administrator(world.users[Role.FUNCTIONAL_ADMIN])
    sign_in(client, user)
    return user


def test_another_regions_rows_are_not_found(beheer, client, world):
    haarlem_lot = Lot.objects.filter(region=world.other_region).get()
    foreign_office = Organisation.objects.get(region=world.other_region)
    pages = {
        "admin:regions_region_change": world.other_region.pk,
        "admin:regions_municipality_change": world.haarlem.pk,
        "admin:contracting_lot_change": haarlem_lot.pk,
        "admin:accounts_organisation_change": foreign_office.pk,
    }
    for name, pk in pages.items():
        assert client.get(reverse(name, args=[pk])).status_code == 302, name  # "not found"
    assert client.get(reverse("admin:regions_region_change", args=[world.region.pk])).status_code
    listing = client.get(reverse("admin:regions_municipality_changelist")).content.decode()
    assert "Dordrecht" in listing
    assert "Haarlem" not in listing


def test_another_region_cannot_be_chosen_in_a_form(beheer, client, world):
    response = client.post(
        reverse("admin:contracting_lot_add"),
        {
            "region": world.other_region.pk,
            "code": "X1",
            "name": "Indringer",
            "segment": "light",
            "order": "0",
        },
    )

    assert response.status_code == 200
    assert "region" in response.context["adminform"].form.errors
    assert not Lot.objects.filter(code="X1").exists()


def test_a_functional_administrator_does_not_add_regions_or_change_the_national_code_list(
    beheer, client, world
):
    category = ProductCategory.objects.first()
    assert category is not None

    assert client.get(reverse("admin:regions_region_add")).status_code == 403
    response = client.post(
        reverse("admin:contracting_productcategory_change", args=[category.pk]),
        {"code": category.code, "name": "Hernoemd"},
    )
    assert response.status_code == 403
    assert ProductCategory.objects.get(pk=category.pk).name != "Hernoemd"


def test_groups_of_permissions_are_a_superusers(beheer, client):
    beheer.user_permissions.add(*Permission.objects.filter(content_type__app_label="auth"))
    group = Group.objects.create(name="Beheerders")
    every_permission = list(Permission.objects.values_list("pk", flat=True))

    response = client.post(
        reverse("admin:auth_group_change", args=[group.pk]),
        {"name": "Beheerders", "permissions": every_permission},
    )
    assert response.status_code == 403
    assert client.post(reverse("admin:auth_group_add"), {"name": "Nieuw"}).status_code == 403
    assert not group.permissions.exists()


def test_ceilings_of_another_region_are_not_shown(beheer, client, world):
    foreign = BudgetCeiling.objects.create(
        region=world.other_region,
        provider=ProviderFactory.create(name="Elders BV"),
        year=2025,
        amount=Decimal(1000),
        basis="fixed",
    )

    listing = client.get(reverse("admin:budgets_budgetceiling_changelist")).content.decode()
    assert "De Linde Jeugdzorg" in listing
    assert "Elders BV" not in listing
    detail = reverse("admin:budgets_budgetceiling_change", args=[foreign.pk])
    assert client.get(detail).status_code == 302


def test_a_tariff_changed_inline_is_in_the_change_log(beheer, client, world):
    product = world.product
    tariff = Tariff.objects.get(product=product)
    prefix = "tariffs"
    data = {
        "region": product.region_id,
        "lot": product.lot_id,
        "category": product.category_id,
        "code": product.code,
        "name": product.name,
        "unit": product.unit,
        "variant": product.variant,
        "basic_duration_weeks": product.basic_duration_weeks or "",
        f"{prefix}-TOTAL_FORMS": "1",
        f"{prefix}-INITIAL_FORMS": "1",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
        f"{prefix}-0-id": tariff.pk,
        f"{prefix}-0-product": product.pk,
        f"{prefix}-0-valid_from": tariff.valid_from.isoformat(),
        f"{prefix}-0-amount": "123.45",
    }

    response = client.post(reverse("admin:contracting_product_change", args=[product.pk]), data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    assert Tariff.objects.get(pk=tariff.pk).amount == Decimal("123.45")
    record = ChangeRecord.objects.get(model="contracting.Tariff", object_pk=str(tariff.pk))
    assert record.user_id == beheer.pk
    assert record.changes == {"amount": ["100.00", "123.45"]}
