# SPDX-License-Identifier: EUPL-1.2
"""The request an audit record is made in: client address and a keyed hash of the session.

``AuditMiddleware`` puts the request in a context variable, so ``access_record_create`` and
its neighbours record where a read came from without every caller passing the request.
"""

import ipaddress
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest

from jeugdregie.core.crypto import blind_index

_request: ContextVar[HttpRequest | None] = ContextVar("audit_request", default=None)


@contextmanager
def request_context(request: HttpRequest) -> Iterator[None]:
    token = _request.set(request)
    try:
        yield
    finally:
        _request.reset(token)


def current_request() -> HttpRequest | None:
    return _request.get()


def _valid_ip(value: str) -> str:
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return ""


def client_ip(request: HttpRequest) -> str:
    """REMOTE_ADDR; behind trusted proxies (``JEUGDREGIE_TRUSTED_PROXIES``, the number the
    lockout and the API throttles use too) the address the outermost of them saw, from
    X-Forwarded-For."""
    proxies = int(getattr(settings, "JEUGDREGIE_TRUSTED_PROXIES", 0) or 0)
    if proxies:
        forwarded = [
            part.strip()
            for part in str(request.META.get("HTTP_X_FORWARDED_FOR", "")).split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies:
            address = _valid_ip(forwarded[-proxies])
            if address:
                return address
    return _valid_ip(str(request.META.get("REMOTE_ADDR", "")))


def session_hash(request: HttpRequest) -> str:
    """A keyed hash of the session key: the records of one session belong together, and
    the key itself (which would let a reader take over the session) is not stored."""
    session = getattr(request, "session", None)
    key = getattr(session, "session_key", None) if session is not None else None
    return blind_index(key, purpose="session") if key else ""


@dataclass(frozen=True)
class Origin:
    ip: str = ""
    session_hash: str = ""
    method: str = ""


def origin(request: HttpRequest | None = None) -> Origin:
    """Where the record is made: the given request, else the current one, else nothing."""
    request = request if request is not None else current_request()
    if request is None:
        return Origin()
    return Origin(
        ip=client_ip(request),
        session_hash=session_hash(request),
        method=str(request.method or "")[:10],
    )
