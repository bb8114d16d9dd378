# SPDX-License-Identifier: EUPL-1.2
"""The main menu groups each role's pages under Dutch headings, shows the work waiting on a
page as a counter (the same figures as the home page), offers client stops and nee-tenzij
exceptions to contract management, and gives every page below a menu page a breadcrumb back
to it. A provider's menu has no region pages and no counters of the region's work."""

import datetime as dt
import re
from collections.abc import Iterator
from decimal import Decimal

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from lxml import html
from lxml.html import HtmlElement

from jeugdregie.accounts.constants import Role
from jeugdregie.accounts.models import User
from jeugdregie.casetable.constants import CaseKind
from jeugdregie.casetable.services import case_create
from jeugdregie.homes.selectors import home_worklist
from jeugdregie.testing.auth import sign_in
from jeugdregie.testing.factories import ProviderFactory, World

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _frozen() -> Iterator[None]:
    with time_machine.travel("2025-03-03 10:00 +0100", tick=False):
        yield


def _page(user: User, url: str) -> HtmlElement:
    client = Client()
    sign_in(client, user)
    response = client.get(url)
    assert response.status_code == 200
    return html.fromstring(response.content)


def _text(element: HtmlElement) -> str:
    return " ".join(element.text_content().split())


def _menu(page: HtmlElement) -> dict[str, list[str]]:
    """Group heading → the link texts under it (counters included), as a reader sees them."""
    groups = {}
    for details in page.get_element_by_id("jr-nav").iter("details"):
        heading = re.sub(r"\s+\d[\d.]*$", "", _text(details.find("summary")))
        groups[heading] = [_text(a) for a in details.iter("a")]
    return groups


def _crumbs(page: HtmlElement) -> list[tuple[str, str]]:
    return [(_text(a), a.get("href")) for a in page.xpath('//nav[@class="jr-breadcrumbs"]//a')]


def _current(page: HtmlElement) -> list[tuple[str, str]]:
    return [(a.get("href"), a.get("aria-current")) for a in page.xpath("//nav//a[@aria-current]")]


def _open_cases(world: World, count: int) -> None:
    for index in range(count):
        case_create(
            actor=world.users[Role.CONTRACT_MANAGER],
            kind=CaseKind.LIGHT_CONTRACT,
            youth=world.youth[("anna", "bram", "chris")[index]],
            provider=ProviderFactory.create(name=f"Zorgboerderij {index}"),
            product=world.product,
            request_date=dt.date(2025, 3, 3),
            start=dt.date(2025, 8, 1),
            end=dt.date(2026, 1, 31),
            volume=10,
            frequency="4",
            tariff=Decimal("90.00"),
            care_setting="ambulant",
            facts={"acute_crisis_or_serious_harm": True, "contracted_providers_contacted": True},
        )


def test_contract_management_finds_its_pages_in_groups_with_the_work_counted(world: World):
    manager = world.users[Role.CONTRACT_MANAGER]
    _open_cases(world, 3)
    [work] = home_worklist(user=manager)
    assert work.count == 3

    menu = _menu(_page(manager, reverse("home")))

    assert list(menu)[:3] == ["Inkoop en contracten", "Budget", "Jeugdigen en toewijzingen"]
    assert "Cliëntenstops" in menu["Budget"]
    assert any(text.startswith("Nee-tenzij") for text in menu["Budget"])
    cases = [t for t in menu["Afwegingskader en expertteam"] if t.startswith("Light-contracten")]
    assert cases == ["Light-contracten en overschrijdingen 3 te doen"]
    page = _page(manager, reverse("home"))
    [counter] = page.xpath('//summary[contains(., "Afwegingskader en expertteam")]/span')
    assert _text(counter) == "3"


def test_a_provider_sees_only_its_own_pages_and_no_region_work(world: World):
    _open_cases(world, 2)
    menu = _menu(_page(world.users[Role.PROVIDER], reverse("home")))

    assert menu["Budget"] == ["Budgetplafonds", "Nee-tenzij-uitzonderingen"]  # its own
    assert "Beheer" not in menu
    assert "Afwegingskader en expertteam" not in menu
    assert "te doen" not in " ".join(text for links in menu.values() for text in links)


def test_a_page_below_a_menu_page_has_a_breadcrumb_back_to_it(world: World):
    manager = world.users[Role.CONTRACT_MANAGER]
    page = _page(manager, reverse("contracting:provider-detail", args=[world.provider.pk]))

    assert _crumbs(page) == [
        ("Startpagina", reverse("home")),
        ("Zorgaanbieders", reverse("contracting:provider-list")),
    ]
    assert _current(page) == [(reverse("contracting:provider-list"), "true")]

    page = _page(manager, reverse("contracting:provider-list"))
    assert _crumbs(page) == [("Startpagina", reverse("home"))]
    assert _current(page) == [(reverse("contracting:provider-list"), "page")]
    assert _crumbs(_page(manager, reverse("home"))) == []


def test_the_counters_are_asked_once_per_page_and_only_when_the_menu_is_shown(world: World):
    """htmx fragments render without the base template: they never read the menu, so its
    counters are not asked; a page reading it twice asks once."""
    from jeugdregie.homes.navigation import Navigation

    asked = []

    def worklist(*, user: User) -> list:
        asked.append(user)
        return []

    request = type("R", (), {"user": world.users[Role.CONTRACT_MANAGER], "path": "/"})()
    navigation = Navigation(request, worklist=worklist)
    assert asked == []
    assert navigation.groups
    assert navigation.groups == navigation.groups
    assert len(asked) == 1
