# SPDX-License-Identifier: EUPL-1.2
from typing import Any

from rest_framework.permissions import BasePermission
from rest_framework.request import Request
from rest_framework.views import APIView

from jeugdregie.accounts.selectors import user_can


class HasCapability(BasePermission):
    """Use as ``permission_classes = [HasCapability.for_(Capability.X)]``."""

    capability = ""

    @classmethod
    def for_(cls, capability: str) -> type["HasCapability"]:
        return type(f"Has_{capability}", (cls,), {"capability": capability})

    def has_permission(self, request: Request, view: APIView) -> bool:
        return user_can(request.user, self.capability)

    def has_object_permission(self, request: Request, view: APIView, obj: Any) -> bool:
        return self.has_permission(request, view)
