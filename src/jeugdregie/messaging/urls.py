# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from jeugdregie.messaging import views

app_name = "messaging"
urlpatterns = [
    path(
        "berichten/verzoeken-om-toewijzing/",
        views.allocation_request_list,
        name="allocation-request-list",
    ),
    path(
        "berichten/verzoeken-om-toewijzing/<int:pk>/",
        views.allocation_request_detail,
        name="allocation-request-detail",
    ),
    path(
        "berichten/verzoeken-om-wijziging/",
        views.change_request_list,
        name="change-request-list",
    ),
    path(
        "berichten/verzoeken-om-wijziging/<int:pk>/",
        views.change_request_detail,
        name="change-request-detail",
    ),
    path("berichten/ontvangen/<int:pk>/", views.inbox_message_detail, name="inbox-message"),
    path("berichten/verzonden/<int:pk>/", views.outbox_message_detail, name="outbox-message"),
    path("berichten/verkeer/", views.traffic, name="traffic"),
    path("berichten/verkeer/export.csv", views.traffic_export, name="traffic-export"),
]
