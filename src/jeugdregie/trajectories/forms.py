# SPDX-License-Identifier: EUPL-1.2
from typing import Any

from django import forms
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from jeugdregie.allocations.models import Allocation
from jeugdregie.contracting.models import Provider
from jeugdregie.core.forms import IsoDateInput
from jeugdregie.trajectories.constants import Complexity, PolicyEndKind
from jeugdregie.trajectories.policy import ReviewQuestion

DATE_INPUT = IsoDateInput()
DECISIONS = [("grant", _("Grant the extension")), ("refuse", _("Refuse the extension"))]


class TrajectoryFilterForm(forms.Form):
    complexity = forms.ChoiceField(
        label=_("Complexity"),
        required=False,
        choices=[("", _("All")), *Complexity.choices],
    )
    pending = forms.BooleanField(label=_("Only with a pending extension"), required=False)


class ExtensionRequestForm(forms.Form):
    requested_end = forms.DateField(label=_("New end date"), widget=DATE_INPUT)
    self_assessment = forms.CharField(
        label=_("Self-assessment"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "Required from the second extension: why is the extension necessary? "
            "You can also attach it later."
        ),
    )


class SelfAssessmentForm(forms.Form):
    self_assessment = forms.CharField(
        label=_("Self-assessment"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Explain why the extension is necessary."),
    )


class ReferrerDecisionForm(forms.Form):
    decision = forms.ChoiceField(label=_("Decision"), choices=DECISIONS, widget=forms.RadioSelect)
    motivation = forms.CharField(label=_("Motivation"), widget=forms.Textarea(attrs={"rows": 4}))


class ReviewDecisionForm(ReferrerDecisionForm):
    """The CJG review: one field per question of the review form in force (policy data)."""

    def __init__(self, *args: Any, questions: tuple[ReviewQuestion, ...], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        decision, motivation = self.fields.pop("decision"), self.fields.pop("motivation")
        for question in questions:
            self.fields[f"q_{question.code}"] = forms.CharField(
                label=question.text,
                required=question.required,
                widget=forms.Textarea(attrs={"rows": 3}),
            )
        self.fields["decision"], self.fields["motivation"] = decision, motivation
        self.questions = questions

    def answers(self) -> dict[str, str]:
        return {q.code: self.cleaned_data.get(f"q_{q.code}", "") for q in self.questions}


def _allocation_label(allocation: Allocation) -> str:
    return gettext("%(number)s – %(product)s, %(start)s to %(end)s (%(municipality)s)") % {
        "number": allocation.number,
        "product": f"{allocation.product.code} {allocation.product.name}",
        "start": date_format(allocation.start, "j-n-Y"),
        "end": date_format(allocation.end, "j-n-Y") if allocation.end else "—",
        "municipality": allocation.municipality.name,
    }


class TrajectoryCreateForm(forms.Form):
    allocation = forms.ModelChoiceField(
        label=_("Allocation"),
        queryset=Allocation.objects.none(),  # per user: own allocations without a trajectory
        help_text=_("Your running allocations of a product with a basic treatment duration."),
    )
    practitioner_name = forms.CharField(label=_("Coordinating practitioner"), max_length=200)

    def __init__(self, *args: Any, allocations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["allocation"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = allocations
        field.label_from_instance = _allocation_label  # type: ignore[method-assign,assignment]


class AdditionalPractitionerForm(forms.Form):
    other_provider = forms.ModelChoiceField(label=_("Provider"), queryset=Provider.objects.none())
    practitioner_name = forms.CharField(label=_("Additional practitioner"), max_length=200)
    start = forms.DateField(label=_("Start"), widget=DATE_INPUT)
    end = forms.DateField(label=_("End"), widget=DATE_INPUT)
    volume = forms.IntegerField(label=_("Volume per week"), min_value=1, max_value=99)

    def __init__(self, *args: Any, providers: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["other_provider"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = providers


class ComplexityForm(forms.Form):
    responsible = forms.TypedChoiceField(
        label=_("Judgement"),
        choices=[
            ("1", _("Responsible to continue in perceel 2")),
            ("0", _("Not responsible: temporary continuation while waiting for perceel 1")),
        ],
        coerce=lambda value: value == "1",
        widget=forms.RadioSelect,
    )
    motivation = forms.CharField(label=_("Motivation"), widget=forms.Textarea(attrs={"rows": 4}))
    cjg_worker_name = forms.CharField(
        label=_("Linked CJG worker"),
        required=False,
        max_length=200,
        help_text=_("Required when the youth waits for perceel 1."),
    )
    cjg_worker_contact = forms.CharField(
        label=_("Contact of the CJG worker"), required=False, max_length=200
    )


class PolicyEndForm(forms.Form):
    version_code = forms.ChoiceField(label=_("Working method"))
    end = forms.DateField(label=_("Last day in force"), widget=DATE_INPUT)
    kind = forms.ChoiceField(
        label=_("Kind"), choices=PolicyEndKind.choices, widget=forms.RadioSelect
    )
    decision_reference = forms.CharField(label=_("Decision reference"), max_length=100)
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, versions: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["version_code"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = versions
