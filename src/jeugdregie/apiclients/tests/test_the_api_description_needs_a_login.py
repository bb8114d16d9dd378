# SPDX-License-Identifier: EUPL-1.2
"""Attack 6 (API part): /api/schema/ is no longer public; it documents the token scheme."""

import pytest
import yaml
from django.test import Client
from django.urls import reverse

from jeugdregie.apiclients.tests.conftest import bearer
from jeugdregie.testing.auth import sign_in

pytestmark = pytest.mark.django_db


def test_anonymous_visitors_get_no_schema(world):
    response = Client().get(reverse("api-schema"))
    assert response.status_code == 401
    assert b"paths" not in response.content


def test_a_signed_in_user_or_a_client_gets_the_schema_with_the_token_scheme(world, register):
    browser = Client()
    sign_in(browser, world.users["policy"])
    for response in (
        browser.get(reverse("api-schema")),
        Client().get(reverse("api-schema"), headers=bearer(register("aanbieders:lezen").token)),
    ):
        assert response.status_code == 200
        schema = yaml.safe_load(response.content)
        schemes = schema["components"]["securitySchemes"]
        assert schemes["apiClientToken"]["scheme"] == "bearer"
        assert "basicAuth" not in schemes
        assert "HTTP Basic is no longer accepted" in schema["info"]["description"]
        youth = schema["paths"]["/api/v1/jeugdigen/{id}/"]["get"]
        assert "`jeugdigen:lezen`" in youth["description"]
        assert {"apiClientToken": []} in youth["security"]
