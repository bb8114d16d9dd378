# SPDX-License-Identifier: EUPL-1.2
"""A region's token file (``JEUGDREGIE_THEME``) changes the rendered pages: its primary
colour reaches the header through ``/thema.css``, its logo stands in the header, also on the
sign-in page; without one the example theme stays and nothing extra is linked. A token that
could break out of its CSS declaration, or a missing logo, stops start-up (E401) with the
place of the fault, and is never served."""

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.core.checks import run_checks
from django.test import Client, override_settings
from django.urls import reverse

from jeugdregie.accounts.constants import Role
from jeugdregie.core import theme
from jeugdregie.testing.auth import sign_in
from jeugdregie.testing.factories import World

LOGO = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b'<rect width="10" height="10" fill="#00796b"/></svg>'
)


@pytest.fixture(autouse=True)
def _fresh_theme() -> Iterator[None]:
    theme._cached.cache_clear()
    yield
    theme._cached.cache_clear()


def _token_file(folder: Path, tokens: object, logo: str | None = "logo.svg") -> Path:
    (folder / "logo.svg").write_bytes(LOGO)
    path = folder / "regio.tokens.json"
    data: dict[str, object] = {"name": "Regio Groenland", "tokens": tokens}
    if logo:
        data["logo"] = logo
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


GREEN = {
    "jr": {"color": {"primary": {"value": "#00796b"}, "primary-text": {"$value": "#ffffff"}}},
    "utrecht": {"button": {"primary-action": {"background-color": {"value": "#00796b"}}}},
}


@pytest.mark.django_db
def test_the_token_file_colours_the_header_and_shows_the_logo(tmp_path: Path, world: World):
    with override_settings(JEUGDREGIE_THEME=str(_token_file(tmp_path, GREEN))):
        client = Client()
        login = client.get(reverse("login")).content.decode()
        assert f'<link rel="stylesheet" href="{reverse("theme-css")}">' in login
        assert f'src="{reverse("theme-logo")}" alt="Regio Groenland"' in login

        css = client.get(reverse("theme-css"))
        assert css["Content-Type"] == "text/css; charset=utf-8"
        text = css.content.decode()
        assert "--jr-color-primary: #00796b;" in text
        assert "--jr-color-primary-text: #ffffff;" in text
        assert "--utrecht-button-primary-action-background-color: #00796b;" in text

        logo = client.get(reverse("theme-logo"))
        assert logo["Content-Type"] == "image/svg+xml"
        assert logo.getvalue() == LOGO

        sign_in(client, world.users[Role.CONTRACT_MANAGER])
        home = client.get(reverse("home")).content.decode()
        assert 'class="jr-logo__image"' in home

    app_css = (Path(theme.__file__).parent / "static" / "jeugdregie" / "app.css").read_text()
    assert "background: var(--jr-color-primary, #1a3a5c)" in app_css  # the header reads it


@pytest.mark.django_db
def test_without_a_token_file_the_example_theme_stays(world: World):
    client = Client()
    login = client.get(reverse("login")).content.decode()
    assert reverse("theme-css") not in login
    assert "jr-logo__image" not in login
    assert 'class="voorbeeld-theme' in login
    assert client.get(reverse("theme-css")).content == b""
    assert client.get(reverse("theme-logo")).status_code == 404


@pytest.mark.parametrize(
    ("tokens", "logo", "fault"),
    [
        (
            {"jr": {"color": {"primary": {"value": "red; } body { display: none"}}}},
            None,
            "jr.color.primary",
        ),
        ({"jr": {"logo": {"value": "url(https://example.org/x.png)"}}}, None, "jr.logo"),
        ({"jr": {"Color Primary": "#fff"}}, None, "'Color Primary'"),
        ({"jr": {"color": {"primary": {"value": True}}}}, None, "jr.color.primary"),
        (GREEN, "logo.gif", "SVG- of PNG"),
        (GREEN, "elders.svg", "bestaat niet"),
    ],
)
def test_a_token_file_that_could_break_the_page_stops_start_up(
    tmp_path: Path, tokens: object, logo: str | None, fault: str
):
    path = _token_file(tmp_path, tokens, logo=logo or "logo.svg")
    with override_settings(JEUGDREGIE_THEME=str(path)):
        errors = [e for e in run_checks() if e.id == "jeugdregie.E401"]
    assert len(errors) == 1
    assert fault in errors[0].msg
    assert str(path) in errors[0].msg
