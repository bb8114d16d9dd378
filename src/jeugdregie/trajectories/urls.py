# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from jeugdregie.trajectories import views

app_name = "trajectories"
urlpatterns = [
    path("trajecten/", views.trajectory_list, name="trajectory-list"),
    path("trajecten/export.csv", views.trajectory_export, name="trajectory-export"),
    path("trajecten/export.xlsx", views.trajectory_export_xlsx, name="trajectory-export-xlsx"),
    path("trajecten/nieuw/", views.trajectory_create, name="trajectory-create"),
    path("trajecten/werkwijze/", views.working_method, name="working-method"),
    path("trajecten/<int:pk>/", views.trajectory_detail, name="trajectory-detail"),
    path(
        "trajecten/<int:pk>/medebehandelaar/",
        views.additional_practitioner_add,
        name="additional-practitioner-add",
    ),
    path("trajecten/<int:pk>/complexiteit/", views.complexity_judge, name="complexity-judge"),
    path("trajecten/<int:pk>/verlengen/", views.extension_request, name="extension-request"),
    path(
        "trajecten/verlengingen/<int:pk>/zelfevaluatie/",
        views.self_assessment_attach,
        name="self-assessment-attach",
    ),
    path("trajecten/cjg-toets/", views.review_list, name="review-list"),
    path("trajecten/verlengingen/<int:pk>/toetsen/", views.review_decide, name="review-decide"),
    path("trajecten/verwijzer/", views.referrer_list, name="referrer-list"),
    path(
        "trajecten/verlengingen/<int:pk>/verwijzer/",
        views.referrer_decide,
        name="referrer-decide",
    ),
]
