# SPDX-License-Identifier: EUPL-1.2
from typing import Any

from django.core.exceptions import ValidationError
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from jeugdregie.accounts.permissions import Capability
from jeugdregie.accounts.selectors import own_provider_id
from jeugdregie.apiclients.constants import Scope
from jeugdregie.apiclients.permissions import HasCapability
from jeugdregie.contracting.models import Provider
from jeugdregie.trajectories.constants import ExtensionSource
from jeugdregie.trajectories.models import Extension
from jeugdregie.web.views import acting_user
from jeugdregie.workflows import extensions


class ExtensionRequestInput(serializers.Serializer[dict[str, Any]]):
    municipality = serializers.RegexField(
        r"^\d{4}$", help_text="CBS code of the allocating municipality"
    )
    allocation_number = serializers.RegexField(r"^\d{1,8}$")
    requested_end = serializers.DateField()
    self_assessment = serializers.CharField(
        required=False, allow_blank=True, max_length=10000, default=""
    )


class ExtensionOutput(serializers.ModelSerializer[Extension]):
    allocation_number = serializers.CharField(source="trajectory.allocation.number")
    has_self_assessment = serializers.BooleanField()

    class Meta:
        model = Extension
        fields = [
            "id",
            "allocation_number",
            "number",
            "requested_on",
            "previous_end",
            "requested_end",
            "route",
            "status",
            "reason",
            "has_self_assessment",
        ]


class ExtensionRequestApi(APIView):
    """The coordinating practitioner requests an extension of a perceel-2 trajectory.

    Decided at once by the working method in force: 201 with status ``granted`` (the end has
    moved and a JW301 follows) or ``pending`` with the reason (self-assessment, CJG review
    or referrer); 400 with a Dutch message when the request is refused.
    """

    permission_classes = [HasCapability.for_(Capability.REQUEST_EXTENSIONS)]
    required_scopes = {"POST": Scope.EXTENSIONS_REQUEST}

    @extend_schema(request=ExtensionRequestInput, responses={201: ExtensionOutput})
    def post(self, request: Request) -> Response:
        data = ExtensionRequestInput(data=request.data)
        data.is_valid(raise_exception=True)
        user = acting_user(request)
        try:
            extension = extensions.extension_request_by_number(
                actor=user,
                provider=Provider.objects.get(pk=own_provider_id(user)),
                municipality_code=data.validated_data["municipality"],
                allocation_number=data.validated_data["allocation_number"],
                requested_end=data.validated_data["requested_end"],
                self_assessment=data.validated_data["self_assessment"],
                source=ExtensionSource.API,
            )
        except ValidationError as error:
            detail = error.message_dict if hasattr(error, "error_dict") else error.messages
            raise serializers.ValidationError(detail) from error
        return Response(ExtensionOutput(extension).data, status=status.HTTP_201_CREATED)
