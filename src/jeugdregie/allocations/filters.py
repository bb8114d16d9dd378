# SPDX-License-Identifier: EUPL-1.2
"""The filters of allocation lists: one definition for the API and the screen.

``AllocationFilterSet`` is the API's (English parameters); ``AllocationPageFilterSet`` adds the
screen's choices of provider and municipality and gives every parameter its Dutch name.
"""

from datetime import date

import django_filters
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from jeugdregie.allocations.constants import AllocationStatus
from jeugdregie.allocations.models import Allocation
from jeugdregie.contracting.models import Provider
from jeugdregie.core.filters import NamedFilterSet
from jeugdregie.core.forms import IsoDateInput
from jeugdregie.regions.models import Municipality


class AllocationFilterSet(django_filters.FilterSet):
    number = django_filters.CharFilter(
        label=_("Allocation number"),
        max_length=8,
        help_text=_("Exactly this allocation number."),
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=AllocationStatus.choices, empty_label=_("All statuses")
    )
    active_on = django_filters.DateFilter(
        label=_("Active on"),
        method="filter_active_on",
        widget=IsoDateInput(),
        help_text=_("Started on or before this date and not ended before it."),
    )

    class Meta:
        model = Allocation
        fields: list[str] = []

    def filter_active_on(
        self, queryset: QuerySet[Allocation], name: str, value: date
    ) -> QuerySet[Allocation]:
        return queryset.filter(start__lte=value).filter(Q(end__isnull=True) | Q(end__gte=value))


class AllocationPageFilterSet(NamedFilterSet, AllocationFilterSet):
    """The allocation list on screen; the view limits the choices to what the user may see."""

    provider = django_filters.ModelChoiceFilter(
        label=_("Provider"), queryset=Provider.objects.none(), empty_label=_("All providers")
    )
    municipality = django_filters.ModelChoiceFilter(
        label=_("Municipality"),
        queryset=Municipality.objects.none(),
        empty_label=_("All municipalities"),
    )

    parameter_names = {
        "number": "nummer",
        "status": "status",
        "provider": "aanbieder",
        "municipality": "gemeente",
        "active_on": "actief_op",
    }
