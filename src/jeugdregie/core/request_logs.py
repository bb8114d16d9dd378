# SPDX-License-Identifier: EUPL-1.2
"""The request's log context: django-structlog's request middleware with our rules.

Every log line written while a request is handled carries ``request_id``, ``user_id`` (the
user's primary key, never the user name, e-mail address or name) and ``role``; the request
lines ``request_started`` and ``request_finished`` show the method and the path, never the
query string (a search may carry a BSN). No route has a BSN in its path (the privacy
officer's BSN page is addressed by a keyed hash of the number). No IP address: the audit
trail keeps it where it is needed.

An ``X-Request-ID`` from the proxy is kept when it is a safe token (``SAFE_REQUEST_ID``, and
no BSN in it), so a request can be followed from the proxy's log into ours; otherwise a new
one is made. The response carries it back in ``X-Request-ID``.
"""

import re
import uuid

import structlog
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django_structlog.middlewares import RequestMiddleware

from jeugdregie.core.logs import bsn_like_numbers

REQUEST_ID_HEADER = "X-Request-ID"
_REQUEST_ID_META = "HTTP_X_REQUEST_ID"
SAFE_REQUEST_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{7,63}")


def safe_request_id(offered: str | None) -> str:
    """The offered request id when it is 8 to 64 letters, digits, ``.``, ``_`` or ``-``
    without a BSN, else a new UUID."""
    if offered and SAFE_REQUEST_ID.fullmatch(offered) and not bsn_like_numbers(offered):
        return offered
    return str(uuid.uuid4())


class RequestLogMiddleware(RequestMiddleware):
    """After the authentication middleware (it reads ``request.user``); settings
    ``DJANGO_STRUCTLOG_TRUST_UPSTREAM_REQUEST_ID = True`` (the header is checked here first)
    and ``DJANGO_STRUCTLOG_IP_LOGGING_ENABLED = False``."""

    def prepare(self, request: HttpRequest) -> None:
        request.META[_REQUEST_ID_META] = safe_request_id(request.META.get(_REQUEST_ID_META))
        request.__dict__.pop("headers", None)  # read again from META by django-structlog
        super().prepare(request)

    def handle_response(self, request: HttpRequest, response: HttpResponseBase) -> None:
        response.headers[REQUEST_ID_HEADER] = request.META[_REQUEST_ID_META]
        super().handle_response(request, response)  # type: ignore[arg-type]

    @staticmethod
    def format_request(request: HttpRequest) -> str:
        return f"{request.method} {request.path}"

    @staticmethod
    def bind_user_id(request: HttpRequest) -> None:
        """``user_id`` (django-structlog) and ``role``. Reading the user must not mark the
        session as read (that would add ``Vary: Cookie``), as django-structlog takes care too."""
        session = getattr(request, "session", None)
        accessed = session.accessed if session is not None else None
        user = getattr(request, "user", None)
        role = getattr(user, "role", "") if user is not None and user.is_authenticated else ""
        if session is not None:
            session.accessed = accessed
        structlog.contextvars.bind_contextvars(role=role or None)
        RequestMiddleware.bind_user_id(request)
