# SPDX-License-Identifier: EUPL-1.2
"""Every edit form of the demo, opened and saved without changes by every demo role that may
use it, changes nothing and is refused nowhere: the form shows what is stored in the shape
its inputs need (dates as YYYY-MM-DD), and a save without changes writes nothing, also not
to the change log. A page whose path ends in "wijzigen/" or "corrigeren/" is an edit form
and must be in the table."""

from collections.abc import Callable
from typing import Any

import pytest
from django.db.models import Model, QuerySet
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from jeugdregie.accounts.models import User
from jeugdregie.audit.models import ChangeRecord
from jeugdregie.clients.models import Youth
from jeugdregie.contracting.models import Provider
from jeugdregie.demo.constants import DEFAULT_SEED, DEMO_LOGINS, Scale
from jeugdregie.demo.services import demo_seed
from jeugdregie.testing.auth import sign_in
from jeugdregie.testing.forms import form_as_submitted
from jeugdregie.waitinglists.selectors import entries_visible_to

pytestmark = pytest.mark.django_db

EDIT_SUFFIXES = ("wijzigen/", "corrigeren/")

# URL name → the objects a user might edit through it (the first few are tried).
EDIT_FORMS: dict[str, Callable[[User], QuerySet[Any]]] = {
    "contracting:provider-update": lambda user: Provider.objects.order_by("pk"),
    "waitinglists:entry-update": lambda user: (
        entries_visible_to(user=user)
        .filter(outflow_date__isnull=True)
        .order_by("-court_ruling_date", "pk")
    ),
    "audit:privacy-youth-rectify": lambda user: Youth.objects.filter(
        municipality__region__organisations__users=user
    ).order_by("pk"),
}
# Who must get through: a table whose rows quietly all answer 403 would prove nothing.
EXPECTED_EDITORS = {
    "contracting:provider-update": {"contractbeheer", "contractbeheer.ijzk"},
    "waitinglists:entry-update": {"toegang.dordrecht", "toegang.haarlem", "contractbeheer"},
    "audit:privacy-youth-rectify": {"privacy"},
}
TRIED = 5  # objects per role and form


def _edit_routes() -> set[str]:
    found: set[str] = set()

    def walk(patterns: list[Any], prefix: str, namespace: str) -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                space = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                walk(pattern.url_patterns, prefix + str(pattern.pattern), space)
            elif (
                isinstance(pattern, URLPattern)
                and pattern.name
                and (prefix + str(pattern.pattern)).endswith(EDIT_SUFFIXES)
            ):
                found.add(namespace + pattern.name)

    walk(get_resolver().url_patterns, "", "")
    return found


def _state(instance: Model) -> dict[str, Any]:
    instance.refresh_from_db()
    return {field.attname: getattr(instance, field.attname) for field in instance._meta.fields}


def _round_trip(client: Client, url: str, instance: Model) -> None:
    before, changes = _state(instance), ChangeRecord.objects.count()
    page = client.get(url, HTTP_ACCEPT_LANGUAGE="nl")
    posted = form_as_submitted(page.content.decode())
    response = client.post(url, posted, HTTP_ACCEPT_LANGUAGE="nl")

    form = response.context.get("form") if response.context else None
    assert response.status_code == 302, (url, response.status_code, form and form.errors)
    assert _state(instance) == before, url
    assert ChangeRecord.objects.count() == changes, url


def test_every_edit_route_is_in_the_table():
    assert _edit_routes() == set(EDIT_FORMS)


def test_every_edit_form_of_the_demo_saved_unchanged_changes_nothing():
    demo_seed(scale=Scale.SMALL, seed=DEFAULT_SEED, year=2025)
    saved: dict[str, set[str]] = {name: set() for name in EDIT_FORMS}
    seen: dict[str, list[tuple[str, int]]] = {name: [] for name in EDIT_FORMS}
    for login in DEMO_LOGINS:
        user = User.objects.select_related("organisation__region").get(username=login.username)
        client = Client()
        sign_in(client, user)
        for name, objects in EDIT_FORMS.items():
            for instance in objects(user)[:TRIED]:
                url = reverse(name, kwargs={"pk": instance.pk})
                status = client.get(url).status_code
                seen[name].append((login.username, status))
                if status == 200:
                    _round_trip(client, url, instance)
                    saved[name].add(login.username)
                    break
                assert status in {403, 404}, (url, login.username, status)
                if status == 403:
                    break  # the role may not use this form at all
    for name, editors in EXPECTED_EDITORS.items():
        assert editors <= saved[name], (name, saved[name], seen[name])
