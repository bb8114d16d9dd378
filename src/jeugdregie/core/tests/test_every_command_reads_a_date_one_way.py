# SPDX-License-Identifier: EUPL-1.2
"""Every management command that takes a date reads it through ``core.commands.command_date``:
a value that is no date, or one outside the calendar the product knows, stops the command with
one Dutch sentence naming the option and the value, before anything is changed."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from jeugdregie.audit.models import Checkpoint
from jeugdregie.budgets.models import ProviderLedger
from jeugdregie.core.commands import command_date

COMMANDS = [
    ("retention_apply", "--date", []),
    ("budget_status", "--date", []),
    ("budget_recompute", "--date", []),
    ("afweging_reminders", "--date", []),
    ("audit_prune", "--before", []),
    ("apiclient_create", "--expires", ["--organisation", "x", "--name", "x", "--scopes", "x"]),
]


def test_a_date_is_read_as_yyyy_mm_dd_and_absent_is_none():
    assert str(command_date("2026-12-07")) == "2026-12-07"
    assert command_date(None) is None
    assert command_date("") is None


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("07-12-2026", "--date '07-12-2026' is geen geldige datum; gebruik JJJJ-MM-DD."),
        ("2026-02-30", "--date '2026-02-30' is geen geldige datum; gebruik JJJJ-MM-DD."),
        ("0001-01-01", "--date '0001-01-01' valt buiten 1-1-1900 tot en met 31-12-2999."),
        ("9999-12-31", "--date '9999-12-31' valt buiten 1-1-1900 tot en met 31-12-2999."),
    ],
)
def test_a_value_that_is_no_date_is_refused_in_dutch(value, message):
    with pytest.raises(CommandError) as refused:
        command_date(value)
    assert str(refused.value) == message


@pytest.mark.django_db
@pytest.mark.parametrize(("command", "option", "rest"), COMMANDS, ids=[c[0] for c in COMMANDS])
def test_each_command_refuses_a_bad_date_and_changes_nothing(command, option, rest):
    before = (ProviderLedger.objects.count(), Checkpoint.objects.count())
    for value in ("31-12-2025", "0001-01-01"):
        with pytest.raises(CommandError, match=f"^{option} '{value}' "):
            call_command(command, option, value, *rest)
    assert (ProviderLedger.objects.count(), Checkpoint.objects.count()) == before
