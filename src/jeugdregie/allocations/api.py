# SPDX-License-Identifier: EUPL-1.2
from typing import Any

from django.db.models import QuerySet
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import generics, serializers
from rest_framework.request import Request
from rest_framework.response import Response

from jeugdregie.accounts.permissions import Capability
from jeugdregie.allocations import selectors
from jeugdregie.allocations.filters import AllocationFilterSet
from jeugdregie.allocations.models import Allocation
from jeugdregie.apiclients.constants import Scope
from jeugdregie.apiclients.permissions import HasCapability
from jeugdregie.audit.constants import AccessPurpose
from jeugdregie.web.views import acting_user


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


class AllocationListApi(generics.ListAPIView[Allocation]):
    """Allocations the organisation may see, newest start first: paged, with the filters of
    the allocation list on screen; every youth on the page is in the access log."""

    queryset = Allocation.objects.none()  # the model, for the schema; get_queryset selects
    serializer_class = AllocationOutput
    permission_classes = [HasCapability.for_(Capability.VIEW_ALLOCATIONS)]
    required_scopes = {"GET": Scope.ALLOCATIONS_READ}
    filter_backends = [DjangoFilterBackend]
    filterset_class = AllocationFilterSet

    def get_queryset(self) -> QuerySet[Allocation]:
        allocations = selectors.allocations_visible_to(user=acting_user(self.request))
        return selectors.allocations_sorted(allocations, "-start")

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset())) or []
        rows = selectors.allocations_page_logged(
            user=acting_user(request),
            allocations=page,
            route=request.path,
            purpose=AccessPurpose.API,
        )
        return self.get_paginated_response(self.get_serializer(rows, many=True).data)
