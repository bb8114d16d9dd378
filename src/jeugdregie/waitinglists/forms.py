# SPDX-License-Identifier: EUPL-1.2
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from jeugdregie.contracting.models import Lot, Product, Provider
from jeugdregie.core.forms import IsoDateInput
from jeugdregie.waitinglists.constants import OutflowReason
from jeugdregie.web.views import limit_choices


def _date(label: Any, *, required: bool = True, help_text: Any = "") -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        help_text=help_text,
        widget=IsoDateInput(),
    )


class _BridgingFields(forms.Form):
    court_ruling_date = _date(
        _("Date of the court ruling"),
        required=False,
        help_text=_("GI cases only: the date of the ruling the youth waits under."),
    )
    bridging_provider = forms.ModelChoiceField(
        label=_("Bridging care: provider"),
        required=False,
        queryset=Provider.objects.none(),
        empty_label=_("None"),
    )
    bridging_product = forms.ModelChoiceField(
        label=_("Bridging care: product"),
        required=False,
        queryset=Product.objects.none(),
        empty_label=_("None"),
    )
    bridging_note = forms.CharField(
        label=_("Bridging care (description)"), required=False, max_length=500
    )


class EntryReportForm(_BridgingFields):
    bsn = forms.CharField(
        label=_("BSN of the youth"),
        max_length=11,
        help_text=_("The youth must live in one of the region's municipalities."),
    )
    lot = forms.ModelChoiceField(label=_("Lot"), queryset=Lot.objects.none())
    provider = forms.ModelChoiceField(
        label=_("Provider"),
        required=False,
        queryset=Provider.objects.none(),
        empty_label=_("No provider (perceel-1 waiting list)"),
    )
    product = forms.ModelChoiceField(
        label=_("Product"), required=False, queryset=Product.objects.none(), empty_label=_("None")
    )
    waiting_since = _date(_("Waiting since"))
    given_name = forms.CharField(label=_("Given name of the youth"), max_length=200)
    family_name = forms.CharField(label=_("Family name of the youth"), max_length=200)
    birth_date = _date(_("Birth date of the youth"))

    field_order = [
        "bsn",
        "given_name",
        "family_name",
        "birth_date",
        "lot",
        "provider",
        "product",
        "waiting_since",
    ]

    def __init__(
        self,
        *args: Any,
        lots: QuerySet[Lot],
        providers: QuerySet[Provider] | None,
        products: QuerySet[Product],
        bridging_providers: QuerySet[Provider],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(self, "lot", lots)
        if providers is None:
            # A provider reports its own list, with the identity as it knows it: that is
            # what it will be shown (the youth record is never looked up for it).
            del self.fields["provider"]
            self.fields["bsn"].help_text = _(
                "The region links your report to its own records; you see what you enter here."
            )
        else:
            limit_choices(self, "provider", providers)
            for name in ("given_name", "family_name", "birth_date"):
                del self.fields[name]
        limit_choices(self, "product", products)
        limit_choices(self, "bridging_product", products)
        limit_choices(self, "bridging_provider", bridging_providers)


class EntryUpdateForm(_BridgingFields):
    waiting_since = _date(_("Waiting since"))
    product = forms.ModelChoiceField(
        label=_("Product"), required=False, queryset=Product.objects.none(), empty_label=_("None")
    )

    field_order = ["waiting_since", "product"]

    def __init__(
        self,
        *args: Any,
        products: QuerySet[Product],
        bridging_providers: QuerySet[Provider],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(self, "product", products)
        limit_choices(self, "bridging_product", products)
        limit_choices(self, "bridging_provider", bridging_providers)


class EntryCloseForm(forms.Form):
    outflow_date = _date(_("Outflow date"))
    outflow_reason = forms.ChoiceField(label=_("Outflow reason"), choices=OutflowReason.choices)
    outflow_note = forms.CharField(
        label=_("Explanation"),
        required=False,
        max_length=500,
        help_text=_("Required when the reason is 'other'."),
    )


class YearForm(forms.Form):
    jaar = forms.IntegerField(label=_("Year"), required=False, min_value=2015, max_value=2100)
