# SPDX-License-Identifier: EUPL-1.2
"""Worklists of requests (JW315/JW317), the message viewer and the traffic overview."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_safe

from jeugdregie.accounts.models import User
from jeugdregie.accounts.permissions import Capability
from jeugdregie.accounts.selectors import user_can
from jeugdregie.clients.constants import ReferrerType
from jeugdregie.contracting.constants import Frequency, Unit
from jeugdregie.core.templatetags.jeugdregie import percent
from jeugdregie.messaging import selectors
from jeugdregie.messaging.constants import InboxStatus, RequestStatus
from jeugdregie.messaging.forms import RequestDecisionForm, RequestFilterForm, TrafficFilterForm
from jeugdregie.messaging.models import AllocationRequest, ChangeRequest, InboxMessage
from jeugdregie.messaging.selectors.identity import youth_shown
from jeugdregie.messaging.services.requests import (
    allocation_request_contract_flag,
    allocation_request_reject,
    change_request_reject,
)
from jeugdregie.web.exports import csv_response
from jeugdregie.web.views import (
    acting_user,
    apply_service_errors,
    paginate,
    query_without_page,
    refused_filters,
    requires,
)
from jeugdregie.workflows.requests import allocation_request_approve, change_request_approve

# --- worklists ---------------------------------------------------------------------------

# WJ758: why a provider asks for a change (JW317).
CHANGE_REASONS = {
    "1": gettext_lazy("Change in the client's situation"),
    "2": gettext_lazy("Change of the care plan"),
}


def _request_filters(
    request: HttpRequest, user: User
) -> tuple[RequestFilterForm, selectors.RequestFilters]:
    form = RequestFilterForm(request.GET, providers=selectors.request_providers(user=user))
    form.is_valid()
    data = getattr(form, "cleaned_data", {})
    filters = selectors.RequestFilters(
        status=data.get("status") or "",
        provider_id=data["aanbieder"].pk if data.get("aanbieder") else None,
        reference=data.get("referentie") or "",
        sort=request.GET.get("sorteer", ""),
    )
    return form, filters


@requires(Capability.VIEW_MESSAGE_REQUESTS)
@require_safe
def allocation_request_list(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    form, filters = _request_filters(request, user)
    page = paginate(request, selectors.allocation_request_list(user=user, filters=filters))
    return render(
        request,
        "messaging/allocation_request_list.html",
        {"form": form, "page": page, "query": query_without_page(request)},
    )


@requires(Capability.VIEW_MESSAGE_REQUESTS)
@require_safe
def change_request_list(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    form, filters = _request_filters(request, user)
    page = paginate(request, selectors.change_request_list(user=user, filters=filters))
    return render(
        request,
        "messaging/change_request_list.html",
        {"form": form, "page": page, "query": query_without_page(request)},
    )


def _decide(
    request: HttpRequest,
    form: RequestDecisionForm,
    *,
    approve: Callable[[str], object],
    reject: Callable[[str, str], object],
) -> bool:
    """Run the decision posted on the form; False (and errors on the form) when refused."""
    if not form.is_valid():
        return False
    data = form.cleaned_data
    try:
        if data["decision"] == RequestDecisionForm.APPROVE:
            approve(data["note"].strip())
            messages.success(request, _("The request has been approved; a JW301 is queued."))
        else:
            reject(data["rejection_reason"], data["note"].strip())
            messages.success(request, _("The request has been rejected; a JW319 is queued."))
    except ValidationError as error:
        apply_service_errors(form, error)
        return False
    return True


def _request_context(
    user: User, item: AllocationRequest | ChangeRequest, form: RequestDecisionForm
) -> dict[str, Any]:
    return {
        "item": item,
        # A provider: the client as its request said it; the region: the youth record.
        "shown": youth_shown(
            user=user,
            youth=item.youth,
            message_data=bytes(item.inbox_message.raw),
            can_link=user_can(user, Capability.VIEW_YOUTH),
        ),
        "answers": selectors.request_answers(inbox=item.inbox_message),
        "form": form,
        "can_decide": item.status == RequestStatus.OPEN
        and user_can(user, Capability.DECIDE_MESSAGE_REQUESTS),
        "can_view_youth": user_can(user, Capability.VIEW_YOUTH),
        "units": dict(Unit.choices),
        "frequencies": dict(Frequency.choices),
        "referrers": dict(ReferrerType.choices),
        "change_reasons": CHANGE_REASONS,
        "contract_flag": allocation_request_contract_flag(item)
        if isinstance(item, AllocationRequest)
        else None,
    }


@requires(Capability.VIEW_MESSAGE_REQUESTS)
@require_http_methods(["GET", "HEAD", "POST"])
def allocation_request_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = acting_user(request)
    if request.method == "POST" and not user_can(user, Capability.DECIDE_MESSAGE_REQUESTS):
        raise PermissionDenied
    item = selectors.allocation_request_detail(user=user, pk=pk, route=request.path)
    form = RequestDecisionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":

        def approve(note: str) -> object:
            return allocation_request_approve(actor=user, request=item, note=note)

        def reject(reason: str, note: str) -> object:
            return allocation_request_reject(actor=user, request=item, reason=reason, note=note)

        if _decide(request, form, approve=approve, reject=reject):
            return redirect("messaging:allocation-request-detail", pk=item.pk)
        item.refresh_from_db()
    return render(
        request,
        "messaging/allocation_request_detail.html",
        _request_context(user, item, form),
        status=400 if form.errors else 200,
    )


@requires(Capability.VIEW_MESSAGE_REQUESTS)
@require_http_methods(["GET", "HEAD", "POST"])
def change_request_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = acting_user(request)
    if request.method == "POST" and not user_can(user, Capability.DECIDE_MESSAGE_REQUESTS):
        raise PermissionDenied
    item = selectors.change_request_detail(user=user, pk=pk, route=request.path)
    form = RequestDecisionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":

        def approve(note: str) -> object:
            return change_request_approve(actor=user, request=item, note=note)

        def reject(reason: str, note: str) -> object:
            return change_request_reject(actor=user, request=item, reason=reason, note=note)

        if _decide(request, form, approve=approve, reject=reject):
            return redirect("messaging:change-request-detail", pk=item.pk)
        item.refresh_from_db()
    return render(
        request,
        "messaging/change_request_detail.html",
        _request_context(user, item, form),
        status=400 if form.errors else 200,
    )


# --- the message viewer -----------------------------------------------------------------


def _viewer(request: HttpRequest, view: selectors.MessageView) -> HttpResponse:
    user = acting_user(request)
    message = view.message
    data = bytes(message.raw if isinstance(message, InboxMessage) else message.data)
    return render(
        request,
        "messaging/message_detail.html",
        {
            "view": view,
            "message": message,
            # A provider: the client as the message said it; the region: the youth record.
            "shown": youth_shown(
                user=user,
                youth=message.youth,
                message_data=data,
                can_link=user_can(user, Capability.VIEW_YOUTH),
            ),
            "can_view_youth": user_can(user, Capability.VIEW_YOUTH),
            "can_view_requests": user_can(user, Capability.VIEW_MESSAGE_REQUESTS),
        },
    )


@requires(Capability.VIEW_MESSAGES)
@require_safe
def inbox_message_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = acting_user(request)
    return _viewer(request, selectors.inbox_message_view(user=user, pk=pk, route=request.path))


@requires(Capability.VIEW_MESSAGES)
@require_safe
def outbox_message_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = acting_user(request)
    return _viewer(request, selectors.outbox_message_view(user=user, pk=pk, route=request.path))


# --- the traffic overview ---------------------------------------------------------------


def _traffic(
    request: HttpRequest, user: User
) -> tuple[TrafficFilterForm, selectors.TrafficFilters]:
    form = TrafficFilterForm(request.GET, providers=selectors.traffic_providers(user=user))
    start, end = form.period()
    provider = form.cleaned_data.get("aanbieder") if form.is_valid() else None
    return form, selectors.TrafficFilters(
        start=start, end=end, provider_id=provider.pk if provider else None
    )


def traffic_table(rows: list[selectors.TrafficRow]) -> list[list[str]]:
    """The cells of the overview's table, as the screen and the CSV export show them."""
    return [
        [
            row.provider_name or _("Unknown sender"),
            row.agb_code,
            row.message_type or _("unreadable"),
            str(row.received),
            str(row.sent),
            str(row.rejected),
            percent(row.error_rate),
        ]
        for row in rows
    ]


def traffic_header() -> list[str]:
    return [
        _("Provider"),
        _("AGB code"),
        _("Message type"),
        _("Received"),
        _("Sent"),
        _("Rejected"),
        _("Error rate"),
    ]


@requires(Capability.VIEW_MESSAGE_TRAFFIC)
@require_safe
def traffic(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    form, filters = _traffic(request, user)
    rows = selectors.message_traffic(user=user, filters=filters)
    total = selectors.traffic_totals(rows)
    page = paginate(request, selectors.recent_messages(user=user, filters=filters))
    return render(
        request,
        "messaging/traffic.html",
        {
            "form": form,
            "filters": filters,
            "header": traffic_header(),
            "table": traffic_table(rows),
            "total": total,
            "total_rate": percent(total.error_rate),
            "page": page,
            "query": query_without_page(request),
            "statuses": dict(InboxStatus.choices),
            "can_view_messages": user_can(user, Capability.VIEW_MESSAGES),
        },
        status=400 if form.errors else 200,  # the default period is shown with the errors
    )


@requires(Capability.VIEW_MESSAGE_TRAFFIC)
@require_safe
def traffic_export(request: HttpRequest) -> HttpResponseBase:
    """The overview's table as CSV (semicolons, UTF-8 with BOM for spreadsheet programs)."""
    user = acting_user(request)
    form, filters = _traffic(request, user)
    if (refused := refused_filters(form)) is not None:
        return refused
    rows = selectors.message_traffic(user=user, filters=filters)
    table: list[list[str]] = traffic_table(rows)
    if rows:
        total = selectors.traffic_totals(rows)
        cells = [str(total.received), str(total.sent), str(total.rejected)]
        table.append([_("Total"), "", "", *cells, percent(total.error_rate)])
    return csv_response(
        request=request,
        filename=f"berichtenverkeer_{filters.start.isoformat()}_{filters.end.isoformat()}.csv",
        header=traffic_header(),
        rows=table,
    )
