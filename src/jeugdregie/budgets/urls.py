# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from jeugdregie.budgets import views

app_name = "budgets"
urlpatterns = [
    path("budgetplafonds/", views.ceiling_list, name="ceiling-list"),
    path("budgetplafonds/vaststellen/", views.ceiling_set, name="ceiling-set"),
]
