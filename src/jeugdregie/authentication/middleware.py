# SPDX-License-Identifier: EUPL-1.2
"""Enforcement of the sign-in on every route: idle timeout and the second factor.

Both run after authentication, so pages, htmx partials, exports, the management site
(/beheer/) and session-authenticated API calls are covered alike.
"""

import time
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import auth, messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.http.response import HttpResponseBase
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from jeugdregie.authentication.constants import (
    LAST_ACTIVITY_SESSION_KEY,
    SECOND_FACTOR_FREE_VIEWS,
)
from jeugdregie.authentication.selectors import second_factor_passed

Handler = Callable[[HttpRequest], HttpResponseBase]
# The last activity is stored to this resolution, so a session ends between IDLE - 30 s and
# IDLE after the last request.
ACTIVITY_RESOLUTION_SECONDS = 30


def _is_api(request: HttpRequest) -> bool:
    return request.path.startswith("/api/")


def _is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"


def _send_to(request: HttpRequest, url: str) -> HttpResponseBase:
    """A page goes to ``url``; an htmx request gets an HX-Redirect (a redirect would be
    swapped into the page as a fragment)."""
    if _is_htmx(request):
        response = HttpResponse(status=401 if not request.user.is_authenticated else 403)
        response["HX-Redirect"] = url
        return response
    return HttpResponseRedirect(url)


def _return_path(request: HttpRequest) -> str:
    """Where to come back to: this page, or for an htmx partial the page it sits on."""
    if _is_htmx(request) or request.method != "GET":
        current = request.headers.get("HX-Current-URL", "")
        path = current.split(request.get_host(), 1)[-1] if current else ""
        return path if path.startswith("/") else reverse("home")
    return request.get_full_path()


def activity_start(sender: object, request: HttpRequest | None, **kwargs: object) -> None:
    """A sign-in is activity: the idle clock starts with the session, so the first page
    after signing in does not need to write the session again."""
    if request is not None and hasattr(request, "session"):
        request.session[LAST_ACTIVITY_SESSION_KEY] = time.time()


class IdleTimeoutMiddleware:
    """Logs a user out after ``JEUGDREGIE_IDLE_SECONDS`` without a request (session key
    ``jeugdregie_last_activity``), back to the login page with a message."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if request.user.is_authenticated:
            now = time.time()
            last = request.session.get(LAST_ACTIVITY_SESSION_KEY)
            if last is not None and now - float(last) > settings.JEUGDREGIE_IDLE_SECONDS:
                return self._signed_out(request)
            # Written at most once per ACTIVITY_RESOLUTION: not every request needs to save
            # the session (a write per page, under concurrent tabs a queue on SQLite).
            if last is None or now - float(last) >= ACTIVITY_RESOLUTION_SECONDS:
                request.session[LAST_ACTIVITY_SESSION_KEY] = now
        return self.get_response(request)

    def _signed_out(self, request: HttpRequest) -> HttpResponseBase:
        return_path = _return_path(request)
        auth.logout(request)
        if _is_api(request):
            return self.get_response(request)  # carries on unauthenticated: 403
        minutes = settings.JEUGDREGIE_IDLE_SECONDS // 60
        text = ngettext(
            "You were signed out after %(minutes)s minute without activity. Sign in again.",
            "You were signed out after %(minutes)s minutes without activity. Sign in again.",
            minutes,
        )
        messages.info(request, text % {"minutes": minutes})
        return _send_to(request, f"{reverse('login')}?{urlencode({'next': return_path})}")


class SecondFactorMiddleware:
    """A signed-in user whose account needs a second factor and who has not passed it (this
    session) may open only the sign-in steps; everything else sends them there, an API call
    gets 403."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        return self.get_response(request)

    def process_view(
        self,
        request: HttpRequest,
        view_func: Callable[..., Any],
        view_args: tuple[Any, ...],
        view_kwargs: dict[str, Any],
    ) -> HttpResponseBase | None:
        if second_factor_passed(request):
            return None
        request.second_factor_pending = True  # type: ignore[attr-defined]  # no menu yet
        match = request.resolver_match
        if match is not None and match.view_name in SECOND_FACTOR_FREE_VIEWS:
            return None
        if _is_api(request):
            return JsonResponse(
                {"detail": _("Sign in with your second factor first (the code from your app).")},
                status=403,
            )
        from jeugdregie.authentication.views import second_factor_url

        return _send_to(request, second_factor_url(request, next_url=_return_path(request)))
