# SPDX-License-Identifier: EUPL-1.2
"""Case tables for JW305/JW307 (start and stop) and JW319 (answer on a request)."""

import datetime as dt

import pytest

from ijw import MessageType
from ijw.codelists import RedenAfwijzingVerzoek, StatusAanlevering, VerzoekAntwoord
from ijw.messages import Woonplaatsbeginsel

from .rulecases import assign, duplicate, rules_after

JW305, JW307, JW319 = MessageType.JW305, MessageType.JW307, MessageType.JW319
START = "client.start_producten[0]"
STOP = "client.stop_producten[0]"

CASES = [
    (JW305, [assign("client.bsn", "999900007")], ["CS002"], "CS002 true: 305"),
    (JW307, [assign("client.bsn", "999900007")], ["CS002"], "CS002 true: 307"),
    (
        JW305,
        [assign(f"{START}.status_aanlevering", StatusAanlevering.GEWIJZIGDE_AANLEVERING)],
        ["CS058"],
        "CS058 true: status 2",
    ),
    (
        JW307,
        [assign(f"{STOP}.status_aanlevering", StatusAanlevering.NIET_VAN_TOEPASSING)],
        ["CS058"],
        "CS058 true: status 9",
    ),
    (
        JW305,
        [assign(f"{START}.status_aanlevering", StatusAanlevering.VERWIJDEREN)],
        [],
        "CS058 false: status 3",
    ),
    (JW307, [assign(f"{STOP}.einddatum", dt.date(2026, 4, 30))], ["TR018"], "TR018 true"),
    (JW307, [assign(f"{STOP}.einddatum", dt.date(2026, 5, 1))], [], "TR018 false: same day"),
    (
        JW305,
        [assign(f"{START}.begindatum", dt.date(2026, 5, 5))],
        ["TR134"],
        "TR134 true: start after the message date",
    ),
    (
        JW307,
        [assign(f"{STOP}.einddatum", dt.date(2026, 5, 5))],
        ["TR134"],
        "TR134 true: stop after the message date",
    ),
    (JW305, [duplicate(START)], ["TR101"], "TR101 true: the same start twice"),
    (
        JW305,
        [duplicate(START, status_aanlevering=StatusAanlevering.VERWIJDEREN)],
        [],
        "TR101 false: delete and new in one message",
    ),
    (JW307, [duplicate(STOP)], ["TR101"], "TR101 true: the same stop twice"),
    (
        JW319,
        [assign("antwoord.reden_afwijzing_verzoek", None)],
        ["CD085"],
        "CD085 true: rejected without a reason",
    ),
    (
        JW319,
        [assign("antwoord.verzoek_antwoord", VerzoekAntwoord.IN_ONDERZOEK)],
        ["CD086"],
        "CD086 true: under investigation with a reason",
    ),
    (
        JW319,
        [
            assign("antwoord.verzoek_antwoord", VerzoekAntwoord.IN_ONDERZOEK),
            assign("antwoord.reden_afwijzing_verzoek", None),
        ],
        [],
        "CD085 and CD086 false: under investigation",
    ),
    (
        JW319,
        [assign("antwoord.reden_afwijzing_verzoek", RedenAfwijzingVerzoek.WOONPLAATSBEGINSEL)],
        ["TR377"],
        "TR377 true: reason 8 without the municipality",
    ),
    (
        JW319,
        [
            assign("antwoord.reden_afwijzing_verzoek", RedenAfwijzingVerzoek.WOONPLAATSBEGINSEL),
            assign("antwoord.woonplaatsbeginsel", Woonplaatsbeginsel(gemeente="0363")),
        ],
        [],
        "TR377 false: reason 8 with the municipality",
    ),
    (
        JW319,
        [assign("antwoord.woonplaatsbeginsel", Woonplaatsbeginsel(gemeente="0363"))],
        ["TR409"],
        "TR409 true: municipality with reason 3",
    ),
]


@pytest.mark.parametrize(
    ("message_type", "changes", "expected"),
    [pytest.param(*case[:3], id=case[3]) for case in CASES],
)
def test_rule_case(message_type, changes, expected):
    assert rules_after(message_type, *changes) == sorted(expected)
