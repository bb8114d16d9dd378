# SPDX-License-Identifier: EUPL-1.2
from django import forms
from django.utils.translation import gettext_lazy as _


class MunicipalityForm(forms.Form):
    cbs_code = forms.CharField(
        label=_("CBS code"), max_length=10, help_text=_("4 digits, e.g. 0505 for Dordrecht.")
    )
    name = forms.CharField(label=_("Name"), max_length=200)
    youth_population = forms.IntegerField(
        label=_("Youth population (0-19)"), min_value=0, initial=0
    )
