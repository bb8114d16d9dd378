# SPDX-License-Identifier: EUPL-1.2
from django import forms
from django.utils.translation import gettext_lazy as _

from jeugdregie.allocations.constants import AllocationStatus
from jeugdregie.contracting.models import Provider
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
        self, *args: object, providers: object, municipalities: object, **kwargs: object
    ) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["aanbieder"].queryset = providers  # type: ignore[attr-defined]
        self.fields["gemeente"].queryset = municipalities  # type: ignore[attr-defined]
