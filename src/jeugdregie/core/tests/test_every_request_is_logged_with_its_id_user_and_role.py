# SPDX-License-Identifier: EUPL-1.2
"""Every request's log lines carry request_id, user_id (the number) and role; the id of the
proxy is kept when it is a safe token and is sent back; no query string, no user name."""

import logging
import uuid

import pytest
from django.test import Client

from jeugdregie.accounts.constants import Role
from jeugdregie.core.request_logs import REQUEST_ID_HEADER, safe_request_id
from jeugdregie.testing.auth import sign_in

REQUEST_LOGGER = "django_structlog.middlewares.request"


def _request_events(caplog: pytest.LogCaptureFixture) -> list[dict]:
    return [
        record.msg
        for record in caplog.records
        if record.name == REQUEST_LOGGER and isinstance(record.msg, dict)
    ]


@pytest.mark.django_db
def test_a_signed_in_users_request_lines_carry_id_user_number_and_role(world, caplog):
    user = world.users[Role.CONTRACT_MANAGER]
    client = Client()
    sign_in(client, user)

    with caplog.at_level(logging.INFO, logger=REQUEST_LOGGER):
        response = client.get("/?pagina=2&q=999999990")

    events = _request_events(caplog)
    assert [e["event"] for e in events] == ["request_started", "request_finished"]
    request_id = response.headers[REQUEST_ID_HEADER]
    uuid.UUID(request_id)  # made here: the client sent none
    for event in events:
        assert event["request_id"] == request_id
        assert event["user_id"] == user.pk
        assert event["role"] == Role.CONTRACT_MANAGER
        assert event["request"] == "GET /"  # the query string is never logged
        assert "ip" not in event
        assert user.username not in str(event)


@pytest.mark.django_db
def test_an_anonymous_request_has_no_user_and_no_role(caplog):
    with caplog.at_level(logging.INFO, logger=REQUEST_LOGGER):
        Client().get("/inloggen/")

    finished = _request_events(caplog)[-1]
    assert (finished["user_id"], finished["role"], finished["code"]) == (None, None, 200)


@pytest.mark.django_db
def test_the_proxys_request_id_is_kept_and_returned_when_it_is_a_safe_token(caplog):
    offered = "f3b9c1d2e4a5467890abcdef12345678"

    with caplog.at_level(logging.INFO, logger=REQUEST_LOGGER):
        response = Client().get("/inloggen/", HTTP_X_REQUEST_ID=offered)

    assert response.headers[REQUEST_ID_HEADER] == offered
    assert {e["request_id"] for e in _request_events(caplog)} == {offered}


@pytest.mark.parametrize(
    "offered",
    [
        "",
        "short",
        "x" * 65,
        "abc def ghijkl",
        "<script>alert(1)</script>",
        "line\nbreak-injected-1234",
        "id-999999990-from-a-bsn",  # safe characters, but a BSN in it
    ],
)
def test_an_unsafe_request_id_is_replaced_by_a_new_one(offered):
    replaced = safe_request_id(offered)

    assert replaced != offered
    uuid.UUID(replaced)


def test_a_safe_request_id_is_kept():
    assert safe_request_id("req_2026-12-07.abc123") == "req_2026-12-07.abc123"
