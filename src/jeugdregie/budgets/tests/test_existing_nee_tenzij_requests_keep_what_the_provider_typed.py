# SPDX-License-Identifier: EUPL-1.2
"""Upgrading keeps existing nee-tenzij requests working: a provider's request gets the BSN it
typed as its submission (it was found by that exact BSN), and nothing of the youth record;
a request the region granted through the afwegingskader keeps its youth and no submission."""

from typing import Any

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from jeugdregie.accounts.constants import Role
from jeugdregie.testing.factories import build_world

BEFORE = [("budgets", "0004_encrypt_reasons_and_explanations")]
AFTER = [("budgets", "0006_existing_requests_keep_the_submitted_bsn")]


def _migrate(targets: list[tuple[str, str]]) -> Any:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_a_providers_request_keeps_the_bsn_it_typed_and_nothing_else() -> None:
    world = build_world()
    old = _migrate(BEFORE)
    try:
        exception_model = old.get_model("budgets", "CeilingException")
        common = {
            "region_id": world.region.pk,
            "product_id": world.product.pk,
            "cannot_wait": True,
            "only_here": True,
            "explanation": "Crisisplek",
        }
        by_provider = exception_model.objects.create(
            provider_id=world.provider.pk,
            youth_id=world.youth["chris"].pk,
            requested_by_id=world.users[Role.PROVIDER].pk,
            **common,
        )
        by_region = exception_model.objects.create(
            provider_id=world.other_provider.pk,
            youth_id=world.youth["anna"].pk,
            requested_by_id=world.users[Role.CONTRACT_MANAGER].pk,
            status="granted",
            **common,
        )
        new = _migrate(AFTER)
    finally:
        _migrate(
            [
                key
                for key in MigrationExecutor(connection).loader.graph.leaf_nodes()
                if key[0] == "budgets"
            ]
        )
    migrated = new.get_model("budgets", "CeilingException")
    request = migrated.objects.get(pk=by_provider.pk)
    assert request.youth_id == world.youth["chris"].pk
    assert request.submitted_bsn == world.youth["chris"].bsn
    assert request.submitted_bsn_index == world.youth["chris"].bsn_index
    assert (request.submitted_given_name, request.submitted_family_name) == ("", "")
    assert request.submitted_birth_date == ""
    granted = migrated.objects.get(pk=by_region.pk)
    assert (granted.youth_id, granted.submitted_bsn) == (world.youth["anna"].pk, "")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT submitted_bsn FROM budgets_ceilingexception WHERE id = %s", [by_provider.pk]
        )
        (raw,) = cursor.fetchone()
    assert world.youth["chris"].bsn not in raw  # encrypted at rest
