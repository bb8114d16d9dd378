# SPDX-License-Identifier: EUPL-1.2
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from rest_framework import generics, serializers

from jeugdregie.accounts.permissions import Capability
from jeugdregie.apiclients.constants import Scope
from jeugdregie.apiclients.permissions import HasCapability
from jeugdregie.contracting import selectors
from jeugdregie.contracting.forms import SEARCH_MAX_LENGTH
from jeugdregie.contracting.models import Provider
from jeugdregie.web.views import acting_user


class ProviderOutput(serializers.ModelSerializer[Provider]):
    class Meta:
        model = Provider
        fields = ["id", "agb_code", "kvk_number", "name"]


class ProviderListApi(generics.ListAPIView[Provider]):
    serializer_class = ProviderOutput
    permission_classes = [HasCapability.for_(Capability.VIEW_PROVIDERS)]
    required_scopes = {"GET": Scope.PROVIDERS_READ}

    def get_queryset(self) -> QuerySet[Provider]:
        query = self.request.query_params.get("q", "")
        if len(query) > SEARCH_MAX_LENGTH:
            message = _("Search with at most %(limit)s characters.")
            raise serializers.ValidationError({"q": [message % {"limit": SEARCH_MAX_LENGTH}]})
        return selectors.provider_list(user=acting_user(self.request), query=query)


class ProviderDetailApi(generics.RetrieveAPIView[Provider]):
    serializer_class = ProviderOutput
    permission_classes = [HasCapability.for_(Capability.VIEW_PROVIDERS)]
    required_scopes = {"GET": Scope.PROVIDERS_READ}

    def get_queryset(self) -> QuerySet[Provider]:
        return selectors.providers_visible_to(user=acting_user(self.request))
