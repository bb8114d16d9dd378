# SPDX-License-Identifier: EUPL-1.2
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from jeugdregie.contracting.constants import Frequency
from jeugdregie.contracting.models import Product, Provider
from jeugdregie.core.forms import IsoDateInput
from jeugdregie.web.views import limit_choices


class AllocationCreateForm(forms.Form):
    """A manual allocation: the youth by BSN (never in a URL), provider, product and terms."""

    bsn = forms.CharField(label=_("BSN of the youth"), max_length=11)
    provider = forms.ModelChoiceField(label=_("Provider"), queryset=Provider.objects.none())
    product = forms.ModelChoiceField(label=_("Product"), queryset=Product.objects.none())
    start = forms.DateField(label=_("Start"), widget=IsoDateInput())
    end = forms.DateField(label=_("End"), required=False, widget=IsoDateInput())
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
