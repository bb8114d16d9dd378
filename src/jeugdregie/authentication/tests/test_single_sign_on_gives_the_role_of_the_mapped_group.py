# SPDX-License-Identifier: EUPL-1.2
"""Single sign-on: the identity provider's groups decide role and organisation on every
sign-in (changes in the change log); a user in none of the configured groups gets no access.

These tests stand in for the provider's answers (token, ID token and userinfo) at the
backend; tests/e2e/test_sign_in_through_a_real_openid_provider.py runs the whole flow
against a real OpenID Provider.
"""

import socket
from typing import Any

import pytest
from django.core.checks import run_checks
from django.test import Client, RequestFactory
from django.urls import reverse
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from jeugdregie.accounts.constants import Role
from jeugdregie.accounts.models import User
from jeugdregie.audit.constants import ChangeAction
from jeugdregie.audit.models import ChangeRecord
from jeugdregie.authentication.constants import SSO_REFUSAL_ATTRIBUTE
from jeugdregie.authentication.mapping import GroupMappingError, parse_group_mapping
from jeugdregie.authentication.oidc import OIDCBackend
from jeugdregie.testing.factories import World

pytestmark = pytest.mark.django_db

MAPPING = (
    "jr-contractbeheer=contract_manager@zhz-servicecentrum;"
    "jr-toegang-dordrecht=access_staff@zhz-gemeente-dordrecht;"
    "jr-verkeerd=access_staff@zhz-servicecentrum"
)


@pytest.fixture
def sso(settings: Any) -> Any:
    settings.OIDC_RP_CLIENT_ID = "jeugdregie"
    settings.OIDC_RP_CLIENT_SECRET = "geheim"
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = "https://idp.example/authorize"
    settings.OIDC_OP_TOKEN_ENDPOINT = "https://idp.example/token"
    settings.OIDC_OP_USER_ENDPOINT = "https://idp.example/userinfo"
    settings.OIDC_OP_JWKS_ENDPOINT = "https://idp.example/jwks"
    settings.OIDC_OP_LOGOUT_ENDPOINT = "https://idp.example/logout"
    settings.JEUGDREGIE_OIDC_GROUPS = MAPPING
    return settings


def sign_in_with(monkeypatch: Any, claims: dict[str, Any]) -> tuple[User | None, Any]:
    """The backend's decision for a user the provider vouches for with these claims."""
    monkeypatch.setattr(OIDCAuthenticationBackend, "get_userinfo", lambda self, *args: dict(claims))
    request = RequestFactory().get("/oidc/callback/")
    backend = OIDCBackend()
    backend.request = request
    return backend.get_or_create_user("access", "id", {}), request


def test_a_mapped_group_gives_its_role_in_its_organisation(world: World, sso, monkeypatch):
    user, _request = sign_in_with(
        monkeypatch,
        {
            "sub": "0f1e",
            "preferred_username": "j.jansen@dordrecht.nl",
            "given_name": "Jan",
            "family_name": "Jansen",
            "email": "j.jansen@dordrecht.nl",
            "groups": ["medewerkers", "jr-toegang-dordrecht"],
        },
    )

    assert user is not None
    assert user.username == "j.jansen@dordrecht.nl"
    assert user.role == Role.ACCESS_STAFF
    assert user.organisation is not None
    assert user.organisation.code == "zhz-gemeente-dordrecht"
    assert user.get_full_name() == "Jan Jansen"
    assert not user.has_usable_password(), "signs in only through the identity provider"
    record = ChangeRecord.objects.get(model="accounts.User", object_pk=str(user.pk))
    assert record.action == ChangeAction.CREATE
    assert record.user is None
    assert record.changes["role"] == [None, Role.ACCESS_STAFF]


def test_a_changed_group_changes_the_role_at_the_next_sign_in_and_is_logged(
    world: World, sso, monkeypatch
):
    claims = {"preferred_username": "p.de.vries", "groups": ["jr-toegang-dordrecht"]}
    first, _request = sign_in_with(monkeypatch, claims)
    second, _request = sign_in_with(monkeypatch, {**claims, "groups": ["jr-contractbeheer"]})

    assert first is not None
    assert second is not None
    assert second.pk == first.pk
    assert second.role == Role.CONTRACT_MANAGER
    assert second.organisation is not None
    assert second.organisation.code == "zhz-servicecentrum"
    update = ChangeRecord.objects.get(
        model="accounts.User", object_pk=str(first.pk), action=ChangeAction.UPDATE
    )
    assert update.changes["role"] == [Role.ACCESS_STAFF, Role.CONTRACT_MANAGER]
    assert update.changes["organisation"][0] != update.changes["organisation"][1]

    sign_in_with(monkeypatch, {**claims, "groups": ["jr-contractbeheer"]})
    assert ChangeRecord.objects.filter(object_pk=str(first.pk)).count() == 2, "no change, no record"


def test_a_user_in_none_of_the_groups_is_refused(world: World, sso, monkeypatch):
    user, request = sign_in_with(
        monkeypatch, {"preferred_username": "buitenstaander", "groups": ["medewerkers"]}
    )

    assert user is None
    assert getattr(request, SSO_REFUSAL_ATTRIBUTE) == "geen-rol"
    assert not User.objects.filter(username="buitenstaander").exists()


def test_a_user_who_left_the_group_loses_the_role_and_is_refused(world: World, sso, monkeypatch):
    user, _request = sign_in_with(
        monkeypatch, {"preferred_username": "vertrokken", "groups": ["jr-contractbeheer"]}
    )
    refused, request = sign_in_with(monkeypatch, {"preferred_username": "vertrokken", "groups": []})

    assert user is not None
    assert refused is None
    assert getattr(request, SSO_REFUSAL_ATTRIBUTE) == "geen-rol"
    user.refresh_from_db()
    assert user.role == ""
    assert user.organisation is None
    updates = ChangeRecord.objects.filter(object_pk=str(user.pk), action=ChangeAction.UPDATE)
    assert [record.changes["role"] for record in updates] == [[Role.CONTRACT_MANAGER, ""]]


def test_single_sign_on_never_takes_over_a_local_account(world: World, sso, monkeypatch):
    provider_account = world.users[Role.PROVIDER]
    user, request = sign_in_with(
        monkeypatch,
        {"preferred_username": provider_account.username, "groups": ["jr-contractbeheer"]},
    )

    assert user is None
    assert getattr(request, SSO_REFUSAL_ATTRIBUTE) == "lokaal-account"
    provider_account.refresh_from_db()
    assert provider_account.role == Role.PROVIDER


def test_a_group_mapped_to_an_organisation_of_the_wrong_kind_gives_no_access(
    world: World, sso, monkeypatch
):
    user, request = sign_in_with(
        monkeypatch, {"preferred_username": "verkeerd", "groups": ["jr-verkeerd"]}
    )

    assert user is None
    assert getattr(request, SSO_REFUSAL_ATTRIBUTE) == "configuratie"


def test_claims_are_configurable_and_the_first_configured_group_wins(
    world: World, sso, monkeypatch
):
    sso.JEUGDREGIE_OIDC_GROUPS_CLAIM = "roles"
    sso.JEUGDREGIE_OIDC_USERNAME_CLAIM = "upn"
    user, _request = sign_in_with(
        monkeypatch,
        {"sub": "abc-123", "roles": ["jr-toegang-dordrecht", "jr-contractbeheer"], "groups": []},
    )

    assert user is not None
    assert user.username == "abc-123", "no 'upn' claim: the subject"
    assert user.role == Role.CONTRACT_MANAGER, "the mapping's order decides, not the claim's"


def test_a_mapping_that_cannot_be_read_is_a_start_up_error(settings):
    with pytest.raises(GroupMappingError, match="jr-x=beheerder@zhz"):
        parse_group_mapping("jr-x=beheerder@zhz")
    with pytest.raises(GroupMappingError, match="group=role@organisation"):
        parse_group_mapping("jr-x=contract_manager")

    settings.JEUGDREGIE_OIDC_GROUPS = "jr-x=contract_manager"
    assert "jeugdregie.E101" in {message.id for message in run_checks()}


def test_without_a_client_id_there_is_no_single_sign_on(client: Client, settings):
    settings.OIDC_RP_CLIENT_ID = ""

    page = client.get("/inloggen/").content.decode()
    assert "organisatieaccount" not in page
    assert 'id="id_username"' in page
    assert client.get("/oidc/authenticate/").status_code == 404
    assert client.get("/oidc/callback/?code=x&state=y").status_code == 404


def test_with_a_client_id_the_login_page_offers_both_ways_and_starts_with_pkce(client: Client, sso):
    page = client.get("/inloggen/?next=/toewijzingen/").content.decode()
    assert "Inloggen met uw organisatieaccount" in page
    assert 'id="id_username"' in page, "providers keep their local accounts"

    start = client.get("/oidc/authenticate/?next=/toewijzingen/")
    assert start.status_code == 302
    location = start["Location"]
    assert location.startswith("https://idp.example/authorize?")
    assert "code_challenge_method=S256" in location
    assert "code_challenge=" in location
    assert "client_id=jeugdregie" in location
    assert "nonce=" in location


def _callback_state(client: Client) -> str:
    client.get(reverse("oidc_authentication_init"))
    return next(iter(client.session["oidc_states"]))


def closed_port() -> int:
    """A loopback port nobody listens on: a connection there is refused at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def test_an_unreachable_identity_provider_gives_a_dutch_page_not_a_server_error(
    client: Client, sso
):
    sso.OIDC_OP_TOKEN_ENDPOINT = f"http://127.0.0.1:{closed_port()}/token"
    state = _callback_state(client)

    response = client.get(f"/oidc/callback/?code=abc&state={state}")

    assert response.status_code == 502
    assert "Inloggen via uw organisatie is mislukt" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_cancelled_sign_in_at_the_provider_gives_a_dutch_page(client: Client, sso):
    state = _callback_state(client)

    response = client.get(f"/oidc/callback/?error=access_denied&state={state}")

    assert response.status_code == 400
    assert "Inloggen via uw organisatie is mislukt" in response.content.decode()


def _provider_answers(monkeypatch: Any, claims: dict[str, Any]) -> None:
    """The provider's token endpoint, ID-token check and userinfo, answered here."""
    monkeypatch.setattr(
        OIDCBackend, "get_token", lambda self, payload: {"id_token": "id", "access_token": "a"}
    )
    monkeypatch.setattr(OIDCBackend, "verify_token", lambda self, token, **kwargs: {"sub": "s"})
    monkeypatch.setattr(OIDCAuthenticationBackend, "get_userinfo", lambda self, *args: dict(claims))


def test_a_refused_user_sees_the_dutch_no_access_page(
    client: Client, world: World, sso, monkeypatch
):
    _provider_answers(monkeypatch, {"preferred_username": "buitenstaander", "groups": []})
    state = _callback_state(client)

    response = client.get(f"/oidc/callback/?code=abc&state={state}")

    assert response.status_code == 302
    assert response["Location"] == "/inloggen/geen-toegang/?reden=geen-rol"
    page = client.get(response["Location"])
    assert page.status_code == 403
    assert "Geen toegang tot jeugdregie" in page.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_single_sign_on_user_needs_no_second_factor_here_and_logs_out_at_the_provider(
    client: Client, world: World, sso, monkeypatch
):
    _provider_answers(
        monkeypatch, {"preferred_username": "c.beheer", "groups": ["jr-contractbeheer"]}
    )
    state = _callback_state(client)

    response = client.get(f"/oidc/callback/?code=abc&state={state}")

    assert response.status_code == 302
    assert response["Location"] == "/"
    assert client.get("/toewijzingen/").status_code == 200, "the provider did the second factor"
    logout = client.post("/uitloggen/")
    assert logout.status_code == 302
    assert logout["Location"].startswith("https://idp.example/logout?")
    assert "post_logout_redirect_uri=http%3A%2F%2Ftestserver%2Finloggen%2F" in logout["Location"]
    assert "id_token_hint=id" in logout["Location"]
    assert "_auth_user_id" not in client.session


def test_a_local_user_logs_out_to_the_login_page(client: Client, world: World, sso):
    from jeugdregie.testing.auth import sign_in

    sign_in(client, world.users[Role.PROVIDER])

    assert client.post("/uitloggen/")["Location"] == "/inloggen/"
