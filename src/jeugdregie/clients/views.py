# SPDX-License-Identifier: EUPL-1.2
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_safe

from jeugdregie.accounts.constants import Role
from jeugdregie.accounts.models import User
from jeugdregie.accounts.permissions import Capability
from jeugdregie.accounts.selectors import user_can
from jeugdregie.allocations.selectors import allocations_of_youth
from jeugdregie.clients import selectors, services
from jeugdregie.clients.forms import YouthCreateForm, YouthSearchForm
from jeugdregie.clients.models import Youth
from jeugdregie.core.bsn import mask_bsn
from jeugdregie.regions.selectors import municipalities_worked_for
from jeugdregie.web.search_tokens import TOKEN_PARAMETER, query_recall, query_remember
from jeugdregie.web.views import acting_user, apply_service_errors, requires

SEARCH_KIND = "youth"


@dataclass(frozen=True)
class YouthAction:
    """A next step on the youth page: a link to the screen that takes it."""

    label: str | Promise
    url_name: str
    capability: str


# What a role can start from a youth's page; each is shown only to those who may take it.
YOUTH_ACTIONS = (
    YouthAction(
        gettext_lazy("Start an allocation"),
        "allocations:allocation-create",
        Capability.CREATE_ALLOCATIONS,
    ),
    YouthAction(
        gettext_lazy("Request a light contract"), "casetable:case-create", Capability.CREATE_CASES
    ),
    YouthAction(
        gettext_lazy("Report on the waiting list"),
        "waitinglists:entry-report",
        Capability.REPORT_WAITING_ENTRIES,
    ),
)


def _actions(user: User, youth: Youth) -> list[dict[str, object]]:
    if youth.anonymised_at is not None:
        return []
    return [
        {"label": action.label, "url": reverse(action.url_name)}
        for action in YOUTH_ACTIONS
        if user_can(user, action.capability)
    ]


def _recalled_search(request: HttpRequest) -> tuple[str, dict[str, str] | None]:
    """The token in the URL and the search it stands for in this session (None: unknown)."""
    token = request.GET.get(TOKEN_PARAMETER, "")
    return token, query_recall(request, kind=SEARCH_KIND, token=token) if token else None


def _birth_date(query: dict[str, str]) -> date | None:
    return date.fromisoformat(query["birth_date"]) if query.get("birth_date") else None


def _form_values(query: dict[str, str] | None) -> dict[str, object] | None:
    """What was searched for, shown in the form again (in the page, not in the URL)."""
    if query is None:
        return None
    return {"q": query.get("q", ""), "birth_date": _birth_date(query)}


@requires(Capability.VIEW_YOUTH)
@require_http_methods(["GET", "HEAD", "POST"])
def youth_search(request: HttpRequest) -> HttpResponse:
    """The search is posted (a BSN or name never goes into a URL), kept in the session and
    shown from ``?zoekopdracht=<token>``, so the back button finds the results again."""
    user = acting_user(request)
    token, query = "", None
    if request.method == "POST":
        form = YouthSearchForm(request.POST)
        if form.is_valid():
            birth: date | None = form.cleaned_data["birth_date"]
            posted = {
                "q": form.cleaned_data["q"].strip(),
                "birth_date": birth.isoformat() if birth else "",
            }
            token = query_remember(request, kind=SEARCH_KIND, query=posted)
            url = reverse("clients:youth-search")
            return redirect(f"{url}?{urlencode({TOKEN_PARAMETER: token})}")
    else:
        token, query = _recalled_search(request)
        form = YouthSearchForm(initial=_form_values(query))
    results = None
    if query is not None:
        results = selectors.youth_search(
            user=user,
            route=request.path,
            query=query.get("q", ""),
            birth_date=_birth_date(query),
        )
    return render(
        request,
        "clients/youth_search.html",
        {
            "form": form,
            "results": results,
            "limit": selectors.SEARCH_LIMIT,
            "token": token if query is not None else "",
            "expired": bool(token) and query is None,
            "can_register": user_can(user, Capability.REGISTER_YOUTH),
        },
        status=400 if form.errors else 200,
    )


@requires(Capability.VIEW_YOUTH)
@require_safe
def youth_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = acting_user(request)
    youth = selectors.youth_detail(user=user, pk=pk, route=request.path)
    token, query = _recalled_search(request)
    back = reverse("clients:youth-search")
    if query is not None:
        back = f"{back}?{urlencode({TOKEN_PARAMETER: token})}"
    return render(
        request,
        "clients/youth_detail.html",
        {
            "youth": youth,
            "bsn": youth.bsn if user.role != Role.PROVIDER else mask_bsn(youth.bsn),
            "allocations": allocations_of_youth(user=user, youth_id=youth.pk),
            "referrals": youth.referrals.select_related("referrer_organisation"),
            "actions": _actions(user, youth),
            "back": back,
            "back_to_results": query is not None,
        },
    )


@requires(Capability.REGISTER_YOUTH)
@require_http_methods(["GET", "HEAD", "POST"])
def youth_create(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    form = YouthCreateForm(
        request.POST or None, municipalities=municipalities_worked_for(user=user)
    )
    if request.method == "POST" and form.is_valid():
        try:
            youth = services.youth_create(actor=user, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            return redirect("clients:youth-detail", pk=youth.pk)
    return render(
        request,
        "core/form_page.html",
        {
            "form": form,
            "title": _("Register a youth"),
            "submit": _("Register"),
        },
        status=400 if form.errors else 200,
    )
