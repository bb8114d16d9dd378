# SPDX-License-Identifier: EUPL-1.2
"""`jeugdregie user_create`: an account with a role in an organisation of the right kind, a
password that passes the password rules, and nothing stored when anything is wrong."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from jeugdregie.accounts.constants import Role
from jeugdregie.accounts.models import User
from jeugdregie.audit.models import ChangeRecord
from jeugdregie.testing.factories import World

pytestmark = pytest.mark.django_db

GOOD = "een-lang-wachtwoord-voor-de-regio"


class Terminal(StringIO):
    def isatty(self) -> bool:
        return True


def _create(*args: str, stdin: StringIO | None = None) -> str:
    out = StringIO()
    call_command("user_create", *args, stdin=stdin or StringIO(GOOD + "\n"), stdout=out)
    return out.getvalue()


def test_a_functional_administrator_gets_the_management_site_and_a_logged_creation(
    world: World,
):
    office = world.users[Role.CONTRACT_MANAGER].organisation
    assert office is not None
    printed = _create(
        "--username",
        "nieuwe.beheerder",
        "--role",
        "functional_admin",
        "--organisation",
        office.code,
        "--password-stdin",
    )
    user = User.objects.get(username="nieuwe.beheerder")
    assert (user.role, user.is_staff, user.is_superuser) == (Role.FUNCTIONAL_ADMIN, True, False)
    assert user.check_password(GOOD)
    assert not user.user_permissions.filter(codename__startswith="delete_").exists()
    assert user.user_permissions.filter(codename="change_provider").exists()
    assert "Heeft toegang tot de beheeromgeving" in printed
    assert "authenticator-app" in printed
    assert ChangeRecord.objects.filter(object_pk=str(user.pk)).count() == 2  # create, grant
    assert GOOD not in str(list(ChangeRecord.objects.values_list("changes", flat=True)))


def test_the_password_is_asked_twice_on_a_terminal(world: World, monkeypatch):
    office = world.users[Role.CONTRACT_MANAGER].organisation
    assert office is not None
    answers = iter([GOOD, GOOD + "x"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    args = ("--username", "c.nieuw", "--role", "contract_manager", "--organisation", office.code)
    with pytest.raises(CommandError, match="De twee wachtwoorden verschillen"):
        _create(*args, stdin=Terminal())
    assert not User.objects.filter(username="c.nieuw").exists()
    with pytest.raises(CommandError, match="Geen terminal"):
        _create(*args, stdin=StringIO(GOOD + "\n"))


@pytest.mark.parametrize(
    ("args", "password", "message"),
    [
        (["--organisation", "bestaat-niet"], GOOD, "Onbekende organisatie 'bestaat-niet'"),
        (["--username", "beheer"], GOOD, "Gebruikersnaam 'beheer' bestaat al"),
        ([], "kort", "Dit wachtwoord is te kort: het moet minstens 12 tekens"),
        ([], "123456789012345", "bevat alleen cijfers"),
        (["--role", "provider"], GOOD, "hoort bij een organisatie van het soort Zorgaanbieder"),
    ],
)
def test_a_bad_request_is_refused_with_the_reason_and_stores_nothing(
    world: World, args, password, message
):
    office = world.users[Role.CONTRACT_MANAGER].organisation
    assert office is not None
    base = {
        "--username": "nieuw.account",
        "--role": "policy",
        "--organisation": office.code,
    }
    given = dict(zip(args[::2], args[1::2], strict=True))
    argv = [item for key, value in {**base, **given}.items() for item in (key, value)]
    users, records = User.objects.count(), ChangeRecord.objects.count()
    with pytest.raises(CommandError, match=message):
        _create(*argv, "--password-stdin", stdin=StringIO(password + "\n"))
    assert (User.objects.count(), ChangeRecord.objects.count()) == (users, records)
