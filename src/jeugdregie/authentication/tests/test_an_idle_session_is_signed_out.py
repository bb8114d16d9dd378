# SPDX-License-Identifier: EUPL-1.2
"""After JEUGDREGIE_IDLE_SECONDS (15 minutes) without a request the session ends: back to
the login page with a message, an htmx request is sent there too; the cookie dies with the
browser."""

import time

import pytest
from django.test import Client

from jeugdregie.accounts.constants import Role
from jeugdregie.authentication.constants import LAST_ACTIVITY_SESSION_KEY
from jeugdregie.testing.auth import sign_in
from jeugdregie.testing.factories import PASSWORD, World

pytestmark = pytest.mark.django_db


def _idle_for(client: Client, seconds: float) -> None:
    session = client.session
    session[LAST_ACTIVITY_SESSION_KEY] = time.time() - seconds
    session.save()


@pytest.fixture
def signed_in(world: World) -> Client:
    client = Client()
    sign_in(client, world.users[Role.ACCESS_STAFF])
    assert client.get("/toewijzingen/").status_code == 200
    return client


def test_fifteen_minutes_without_a_request_signs_the_user_out(signed_in: Client):
    _idle_for(signed_in, 15 * 60 + 5)

    response = signed_in.get("/toewijzingen/?q=anna")
    assert response.status_code == 302
    assert response["Location"] == "/inloggen/?next=%2Ftoewijzingen%2F%3Fq%3Danna"
    assert "_auth_user_id" not in signed_in.session
    login_page = signed_in.get(response["Location"]).content.decode()
    assert "uitgelogd na 15 minuten zonder activiteit" in login_page
    assert signed_in.get("/toewijzingen/").status_code == 302


def test_activity_within_the_limit_keeps_the_session(signed_in: Client):
    _idle_for(signed_in, 14 * 60)

    assert signed_in.get("/toewijzingen/").status_code == 200
    assert time.time() - signed_in.session[LAST_ACTIVITY_SESSION_KEY] < 60


def test_an_htmx_request_of_an_idle_session_redirects_the_whole_page(signed_in: Client):
    _idle_for(signed_in, 16 * 60)

    response = signed_in.get(
        "/toewijzingen/?q=anna",
        headers={"HX-Request": "true", "HX-Current-URL": "http://testserver/toewijzingen/"},
    )
    assert response.status_code == 401
    assert response["HX-Redirect"] == "/inloggen/?next=%2Ftoewijzingen%2F"
    assert b"Anna" not in response.content


def test_an_api_call_of_an_idle_session_is_not_authenticated(signed_in: Client):
    _idle_for(signed_in, 16 * 60)

    assert signed_in.get("/api/v1/toewijzingen/").status_code in (401, 403)
    assert "_auth_user_id" not in signed_in.session


def test_the_idle_time_is_configurable(signed_in: Client, settings):
    settings.JEUGDREGIE_IDLE_SECONDS = 60
    _idle_for(signed_in, 61)

    assert signed_in.get("/toewijzingen/").status_code == 302


def test_the_session_cookie_ends_with_the_browser(world: World):
    client = Client()
    client.post(
        "/inloggen/", {"username": world.users[Role.GI_STAFF].username, "password": PASSWORD}
    )

    cookie = client.cookies["sessionid"]
    assert cookie.value
    assert not cookie["expires"]
    assert not cookie["max-age"]


def test_the_activity_is_stored_at_most_once_per_half_minute(signed_in: Client):
    _idle_for(signed_in, 10)
    stored = signed_in.session[LAST_ACTIVITY_SESSION_KEY]

    assert signed_in.get("/toewijzingen/").status_code == 200
    assert signed_in.session[LAST_ACTIVITY_SESSION_KEY] == stored  # no session write

    _idle_for(signed_in, 40)
    assert signed_in.get("/toewijzingen/").status_code == 200
    assert time.time() - signed_in.session[LAST_ACTIVITY_SESSION_KEY] < 5
