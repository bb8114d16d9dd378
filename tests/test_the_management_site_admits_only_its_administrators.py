# SPDX-License-Identifier: EUPL-1.2
"""The management site (``/beheer/``, Django's admin) in the route × role sense: every list,
add, change and delete page of every registered model, read and written, by every role.

Only the functional administrator (staff, with the model permissions ``seed_demo`` gives it)
gets in, and then only to the apps it manages and never to a delete; every other role is
sent to the site's login or refused, and nothing changes. The route table
(tests/routes.py) leaves the admin out because its URLs are generated per model; this test
generates them the same way, so a newly registered model is covered at once.
"""

from collections.abc import Iterator

import pytest
from django.contrib import admin
from django.db import models
from django.test import Client
from django.urls import reverse

from jeugdregie.accounts.constants import Role
from jeugdregie.authentication.constants import MANAGEMENT_APPS as ADMIN_APPS
from jeugdregie.authentication.tests.test_an_administrator_cannot_grant_itself_power import (
    make_functional_administrator,
)
from jeugdregie.testing.auth import sign_in
from jeugdregie.testing.factories import World

pytestmark = pytest.mark.django_db

OTHER_ROLES = [
    Role.CONTRACT_MANAGER,
    Role.ACCESS_STAFF,
    Role.GI_STAFF,
    Role.EXPERT_MEMBER,
    Role.PROVIDER,
    Role.POLICY,
    Role.PRIVACY_OFFICER,
]


def _pages() -> Iterator[tuple[type[models.Model], str, str]]:
    """(model, kind, url) for every page of every registered model that has a row."""
    for model in admin.site._registry:
        name = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        yield model, "list", reverse(f"{name}_changelist")
        yield model, "add", reverse(f"{name}_add")
        first = model._default_manager.order_by("pk").first()
        if first is not None:
            yield model, "change", reverse(f"{name}_change", args=[first.pk])
            yield model, "delete", reverse(f"{name}_delete", args=[first.pk])


def _rows() -> dict[str, int]:
    return {model._meta.label: model._default_manager.count() for model in admin.site._registry}


def _refused(status: int, location: str) -> bool:
    return status in (403, 404) or (status == 302 and location.startswith("/beheer/login/"))


@pytest.mark.parametrize("role", OTHER_ROLES)
def test_no_other_role_reads_or_writes_anything_on_the_management_site(
    world: World, client: Client, role: str
):
    sign_in(client, world.users[role])
    before = _rows()
    answered = []
    for _model, kind, url in _pages():
        for method in ("get", "post"):
            response = getattr(client, method)(url, {"post": "yes"} if kind == "delete" else {})
            if not _refused(response.status_code, response.headers.get("Location", "")):
                answered.append(f"{method.upper()} {url}: {response.status_code}")

    assert answered == []
    assert _rows() == before
    assert len(list(_pages())) >= 2 * len(admin.site._registry)  # every model was tried


def test_the_functional_administrator_manages_its_apps_and_deletes_nothing(
    world: World, client: Client
):
    sign_in(client, make_functional_administrator(world.users[Role.FUNCTIONAL_ADMIN]))
    before = _rows()
    verdicts: dict[str, set[str]] = {"open": set(), "refused": set()}
    for model, kind, url in _pages():
        response = client.get(url)
        verdict = "open" if response.status_code == 200 else "refused"
        verdicts[verdict].add(f"{model._meta.app_label}:{kind}")
        if kind == "delete":
            posted = client.post(url, {"post": "yes"})
            assert posted.status_code == 403, url

    managed = {entry.split(":")[0] for entry in verdicts["open"]}
    assert managed == set(ADMIN_APPS)  # accounts, regions, contracting, budgets; not the logs
    assert not any(entry.endswith(":delete") for entry in verdicts["open"])
    assert {"axes:list", "auth:list", "otp_totp:list"} <= verdicts["refused"]
    assert _rows() == before
