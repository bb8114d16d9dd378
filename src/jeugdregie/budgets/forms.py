# SPDX-License-Identifier: EUPL-1.2
from django import forms
from django.utils.translation import gettext_lazy as _

from jeugdregie.contracting.models import Lot, Provider


class CeilingForm(forms.Form):
    provider = forms.ModelChoiceField(label=_("Provider"), queryset=Provider.objects.none())
    year = forms.IntegerField(label=_("Year"), min_value=2015, max_value=2100)
    lot = forms.ModelChoiceField(
        label=_("Lot"),
        queryset=Lot.objects.none(),
        required=False,
        empty_label=_("All lots (ceiling for the provider)"),
    )
    amount = forms.DecimalField(label=_("Amount (EUR)"), max_digits=12, decimal_places=2)
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))
    decision_reference = forms.CharField(
        label=_("Decision reference"), max_length=100, required=False
    )

    def __init__(self, *args: object, region_id: int | None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["provider"].queryset = (
            Provider.objects.filter(  # type: ignore[attr-defined]
                contracts__region_id=region_id
            )
            .distinct()
            .order_by("name")
        )
        self.fields["lot"].queryset = Lot.objects.filter(  # type: ignore[attr-defined]
            region_id=region_id
        ).order_by("order")


class CeilingFilterForm(forms.Form):
    jaar = forms.IntegerField(label=_("Year"), required=False, min_value=2015, max_value=2100)
    q = forms.CharField(label=_("Search by provider"), required=False)
