# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from jeugdregie.allocations import views

app_name = "allocations"
urlpatterns = [
    path("toewijzingen/", views.allocation_list, name="allocation-list"),
    path("toewijzingen/nieuw/", views.allocation_create, name="allocation-create"),
    path("toewijzingen/export.csv", views.allocation_export, name="allocation-export"),
]
