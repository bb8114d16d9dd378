# SPDX-License-Identifier: EUPL-1.2
"""Scopes: every API view declares, per HTTP method, the scope an API client needs.

``required_scopes = {"GET": Scope.X, "POST": Scope.Y}`` on the view. A client without the
scope gets 403; a method without a declared scope is refused to every client (fail closed).
Users signed in to the screens (session) are governed by their role alone.
"""

from typing import Any

from django.utils.translation import gettext as _
from rest_framework.permissions import BasePermission
from rest_framework.request import Request
from rest_framework.views import APIView

from jeugdregie.accounts.selectors import user_can
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


class HasCapability(BasePermission):
    """Use as ``permission_classes = [HasCapability.for_(Capability.X)]``.

    The role must have the capability; an API client must also hold the scope the view
    declares for the method (``required_scopes``, see ``jeugdregie.apiclients.permissions``).
    """

    capability = ""

    @classmethod
    def for_(cls, capability: str) -> type["HasCapability"]:
        return type(f"Has_{capability}", (cls,), {"capability": capability})

    def has_permission(self, request: Request, view: APIView) -> bool:
        if not user_can(request.user, self.capability):
            return False
        if not scope_granted(request, view):
            scope = required_scope(view, request.method or "")
            self.message = _("This API client lacks the scope '%(scope)s'.") % {
                "scope": scope or "-"
            }
            return False
        return True

    def has_object_permission(self, request: Request, view: APIView, obj: Any) -> bool:
        return self.has_permission(request, view)
