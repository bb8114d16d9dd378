# SPDX-License-Identifier: EUPL-1.2
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from jeugdregie.clients.constants import Gender
from jeugdregie.core.forms import BoundedDateField, IsoDateInput
from jeugdregie.regions.models import Municipality
from jeugdregie.web.views import limit_choices


class YouthSearchForm(forms.Form):
    """A BSN or a name, and/or a birth date. Posted, never put in a URL; the browser is asked
    not to remember what was typed."""

    q = forms.CharField(
        label=_("BSN or name"),
        max_length=100,
        required=False,
        help_text=_(
            "The full BSN (9 digits), or a name: the family name with or without "
            "'van', 'de' and the like, a given name, or both (\"Emma de Vries\")."
        ),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    birth_date = BoundedDateField(
        label=_("Birth date"),
        required=False,
        input_formats=["%d-%m-%Y", "%Y-%m-%d"],
        help_text=_("dd-mm-yyyy, e.g. 3-11-2014."),
        widget=IsoDateInput(attrs={"autocomplete": "off"}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not self.errors and not data.get("q", "").strip() and not data.get("birth_date"):
            raise forms.ValidationError(_("Give a BSN, a name or a birth date."))
        return data


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
