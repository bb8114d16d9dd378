# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from jeugdregie.budgets import views

app_name = "budgets"
urlpatterns = [
    path("budgetplafonds/", views.ceiling_list, name="ceiling-list"),
    path("budgetplafonds/vaststellen/", views.ceiling_set, name="ceiling-set"),
    path("budgetplafonds/voorstel/", views.ceiling_proposal, name="ceiling-proposal"),
    path("budget/aanbieders/<int:pk>/", views.provider_budget, name="provider-budget"),
    path("budget/overzicht/", views.budget_overview, name="budget-overview"),
    path("budget/overzicht/export.csv", views.budget_overview_csv, name="budget-overview-csv"),
    path("budget/overzicht/export.xlsx", views.budget_overview_xlsx, name="budget-overview-xlsx"),
    path("budget/clientenstops/", views.client_stop_list, name="client-stop-list"),
    path("budget/clientenstops/aanvragen/", views.client_stop_request, name="client-stop-request"),
    path(
        "budget/clientenstops/<int:pk>/besluiten/",
        views.client_stop_decide,
        name="client-stop-decide",
    ),
    path("budget/nee-tenzij/", views.exception_list, name="exception-list"),
    path("budget/nee-tenzij/aanvragen/", views.exception_request, name="exception-request"),
    path("budget/nee-tenzij/<int:pk>/besluiten/", views.exception_decide, name="exception-decide"),
    path(
        "budget/aanbieders/<int:pk>/nee-tenzij-rapportage/",
        views.exception_report,
        name="exception-report",
    ),
    path(
        "budget/clientenstops/<int:pk>/opheffen/", views.client_stop_lift, name="client-stop-lift"
    ),
]
