# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from jeugdregie.casetable import views

app_name = "casetable"
urlpatterns = [
    path("afweging/", views.case_list, name="case-list"),
    path("afweging/nieuw/", views.case_create, name="case-create"),
    path("afweging/overzicht/", views.overview, name="overview"),
    path("afweging/overzicht.xlsx", views.overview_xlsx, name="overview-xlsx"),
    path("afweging/<int:pk>/", views.case_detail, name="case-detail"),
    path("afweging/<int:pk>/antwoorden/", views.case_answer, name="case-answer"),
    path("afweging/<int:pk>/oordeel/", views.case_judgement, name="case-judgement"),
    path("afweging/<int:pk>/agenderen/", views.case_schedule, name="case-schedule"),
    path("afweging/<int:pk>/besluit/", views.case_decide, name="case-decide"),
    path("afweging/<int:pk>/evaluatiemoment/", views.case_follow_up, name="case-follow-up"),
    path("expertteam/", views.meeting_list, name="meeting-list"),
    path("expertteam/nieuw/", views.meeting_create, name="meeting-create"),
    path("expertteam/<int:pk>/", views.meeting_detail, name="meeting-detail"),
    path(
        "expertteam/<int:pk>/agenda/<int:item>/besluit/",
        views.agenda_decide,
        name="agenda-decide",
    ),
    path("expertteam/<int:pk>/agenda.pdf", views.meeting_agenda_pdf, name="meeting-agenda-pdf"),
    path("expertteam/<int:pk>/notulen.pdf", views.meeting_minutes_pdf, name="meeting-minutes-pdf"),
]
