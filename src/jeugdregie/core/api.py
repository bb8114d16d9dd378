# SPDX-License-Identifier: EUPL-1.2
from typing import Any

from django.utils.translation import gettext as _
from rest_framework.permissions import BasePermission
from rest_framework.request import Request
from rest_framework.views import APIView

from jeugdregie.accounts.selectors import user_can
from jeugdregie.apiclients.permissions import required_scope, scope_granted


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
