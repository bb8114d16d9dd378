# SPDX-License-Identifier: EUPL-1.2
from decimal import Decimal
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from jeugdregie.accounts.models import User
from jeugdregie.casetable.constants import CareSetting, CaseKind, CaseStatus, Outcome, TableDecision
from jeugdregie.casetable.models import Meeting
from jeugdregie.contracting.constants import Frequency
from jeugdregie.contracting.models import Product, Provider
from jeugdregie.core.forms import BoundedDateField, IsoDateInput
from jeugdregie.framework.engine.definitions import FactDef
from jeugdregie.web.views import limit_choices

YES_NO_UNKNOWN = [("", _("Unknown")), ("ja", _("Yes")), ("nee", _("No"))]
DATE_INPUT = IsoDateInput()


class CaseFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All")), *CaseStatus.choices]
    )
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All")), *CaseKind.choices]
    )
    outcome = forms.ChoiceField(
        label=_("Outcome"), required=False, choices=[("", _("All")), *Outcome.choices]
    )


class CaseCreateForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of request"), choices=CaseKind.choices)
    bsn = forms.CharField(label=_("BSN of the youth"), max_length=11)
    provider = forms.ModelChoiceField(
        label=_("Provider"),
        queryset=Provider.objects.none(),
        required=False,
        help_text=_("Leave empty to register a provider that is not yet known below."),
    )
    new_provider_name = forms.CharField(label=_("New provider: name"), required=False)
    new_provider_agb = forms.CharField(
        label=_("New provider: AGB code"), required=False, max_length=8
    )
    new_provider_kvk = forms.CharField(
        label=_("New provider: KvK number"), required=False, max_length=8
    )
    product = forms.ModelChoiceField(label=_("Product"), queryset=Product.objects.none())
    care_setting = forms.ChoiceField(
        label=_("Care setting"),
        choices=[
            (CareSetting.AMBULANT, CareSetting.AMBULANT.label),
            (CareSetting.SHORT_STAY, CareSetting.SHORT_STAY.label),
            (CareSetting.VERBLIJF, CareSetting.VERBLIJF.label),
        ],
    )
    request_date = BoundedDateField(label=_("Request date"), widget=DATE_INPUT)
    start = BoundedDateField(label=_("Start of the care"), widget=DATE_INPUT)
    end = BoundedDateField(label=_("End of the care"), widget=DATE_INPUT)
    volume = forms.IntegerField(label=_("Volume"), min_value=1)
    frequency = forms.ChoiceField(label=_("Frequency"), choices=Frequency.choices)
    tariff = forms.DecimalField(
        label=_("Tariff per unit (EUR)"), min_value=Decimal(0), decimal_places=2
    )
    comparable_tariff_override = forms.DecimalField(
        label=_("Other comparable contracted tariff (EUR)"),
        required=False,
        min_value=Decimal(0),
        decimal_places=2,
        help_text=_("Only when the tariff looked up from the contracts does not fit."),
    )
    override_reason = forms.CharField(
        label=_("Reason for the other comparable tariff"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: Any, region_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(self, "provider", Provider.objects.order_by("name"))
        limit_choices(self, "product", Product.objects.filter(region_id=region_id).order_by("code"))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        new = [data.get(f) for f in ("new_provider_name", "new_provider_agb", "new_provider_kvk")]
        if data.get("provider") is None and not all(new):
            self.add_error(
                "provider",
                _("Choose a provider, or give the name, AGB code and KvK number of a new one."),
            )
        if data.get("provider") is not None and any(new):
            self.add_error("new_provider_name", _("Choose a provider or register a new one."))
        return data


def question_field(fact: FactDef, ground_labels: list[tuple[str, str]]) -> forms.Field:
    """A form field for one fact of the rule set, asked as its Dutch question."""
    label = fact.question or fact.label
    if fact.type == "bool":
        return forms.ChoiceField(
            label=label, choices=YES_NO_UNKNOWN, required=False, widget=forms.RadioSelect
        )
    if fact.type == "date":
        return BoundedDateField(label=label, required=False, widget=DATE_INPUT)
    if fact.type == "money":
        return forms.DecimalField(label=label, required=False, decimal_places=2)
    if fact.type == "int":
        return forms.IntegerField(label=label, required=False, min_value=0)
    if fact.type == "enum":
        return forms.ChoiceField(
            label=label,
            required=False,
            choices=[("", _("Unknown"))] + [(value, value) for value in fact.values],
        )
    return forms.MultipleChoiceField(
        label=label,
        required=False,
        choices=ground_labels,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Tick every ground that applies; none ticked means none applies."),
    )


class QuestionsForm(forms.Form):
    """The open questions of a case, generated from the rule set."""

    def __init__(
        self,
        *args: Any,
        facts: list[FactDef],
        ground_labels: list[tuple[str, str]],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.facts = {fact.id: fact for fact in facts}
        for fact in facts:
            self.fields[fact.id] = question_field(fact, ground_labels)

    def answers(self) -> dict[str, Any]:
        """Answers in the case file format; an unanswered question stays unknown."""
        answers: dict[str, Any] = {}
        for fact_id, fact in self.facts.items():
            value = self.cleaned_data.get(fact_id)
            if fact.type == "bool":
                if value in {"ja", "nee"}:
                    answers[fact_id] = value == "ja"
            elif fact.type == "date":
                if value:
                    answers[fact_id] = value.isoformat()
            elif fact.type == "money":
                if value is not None:
                    answers[fact_id] = f"{value:.2f}"
            elif fact.type in {"int", "enum"}:
                if value not in (None, ""):
                    answers[fact_id] = value
            else:
                answers[fact_id] = list(value or [])
        return answers


class JudgementForm(forms.Form):
    fact = forms.ChoiceField(label=_("Judgement"))
    value = forms.ChoiceField(
        label=_("Judgement of the table"),
        choices=[("ja", _("Yes")), ("nee", _("No"))],
        widget=forms.RadioSelect,
    )
    motivation = forms.CharField(label=_("Motivation"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, judgements: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["fact"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = judgements


class ScheduleForm(forms.Form):
    meeting = forms.ModelChoiceField(label=_("Meeting"), queryset=Meeting.objects.none())

    def __init__(self, *args: Any, meetings: QuerySet[Meeting], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(self, "meeting", meetings)


class DirectDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("approve", _("Approve")), ("reject", _("Reject"))],
        widget=forms.RadioSelect,
    )
    urgent = forms.BooleanField(
        label=_("Urgent route: decided with the referrer, reported at the next meeting"),
        required=False,
    )
    motivation = forms.CharField(label=_("Motivation"), widget=forms.Textarea(attrs={"rows": 3}))


class FollowUpForm(forms.Form):
    due = forms.DateField(label=_("Evaluation date"), widget=DATE_INPUT)
    description = forms.CharField(label=_("What is evaluated"), max_length=200)


class MeetingForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=DATE_INPUT)
    members = forms.ModelMultipleChoiceField(
        label=_("Members"), queryset=User.objects.none(), widget=forms.CheckboxSelectMultiple
    )
    guests = forms.CharField(
        label=_("Other participants"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: Any, members: QuerySet[User], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(self, "members", members)


class AgendaDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"), choices=TableDecision.choices, widget=forms.RadioSelect
    )
    motivation = forms.CharField(label=_("Motivation"), widget=forms.Textarea(attrs={"rows": 3}))
