# SPDX-License-Identifier: EUPL-1.2
"""Request rates per API client or signed-in user, and per IP address for anonymous calls.

The rates are read at each request from ``REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]`` (set from
``JEUGDREGIE_API_RATE`` and ``JEUGDREGIE_API_ANON_RATE``). Counts live in the default cache:
with more than one worker process configure a shared cache (``JEUGDREGIE_CACHE_URL``).
"""

from typing import TYPE_CHECKING

from rest_framework.settings import api_settings
from rest_framework.throttling import SimpleRateThrottle

if TYPE_CHECKING:  # loaded by DRF's settings, before rest_framework.views exists
    from rest_framework.request import Request
    from rest_framework.views import APIView


class _RateFromSettings(SimpleRateThrottle):
    def get_rate(self) -> str | None:
        rate = api_settings.DEFAULT_THROTTLE_RATES.get(str(self.scope))
        return None if rate is None else str(rate)


class ClientRateThrottle(_RateFromSettings):
    """One budget per API client (its token) or per signed-in user."""

    scope = "user"

    def get_cache_key(self, request: "Request", view: "APIView") -> str | None:
        from jeugdregie.apiclients.models import ApiClient

        if not request.user.is_authenticated:
            return None
        if isinstance(request.auth, ApiClient):
            ident = f"client-{request.auth.pk}"
        else:
            ident = f"user-{request.user.pk}"
        return self.cache_format % {"scope": self.scope, "ident": ident}


class AnonymousRateThrottle(_RateFromSettings):
    """Anonymous calls per IP address (they are refused with 401 by every protected view)."""

    scope = "anon"

    def get_cache_key(self, request: "Request", view: "APIView") -> str | None:
        if request.user.is_authenticated:
            return None
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}
