# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from jeugdregie.contracting import views

app_name = "contracting"
urlpatterns = [
    path("aanbieders/", views.provider_list, name="provider-list"),
    path("aanbieders/nieuw/", views.provider_create, name="provider-create"),
    path("aanbieders/<int:pk>/", views.provider_detail, name="provider-detail"),
    path("aanbieders/<int:pk>/wijzigen/", views.provider_update, name="provider-update"),
    path("contracten/", views.contract_list, name="contract-list"),
    path("percelen/", views.lot_list, name="lot-list"),
]
