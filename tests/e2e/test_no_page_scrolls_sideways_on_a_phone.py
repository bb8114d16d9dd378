# SPDX-License-Identifier: EUPL-1.2
"""No page scrolls sideways on a phone (390 CSS pixels wide, which is also what 200% zoom
leaves of a 780-pixel window): every page of the route table is opened once, as the first
role of the table that may open it (contract management first, the role that sees most),
and the page's width must fit the window. A wide table scrolls inside its own box, the page
does not. SQLite only: the layout does not depend on the database, and CI stays short."""

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlencode

import pytest
from django.db import connection, transaction
from django.urls import reverse
from playwright.sync_api import Browser, Page, ViewportSize

from tests.e2e.helpers import log_in
from tests.routes import ROLE_COLUMNS, ROUTES, Route

pytestmark = pytest.mark.e2e

PHONE: ViewportSize = {"width": 390, "height": 844}
NOT_PAGES = ("-csv", "-xlsx", "-pdf", "-export", "-download", "-json")

OVERFLOW = """() => {
    const root = document.documentElement;
    if (root.scrollWidth <= root.clientWidth) {
        return null;
    }
    const wide = Array.from(document.querySelectorAll("body *"))
        .filter((element) => element.getBoundingClientRect().right > root.clientWidth + 1)
        .filter((element) => !element.closest(".jr-scroll"))
        .map((element) => element.tagName.toLowerCase()
            + (element.id ? "#" + element.id : "")
            + (element.className && typeof element.className === "string"
                ? "." + element.className.trim().split(/\\s+/).join(".") : ""));
    return {width: root.scrollWidth, elements: wide.slice(0, 5)};
}"""


def _pages() -> Iterator[tuple[Route, str]]:
    """Each page row (GET, not the API, not a file) once, with the first role it serves."""
    seen = set()
    for route in ROUTES:
        if route.method != "get" or route.api or route.name.endswith(NOT_PAGES):
            continue
        if route.name in seen:
            continue
        role = next((r for r, s in route.statuses().items() if s == 200), None)
        if role is None:
            continue
        seen.add(route.name)
        yield route, role


def _visit(page: Page, route: Route, world: Any) -> str | None:
    """The page as the route table makes it, rolled back afterwards like the table's own rows
    (the live server shares the test's SQLite connection, so it sees the uncommitted rows)."""
    with transaction.atomic():
        problem = _measure(page, route, world)
        transaction.set_rollback(True)
    return problem


def _measure(page: Page, route: Route, world: Any) -> str | None:
    payload = route.data(world)
    url = reverse(route.name, kwargs=route.kwargs(world))
    if payload:
        url += "?" + urlencode(payload, doseq=True)
    response = page.goto(url)
    assert response is not None
    if response.status != 200:
        return f"{route.name}: answered {response.status} at {url}"
    overflow = page.evaluate(OVERFLOW)
    if overflow is None:
        return None
    return f"{route.name} ({url}): {overflow['width']} px wide, by {overflow['elements']}"


def test_no_page_scrolls_sideways_on_a_phone(world, browser: Browser, live_server) -> None:
    if connection.vendor != "sqlite":
        pytest.skip("the layout check runs on SQLite only (it does not depend on the database)")
    by_role: dict[str, list[Route]] = {}
    for route, role in _pages():
        by_role.setdefault(role, []).append(route)
    found: list[str] = []
    opened = 0
    for role in ROLE_COLUMNS:
        if role not in by_role:
            continue
        context = browser.new_context(base_url=live_server.url, viewport=PHONE, locale="nl-NL")
        page = context.new_page()
        log_in(page, world.users[role].username)
        for route in by_role[role]:
            problem = _visit(page, route, world)
            opened += 1
            if problem:
                found.append(f"{role}: {problem}")
        context.close()
    assert opened > 60, f"only {opened} pages opened: the route table was not walked"
    assert not found, "pages wider than a phone:\n" + "\n".join(found)
