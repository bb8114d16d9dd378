# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from jeugdregie.waitinglists import views

app_name = "waitinglists"
urlpatterns = [
    path("wachtlijsten/", views.entry_list, name="entry-list"),
    path("wachtlijsten/melden/", views.entry_report, name="entry-report"),
    path("wachtlijsten/afleiden/", views.entries_derive, name="entries-derive"),
    path("wachtlijsten/<int:pk>/", views.entry_detail, name="entry-detail"),
    path("wachtlijsten/<int:pk>/wijzigen/", views.entry_update, name="entry-update"),
    path("wachtlijsten/<int:pk>/afmelden/", views.entry_close, name="entry-close"),
    path("wachtlijsten/monitoring/", views.monitoring, name="monitoring"),
    path("wachtlijsten/monitoring/xlsx/", views.monitoring_xlsx, name="monitoring-xlsx"),
]
