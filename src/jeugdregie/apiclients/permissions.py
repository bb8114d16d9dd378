# SPDX-License-Identifier: EUPL-1.2
"""Scopes: every API view declares, per HTTP method, the scope an API client needs.

``required_scopes = {"GET": Scope.X, "POST": Scope.Y}`` on the view. A client without the
scope gets 403; a method without a declared scope is refused to every client (fail closed).
Users signed in to the screens (session) are governed by their role alone.
"""

from rest_framework.request import Request
from rest_framework.views import APIView

from jeugdregie.apiclients.models import ApiClient


def required_scope(view: APIView, method: str) -> str | None:
    declared: dict[str, str] = getattr(view, "required_scopes", None) or {}
    method = method.upper()
    if method in {"HEAD", "OPTIONS"}:
        method = "GET"
    return declared.get(method)


def scope_granted(request: Request, view: APIView) -> bool:
    client = request.auth
    if not isinstance(client, ApiClient):
        return True
    scope = required_scope(view, request.method or "")
    return scope is not None and scope in client.scopes
