# SPDX-License-Identifier: EUPL-1.2
"""Single sign-on end to end, against a real OpenID Provider started by the test: the
certified `oidc-provider` package (frontend/node_modules) run by tests/e2e/openid_provider.mjs.

A municipal employee signs in at the provider, gets the role and organisation of its group
(the access team of Dordrecht sees Dordrecht's youth, not Gorinchem's), and logs out at the
provider too; an employee in none of the configured groups gets the Dutch no-access page.
"""

import json
import re
import shutil
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest
from django.conf import settings as django_settings
from playwright.sync_api import Page, expect

from jeugdregie.accounts.constants import Role
from jeugdregie.accounts.models import User
from tests.e2e.conftest import PROJECT_DIR
from tests.e2e.helpers import HOME_URL, search_youth
from tests.e2e.test_main_pages_have_no_axe_violations import axe_violations, describe

pytestmark = pytest.mark.e2e

SCRIPT = PROJECT_DIR / "tests" / "e2e" / "openid_provider.mjs"
FRONTEND = PROJECT_DIR / "frontend"
CLIENT_ID = "jeugdregie"
CLIENT_SECRET = "test-client-secret"
PROVIDER_PASSWORD = "wachtwoord-bij-de-idp"
ACCOUNTS = {
    "t.dordrecht": {
        "preferred_username": "t.dordrecht@dordrecht.example",
        "given_name": "Tamara",
        "family_name": "Dordrecht",
        "email": "t.dordrecht@dordrecht.example",
        "groups": ["alle-medewerkers", "jr-toegang-dordrecht"],
    },
    "buitenstaander": {
        "preferred_username": "buitenstaander@dordrecht.example",
        "groups": ["alle-medewerkers"],
    },
}
GROUPS = "jr-contractbeheer=contract_manager@zhz-servicecentrum;" + (
    "jr-toegang-dordrecht=access_staff@zhz-gemeente-dordrecht"
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def wait_for_discovery(issuer: str, process: subprocess.Popen[str]) -> dict[str, Any]:
    url = f"{issuer}/.well-known/openid-configuration"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            output = process.stdout.read() if process.stdout else ""
            pytest.fail(f"The OpenID Provider stopped: {output}")
        try:
            with urllib.request.urlopen(url, timeout=2) as answer:  # noqa: S310 - loopback
                document: dict[str, Any] = json.load(answer)
                return document
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"The OpenID Provider did not answer at {url} within 30 seconds")


@pytest.fixture
def openid_provider(live_server: Any, settings: Any) -> Iterator[dict[str, Any]]:
    """The provider on a free loopback port, and the live server's settings pointing at it
    (the live server runs in this process, so the settings fixture reaches it)."""
    node = shutil.which("node")
    if node is None or not (FRONTEND / "node_modules" / "oidc-provider").is_dir():
        pytest.skip(
            "node or frontend/node_modules/oidc-provider is missing (npm ci in frontend/ "
            "installs it): the single sign-on test needs a real OpenID Provider"
        )
    port = free_port()
    issuer = f"http://127.0.0.1:{port}"
    config = {
        "port": port,
        "frontendDir": str(FRONTEND),
        "clientId": CLIENT_ID,
        "clientSecret": CLIENT_SECRET,
        "redirectUri": f"{live_server.url}/oidc/callback/",
        "postLogoutUri": f"{live_server.url}/inloggen/",
        "password": PROVIDER_PASSWORD,
        "accounts": ACCOUNTS,
    }
    process = subprocess.Popen(
        [node, str(SCRIPT), json.dumps(config)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        discovery = wait_for_discovery(issuer, process)
        settings.OIDC_RP_CLIENT_ID = CLIENT_ID
        settings.OIDC_RP_CLIENT_SECRET = CLIENT_SECRET
        settings.OIDC_OP_AUTHORIZATION_ENDPOINT = discovery["authorization_endpoint"]
        settings.OIDC_OP_TOKEN_ENDPOINT = discovery["token_endpoint"]
        settings.OIDC_OP_USER_ENDPOINT = discovery["userinfo_endpoint"]
        settings.OIDC_OP_JWKS_ENDPOINT = discovery["jwks_uri"]
        settings.OIDC_OP_LOGOUT_ENDPOINT = discovery["end_session_endpoint"]
        settings.OIDC_RP_SIGN_ALGO = "RS256"
        settings.OIDC_RP_SCOPES = "openid email profile groups"
        settings.JEUGDREGIE_OIDC_GROUPS = GROUPS
        if hasattr(django_settings, "CONTENT_SECURITY_POLICY"):
            # the log-out form redirects to the provider: its origin is a form target
            from jeugdregie.conf.headers import content_security_policy

            settings.CONTENT_SECURITY_POLICY = content_security_policy(form_targets=[issuer])
        yield discovery
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def sign_in_at_the_provider(page: Page, account: str, issuer: str) -> None:
    page.goto("/inloggen/")
    page.get_by_role("link", name="Inloggen met uw organisatieaccount").click()
    expect(page).to_have_url(re.compile("^" + re.escape(issuer) + "/interaction/"))
    page.locator("#login").fill(account)
    page.locator("#password").fill(PROVIDER_PASSWORD)
    page.get_by_role("button", name="Inloggen").click()


def test_an_employee_signs_in_at_the_identity_provider_with_the_role_of_its_group(
    world, openid_provider, page: Page
):
    issuer = openid_provider["issuer"]
    sign_in_at_the_provider(page, "t.dordrecht", issuer)

    expect(page).to_have_url(HOME_URL)
    header = page.locator("header")
    expect(header).to_contain_text("Tamara Dordrecht · Medewerker toegang")
    expect(header).to_contain_text("Gemeente Dordrecht")
    user = User.objects.get(username="t.dordrecht@dordrecht.example")
    assert user.role == Role.ACCESS_STAFF
    assert not user.has_usable_password()

    # The access team of Dordrecht: Dordrecht's youth, not Gorinchem's.
    search_youth(page, world.youth["anna"].bsn)
    expect(page.locator("#resultaten tbody tr")).to_have_count(1)
    search_youth(page, world.youth["bram"].bsn)
    expect(page.locator("#resultaten tbody tr")).to_have_count(0)

    # Logging out ends the session here and at the provider (RP-initiated logout).
    page.locator("header form[action$='/uitloggen/'] button[type=submit]").click()
    expect(page).to_have_url(re.compile("^" + re.escape(issuer) + "/session/end"))
    page.get_by_role("button", name="Ja, afmelden").click()
    expect(page).to_have_url(re.compile(r"/inloggen/$"))
    expect(page.locator("#id_username")).to_be_visible()
    page.goto("/toewijzingen/")
    expect(page).to_have_url(re.compile(r"/inloggen/\?next="))
    # the provider forgot the session too: signing in again asks for the password
    page.get_by_role("link", name="Inloggen met uw organisatieaccount").click()
    expect(page.locator("#password")).to_be_visible()


def test_an_employee_in_none_of_the_groups_gets_the_dutch_no_access_page(
    world, openid_provider, page: Page
):
    sign_in_at_the_provider(page, "buitenstaander", openid_provider["issuer"])

    expect(page).to_have_url(re.compile(r"/inloggen/geen-toegang/\?reden=geen-rol$"))
    expect(page.locator("h1")).to_have_text("Geen toegang tot jeugdregie")
    expect(page.locator("main")).to_contain_text("in geen van de groepen")
    assert not User.objects.filter(username="buitenstaander@dordrecht.example").exists()
    violations = describe("no access", axe_violations(page))
    page.goto("/inloggen/")
    violations += describe("login with single sign-on", axe_violations(page))
    assert not violations, "\n".join(violations)
