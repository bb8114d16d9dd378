# SPDX-License-Identifier: EUPL-1.2
"""Response headers that depend on who asked."""

from collections.abc import Callable

from django.http import HttpRequest
from django.http.response import HttpResponseBase


class NoStoreForSignedInUsersMiddleware:
    """``Cache-Control: no-store`` on every response to a signed-in user or API client.

    Pages, htmx partials, exports and API answers may hold personal data: no browser cache,
    no proxy, no "back" button after log-out may keep a copy. The API's authentication runs
    inside the view and sets ``request.user`` on the Django request too, so this is decided
    after the view, on the user the response was made for. Static files are answered before
    authentication and stay cacheable.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            response.headers["Cache-Control"] = "no-store"
            response.headers.pop("Expires", None)
        return response
