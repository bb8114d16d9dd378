# SPDX-License-Identifier: EUPL-1.2
from django.db.models import QuerySet
from rest_framework import generics, serializers

from jeugdregie.accounts.permissions import Capability
from jeugdregie.apiclients.constants import Scope
from jeugdregie.contracting import selectors
from jeugdregie.contracting.models import Provider
from jeugdregie.core.api import HasCapability
from jeugdregie.core.views import acting_user


class ProviderOutput(serializers.ModelSerializer[Provider]):
    class Meta:
        model = Provider
        fields = ["id", "agb_code", "kvk_number", "name"]


class ProviderListApi(generics.ListAPIView[Provider]):
    serializer_class = ProviderOutput
    permission_classes = [HasCapability.for_(Capability.VIEW_PROVIDERS)]
    required_scopes = {"GET": Scope.PROVIDERS_READ}

    def get_queryset(self) -> QuerySet[Provider]:
        return selectors.provider_list(
            user=acting_user(self.request), query=self.request.query_params.get("q", "")
        )


class ProviderDetailApi(generics.RetrieveAPIView[Provider]):
    serializer_class = ProviderOutput
    permission_classes = [HasCapability.for_(Capability.VIEW_PROVIDERS)]
    required_scopes = {"GET": Scope.PROVIDERS_READ}

    def get_queryset(self) -> QuerySet[Provider]:
        return selectors.providers_visible_to(user=acting_user(self.request))
