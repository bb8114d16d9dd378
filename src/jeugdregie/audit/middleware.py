# SPDX-License-Identifier: EUPL-1.2
"""Every request: its address and session for the audit records made while answering it;
a refusal (403 or 404) answered to a signed-in user is recorded as a denied access."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponseBase

from jeugdregie.accounts.models import User
from jeugdregie.audit.constants import AccessEvent
from jeugdregie.audit.context import request_context
from jeugdregie.audit.services import security_event_create

DENIED = frozenset({403, 404})


class AuditMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        with request_context(request):
            response = self.get_response(request)
            if response.status_code in DENIED:
                self._denied(request, response.status_code)
        return response

    @staticmethod
    def _denied(request: HttpRequest, status: int) -> None:
        user = getattr(request, "user", None)
        if not isinstance(user, User) or not user.is_authenticated:
            return
        if request.path.startswith(settings.STATIC_URL or "/static/"):
            return
        security_event_create(event=AccessEvent.DENIED, user=user, request=request, status=status)
