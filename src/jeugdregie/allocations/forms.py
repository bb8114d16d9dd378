# SPDX-License-Identifier: EUPL-1.2
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from jeugdregie.allocations.constants import AllocationStatus
from jeugdregie.contracting.models import Provider
from jeugdregie.core.views import limit_choices
from jeugdregie.regions.models import Municipality


class AllocationFilterForm(forms.Form):
    nummer = forms.CharField(label=_("Allocation number"), required=False, max_length=8)
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All statuses")), *AllocationStatus.choices],
    )
    aanbieder = forms.ModelChoiceField(
        label=_("Provider"),
        required=False,
        queryset=Provider.objects.none(),
        empty_label=_("All providers"),
    )
    gemeente = forms.ModelChoiceField(
        label=_("Municipality"),
        required=False,
        queryset=Municipality.objects.none(),
        empty_label=_("All municipalities"),
    )
    actief_op = forms.DateField(
        label=_("Active on"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(
        self,
        *args: Any,
        providers: QuerySet[Provider],
        municipalities: QuerySet[Municipality],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(self, "aanbieder", providers)
        limit_choices(self, "gemeente", municipalities)
