# SPDX-License-Identifier: EUPL-1.2
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST, require_safe

from jeugdregie.notifications import selectors, services
from jeugdregie.web.views import acting_user, paginate, requires


@requires()
@require_safe
def notification_list(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    page = paginate(request, selectors.notifications_of(user=user))
    return render(request, "notifications/notification_list.html", {"page": page})


@requires()
@require_POST
def notification_mark_read(request: HttpRequest) -> HttpResponse:
    services.notifications_mark_read(user=acting_user(request))
    return redirect("notifications:notification-list")
