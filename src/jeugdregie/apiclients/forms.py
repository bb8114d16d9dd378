# SPDX-License-Identifier: EUPL-1.2
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from jeugdregie.accounts.models import Organisation
from jeugdregie.apiclients.constants import Scope
from jeugdregie.core.forms import BoundedDateField, IsoDateInput


class ApiClientRegisterForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.none(),
        help_text=_("The client acts as a service user of this organisation."),
    )
    name = forms.CharField(
        label=_("Name"),
        max_length=100,
        help_text=_("Which software this is, e.g. the provider's client record system."),
    )
    scopes = forms.MultipleChoiceField(
        label=_("Scopes"),
        choices=[(scope.value, f"{scope.label} ({scope.value})") for scope in Scope],
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Only what the software needs; a scope must fit the organisation's role."),
    )
    expires_on = BoundedDateField(
        label=_("Valid until"),
        required=False,
        widget=IsoDateInput(),
        help_text=_("Last day the token works; leave empty for no end date."),
    )

    def __init__(self, *args: Any, organisations: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if organisations is not None:
            field = self.fields["organisation"]
            assert isinstance(field, forms.ModelChoiceField)
            field.queryset = organisations
