# SPDX-License-Identifier: EUPL-1.2
"""The nightly ledger check: compare the stored ledger with a recomputation, then rebuild it.

The stored rows are kept up to date incrementally and must equal a full recompute on the
same date (``ledger``'s docstring). The check recomputes each region as of the date each
stored row carries (``as_of``) and counts the rows that differ in ceiling, realisation,
commitment, inflow or status, or that are missing on either side; a provider without any
stored row is compared as of today. When a region's rows differ, its contract managers are
told; then the region's ledger is rebuilt as of today (what ``budget_recompute`` does).
A booking made between the comparison and the rebuild can show as a difference: the check
runs at night.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from jeugdregie.accounts.constants import Role
from jeugdregie.accounts.models import User
from jeugdregie.budgets.arithmetic import status_of
from jeugdregie.budgets.ledger import Key, LedgerRow, compute_ledger, ledger_store
from jeugdregie.budgets.models import ProviderLedger
from jeugdregie.notifications.services import notifications_send
from jeugdregie.regions.models import Region
from jeugdregie.regions.selectors import status_thresholds

Values = tuple[Decimal | None, Decimal, Decimal, Decimal, str]


@dataclass(frozen=True)
class LedgerCheck:
    """Counts only: regions checked, rows stored after the rebuild, rows that differed."""

    regions: int = 0
    rows: int = 0
    differences: int = 0


def _computed(region: Region, on: date) -> dict[Key, Values]:
    thresholds = status_thresholds(region=region, on=on)

    def values(row: LedgerRow) -> Values:
        status = status_of(
            spent=row.realisation + row.commitment,
            ceiling=row.ceiling,
            client_stop=row.client_stop,
            warning_pct=thresholds.warning_pct,
            critical_pct=thresholds.critical_pct,
            exhausted_pct=thresholds.exhausted_pct,
        )
        return (row.ceiling, row.realisation, row.commitment, row.inflow, status)

    return {key: values(row) for key, row in compute_ledger(region=region, on=on).rows.items()}


def ledger_differences(*, region: Region, today: date) -> int:
    """How many of the region's ledger rows differ from a recomputation on their own date."""
    stored: dict[date, dict[Key, Values]] = defaultdict(dict)
    for provider, year, as_of, *values in ProviderLedger.objects.filter(region=region).values_list(
        "provider_id", "year", "as_of", "ceiling", "realisation", "commitment", "inflow", "status"
    ):
        stored[as_of][(provider, year)] = tuple(values)  # type: ignore[assignment]
    seen = {provider for rows in stored.values() for provider, _year in rows}
    differences = 0
    for on in sorted({*stored, today}):
        rows = stored.get(on, {})
        providers = {provider for provider, _year in rows}
        computed = {
            key: values
            for key, values in _computed(region, on).items()
            if key[0] in providers or (on == today and key[0] not in seen)
        }
        differences += sum(1 for key in {*rows, *computed} if rows.get(key) != computed.get(key))
    return differences


def _alert(region: Region, differences: int) -> None:
    managers = User.objects.filter(
        is_active=True, role=Role.CONTRACT_MANAGER, organisation__region=region
    ).order_by("pk")
    with translation.override("nl"):
        subject = _("Budget ledger of %(region)s differed from its recomputation") % {
            "region": region.name
        }
        text = _(
            "%(count)s row(s) of the stored budget ledger of %(region)s differed from a "
            "recomputation from scratch. The ledger has been recomputed; ask the functional "
            "administrator to find the cause (jobs page, ledger check)."
        ) % {"count": differences, "region": region.name}
    notifications_send(users=managers, subject=subject, text=text)


def ledger_reconcile(*, today: date | None = None) -> LedgerCheck:
    """Compare every region's stored ledger with a recomputation, alert the contract
    managers of a region whose rows differ, and rebuild every region's ledger as of today."""
    today = today or timezone.localdate()
    regions = rows = differences = 0
    for region in Region.objects.order_by("code"):
        with transaction.atomic():
            found = ledger_differences(region=region, today=today)
            if found:
                _alert(region, found)
            rows += ledger_store(region=region, on=today)
        regions += 1
        differences += found
    return LedgerCheck(regions=regions, rows=rows, differences=differences)
