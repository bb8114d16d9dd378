# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from jeugdregie.jobs import views

app_name = "jobs"
urlpatterns = [
    path("taken/", views.job_list, name="job-list"),
]
