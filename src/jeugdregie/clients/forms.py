# SPDX-License-Identifier: EUPL-1.2
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from jeugdregie.clients.constants import Gender
from jeugdregie.core.forms import IsoDateInput
from jeugdregie.regions.models import Municipality
from jeugdregie.web.views import limit_choices


class YouthSearchForm(forms.Form):
    q = forms.CharField(
        label=_("BSN or family name"),
        max_length=100,
        help_text=_("Exact match: the full BSN (9 digits) or the full family name."),
    )


class YouthCreateForm(forms.Form):
    bsn = forms.CharField(
        label=_("BSN"), max_length=20, help_text=_("9 digits; checked with the eleven-test.")
    )
    given_name = forms.CharField(label=_("Given name"), max_length=100)
    family_name = forms.CharField(label=_("Family name"), max_length=100)
    birth_date = forms.DateField(label=_("Birth date"), widget=IsoDateInput())
    gender = forms.ChoiceField(label=_("Gender"), choices=Gender.choices)
    municipality = forms.ModelChoiceField(
        label=_("Municipality"), queryset=Municipality.objects.none()
    )

    def __init__(self, *args: Any, municipalities: QuerySet[Municipality], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(self, "municipality", municipalities)
