# SPDX-License-Identifier: EUPL-1.2
"""Screens for the expert table: its meetings, their agenda and decisions, and the agenda
and minutes as PDF."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from jeugdregie.accounts.constants import Role
from jeugdregie.accounts.models import User
from jeugdregie.accounts.permissions import Capability
from jeugdregie.accounts.selectors import user_can
from jeugdregie.audit.constants import AccessPurpose
from jeugdregie.casetable import documents, selectors, services
from jeugdregie.casetable.forms import AgendaDecisionForm, MeetingForm
from jeugdregie.casetable.models import Meeting
from jeugdregie.regions.selectors import region_of
from jeugdregie.web.views import acting_user, apply_service_errors, paginate, requires
from jeugdregie.workflows import cases as case_workflows


@requires(Capability.VIEW_MEETINGS)
@require_safe
def meeting_list(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    meetings = selectors.meetings_visible_to(user=user).prefetch_related("items")
    return render(
        request,
        "casetable/meeting_list.html",
        {
            "page": paginate(request, meetings.order_by("-date", "-pk")),
            "can_plan": user_can(user, Capability.DECIDE_CASES),
        },
    )


def _members(user: User) -> Any:
    region = region_of(user=user)
    return User.objects.filter(
        organisation__region=region,
        is_active=True,
        role__in=[Role.EXPERT_MEMBER, Role.CONTRACT_MANAGER, Role.ACCESS_STAFF, Role.GI_STAFF],
    ).order_by("last_name", "username")


@requires(Capability.DECIDE_CASES)
@require_http_methods(["GET", "HEAD", "POST"])
def meeting_create(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    form = MeetingForm(request.POST or None, members=_members(user))
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.meeting_create(
                actor=user,
                date=form.cleaned_data["date"],
                members=list(form.cleaned_data["members"]),
                guests=form.cleaned_data["guests"],
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, _("The meeting has been planned."))
            return redirect("casetable:meeting-detail", pk=meeting.pk)
    return render(
        request,
        "core/form_page.html",
        {"form": form, "title": _("Plan a meeting"), "submit": _("Plan the meeting")},
        status=400 if form.errors else 200,
    )


def _meeting(request: HttpRequest, pk: int) -> Meeting:
    return get_object_or_404(selectors.meetings_visible_to(user=acting_user(request)), pk=pk)


@requires(Capability.VIEW_MEETINGS)
@require_safe
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = acting_user(request)
    meeting = _meeting(request, pk)
    items = selectors.agenda(meeting=meeting)
    selectors.log_youth_shown(
        user=user, cases=[i.case for i in items], route=request.path, purpose=AccessPurpose.LIST
    )
    return render(
        request,
        "casetable/meeting_detail.html",
        {
            "meeting": meeting,
            "items": items,
            "members": list(meeting.members.order_by("last_name", "username")),
            "can_decide": user_can(user, Capability.DECIDE_CASES),
            "forms": {item.pk: AgendaDecisionForm(prefix=f"punt{item.pk}") for item in items},
        },
    )


@requires(Capability.DECIDE_CASES)
@require_http_methods(["GET", "HEAD", "POST"])
def agenda_decide(request: HttpRequest, pk: int, item: int) -> HttpResponse:
    user = acting_user(request)
    meeting = _meeting(request, pk)
    agenda_item = get_object_or_404(meeting.items.select_related("case"), pk=item)
    if request.method != "POST":
        return redirect("casetable:meeting-detail", pk=meeting.pk)
    form = AgendaDecisionForm(request.POST, prefix=f"punt{agenda_item.pk}")
    if form.is_valid():
        try:
            case_workflows.agenda_decide(actor=user, item=agenda_item, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(
                request,
                _("The decision on case %(number)s has been recorded.")
                % {"number": agenda_item.case.number},
            )
            return redirect("casetable:meeting-detail", pk=meeting.pk)
    items = selectors.agenda(meeting=meeting)
    selectors.log_youth_shown(
        user=user, cases=[i.case for i in items], route=request.path, purpose=AccessPurpose.LIST
    )
    return render(
        request,
        "casetable/meeting_detail.html",
        {
            "meeting": meeting,
            "items": items,
            "members": list(meeting.members.order_by("last_name", "username")),
            "can_decide": True,
            "forms": {
                item.pk: form
                if item.pk == agenda_item.pk
                else AgendaDecisionForm(prefix=f"punt{item.pk}")
                for item in items
            },
        },
        status=400,
    )


def _pdf(request: HttpRequest, pk: int, minutes: bool) -> HttpResponse:
    user = acting_user(request)
    meeting = _meeting(request, pk)
    items = selectors.agenda(meeting=meeting)
    selectors.log_youth_shown(
        user=user, cases=[i.case for i in items], route=request.path, purpose=AccessPurpose.EXPORT
    )
    members = list(meeting.members.order_by("last_name", "username"))
    data = (
        documents.minutes_pdf(meeting=meeting, items=items, members=members)
        if minutes
        else documents.agenda_pdf(meeting=meeting, items=items, members=members)
    )
    name = "notulen" if minutes else "agenda"
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{name}-{meeting.date:%Y-%m-%d}.pdf"'
    return response


@requires(Capability.VIEW_MEETINGS)
@require_safe
def meeting_agenda_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    return _pdf(request, pk, minutes=False)


@requires(Capability.VIEW_MEETINGS)
@require_safe
def meeting_minutes_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    return _pdf(request, pk, minutes=True)
