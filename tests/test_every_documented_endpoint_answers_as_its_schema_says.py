# SPDX-License-Identifier: EUPL-1.2
"""The OpenAPI contract is true: every operation in docs/openapi.yaml, called by a registered
API client with valid input, answers a documented status with a body its schema allows.

Every documented operation needs a case here (and every case a documented operation), so a new
endpoint cannot reach the contract untested. Each list case sends every documented query
parameter, so the filters are exercised too. The response schemas are made strict for the test:
a property the schema does not name fails, as does a missing required one.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from django.core.cache import cache
from django.test import Client

from jeugdregie.apiclients.constants import Scope
from jeugdregie.apiclients.services import api_client_create
from jeugdregie.testing.factories import World, synthetic_test_bsn
from tests.routes import (
    anna,
    anna_bsn,
    anna_extension_request,
    anna_waiting_entry,
    close_entry,
    new_waiting_entries,
    waiting_entries,
)

SCHEMA_FILE = Path(__file__).resolve().parent.parent / "docs" / "openapi.yaml"
CONTRACT: dict[str, Any] = yaml.safe_load(SCHEMA_FILE.read_text())
HTTP_METHODS = {"get", "post", "put", "patch", "delete"}


def _nothing(w: World) -> dict[str, Any]:
    return {}


def _provider(w: World) -> dict[str, Any]:
    return {"id": w.provider.pk}


def _anna_allocation_filters(w: World) -> dict[str, Any]:
    allocation = w.allocations["anna"]
    return {
        "status": allocation.status,
        "number": allocation.number,
        "active_on": allocation.start.isoformat(),
        "page": 1,
    }


def _waiting_list_page(w: World) -> dict[str, Any]:
    """Every filter, set so that the page still holds an entry: a young child waiting at the
    provider for Anna's product."""
    from django.utils import timezone

    from jeugdregie.clients.services import youth_create
    from jeugdregie.waitinglists.constants import WaitingSource
    from jeugdregie.waitinglists.services import waiting_entry_report

    waiting_entries(w)
    today = timezone.localdate()
    product = w.allocations["anna"].product
    young = youth_create(
        actor=None,
        bsn=synthetic_test_bsn(60),
        given_name="Noor",
        family_name="Jansen",
        birth_date=date(today.year - 3, 1, 15),
        municipality=w.youth["anna"].municipality,
    )
    waiting_entry_report(
        actor=None,
        youth=young,
        lot=product.lot,
        provider=w.provider,
        product=product,
        waiting_since=today,
        source=WaitingSource.STAFF,
    )
    return {
        "page": 1,
        "status": "open",
        "lot": product.lot_id,
        "provider": w.provider.pk,
        "product": product.pk,
        "priority": "young_child",
    }


def _path_of(kwargs: Callable[[World], dict[str, Any]]) -> Callable[[World], dict[str, Any]]:
    """A route's URL kwargs (``pk``) as the path parameters of the contract (``id``)."""

    def _ids(w: World) -> dict[str, Any]:
        return {"id" if name == "pk" else name: value for name, value in kwargs(w).items()}

    return _ids


@dataclass(frozen=True)
class Case:
    """Valid input for one operation, computed from the world: path, query and body."""

    path: Callable[[World], dict[str, Any]] = _nothing
    query: Callable[[World], dict[str, Any]] = _nothing
    body: Callable[[World], Any] | None = None
    expect: int = 200
    checks: tuple[Callable[[World, Any], None], ...] = field(default=())


def _anna_is_found(w: World, body: Any) -> None:
    """The filters select Anna's allocation (numbers count per municipality: others share it)."""
    allocation = w.allocations["anna"]
    assert allocation.pk in [row["id"] for row in body["results"]]
    assert {row["number"] for row in body["results"]} == {allocation.number}


def _the_page_is_not_empty(w: World, body: Any) -> None:
    assert body["count"] >= 1
    assert body["results"]


CASES: dict[tuple[str, str], Case] = {
    ("/api/v1/aanbieders/", "get"): Case(query=lambda w: {"page": 1}),
    ("/api/v1/aanbieders/{id}/", "get"): Case(path=_provider),
    ("/api/v1/clientenstops/", "post"): Case(
        body=lambda w: {"start": "2099-01-01", "reason": "Plafond bereikt"}, expect=201
    ),
    ("/api/v1/jeugdigen/{id}/", "get"): Case(path=_path_of(anna)),
    ("/api/v1/jeugdigen/zoeken/", "post"): Case(body=anna_bsn),
    ("/api/v1/toewijzingen/", "get"): Case(
        query=_anna_allocation_filters, checks=(_anna_is_found,)
    ),
    ("/api/v1/verlengingen/", "post"): Case(body=anna_extension_request, expect=201),
    ("/api/v1/wachtlijst/", "get"): Case(
        query=_waiting_list_page, checks=(_the_page_is_not_empty,)
    ),
    ("/api/v1/wachtlijst/", "post"): Case(body=new_waiting_entries, expect=201),
    ("/api/v1/wachtlijst/{id}/afmelden/", "post"): Case(
        path=_path_of(anna_waiting_entry), body=close_entry
    ),
}

OPERATIONS = sorted(
    (path, method)
    for path, item in CONTRACT["paths"].items()
    for method in item
    if method in HTTP_METHODS
)


def _strict(node: Any, components: dict[str, Any]) -> Any:
    """An OpenAPI 3.0 schema as JSON Schema: references inlined, ``nullable`` as a null type,
    and objects closed to properties they do not name."""
    if isinstance(node, list):
        return [_strict(item, components) for item in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        return _strict(components[node["$ref"].rsplit("/", 1)[-1]], components)
    schema = {key: _strict(value, components) for key, value in node.items()}
    if schema.pop("nullable", False):
        if "type" in schema:
            schema["type"] = [schema["type"], "null"]
        if "enum" in schema:
            schema["enum"] = [*schema["enum"], None]
        if "type" not in schema and "enum" not in schema:
            schema = {"anyOf": [schema, {"type": "null"}]}
    if schema.get("type") == "object" and "properties" in schema:
        schema.setdefault("additionalProperties", False)
    return schema


def _response_schema(path: str, method: str, status: int) -> dict[str, Any]:
    responses = CONTRACT["paths"][path][method]["responses"]
    assert str(status) in responses, f"{method.upper()} {path} answered {status}: undocumented"
    content = responses[str(status)].get("content", {})
    schema = content["application/json"]["schema"]
    return _strict(schema, CONTRACT["components"]["schemas"])


def _documented_query_parameters(path: str, method: str) -> set[str]:
    return {
        p["name"]
        for p in CONTRACT["paths"][path][method].get("parameters", [])
        if p["in"] == "query"
    }


def test_every_documented_operation_has_a_case_and_every_case_is_documented():
    assert OPERATIONS, "the contract documents no operations"
    assert set(OPERATIONS) - set(CASES) == set(), "documented operations without a case"
    assert set(CASES) - set(OPERATIONS) == set(), "cases of operations the contract lacks"


def test_the_lists_document_their_pagination_and_filters():
    for path in ("/api/v1/toewijzingen/", "/api/v1/wachtlijst/"):
        schema = _response_schema(path, "get", 200)
        assert set(schema["required"]) == {"count", "results"}, path
        assert set(schema["properties"]) == {"count", "next", "previous", "results"}, path
    assert _documented_query_parameters("/api/v1/toewijzingen/", "get") == {
        "active_on",
        "number",
        "page",
        "status",
    }


@pytest.mark.django_db
@pytest.mark.parametrize(("path", "method"), OPERATIONS, ids=[f"{m} {p}" for p, m in OPERATIONS])
def test_the_operation_answers_as_documented(path: str, method: str, world: World):
    case = CASES[(path, method)]
    organisation = world.users["provider"].organisation
    assert organisation is not None
    token = api_client_create(
        actor=world.users["functional_admin"],
        organisation=organisation,
        name="Contracttest",
        scopes=list(Scope.values),
    ).token
    url = path.format(**case.path(world))
    query = case.query(world)
    assert set(query) == _documented_query_parameters(path, method), "send every parameter"
    body = case.body(world) if case.body else None
    cache.clear()  # throttling counts
    client = Client(headers={"Authorization": f"Bearer {token}"})
    if method == "get":
        response = client.get(url, query)
    else:
        response = getattr(client, method)(url, body, content_type="application/json")

    assert response.status_code == case.expect, response.content.decode()[:500]
    payload = response.json()
    jsonschema.validate(
        payload,
        _response_schema(path, method, response.status_code),
        format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER,
    )
    for check in case.checks:
        check(world, payload)


def test_the_strict_schema_refuses_an_unnamed_property_and_a_wrong_date():
    """The validation above can fail: an extra field or a malformed date is caught."""
    schema = _response_schema("/api/v1/jeugdigen/{id}/", "get", 200)
    youth = {
        "id": 1,
        "bsn": "*****1234",
        "given_name": "Anna",
        "family_name": "Visser",
        "birth_date": date(2012, 3, 1).isoformat(),
        "municipality": "0505",
    }
    checker = jsonschema.Draft202012Validator.FORMAT_CHECKER
    jsonschema.validate(youth, schema, format_checker=checker)
    for wrong in ({**youth, "secret": "x"}, {**youth, "birth_date": "1-3-2012"}):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(wrong, schema, format_checker=checker)
