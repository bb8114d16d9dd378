# SPDX-License-Identifier: EUPL-1.2
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from jeugdregie.allocations.constants import AllocationStatus
from jeugdregie.contracting.constants import Frequency
from jeugdregie.contracting.models import Product, Provider
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


class AllocationCreateForm(forms.Form):
    """A manual allocation: the youth by BSN (never in a URL), provider, product and terms."""

    bsn = forms.CharField(label=_("BSN of the youth"), max_length=11)
    provider = forms.ModelChoiceField(label=_("Provider"), queryset=Provider.objects.none())
    product = forms.ModelChoiceField(label=_("Product"), queryset=Product.objects.none())
    start = forms.DateField(label=_("Start"), widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(
        label=_("End"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    volume = forms.IntegerField(label=_("Volume"), required=False, min_value=1)
    frequency = forms.ChoiceField(
        label=_("Frequency"), required=False, choices=[("", "—"), *Frequency.choices]
    )
    budget = forms.DecimalField(
        label=_("Budget (EUR)"), required=False, min_value=0, max_digits=12, decimal_places=2
    )

    def __init__(
        self,
        *args: Any,
        providers: QuerySet[Provider],
        products: QuerySet[Product],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(self, "provider", providers)
        limit_choices(self, "product", products)
