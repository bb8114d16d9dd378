# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from jeugdregie.clients import views

app_name = "clients"
urlpatterns = [
    path("jeugdigen/", views.youth_search, name="youth-search"),
    path("jeugdigen/nieuw/", views.youth_create, name="youth-create"),
    path("jeugdigen/<int:pk>/", views.youth_detail, name="youth-detail"),
]
