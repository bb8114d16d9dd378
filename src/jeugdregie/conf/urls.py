# SPDX-License-Identifier: EUPL-1.2
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from jeugdregie.homes.views import home, region_setup_page
from jeugdregie.web.views import healthz, no_icon, readyz, theme_css, theme_logo

admin.site.site_header = _("jeugdregie management")
admin.site.site_title = _("jeugdregie management")

urlpatterns = [
    path("", home, name="home"),
    path("inrichting/", region_setup_page, name="region-setup"),
    path("favicon.ico", no_icon, name="favicon"),
    path("thema.css", theme_css, name="theme-css"),
    path("thema/logo", theme_logo, name="theme-logo"),
    path("healthz/", healthz, name="healthz"),
    path("readyz/", readyz, name="readyz"),
    path("", include("jeugdregie.authentication.urls")),  # login, second factor, SSO, logout
    path("", include("jeugdregie.contracting.urls")),
    path("", include("jeugdregie.budgets.urls")),
    path("", include("jeugdregie.clients.urls")),
    path("", include("jeugdregie.allocations.urls")),
    path("", include("jeugdregie.monitoring.urls")),
    path("", include("jeugdregie.regions.urls")),
    path("", include("jeugdregie.auditlog.urls")),
    path("", include("jeugdregie.notifications.urls")),
    path("", include("jeugdregie.waitinglists.urls")),
    path("", include("jeugdregie.messaging.urls")),
    path("", include("jeugdregie.trajectories.urls")),
    path("", include("jeugdregie.casetable.urls")),
    path("", include("jeugdregie.apiclients.urls")),
    path("", include("jeugdregie.jobs.urls")),
    path("api/", include("jeugdregie.conf.api_urls")),
    path("beheer/", admin.site.urls),
]
