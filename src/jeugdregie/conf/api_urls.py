# SPDX-License-Identifier: EUPL-1.2
from django.urls import path
from drf_spectacular.views import SpectacularAPIView

from jeugdregie.allocations.api import AllocationListApi
from jeugdregie.budgets.api import ClientStopRequestApi
from jeugdregie.clients.api import YouthDetailApi, YouthSearchApi
from jeugdregie.contracting.api import ProviderDetailApi, ProviderListApi
from jeugdregie.trajectories.api import ExtensionRequestApi
from jeugdregie.waitinglists.api import WaitingEntryCloseApi, WaitingEntryListApi

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("v1/aanbieders/", ProviderListApi.as_view(), name="api-provider-list"),
    path("v1/aanbieders/<int:pk>/", ProviderDetailApi.as_view(), name="api-provider-detail"),
    path("v1/jeugdigen/zoeken/", YouthSearchApi.as_view(), name="api-youth-search"),
    path("v1/jeugdigen/<int:pk>/", YouthDetailApi.as_view(), name="api-youth-detail"),
    path("v1/toewijzingen/", AllocationListApi.as_view(), name="api-allocation-list"),
    path("v1/clientenstops/", ClientStopRequestApi.as_view(), name="api-client-stop-request"),
    path("v1/verlengingen/", ExtensionRequestApi.as_view(), name="api-extension-request"),
    path("v1/wachtlijst/", WaitingEntryListApi.as_view(), name="api-waiting-entry-list"),
    path(
        "v1/wachtlijst/<int:pk>/afmelden/",
        WaitingEntryCloseApi.as_view(),
        name="api-waiting-entry-close",
    ),
]
