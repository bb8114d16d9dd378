# SPDX-License-Identifier: EUPL-1.2
"""``Authorization: Bearer <token>`` for registered API clients, with a lock on guessing.

The rule for failed authentication: every request whose bearer token is refused (malformed,
unknown, wrong secret, revoked or expired) counts as a failure of its IP address. When an
address reaches ``JEUGDREGIE_API_AUTH_FAILURE_LIMIT`` failures within
``JEUGDREGIE_API_AUTH_COOLOFF_SECONDS``, every request with a bearer token from that address
is answered 429 (with ``Retry-After``) for the cool-off period, even with a valid token. A
successful request does not reset the count (one valid token must not open the way to guess
others). Requests without a token (the browser's session) are not affected. There is no lock
per token prefix: the prefix is not secret, so such a lock would let anyone who saw one lock
the client out, and the 256-bit secret cannot be guessed anyway. Each refused token is a
failed sign-in in the access log, the one that blocks the address also a lockout.
"""

import time
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.throttling import BaseThrottle

from jeugdregie.apiclients import tokens

if TYPE_CHECKING:  # loaded by DRF's settings: models only at request time
    from rest_framework.request import Request

    from jeugdregie.accounts.models import User
    from jeugdregie.apiclients.models import ApiClient

KEYWORD = "Bearer"
_FAILURES = "apiclients:auth-failures:%s"
_BLOCKED = "apiclients:auth-blocked:%s"


def clock() -> float:
    return time.time()


def client_address(request: "Request") -> str:
    """The caller's IP address as DRF's throttles see it (``NUM_PROXIES`` decides)."""
    return str(BaseThrottle().get_ident(request) or "unknown")


def failure_limit() -> int:
    return int(settings.JEUGDREGIE_API_AUTH_FAILURE_LIMIT)


def cooloff_seconds() -> int:
    return int(settings.JEUGDREGIE_API_AUTH_COOLOFF_SECONDS)


def blocked_for(address: str) -> float:
    """Seconds this address must still wait; 0 when it is not blocked."""
    until = cache.get(_BLOCKED % address)
    if until is None:
        return 0.0
    return max(0.0, float(until) - clock())


def failure_record(address: str) -> int:
    """Count a failed authentication from ``address``; block it once the limit is reached."""
    key, cooloff = _FAILURES % address, cooloff_seconds()
    cache.add(key, 0, timeout=cooloff)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=cooloff)
        count = 1
    if count >= failure_limit():
        cache.set(_BLOCKED % address, clock() + cooloff, timeout=cooloff)
        cache.delete(key)
    return count


def _failure_logged(request: "Request", header: list[bytes], *, locked: bool) -> None:
    """A refused token is a failed sign-in in the access log (named by the token's prefix,
    never the token), and the failure that blocks the address a lockout. At most
    ``failure_limit()`` records per address per cool-off: a blocked address is answered 429
    before this point."""
    from jeugdregie.audit.constants import AccessEvent
    from jeugdregie.audit.services import security_event_create

    parsed = None
    if len(header) == 2:
        try:
            parsed = tokens.parse(header[1].decode("ascii"))
        except UnicodeDecodeError:
            parsed = None
    username = f"api:{parsed.prefix}" if parsed is not None else "api:?"
    django_request = request._request
    security_event_create(
        event=AccessEvent.LOGIN_FAILED, username=username, request=django_request, status=401
    )
    if locked:
        security_event_create(
            event=AccessEvent.LOCKOUT, username=username, request=django_request, status=429
        )


class ApiClientAuthentication(BaseAuthentication):
    """Authenticates a registered API client; ``request.user`` is its service user and
    ``request.auth`` the client (so the permissions can check its scopes)."""

    def authenticate(self, request: "Request") -> "tuple[User, ApiClient] | None":
        from jeugdregie.apiclients.services import api_client_mark_used

        header = get_authorization_header(request).split()
        if not header or header[0].lower() != KEYWORD.lower().encode():
            return None  # not ours: the session may still authenticate the browser
        address = client_address(request)
        wait = blocked_for(address)
        if wait > 0:
            raise exceptions.Throttled(
                wait=wait,
                detail=_("Too many failed authentications from this address; try again later."),
            )
        client = self._client(header)
        if client is None:
            count = failure_record(address)
            _failure_logged(request, header, locked=count >= failure_limit())
            raise exceptions.AuthenticationFailed(_("Invalid, expired or revoked token."))
        api_client_mark_used(client=client, at=timezone.now())
        return client.service_user, client

    @staticmethod
    def _client(header: list[bytes]) -> "ApiClient | None":
        from jeugdregie.apiclients.models import ApiClient

        if len(header) != 2:
            return None
        try:
            token = header[1].decode("ascii")
        except UnicodeDecodeError:
            return None
        parsed = tokens.parse(token)
        if parsed is None:
            return None
        client = (
            ApiClient.objects.select_related("service_user__organisation", "organisation")
            .filter(prefix=parsed.prefix)
            .first()
        )
        if client is None or not tokens.hash_matches(parsed.token, client.secret_hash):
            return None
        if not client.is_usable_at(timezone.now()):
            return None
        if client.service_user.organisation_id != client.organisation_id:
            return None  # the service user was moved: refuse rather than act elsewhere
        return client

    def authenticate_header(self, request: "Request") -> str:
        return f'{KEYWORD} realm="api"'
