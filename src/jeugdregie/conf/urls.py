# SPDX-License-Identifier: EUPL-1.2
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from jeugdregie.accounts.forms import LoginForm
from jeugdregie.accounts.views import home

admin.site.site_header = _("jeugdregie management")
admin.site.site_title = _("jeugdregie management")

urlpatterns = [
    path("", home, name="home"),
    path(
        "inloggen/",
        auth_views.LoginView.as_view(
            template_name="accounts/login.html",
            authentication_form=LoginForm,
            redirect_authenticated_user=True,
        ),
        name="login",
    ),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("", include("jeugdregie.contracting.urls")),
    path("", include("jeugdregie.budgets.urls")),
    path("", include("jeugdregie.clients.urls")),
    path("", include("jeugdregie.allocations.urls")),
    path("", include("jeugdregie.monitoring.urls")),
    path("", include("jeugdregie.regions.urls")),
    path("", include("jeugdregie.audit.urls")),
    path("", include("jeugdregie.notifications.urls")),
    path("", include("jeugdregie.waitinglists.urls")),
    path("", include("jeugdregie.messaging.urls")),
    path("", include("jeugdregie.trajectories.urls")),
    path("", include("jeugdregie.casetable.urls")),
    path("api/", include("jeugdregie.conf.api_urls")),
    path("beheer/", admin.site.urls),
]
