# SPDX-License-Identifier: EUPL-1.2
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from jeugdregie.accounts.permissions import Capability
from jeugdregie.allocations import selectors
from jeugdregie.allocations.models import Allocation
from jeugdregie.apiclients.constants import Scope
from jeugdregie.audit.constants import AccessPurpose
from jeugdregie.core.api import HasCapability
from jeugdregie.core.views import acting_user


class AllocationOutput(serializers.ModelSerializer[Allocation]):
    municipality = serializers.CharField(source="municipality.cbs_code")
    provider = serializers.CharField(source="provider.agb_code")
    product = serializers.CharField(source="product.code")
    youth = serializers.IntegerField(source="youth_id")

    class Meta:
        model = Allocation
        fields = [
            "id",
            "number",
            "municipality",
            "youth",
            "provider",
            "product",
            "volume",
            "unit",
            "frequency",
            "budget",
            "start",
            "end",
            "status",
            "change_reason",
        ]


class AllocationListApi(APIView):
    permission_classes = [HasCapability.for_(Capability.VIEW_ALLOCATIONS)]
    required_scopes = {"GET": Scope.ALLOCATIONS_READ}

    @extend_schema(responses=AllocationOutput(many=True))
    def get(self, request: Request) -> Response:
        user = acting_user(request)
        filters = selectors.AllocationFilters(
            status=request.query_params.get("status", ""),
            number=request.query_params.get("number", ""),
        )
        paginator = PageNumberPagination()
        page = (
            paginator.paginate_queryset(
                selectors.allocation_list(user=user, filters=filters), request, view=self
            )
            or []
        )
        rows = selectors.allocations_page_logged(
            user=user, allocations=page, route=request.path, purpose=AccessPurpose.API
        )
        return paginator.get_paginated_response(AllocationOutput(rows, many=True).data)
