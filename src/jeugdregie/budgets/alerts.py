# SPDX-License-Identifier: EUPL-1.2
"""What happens when a ledger's status changes (budgets.md §3)."""

from django.db.models import Q
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from jeugdregie.accounts.constants import Role
from jeugdregie.accounts.models import User
from jeugdregie.budgets.constants import BudgetStatus
from jeugdregie.budgets.models import ProviderLedger
from jeugdregie.notifications.services import notifications_send
from jeugdregie.regions.models import Region


def budget_watchers(*, region: Region, provider_id: int) -> list[User]:
    """The region's contract managers and the provider's own users in that region."""
    return list(
        User.objects.filter(is_active=True, organisation__region=region)
        .filter(
            Q(role=Role.CONTRACT_MANAGER)
            | Q(role=Role.PROVIDER, organisation__provider_id=provider_id)
        )
        .order_by("pk")
    )


def status_changed(*, region: Region, ledger: ProviderLedger, old_status: str) -> None:
    """Notify contract management and the provider of a changed status (in app, in Dutch).

    Called by the ledger inside its transaction; also asks for a client-stop proposal
    when realisation + commitment reached the ceiling.
    """
    from jeugdregie.budgets.client_stops import client_stop_propose

    provider = ledger.provider
    with translation.override("nl"):
        subject = _("Budget %(provider)s %(year)s: %(status)s") % {
            "provider": provider.name,
            "year": ledger.year,
            "status": BudgetStatus(ledger.status).label,
        }
        text = _(
            "The budget status of %(provider)s for %(year)s changed from %(old)s to %(new)s."
        ) % {
            "provider": provider.name,
            "year": ledger.year,
            "old": BudgetStatus(old_status).label,
            "new": BudgetStatus(ledger.status).label,
        }
    notifications_send(
        users=budget_watchers(region=region, provider_id=provider.pk),
        subject=subject,
        text=text,
        link=reverse("budgets:provider-budget", kwargs={"pk": provider.pk})
        + f"?jaar={ledger.year}",
    )
    if ledger.status == BudgetStatus.REACHED:
        client_stop_propose(region=region, provider=provider, year=ledger.year)
