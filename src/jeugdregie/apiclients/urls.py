# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from jeugdregie.apiclients import views

app_name = "apiclients"
urlpatterns = [
    path("api-clients/", views.client_list, name="client-list"),
    path("api-clients/registreren/", views.client_register, name="client-register"),
    path("api-clients/<int:pk>/intrekken/", views.client_revoke, name="client-revoke"),
]
