# SPDX-License-Identifier: EUPL-1.2
"""The filters of the waiting list: one definition for the API and the screen.

``WaitingEntryFilterSet`` is the API's (English parameters); ``WaitingEntryPageFilterSet``
gives every parameter the screen's Dutch name. The choices of lot, provider and product are
the requesting user's (``selectors.entry_filter_choices``), so a value outside them is an
invalid choice, on both surfaces.
"""

from typing import Any

import django_filters
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jeugdregie.accounts.models import User
from jeugdregie.core.filters import NamedFilterSet
from jeugdregie.waitinglists import selectors
from jeugdregie.waitinglists.constants import PrioritySignal
from jeugdregie.waitinglists.models import WaitingEntry

__all__ = ["STATUS_CHOICES", "WaitingEntryFilterSet", "WaitingEntryPageFilterSet"]

STATUS_CHOICES = [
    ("open", _("Waiting now")),
    ("closed", _("Left the list")),
    ("all", _("All entries")),
]


def _choices(request: HttpRequest | None, index: int) -> QuerySet[Any]:
    user = getattr(request, "user", None)
    return selectors.entry_filter_choices(user=user if isinstance(user, User) else None)[index]


class WaitingEntryFilterSet(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=STATUS_CHOICES,
        method="filter_status",
        empty_label=None,
        help_text=_("open: waiting now; closed: left the list; all. Default: all (API)."),
    )
    lot = django_filters.ModelChoiceFilter(
        label=_("Lot"),
        queryset=lambda request: _choices(request, 0),
        empty_label=_("All lots"),
        help_text=_("The id of a lot of the region."),
    )
    provider = django_filters.ModelChoiceFilter(
        label=_("Provider"),
        queryset=lambda request: _choices(request, 1),
        empty_label=_("All providers"),
        help_text=_("The id of a provider (a provider: only its own)."),
    )
    product = django_filters.ModelChoiceFilter(
        label=_("Product"),
        queryset=lambda request: _choices(request, 2),
        empty_label=_("All products"),
        help_text=_("The id of a product of the region's catalogue."),
    )
    priority = django_filters.ChoiceFilter(
        label=_("Priority signal"),
        choices=PrioritySignal.choices,
        method="filter_priority",
        empty_label=_("With or without signal"),
    )

    class Meta:
        model = WaitingEntry
        fields: list[str] = []

    def filter_status(
        self, queryset: QuerySet[WaitingEntry], name: str, value: str
    ) -> QuerySet[WaitingEntry]:
        if value == "open":
            return queryset.filter(outflow_date__isnull=True)
        if value == "closed":
            return queryset.filter(outflow_date__isnull=False)
        return queryset

    def filter_priority(
        self, queryset: QuerySet[WaitingEntry], name: str, value: str
    ) -> QuerySet[WaitingEntry]:
        user = getattr(self.request, "user", None)
        if not isinstance(user, User):
            return queryset.none()
        return selectors.entries_with_signal(
            queryset, user=user, signal=value, today=timezone.localdate()
        )


class WaitingEntryPageFilterSet(NamedFilterSet, WaitingEntryFilterSet):
    """The waiting list on screen (without a status, the entries waiting now)."""

    parameter_names = {
        "status": "status",
        "lot": "perceel",
        "provider": "aanbieder",
        "product": "product",
        "priority": "prioriteit",
    }
