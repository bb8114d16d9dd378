# SPDX-License-Identifier: EUPL-1.2
from django import forms
from django.utils.translation import gettext_lazy as _

from jeugdregie.contracting.constants import ContractKind


class ProviderCreateForm(forms.Form):
    agb_code = forms.CharField(
        label=_("AGB code"), max_length=20, help_text=_("8 digits, e.g. 73730001.")
    )
    name = forms.CharField(label=_("Name"), max_length=200)
    kvk_number = forms.CharField(
        label=_("KvK number"), max_length=20, required=False, help_text=_("8 digits; optional.")
    )


class ProviderUpdateForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    kvk_number = forms.CharField(
        label=_("KvK number"), max_length=20, required=False, help_text=_("8 digits; optional.")
    )


# A search longer than this is refused (SQLite cannot even run a LIKE that long).
SEARCH_MAX_LENGTH = 100


class ProviderSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search by name or AGB code"), required=False, max_length=SEARCH_MAX_LENGTH
    )


class ContractFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Search by provider or reference"), required=False, max_length=SEARCH_MAX_LENGTH
    )
    soort = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=[("", _("All kinds")), *ContractKind.choices],
    )
