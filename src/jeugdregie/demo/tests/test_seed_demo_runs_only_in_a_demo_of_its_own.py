# SPDX-License-Identifier: EUPL-1.2
"""Attack 8 of the trust issue: ``seed_demo`` purged regions by code (``zhz`` and ``ijzk`` are
real region names) with their access records, and made staff users with a published password,
in any installation. Now it runs only in demo mode, only in a database of its own (every region
carries the demo's marker), and the published password opens nothing outside demo mode."""

from io import StringIO

import pytest
from django.contrib.auth import authenticate
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.test import RequestFactory
from django.utils import translation

from jeugdregie.accounts.models import Organisation, User
from jeugdregie.audit.models import AccessRecord, ChangeRecord
from jeugdregie.clients.models import Youth
from jeugdregie.demo.constants import DEMO_PASSWORD, Scale
from jeugdregie.demo.models import DemoDataset
from jeugdregie.demo.services import DemoRefusedError, demo_rebuild, demo_seed
from jeugdregie.demo.tests.helpers import YEAR
from jeugdregie.regions.models import Region
from jeugdregie.testing.factories import RegionFactory

pytestmark = pytest.mark.django_db

TABLES = (Region, Organisation, User, Youth, DemoDataset, ChangeRecord, AccessRecord)


def snapshot() -> dict[str, list[int]]:
    return {
        model.__name__: sorted(model._base_manager.values_list("pk", flat=True)) for model in TABLES
    }


def seed_demo(*args: str) -> str:
    output = StringIO()
    with translation.override("nl"):
        call_command("seed_demo", "--scale", "small", "--year", str(YEAR), *args, stdout=output)
    return output.getvalue()


def test_seed_demo_outside_demo_mode_refuses_and_changes_nothing(settings):
    settings.JEUGDREGIE_DEMO = False
    before = snapshot()

    for args in ((), ("--force",)):
        with pytest.raises(CommandError) as refused:
            seed_demo(*args)
        assert "JEUGDREGIE_DEMO=1" in str(refused.value)
        assert "niets gewijzigd" in str(refused.value)
    with pytest.raises(DemoRefusedError):
        demo_rebuild(scale=Scale.SMALL, year=YEAR)

    assert snapshot() == before
    assert not Region.objects.exists()


def test_seed_demo_outside_demo_mode_leaves_an_existing_demo_alone(small_demo, settings):
    settings.JEUGDREGIE_DEMO = False
    before = snapshot()

    with pytest.raises(CommandError):
        seed_demo("--force")
    with pytest.raises(DemoRefusedError):
        demo_seed(scale=Scale.SMALL, year=YEAR - 1)

    assert snapshot() == before


def test_a_region_zhz_the_demo_did_not_make_is_never_touched(settings):
    foreign = RegionFactory.create(code="zhz", name="Zuid-Holland Zuid (echt)")
    before = snapshot()

    for args in ((), ("--force",)):
        with pytest.raises(CommandError) as refused:
            seed_demo(*args)
        assert "zhz" in str(refused.value)
        assert "niet door de demo" in str(refused.value)
    with pytest.raises(DemoRefusedError):
        demo_rebuild(scale=Scale.SMALL, year=YEAR)

    assert snapshot() == before
    assert Region.objects.get(pk=foreign.pk).name == "Zuid-Holland Zuid (echt)"


def test_no_demo_is_built_beside_real_regions(small_demo):
    RegionFactory.create(code="hm", name="Holland Midden")
    before = snapshot()

    with pytest.raises(CommandError) as refused:
        seed_demo("--force")

    assert "hm" in str(refused.value)
    assert snapshot() == before


def _sign_in(username: str, password: str) -> User | None:
    request = RequestFactory().post("/inloggen/", REMOTE_ADDR="192.0.2.1")
    user = authenticate(request, username=username, password=password)
    return user if isinstance(user, User) else None


def test_the_published_password_opens_nothing_outside_demo_mode(world, settings):
    user = world.users["other_region"]
    user.set_password(DEMO_PASSWORD)  # e.g. a database copied from a demo
    user.save(update_fields=["password"])

    assert _sign_in(user.username, DEMO_PASSWORD) == user  # demo mode (the test settings)

    settings.JEUGDREGIE_DEMO = False
    assert _sign_in(user.username, DEMO_PASSWORD) is None
    with pytest.raises(ValidationError) as refused, translation.override("nl"):
        validate_password(DEMO_PASSWORD, user)
    assert "demo" in " ".join(refused.value.messages)

    user.set_password("een-eigen-lang-wachtwoord")
    user.save(update_fields=["password"])
    assert _sign_in(user.username, "een-eigen-lang-wachtwoord") == user


def test_demo_accounts_with_the_published_password_are_made_only_in_demo_mode(settings):
    settings.JEUGDREGIE_DEMO = False

    with pytest.raises(DemoRefusedError):
        demo_seed(scale=Scale.SMALL, year=YEAR)

    assert not User.objects.filter(is_staff=True).exists()


def test_demo_logins_shows_no_published_password_outside_demo_mode(small_demo, settings):
    settings.JEUGDREGIE_DEMO = False
    output = StringIO()

    with pytest.raises(CommandError) as refused:
        call_command("demo_logins", stdout=output)

    assert "geen demo" in str(refused.value)
    assert DEMO_PASSWORD not in output.getvalue()
