# SPDX-License-Identifier: EUPL-1.2
"""Sign-in, sign-out, a failed sign-in, a lockout, a refused request and an export are in
the access log, each with the client's address and a keyed hash of the session key (never
the key itself), and the privacy officer sees them with their Dutch names."""

import pytest
from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore
from django.test import Client, RequestFactory
from django.urls import reverse

from jeugdregie.accounts.constants import Role
from jeugdregie.audit.constants import AccessEvent, AccessPurpose
from jeugdregie.audit.context import request_context
from jeugdregie.audit.models import AccessRecord
from jeugdregie.audit.services import export_record_create
from jeugdregie.core.crypto import blind_index, blind_index_key_version
from jeugdregie.testing.auth import sign_in
from jeugdregie.testing.factories import PASSWORD

pytestmark = pytest.mark.django_db

OFFICE = "192.0.2.10"


def _events(event: str) -> list[AccessRecord]:
    return list(AccessRecord.objects.filter(event=event).order_by("seq"))


def _sign_in_with_password(client: Client, username: str, password: str):
    return client.post(reverse("login"), {"username": username, "password": password})


def test_sign_in_and_sign_out_are_logged_with_address_and_session_hash(world):
    user = world.users[Role.ACCESS_STAFF]  # no second factor for this role by default
    client = Client(REMOTE_ADDR=OFFICE)

    assert _sign_in_with_password(client, user.username, PASSWORD).status_code == 302
    session_key = str(client.session.session_key)
    client.post(reverse("logout"))

    [login] = _events(AccessEvent.LOGIN)
    [logout] = _events(AccessEvent.LOGOUT)
    for record in (login, logout):
        assert (record.user, record.username, record.role) == (user, user.username, user.role)
        assert record.ip == OFFICE
        assert record.session_hash == blind_index(session_key, purpose="session")
        assert record.key_version == blind_index_key_version()
    assert session_key not in {login.session_hash, logout.session_hash}
    assert login.method == "POST"
    assert login.route == reverse("login")


def test_a_failed_sign_in_keeps_the_typed_username_also_of_no_user(world):
    user = world.users[Role.ACCESS_STAFF]
    client = Client(REMOTE_ADDR=OFFICE)

    _sign_in_with_password(client, user.username, "fout-wachtwoord-1")
    _sign_in_with_password(client, "bestaat.niet", "fout-wachtwoord-2")

    known, unknown = _events(AccessEvent.LOGIN_FAILED)
    assert (known.user, known.username, known.ip) == (user, user.username, OFFICE)
    assert (unknown.user, unknown.username, unknown.ip) == (None, "bestaat.niet", OFFICE)
    assert not _events(AccessEvent.LOGIN)


def test_a_lockout_is_logged(world):
    user = world.users[Role.ACCESS_STAFF]
    client = Client(REMOTE_ADDR=OFFICE)

    for attempt in range(settings.AXES_FAILURE_LIMIT):
        _sign_in_with_password(client, user.username, f"fout-wachtwoord-{attempt}")

    [lockout] = _events(AccessEvent.LOCKOUT)
    assert (lockout.user, lockout.username, lockout.ip) == (user, user.username, OFFICE)
    assert len(_events(AccessEvent.LOGIN_FAILED)) == settings.AXES_FAILURE_LIMIT


def test_a_refused_request_of_a_signed_in_user_is_logged_as_denied(world):
    provider = world.users[Role.PROVIDER]
    client = Client(REMOTE_ADDR=OFFICE)
    sign_in(client, provider)
    session_key = str(client.session.session_key)
    other_youth = reverse("clients:youth-detail", kwargs={"pk": world.youth["bram"].pk})

    assert client.get(reverse("audit:privacy")).status_code == 403
    assert client.get(other_youth).status_code == 404
    Client(REMOTE_ADDR=OFFICE).get(other_youth)  # not signed in: a redirect, nothing to log

    forbidden, not_found = _events(AccessEvent.DENIED)
    assert (forbidden.user, forbidden.status, forbidden.route) == (provider, 403, "/privacy/")
    assert (not_found.status, not_found.route, not_found.method) == (404, other_youth, "GET")
    assert not_found.youth is None  # a refusal reads nothing
    assert {forbidden.ip, not_found.ip} == {OFFICE}
    assert forbidden.session_hash == blind_index(session_key, purpose="session")


def test_an_export_is_logged_with_its_rows_and_every_youth_in_it(world):
    user = world.users[Role.CONTRACT_MANAGER]
    request = RequestFactory().get("/toewijzingen/export/", REMOTE_ADDR="2001:db8::1")
    request.session = SessionStore()
    request.session.create()
    anna, chris = world.youth["anna"], world.youth["chris"]

    with request_context(request):
        count = export_record_create(
            user=user, route=request.path, rows=12, youth_ids=[anna.pk, chris.pk, anna.pk]
        )

    assert count == 3
    [export] = _events(AccessEvent.EXPORT)
    assert (export.rows, export.route, export.purpose) == (12, "/toewijzingen/export/", "export")
    assert export.ip == "2001:db8::1"
    assert export.session_hash == blind_index(str(request.session.session_key), purpose="session")
    reads = _events(AccessEvent.READ)
    assert [(r.youth_id, r.purpose) for r in reads] == [
        (anna.pk, AccessPurpose.EXPORT),
        (chris.pk, AccessPurpose.EXPORT),
    ]


def test_behind_a_configured_proxy_the_forwarded_address_is_kept(world, settings):
    settings.JEUGDREGIE_TRUSTED_PROXIES = 1
    settings.AXES_IPWARE_PROXY_COUNT = 1
    settings.AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]
    user = world.users[Role.ACCESS_STAFF]
    client = Client(REMOTE_ADDR="10.0.0.2")  # the proxy

    client.post(
        reverse("login"),
        {"username": user.username, "password": "fout-wachtwoord-1"},
        headers={"X-Forwarded-For": "198.51.100.1, 203.0.113.9"},
    )

    [failed] = _events(AccessEvent.LOGIN_FAILED)
    assert failed.ip == "203.0.113.9"  # what the proxy saw, not what the client claimed


def test_the_privacy_officer_sees_the_events_with_their_dutch_names(world):
    provider = world.users[Role.PROVIDER]
    client = Client(REMOTE_ADDR=OFFICE)
    sign_in(client, provider)
    client.get(reverse("audit:privacy"))
    Client(REMOTE_ADDR=OFFICE).post(
        reverse("login"), {"username": provider.username, "password": "fout-wachtwoord-1"}
    )
    officer = Client()
    sign_in(officer, world.users[Role.PRIVACY_OFFICER])

    page = officer.get(reverse("audit:privacy-events")).content.decode()
    denied_only = officer.get(
        reverse("audit:privacy-events"), {"gebeurtenis": AccessEvent.DENIED}
    ).content.decode()
    of_user = officer.get(
        reverse("audit:privacy-user", kwargs={"pk": provider.pk})
    ).content.decode()

    for text in ("Ingelogd", "Geweigerd (403)", "Inloggen mislukt", OFFICE):
        assert text in page
        assert text in of_user
    results = denied_only[denied_only.index('id="resultaten"') :]
    assert "Geweigerd (403)" in results
    assert "Inloggen mislukt" not in results
