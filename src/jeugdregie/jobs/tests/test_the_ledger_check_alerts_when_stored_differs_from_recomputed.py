# SPDX-License-Identifier: EUPL-1.2
"""The nightly ledger check compares the stored budget ledger with a recomputation from
scratch: equal is "completed"; a tampered row is an alert, the region's contract managers
are told, and the ledger is rebuilt (budgets.md §2)."""

from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db.models import F
from django.utils import timezone

from jeugdregie.accounts.constants import Role
from jeugdregie.budgets.ledger import ledger_recompute
from jeugdregie.budgets.models import ProviderLedger
from jeugdregie.budgets.reconciliation import ledger_differences
from jeugdregie.jobs.constants import Outcome
from jeugdregie.jobs.models import JobRun
from jeugdregie.notifications.models import Notification
from jeugdregie.testing.factories import World


@pytest.fixture
def recomputed(world: World) -> World:
    ledger_recompute()
    assert ProviderLedger.objects.filter(region=world.region).exists()
    return world


def test_an_untouched_ledger_is_completed_without_alert(recomputed: World):
    call_command("job_run", "ledger_check")

    run = JobRun.objects.get(job="ledger_check")
    assert run.outcome == Outcome.OK
    assert run.summary["differences"] == 0
    assert run.summary["regions"] == 2
    assert not Notification.objects.filter(subject__startswith="Budgetgrootboek").exists()


def test_a_tampered_ledger_row_is_an_alert_to_contract_management(recomputed: World):
    row = ProviderLedger.objects.filter(region=recomputed.region).order_by("pk").first()
    assert row is not None
    ProviderLedger.objects.filter(pk=row.pk).update(realisation=F("realisation") + Decimal(1))

    call_command("job_run", "ledger_check")

    run = JobRun.objects.get(job="ledger_check")
    assert run.outcome == Outcome.ALERT
    assert run.summary["differences"] == 1
    told = Notification.objects.filter(subject__startswith="Budgetgrootboek van Zuid-Holland")
    assert set(told.values_list("user", flat=True)) == {recomputed.users[Role.CONTRACT_MANAGER].pk}
    # rebuilt: the next comparison finds nothing
    today = timezone.localdate()
    assert ledger_differences(region=recomputed.region, today=today) == 0


def test_a_missing_ledger_row_is_a_difference(recomputed: World):
    row = ProviderLedger.objects.filter(region=recomputed.region).order_by("pk").first()
    assert row is not None
    row.delete()

    assert ledger_differences(region=recomputed.region, today=timezone.localdate()) == 1
