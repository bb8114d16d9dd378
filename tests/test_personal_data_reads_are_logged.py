# SPDX-License-Identifier: EUPL-1.2
"""Every route that shows personal data writes an access record: who, which youth, why (one
of the purpose choices)."""

import json

import pytest
from django.test import Client
from django.urls import reverse

from jeugdregie.accounts.constants import Role
from jeugdregie.audit.constants import AccessEvent, AccessPurpose
from jeugdregie.audit.models import AccessRecord
from jeugdregie.testing.auth import sign_in
from tests.routes import ROLE_COLUMNS, ROUTES, Route

PERSONAL_ROUTES = [route for route in ROUTES if route.personal_data]


def test_the_personal_data_routes_are_the_expected_ones():
    assert {(r.method, r.name) for r in PERSONAL_ROUTES} == {
        ("post", "clients:youth-search"),
        ("get", "clients:youth-detail"),
        ("get", "allocations:allocation-list"),
        ("get", "allocations:allocation-export"),
        ("get", "audit:privacy-youth"),
        ("get", "audit:privacy-youth-rectify"),
        ("get", "audit:privacy-youth-report-json"),
        ("get", "audit:privacy-youth-report-pdf"),
        ("post", "api-youth-search"),
        ("get", "api-youth-detail"),
        ("get", "api-allocation-list"),
        ("get", "waitinglists:entry-list"),
        ("get", "waitinglists:entry-detail"),
        ("get", "api-waiting-entry-list"),
        ("get", "messaging:allocation-request-detail"),
        ("get", "messaging:change-request-detail"),
        ("get", "messaging:inbox-message"),
        ("get", "messaging:outbox-message"),
        ("get", "trajectories:trajectory-list"),
        ("get", "trajectories:trajectory-detail"),
        ("get", "trajectories:extension-request"),
        ("get", "trajectories:self-assessment-attach"),
        ("get", "trajectories:review-list"),
        ("get", "trajectories:review-decide"),
        ("get", "trajectories:referrer-list"),
        ("get", "trajectories:referrer-decide"),
        ("get", "trajectories:additional-practitioner-add"),
        ("get", "trajectories:complexity-judge"),
        ("get", "trajectories:trajectory-export"),
        ("get", "trajectories:trajectory-export-xlsx"),
        ("get", "casetable:case-list"),
        ("get", "casetable:case-detail"),
        ("get", "casetable:meeting-detail"),
        ("get", "casetable:meeting-agenda-pdf"),
        ("get", "casetable:meeting-minutes-pdf"),
    }


# Which youth each role sees on a list of allocations, and who may see anna on her own.
LIST_ROUTES = {
    "allocations:allocation-list",
    "allocations:allocation-export",
    "api-allocation-list",
    "waitinglists:entry-list",  # an entry per youth, like their allocation
    "api-waiting-entry-list",
}
LIST_VISIBLE: dict[str, set[str]] = {
    Role.CONTRACT_MANAGER: {"anna", "bram", "chris"},
    Role.ACCESS_STAFF: {"anna", "chris"},
    Role.GI_STAFF: {"bram"},
    Role.PROVIDER: {"anna", "daan"},  # its own youth, in every region it works in
    Role.POLICY: set(),  # the waiting lists show policy the figures only
}
SEES_ANNA = {Role.CONTRACT_MANAGER, Role.ACCESS_STAFF, Role.PROVIDER, Role.PRIVACY_OFFICER}
# Anna's afwegingskader case was asked by the access team; the expert table sees it too, and
# the agenda of a meeting shows it to the region's contract management and expert table.
CASE_READERS = {Role.CONTRACT_MANAGER, Role.ACCESS_STAFF, Role.EXPERT_MEMBER}
TABLE_READERS = {Role.CONTRACT_MANAGER, Role.EXPERT_MEMBER}
SEES_ANNA_ON = {
    "casetable:case-list": CASE_READERS,
    "casetable:case-detail": CASE_READERS,
    "casetable:meeting-detail": TABLE_READERS,
    "casetable:meeting-agenda-pdf": TABLE_READERS,
    "casetable:meeting-minutes-pdf": TABLE_READERS,
}


def _read(client: Client, route: Route, world) -> str:
    url = reverse(route.name, kwargs=route.kwargs(world))
    if route.method == "post":
        payload = route.data(world)
        response = (
            client.post(url, data=json.dumps(payload), content_type="application/json")
            if route.api
            # a page's search is shown from its token after the redirect: follow it
            else client.post(url, payload, follow=True)
        )
    else:
        response = client.get(url)
    if hasattr(response, "streaming_content"):
        b"".join(response.streaming_content)
    assert response.status_code == 200
    return url


@pytest.mark.django_db
@pytest.mark.parametrize("route", PERSONAL_ROUTES, ids=lambda r: f"{r.method}:{r.name}")
def test_each_allowed_read_of_personal_data_is_recorded(route: Route, world):
    allowed = [role for role, status in route.statuses().items() if status < 400]
    assert allowed, route.name
    for role in allowed:
        user = world.users[role]
        client = Client()
        sign_in(client, user)
        reads = AccessRecord.objects.filter(event=AccessEvent.READ)  # an export is one more
        before = reads.count()
        url = _read(client, route, world)
        records = list(reads.order_by("seq")[before:])
        if route.name in LIST_ROUTES:
            expected = {world.youth[key].pk for key in LIST_VISIBLE[role]}
        else:
            readers = SEES_ANNA_ON.get(route.name, SEES_ANNA)
            expected = {world.youth["anna"].pk} if role in readers else set()
        assert {r.youth_id for r in records} == expected, f"{route.name} as {role}"
        assert all(r.user_id == user.pk and r.role == role for r in records)
        assert all(r.route == url for r in records)
        assert {r.purpose for r in records} <= set(AccessPurpose.values), route.name


@pytest.mark.django_db
def test_forbidden_attempts_and_empty_results_record_nothing(world):
    client = Client()
    sign_in(client, world.users[Role.GI_STAFF])
    reads = AccessRecord.objects.filter(event=AccessEvent.READ)
    before = reads.count()
    url = reverse("clients:youth-detail", kwargs={"pk": world.youth["anna"].pk})
    client.get(url)
    client.post(reverse("clients:youth-search"), {"q": world.youth["anna"].bsn}, follow=True)
    assert reads.count() == before  # no read; the refusal is a security event
    denied = AccessRecord.objects.get(event=AccessEvent.DENIED)
    assert (denied.user, denied.route, denied.status) == (world.users[Role.GI_STAFF], url, 404)


@pytest.mark.django_db
def test_privacy_officer_answers_who_saw_this_youth_and_what_a_user_saw(world):
    access = Client()
    sign_in(access, world.users[Role.ACCESS_STAFF])
    anna = world.youth["anna"]
    access.get(reverse("clients:youth-detail", kwargs={"pk": anna.pk}))

    officer = Client()
    sign_in(officer, world.users[Role.PRIVACY_OFFICER])
    found = officer.post(reverse("audit:privacy"), {"bsn": anna.bsn})
    assert found.status_code == 302
    who = officer.get(found["Location"]).content.decode()
    assert world.users[Role.ACCESS_STAFF].username in who
    assert anna.bsn not in who

    what = officer.get(
        reverse("audit:privacy-user", kwargs={"pk": world.users[Role.ACCESS_STAFF].pk})
    ).content.decode()
    assert reverse("clients:youth-detail", kwargs={"pk": anna.pk}) in what
    assert "Visser" not in what


def test_every_role_column_is_a_user_in_the_world():
    assert len(ROLE_COLUMNS) == len(set(ROLE_COLUMNS)) == len(Role)
