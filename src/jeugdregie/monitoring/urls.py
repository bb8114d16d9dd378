# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from jeugdregie.monitoring import views

app_name = "monitoring"
urlpatterns = [
    path("cijfers/", views.region_figures, name="region-stats"),
    path("cijfers/export.csv", views.region_figures_export, name="region-stats-export"),
]
