# SPDX-License-Identifier: EUPL-1.2
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from jeugdregie.accounts.permissions import Capability
from jeugdregie.jobs.selectors import job_overview, newest_heartbeat, worker_heartbeat_fresh
from jeugdregie.web.views import requires


@requires(Capability.VIEW_JOBS)
@require_safe
def job_list(request: HttpRequest) -> HttpResponse:
    """Each scheduled job with its newest run, and the newest heartbeat of a worker."""
    return render(
        request,
        "jobs/job_list.html",
        {
            "lines": job_overview(),
            "heartbeat": newest_heartbeat(),
            "worker_fresh": worker_heartbeat_fresh(),
            "max_age": settings.JEUGDREGIE_WORKER_HEARTBEAT_MAX_AGE,
        },
    )
