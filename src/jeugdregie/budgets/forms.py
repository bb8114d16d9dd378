# SPDX-License-Identifier: EUPL-1.2
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from jeugdregie.contracting.models import Lot, Product, Provider
from jeugdregie.contracting.selectors import providers_of_region
from jeugdregie.core.forms import BoundedDateField, IsoDateInput
from jeugdregie.regions.models import Municipality
from jeugdregie.web.views import limit_choices


class CeilingForm(forms.Form):
    provider = forms.ModelChoiceField(label=_("Provider"), queryset=Provider.objects.none())
    year = forms.IntegerField(label=_("Year"), min_value=2015, max_value=2100)
    lot = forms.ModelChoiceField(
        label=_("Lot"),
        queryset=Lot.objects.none(),
        required=False,
        empty_label=_("All lots (ceiling for the provider)"),
    )
    amount = forms.DecimalField(
        label=_("Amount (EUR)"), max_digits=12, decimal_places=2, localize=True
    )
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))
    decision_reference = forms.CharField(
        label=_("Decision reference"), max_length=100, required=False
    )

    def __init__(self, *args: Any, region_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        providers = providers_of_region(region=region_id)
        limit_choices(self, "provider", providers.order_by("name"))
        limit_choices(self, "lot", Lot.objects.filter(region_id=region_id).order_by("order"))


class CeilingFilterForm(forms.Form):
    jaar = forms.IntegerField(label=_("Year"), required=False, min_value=2015, max_value=2100)
    q = forms.CharField(label=_("Search by provider"), required=False, max_length=100)


class ClientStopRequestForm(forms.Form):
    start = forms.DateField(label=_("Start of the stop"), widget=IsoDateInput())
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))


class ClientStopDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("confirm", _("Confirm the client stop")), ("reject", _("Reject the request"))],
        widget=forms.RadioSelect,
    )
    start = forms.DateField(
        label=_("Start of the stop"),
        required=False,
        widget=IsoDateInput(),
        help_text=_("Empty: the requested start date (not before today)."),
    )
    decision_reason = forms.CharField(
        label=_("Reason of the decision"), widget=forms.Textarea(attrs={"rows": 3})
    )


class ClientStopLiftForm(forms.Form):
    lift_reason = forms.CharField(
        label=_("Reason for lifting"), widget=forms.Textarea(attrs={"rows": 3})
    )


class ExceptionRequestForm(forms.Form):
    bsn = forms.CharField(
        label=_("BSN of the youth"),
        max_length=11,
        help_text=_(
            "The region links your request to its own records; you see what you enter here."
        ),
    )
    given_name = forms.CharField(label=_("Given name of the youth"), max_length=200)
    family_name = forms.CharField(label=_("Family name of the youth"), max_length=200)
    birth_date = BoundedDateField(label=_("Birth date of the youth"), widget=IsoDateInput())
    product = forms.ModelChoiceField(label=_("Product"), queryset=Product.objects.none())
    cannot_wait = forms.BooleanField(label=_("The care cannot wait"), required=False)
    only_here = forms.BooleanField(
        label=_("The care is only available at our organisation"), required=False
    )
    explanation = forms.CharField(
        label=_("Explanation"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "One weighty reason suffices: tick an example above, or describe another weighty "
            "reason here. Always motivate it."
        ),
    )

    def __init__(self, *args: Any, region_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(self, "product", Product.objects.filter(region_id=region_id).order_by("code"))


class ExceptionDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("grant", _("Grant the exception")), ("refuse", _("Refuse the exception"))],
        widget=forms.RadioSelect,
    )
    decision_reason = forms.CharField(
        label=_("Reason of the decision"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "The provider receives this reason: do not name what the region's records hold "
            "about the youth."
        ),
    )


class BudgetOverviewFilterForm(forms.Form):
    jaar = forms.IntegerField(label=_("Year"), required=False, min_value=2015, max_value=2100)
    perceel = forms.ModelChoiceField(
        label=_("Lot"), required=False, queryset=Lot.objects.none(), empty_label=_("All lots")
    )
    gemeente = forms.ModelChoiceField(
        label=_("Municipality"),
        required=False,
        queryset=Municipality.objects.none(),
        empty_label=_("All municipalities"),
    )

    def __init__(self, *args: Any, region_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(self, "perceel", Lot.objects.filter(region_id=region_id).order_by("order"))
        limit_choices(
            self, "gemeente", Municipality.objects.filter(region_id=region_id).order_by("name")
        )


class CeilingProposalYearForm(forms.Form):
    jaar = forms.IntegerField(label=_("Year"), required=False, min_value=2015, max_value=2100)


class CeilingProposalApplyForm(forms.Form):
    year = forms.IntegerField(widget=forms.HiddenInput, min_value=2015, max_value=2100)
    decision_reference = forms.CharField(label=_("Decision reference"), max_length=100)
