# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from jeugdregie.auditlog import views

app_name = "audit"
urlpatterns = [
    path("privacy/", views.privacy_home, name="privacy"),
    path("privacy/jeugdige/<int:pk>/", views.privacy_youth, name="privacy-youth"),
    path(
        "privacy/jeugdige/<int:pk>/corrigeren/",
        views.privacy_youth_rectify,
        name="privacy-youth-rectify",
    ),
    path(
        "privacy/jeugdige/<int:pk>/inzageverzoek.json",
        views.privacy_youth_report_json,
        name="privacy-youth-report-json",
    ),
    path(
        "privacy/jeugdige/<int:pk>/inzageverzoek.pdf",
        views.privacy_youth_report_pdf,
        name="privacy-youth-report-pdf",
    ),
    path("privacy/bsn/<str:key>/", views.privacy_bsn, name="privacy-bsn"),
    path("privacy/gebruiker/<int:pk>/", views.privacy_user, name="privacy-user"),
    path("privacy/gebeurtenissen/", views.privacy_events, name="privacy-events"),
]
