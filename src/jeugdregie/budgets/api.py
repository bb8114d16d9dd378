# SPDX-License-Identifier: EUPL-1.2
from datetime import date
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
from jeugdregie.budgets import client_stops
from jeugdregie.budgets.models import ClientStop
from jeugdregie.contracting.models import Provider
from jeugdregie.regions.selectors import region_of
from jeugdregie.web.views import acting_user


class ClientStopRequestInput(serializers.Serializer[dict[str, Any]]):
    start = serializers.DateField()
    reason = serializers.CharField(max_length=2000)


class ClientStopOutput(serializers.ModelSerializer[ClientStop]):
    provider = serializers.CharField(source="provider.agb_code")

    class Meta:
        model = ClientStop
        fields = ["id", "provider", "status", "start", "reason", "decision_reason"]


class ClientStopRequestApi(APIView):
    """A provider requests a client stop for itself (the same service as the screen)."""

    permission_classes = [HasCapability.for_(Capability.REQUEST_CLIENT_STOP)]
    required_scopes = {"POST": Scope.CLIENT_STOPS_REQUEST}

    @extend_schema(request=ClientStopRequestInput, responses={201: ClientStopOutput})
    def post(self, request: Request) -> Response:
        data = ClientStopRequestInput(data=request.data)
        data.is_valid(raise_exception=True)
        user = acting_user(request)
        region = region_of(user=user)
        assert region is not None
        start: date = data.validated_data["start"]
        try:
            stop = client_stops.client_stop_request(
                actor=user,
                region=region,
                provider=Provider.objects.get(pk=own_provider_id(user)),
                start=start,
                reason=data.validated_data["reason"],
            )
        except ValidationError as error:
            detail = error.message_dict if hasattr(error, "error_dict") else error.messages
            raise serializers.ValidationError(detail) from error
        return Response(ClientStopOutput(stop).data, status=status.HTTP_201_CREATED)
