# SPDX-License-Identifier: EUPL-1.2
"""Fuzz every form and API input a provider may send: a 4xx at worst, never a 500.

The endpoints come from the route table (every write a provider is allowed), their fields
from the form on the page (as a browser would send them) or from the OpenAPI description
(as an API client would). Hypothesis draws the real fields, left out or doubled, plus extra
ones, with empty, huge, unicode and control-character strings, impossible and extreme dates,
numbers out of range, negative amounts, BSN-like strings, lists and objects where a scalar
belongs, JSON of the wrong type and JSON that does not parse. Each example runs in a
savepoint that is rolled back, so every example meets the same world.

It runs with a fixed seed (``derandomize``) so a failure is the same in every run, and only on
SQLite: the inputs are the database's business only through the ORM, and one run is enough.
"""

import json
import re
from collections.abc import Callable
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.test import Client
from django.urls import reverse
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from jeugdregie.accounts.constants import Role
from jeugdregie.testing.auth import sign_in
from jeugdregie.testing.factories import World
from tests.routes import FORBIDDEN, ROUTES, UNKNOWN_BSN, Route

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        "sqlite" not in settings.DATABASES["default"]["ENGINE"],
        reason="the fuzz test runs once, on SQLite; PostgreSQL runs the route table instead",
    ),
]

WRITE_EXAMPLES = 120  # per write endpoint: 17 endpoints, over 2,000 in all
# Per page, list, export or API list the provider opens, with a fuzzed query string (its
# filter form's fields and every query parameter the views read).
READ_EXAMPLES = 100


def _first_per_endpoint(rows: list[Route]) -> list[Route]:
    seen: set[tuple[str, str]] = set()
    firsts = []
    for route in rows:
        if (route.name, route.method) not in seen:
            seen.add((route.name, route.method))
            firsts.append(route)
    return firsts


def _provider_may(route: Route) -> bool:
    return route.statuses()[Role.PROVIDER] not in FORBIDDEN


PROVIDER_WRITES = _first_per_endpoint([r for r in ROUTES if r.method != "get" and _provider_may(r)])
PROVIDER_READS = _first_per_endpoint(
    [r for r in ROUTES if r.method == "get" and _provider_may(r) and r.name != "api-schema"]
)


def _endpoint_id(route: Route) -> str:
    return f"{route.method}:{route.name}"


# --- the values -------------------------------------------------------------------------

DATES = [
    "0001-01-01",
    "9999-12-31",
    "2024-02-30",
    "2025-02-29",
    "2024-02-29",
    "2024-13-01",
    "2024-00-10",
    "0000-00-00",
    "10000-01-01",
    "-2024-01-01",
    "31-12-2024",
    "1-1-1",
    "20240101",
    "2024-01-01T25:61:00",
]
NUMBERS = [
    "0",
    "-1",
    "-0.01",
    "-250000.00",
    "1e308",
    "1E+1000",
    "NaN",
    "Infinity",
    "-Infinity",
    "99999999999999999999999999999",
    "-9223372036854775809",
    "2147483648",
    "1,5",
    "1.005",
    "0x1F",
    "١٢٣",
    "１２",
]
BSN_LIKE = [
    UNKNOWN_BSN,
    "999900012",
    "123456789",
    "000000000",
    "999222333",
    "99999999",
    "9999999999",
    "999 998 948",
    "999.998.948",
    " 999998948 ",
    "999998948\n",
    "-99999894",
]
STRINGS = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "\r\n",
    "\x1b[31m",
    '=HYPERLINK("http://example.org")',
    "<script>alert(1)</script>",
    "' OR '1'='1",
    "%00",
    "../../etc/passwd",
    "\u202egnp.exe",
    "null",
    "[]",
    "{}",
    "Ω≈ç√∫˜µ≤ÅÍÎÏ",
    "👩‍👩‍👧‍👦",
]
NASTY = st.sampled_from(DATES + NUMBERS + BSN_LIKE + STRINGS)
HUGE = st.tuples(
    st.sampled_from(["x", "é", "7", "😀", "\x01"]), st.sampled_from([300, 5_000, 100_000])
).map(lambda parts: parts[0] * parts[1])
TEXT = st.one_of(
    NASTY,
    st.text(max_size=40),
    HUGE,
    st.integers(min_value=-(2**80), max_value=2**80).map(str),
)


# --- forms: the fields as the page offers them ---------------------------------------------


class _FormFields(HTMLParser):
    """Names of the inputs of a page's forms of one method, with the values it offers."""

    def __init__(self, method: str) -> None:
        super().__init__()
        self.method = method
        self.fields: dict[str, set[str]] = {}
        self._form: str | None = None
        self._select: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "form":
            self._form = (attributes.get("method") or "get").lower()
        elif self._form == self.method and tag in {"input", "select", "textarea"}:
            name = attributes.get("name")
            if not name or name == "csrfmiddlewaretoken":
                return
            values = self.fields.setdefault(name, set())
            if tag == "input" and attributes.get("value") is not None:
                values.add(attributes["value"] or "")
            if tag == "select":
                self._select = name
        elif tag == "option" and self._select and attributes.get("value") is not None:
            self.fields[self._select].add(attributes["value"] or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None


def _page_fields(client: Client, url: str, method: str) -> dict[str, set[str]]:
    response = client.get(url)
    if response.status_code != 200 or getattr(response, "streaming", False):
        return {}
    if not response["Content-Type"].startswith("text/html"):
        return {}
    parser = _FormFields(method)
    parser.feed(response.content.decode())
    return parser.fields


def _form_data(fields: dict[str, set[str]]) -> st.SearchStrategy[dict[str, Any]]:
    """A form as a browser (or an attacker) posts it: each field left out, valid, nasty,
    or sent more than once; sometimes with fields the form does not have."""
    offered = sorted({value for values in fields.values() for value in values})
    anything = st.one_of(TEXT, st.sampled_from(offered)) if offered else TEXT

    def field(values: set[str]) -> st.SearchStrategy[Any]:
        own = st.sampled_from(sorted(values)) if values else anything
        one = st.one_of(own, own, anything)
        return st.one_of(one, one, one, st.lists(one, min_size=2, max_size=3))

    return st.tuples(
        st.fixed_dictionaries(
            {}, optional={name: field(values) for name, values in sorted(fields.items())}
        ),
        st.dictionaries(st.text(min_size=1, max_size=12), TEXT, max_size=2),
    ).map(lambda parts: {**parts[1], **parts[0]})


# --- the API: the fields as the OpenAPI description gives them ------------------------------

JSON_SCALAR = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**80), max_value=2**80),
    st.floats(allow_nan=False, allow_infinity=False),
    TEXT,
)
JSON_ANY = st.recursive(
    JSON_SCALAR,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)
BROKEN_JSON = st.sampled_from(
    ["", "{", "[", '{"entries": [', "NaN", "\x00", "{'a': 1}", '{"a": 1}' * 500, "\ufeff{}"]
)


def _resolve(schema: dict[str, Any], components: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = components[schema["$ref"].rsplit("/", 1)[-1]]
    return schema


def _json_for(
    schema: dict[str, Any], components: dict[str, Any], valid: Any
) -> st.SearchStrategy[Any]:
    """Values for one schema: often of the right shape (with the valid value as a seed),
    sometimes anything at all."""
    schema = _resolve(schema, components)
    wrong = JSON_ANY
    if schema.get("type") == "object" or "properties" in schema:
        valid_object = valid if isinstance(valid, dict) else {}
        properties = {
            name: _json_for(part, components, valid_object.get(name))
            for name, part in sorted(schema.get("properties", {}).items())
        }
        shaped = st.tuples(
            st.fixed_dictionaries({}, optional=properties),
            st.dictionaries(st.text(max_size=10), JSON_ANY, max_size=2),
        ).map(lambda parts: {**parts[1], **parts[0]})
        return st.one_of(shaped, shaped, shaped, wrong)
    if schema.get("type") == "array":
        valid_items = valid if isinstance(valid, list) and valid else [None]
        item = _json_for(schema.get("items", {}), components, valid_items[0])
        many = st.integers(min_value=99, max_value=102).map(lambda n: valid_items[:1] * n)
        return st.one_of(st.lists(item, max_size=3), st.lists(item, max_size=3), many, wrong)
    seeds = [] if valid is None else [st.just(valid)]
    return st.one_of(*seeds, TEXT, JSON_SCALAR, wrong)


def _api_body(route: Route, world: World, url: str) -> st.SearchStrategy[tuple[str, Any]]:
    schema = SchemaGenerator().get_schema(request=None, public=True)
    components = schema.get("components", {}).get("schemas", {})
    operation = None
    for path, operations in schema["paths"].items():
        pattern = "^" + re.sub(r"\{[^}]+\}", "[^/]+", path) + "$"
        if re.match(pattern, url) and route.method in operations:
            operation = operations[route.method]
    assert operation is not None, f"{route.name} is not in the OpenAPI description"
    content = operation.get("requestBody", {}).get("content", {})
    body_schema = content.get("application/json", {}).get("schema", {})
    valid = route.data(world)
    return st.one_of(
        _json_for(body_schema, components, valid).map(lambda body: ("json", body)),
        _json_for(body_schema, components, valid).map(lambda body: ("json", body)),
        BROKEN_JSON.map(lambda text: ("raw", text)),
        _form_data({name: set() for name in valid}).map(lambda form: ("form", form)),
    )


# --- sending ----------------------------------------------------------------------------


def _send(client: Client, method: str, url: str, body: tuple[str, Any]) -> int:
    """One request in a savepoint that is rolled back; the status it got (0 when it was sent
    to the login page: the provider must stay signed in, or the fuzz tests nothing)."""
    kind, payload = body
    with transaction.atomic():
        cache.clear()  # the API's throttling counts: every example starts afresh
        send = getattr(client, method)
        if kind == "json":
            response = send(url, json.dumps(payload), content_type="application/json")
        elif kind == "raw":
            response = send(url, payload, content_type="application/json")
        elif kind == "query":
            response = send(f"{url}?{urlencode(payload, doseq=True)}")
        elif method == "post":
            response = send(url, payload)
        else:
            response = send(
                url,
                urlencode(payload, doseq=True),
                content_type="application/x-www-form-urlencoded",
            )
        if getattr(response, "streaming", False):
            b"".join(response.streaming_content)
        transaction.set_rollback(True)
    if response.status_code == 302 and response["Location"].startswith(reverse("login")):
        return 0
    return response.status_code


def _fuzz(
    strategy: st.SearchStrategy[tuple[str, Any]],
    send: Callable[[tuple[str, Any]], int],
    examples: int,
) -> int:
    """Run ``send`` on ``examples`` drawn inputs; a 500 (or an exception) fails the test with
    the smallest input that causes it. Returns how many examples ran; some must have reached
    the view (not all refused with 403, 404 or 405)."""
    statuses: list[int] = []

    @hypothesis_settings(
        max_examples=examples,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.large_base_example,
        ],
    )
    @given(body=strategy)
    def example(body: tuple[str, Any]) -> None:
        status = send(body)
        statuses.append(status)
        assert status < 500, f"{status} for {body!r}"
        assert status != 0, "the provider was signed out"

    example()
    assert set(statuses) - FORBIDDEN, "every input was refused before the view read it"
    return len(statuses)


@pytest.fixture
def provider(module_world: World, clients: dict[str | None, Client]) -> Client:
    """The provider's client, signed in anew for each endpoint."""
    client = clients[Role.PROVIDER]
    sign_in(client, module_world.users[Role.PROVIDER])
    return client


def test_the_fuzz_covers_every_provider_write_with_enough_examples():
    names = {route.name for route in PROVIDER_WRITES}
    assert {"waitinglists:entry-report", "api-waiting-entry-list", "api-extension-request"} <= (
        names
    )
    assert len(PROVIDER_WRITES) * WRITE_EXAMPLES >= 2000


@pytest.mark.parametrize("route", PROVIDER_WRITES, ids=_endpoint_id)
def test_no_provider_input_causes_a_server_error(
    route: Route, module_world: World, provider: Client
):
    url = reverse(route.name, kwargs=route.kwargs(module_world))
    if route.api:
        strategy = _api_body(route, module_world, url)
    else:
        fields = _page_fields(provider, url, "post")
        for name, value in route.data(module_world).items():
            values = value if isinstance(value, list) else [value]
            fields.setdefault(name, set()).update(str(v) for v in values)
        strategy = _form_data(fields).map(lambda form: ("form", form))
    ran = _fuzz(strategy, lambda body: _send(provider, route.method, url, body), WRITE_EXAMPLES)
    assert ran >= WRITE_EXAMPLES


# Query parameters of the lists, exports and pages, besides those of their filter forms.
QUERY_NAMES = [
    "pagina",
    "sorteer",
    "jaar",
    "halfjaar",
    "q",
    "van",
    "tot",
    "status",
    "aanbieder",
    "perceel",
    "gemeente",
    "product",
    "prioriteit",
    "complexity",
    "pending",
    "nummer",
    "actief_op",
    "referentie",
    "page",
    "page_size",
    "number",
]


@pytest.mark.parametrize("route", PROVIDER_READS, ids=_endpoint_id)
def test_no_query_string_causes_a_server_error(route: Route, module_world: World, provider: Client):
    url = reverse(route.name, kwargs=route.kwargs(module_world))
    fields: dict[str, set[str]] = {name: set() for name in QUERY_NAMES}
    for name, values in _page_fields(provider, url, "get").items():
        fields.setdefault(name, set()).update(values)
    strategy = _form_data(fields).map(lambda query: ("query", query))
    ran = _fuzz(strategy, lambda query: _send(provider, "get", url, query), READ_EXAMPLES)
    assert ran >= READ_EXAMPLES
