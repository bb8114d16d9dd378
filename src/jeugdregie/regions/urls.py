# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from jeugdregie.regions import views

app_name = "regions"
urlpatterns = [
    path("gemeenten/", views.municipality_list, name="municipality-list"),
    path("gemeenten/nieuw/", views.municipality_create, name="municipality-create"),
]
