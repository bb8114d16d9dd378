# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from jeugdregie.notifications import views

app_name = "notifications"
urlpatterns = [
    path("meldingen/", views.notification_list, name="notification-list"),
    path("meldingen/gelezen/", views.notification_mark_read, name="notification-mark-read"),
]
