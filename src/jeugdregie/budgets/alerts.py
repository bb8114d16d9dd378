# SPDX-License-Identifier: EUPL-1.2
"""What happens when a ledger's status changes (budgets.md §3)."""

from jeugdregie.budgets.models import ProviderLedger
from jeugdregie.regions.models import Region


def status_changed(*, region: Region, ledger: ProviderLedger, old_status: str) -> None:
    """Called by the ledger inside its transaction for every status that changed."""
