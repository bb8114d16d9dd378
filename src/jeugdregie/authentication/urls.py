# SPDX-License-Identifier: EUPL-1.2
from django.urls import path

from jeugdregie.authentication import views

urlpatterns = [
    path("inloggen/", views.LoginView.as_view(), name="login"),
    path("inloggen/tweede-stap/", views.second_factor, name="second-factor"),
    path(
        "inloggen/tweede-stap/instellen/",
        views.second_factor_enrol,
        name="second-factor-enrol",
    ),
    path("inloggen/geen-toegang/", views.no_access, name="no-access"),
    path("uitloggen/", views.logout, name="logout"),
    path("oidc/authenticate/", views.OIDCStartView.as_view(), name="oidc_authentication_init"),
    path("oidc/callback/", views.OIDCCallbackView.as_view(), name="oidc_authentication_callback"),
    path("beheer/login/", views.admin_login, name="admin-login"),
]
