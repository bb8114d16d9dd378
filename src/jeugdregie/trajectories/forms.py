# SPDX-License-Identifier: EUPL-1.2
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from jeugdregie.trajectories.constants import Complexity
from jeugdregie.trajectories.policy import ReviewQuestion

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
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
