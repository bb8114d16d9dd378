# SPDX-License-Identifier: EUPL-1.2
"""Attack 3: "30 wrong passwords give 30 x 403 and the 31st right one 200" no longer holds.

The rule (``jeugdregie.apiclients.authentication``): after JEUGDREGIE_API_AUTH_FAILURE_LIMIT
refused tokens from one IP address, every token request from that address gets 429 for
JEUGDREGIE_API_AUTH_COOLOFF_SECONDS, even with a valid token; other addresses and the
browser's session are not affected.
"""

from unittest import mock

import pytest
from django.test import Client
from django.urls import reverse

from jeugdregie.apiclients import authentication
from jeugdregie.apiclients.tests.conftest import bearer
from jeugdregie.testing.auth import sign_in

pytestmark = pytest.mark.django_db

ATTACKER = "203.0.113.7"
ELSEWHERE = "198.51.100.20"


@pytest.fixture
def limits(settings):
    settings.JEUGDREGIE_API_AUTH_FAILURE_LIMIT = 5
    settings.JEUGDREGIE_API_AUTH_COOLOFF_SECONDS = 600


def test_after_the_failure_limit_even_a_valid_token_gets_429_until_the_cool_off_ends(
    world, register, limits
):
    token = register("aanbieders:lezen").token
    url = reverse("api-provider-list")
    client = Client()
    guesses = [f"jr_{i:08d}_{'x' * 43}" for i in range(5)]
    assert [
        client.get(url, headers=bearer(g), REMOTE_ADDR=ATTACKER).status_code for g in guesses
    ] == [401] * 5

    blocked = client.get(url, headers=bearer(token), REMOTE_ADDR=ATTACKER)
    assert blocked.status_code == 429
    assert 0 < int(blocked["Retry-After"]) <= 600
    assert client.get(url, headers=bearer(guesses[0]), REMOTE_ADDR=ATTACKER).status_code == 429

    assert client.get(url, headers=bearer(token), REMOTE_ADDR=ELSEWHERE).status_code == 200
    browser = Client(REMOTE_ADDR=ATTACKER)
    sign_in(browser, world.users["provider"])
    assert browser.get(url).status_code == 200  # the session is not a token guess

    later = authentication.clock() + 601
    with mock.patch.object(authentication, "clock", return_value=later):
        assert client.get(url, headers=bearer(token), REMOTE_ADDR=ATTACKER).status_code == 200


def test_malformed_tokens_count_and_basic_headers_are_simply_refused(world, limits):
    url = reverse("api-provider-list")
    client = Client()
    for header in ["Bearer", "Bearer a b", "Bearer jr_short", "Bearer jr_ABCDEFGH_x"]:
        assert (
            client.get(url, headers={"Authorization": header}, REMOTE_ADDR=ATTACKER).status_code
            == 401
        )
    for _ in range(3):  # Basic is never checked, so there is nothing to guess or count
        basic = client.get(
            url, headers={"Authorization": "Basic YWFuYmllZGVyOng="}, REMOTE_ADDR=ATTACKER
        )
        assert basic.status_code == 401
    assert (
        client.get(url, headers=bearer("anything"), REMOTE_ADDR=ATTACKER).status_code == 401
    )  # fifth
    assert client.get(url, headers=bearer("anything"), REMOTE_ADDR=ATTACKER).status_code == 429


def test_a_valid_token_does_not_reset_the_count(world, register, limits):
    token = register("aanbieders:lezen").token
    url = reverse("api-provider-list")
    client = Client()
    for round_ in range(5):
        assert (
            client.get(
                url, headers=bearer(f"jr_{round_:08d}_guess"), REMOTE_ADDR=ATTACKER
            ).status_code
            == 401
        )
        expected = 200 if round_ < 4 else 429
        assert client.get(url, headers=bearer(token), REMOTE_ADDR=ATTACKER).status_code == expected


def test_a_client_over_its_request_rate_gets_429(world, register, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"user": "3/minute", "anon": "3/minute"},
    }
    token = register("aanbieders:lezen").token
    other = register("aanbieders:lezen").token
    url = reverse("api-provider-list")
    client = Client()
    assert [client.get(url, headers=bearer(token)).status_code for _ in range(4)] == [200] * 3 + [
        429
    ]
    assert client.get(url, headers=bearer(other)).status_code == 200  # its own budget
    browser = Client()
    sign_in(browser, world.users["provider"])
    assert [browser.get(url).status_code for _ in range(4)] == [200] * 3 + [429]


def test_refused_tokens_and_the_block_are_in_the_access_log(world, limits):
    from jeugdregie.audit.constants import AccessEvent
    from jeugdregie.audit.models import AccessRecord

    url = reverse("api-provider-list")
    client = Client()
    for i in range(6):  # five failures block the address; the sixth is answered 429 unlogged
        client.get(url, headers=bearer(f"jr_guess{i:03d}_{'x' * 43}"), REMOTE_ADDR=ATTACKER)

    events = list(
        AccessRecord.objects.filter(
            event__in=[AccessEvent.LOGIN_FAILED, AccessEvent.LOCKOUT]
        ).order_by("seq")
    )
    assert [(r.event, r.ip, r.status) for r in events] == [
        *[(AccessEvent.LOGIN_FAILED, ATTACKER, 401)] * 5,
        (AccessEvent.LOCKOUT, ATTACKER, 429),
    ]
    assert events[0].username == "api:guess000"  # the token's prefix, never the token
    assert all("x" * 43 not in r.username and "x" * 43 not in r.route for r in events)
