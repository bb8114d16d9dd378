# SPDX-License-Identifier: EUPL-1.2
"""``jeugdregie job_run NAME`` runs a job now; the functional administrator's jobs page then
shows its last run with the outcome, the duration and the counts, in Dutch. A job that
fails is recorded as failed with the class of its error, never the error's message."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from jeugdregie.accounts.constants import Role
from jeugdregie.jobs import tasks
from jeugdregie.jobs.constants import Outcome
from jeugdregie.jobs.models import JobRun
from jeugdregie.jobs.schedule import JOBS
from jeugdregie.jobs.services import worker_heartbeat_record
from jeugdregie.testing.auth import sign_in
from jeugdregie.testing.factories import World


def _jobs_page(client: Client, world: World) -> str:
    sign_in(client, world.users[Role.FUNCTIONAL_ADMIN])
    response = client.get(reverse("jobs:job-list"))
    assert response.status_code == 200
    return response.content.decode()


def test_the_page_lists_every_job_before_any_run(client: Client, world: World):
    page = _jobs_page(client, world)

    assert "Achtergrondtaken" in page
    assert "Budgetgrootboek herberekenen en vergelijken" in page
    assert "dagelijks om 03:00" in page
    assert page.count("Nog niet uitgevoerd.") == len(JOBS)
    assert "Nog geen worker heeft zich gemeld" in page


def test_a_forced_run_shows_with_outcome_duration_and_counts(client: Client, world: World):
    worker_heartbeat_record(name="web-1-4711")

    call_command("job_run", "waiting_list_derivation")

    run = JobRun.objects.get(job="waiting_list_derivation")
    assert run.period.startswith("manual-")
    assert run.outcome == Outcome.OK
    page = _jobs_page(client, world)
    assert "Wachtlijst afleiden uit verzoeken en toewijzingen" in page
    assert "Voltooid" in page
    assert " seconden" in page
    assert "wachtlijstregels toegevoegd: " in page
    assert "entries_created" not in page  # words, not codes
    assert "Er draait een worker." in page
    assert "web-1-4711" in page


def test_the_home_page_of_the_functional_administrator_links_to_it(client: Client, world: World):
    sign_in(client, world.users[Role.FUNCTIONAL_ADMIN])

    assert reverse("jobs:job-list") in client.get("/").content.decode()


def test_a_job_that_raises_is_recorded_as_failed_with_its_error_class(
    client: Client, world: World, monkeypatch: pytest.MonkeyPatch
):
    def remind(**kwargs: object) -> int:
        raise LookupError("Anna de Vries, BSN 999990019: no requester")

    monkeypatch.setattr(tasks, "follow_ups_remind", remind)

    call_command("job_run", "follow_up_reminders")

    run = JobRun.objects.get(job="follow_up_reminders")
    assert run.outcome == Outcome.FAILED
    assert run.error == "builtins.LookupError"
    assert run.finished_at is not None
    assert run.summary == {}
    stored = " ".join(str(value) for value in JobRun.objects.values_list().get())
    assert "Anna" not in stored
    assert "999990019" not in stored
    page = _jobs_page(client, world)
    assert "Mislukt (fout van het type LookupError)" in page
    assert "Anna" not in page


def test_the_page_runs_as_many_queries_for_many_runs_as_for_one(client: Client, world: World):
    sign_in(client, world.users[Role.FUNCTIONAL_ADMIN])
    url = reverse("jobs:job-list")
    call_command("job_run", "follow_up_reminders")
    with CaptureQueriesContext(connection) as one:
        client.get(url)

    for job in JOBS:
        for day in range(1, 6):
            JobRun.objects.create(
                job=job.name, period=f"2026-11-0{day}", enqueued_at=timezone.now()
            )
    with CaptureQueriesContext(connection) as many:
        page = client.get(url).content.decode()

    assert len(many) == len(one)
    assert "Nog niet uitgevoerd." not in page
