# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from jeugdregie.casetable.views import cases, meetings, overview

app_name = "casetable"
urlpatterns = [
    path("afweging/", cases.case_list, name="case-list"),
    path("afweging/nieuw/", cases.case_create, name="case-create"),
    path("afweging/overzicht/", overview.overview, name="overview"),
    path("afweging/overzicht.xlsx", overview.overview_xlsx, name="overview-xlsx"),
    path("afweging/<int:pk>/", cases.case_detail, name="case-detail"),
    path("afweging/<int:pk>/antwoorden/", cases.case_answer, name="case-answer"),
    path("afweging/<int:pk>/oordeel/", cases.case_judgement, name="case-judgement"),
    path("afweging/<int:pk>/agenderen/", cases.case_schedule, name="case-schedule"),
    path("afweging/<int:pk>/besluit/", cases.case_decide, name="case-decide"),
    path("afweging/<int:pk>/evaluatiemoment/", cases.case_follow_up, name="case-follow-up"),
    path("expertteam/", meetings.meeting_list, name="meeting-list"),
    path("expertteam/nieuw/", meetings.meeting_create, name="meeting-create"),
    path("expertteam/<int:pk>/", meetings.meeting_detail, name="meeting-detail"),
    path(
        "expertteam/<int:pk>/agenda/<int:item>/besluit/",
        meetings.agenda_decide,
        name="agenda-decide",
    ),
    path("expertteam/<int:pk>/agenda.pdf", meetings.meeting_agenda_pdf, name="meeting-agenda-pdf"),
    path(
        "expertteam/<int:pk>/notulen.pdf", meetings.meeting_minutes_pdf, name="meeting-minutes-pdf"
    ),
]
