# SPDX-License-Identifier: EUPL-1.2
import datetime as dt
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jeugdregie.contracting.models import Provider
from jeugdregie.core.forms import BoundedDateField, IsoDateInput
from jeugdregie.messaging.constants import RejectionReason, RequestStatus
from jeugdregie.web.views import limit_choices

TRAFFIC_DAYS = 90
MAX_TRAFFIC_DAYS = 3660


class RequestFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All statuses")), *RequestStatus.choices],
    )
    aanbieder = forms.ModelChoiceField(
        label=_("Provider"),
        required=False,
        queryset=Provider.objects.none(),
        empty_label=_("All providers"),
    )
    referentie = forms.CharField(label=_("Provider's reference"), required=False, max_length=36)

    def __init__(self, *args: Any, providers: QuerySet[Provider], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(self, "aanbieder", providers)


class RequestDecisionForm(forms.Form):
    """Approve, or reject with the WJ759 reason the provider receives and an explanation."""

    APPROVE, REJECT = "approve", "reject"

    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[(APPROVE, _("Approve this request")), (REJECT, _("Reject this request"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose whether you approve or reject the request.")},
    )
    rejection_reason = forms.ChoiceField(
        label=_("Reason of rejection"),
        required=False,
        choices=[("", _("Choose a reason")), *RejectionReason.choices],
        help_text=_("Required when you reject; the provider receives this reason (JW319)."),
    )
    note = forms.CharField(
        label=_("Explanation"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when you reject; kept with the decision, not sent."),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("decision") == self.REJECT:
            if not data.get("rejection_reason"):
                self.add_error(
                    "rejection_reason", _("Choose the reason of the rejection for the provider.")
                )
            if not (data.get("note") or "").strip():
                self.add_error("note", _("Explain why the request is rejected."))
        return data


class TrafficFilterForm(forms.Form):
    van = BoundedDateField(label=_("From"), required=False, widget=IsoDateInput())
    tot = BoundedDateField(
        label=_("Up to and including"),
        required=False,
        widget=IsoDateInput(),
    )
    aanbieder = forms.ModelChoiceField(
        label=_("Provider"),
        required=False,
        queryset=Provider.objects.none(),
        empty_label=_("All providers"),
    )

    def __init__(self, *args: Any, providers: QuerySet[Provider], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(self, "aanbieder", providers)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("van"), data.get("tot")
        if start and end and start > end:
            self.add_error("tot", _("The end of the period lies before its start."))
        elif start and end and (end - start).days > MAX_TRAFFIC_DAYS:
            self.add_error("van", _("Choose a period of at most ten years."))
        return data

    def period(self) -> tuple[dt.date, dt.date]:
        """The chosen period; by default (and when the input is wrong) the last 90 days."""
        today = timezone.localdate()
        default = (today - dt.timedelta(days=TRAFFIC_DAYS - 1), today)
        if not self.is_valid():
            return default
        end = self.cleaned_data.get("tot") or today
        start = self.cleaned_data.get("van") or end - dt.timedelta(days=TRAFFIC_DAYS - 1)
        return start, end
