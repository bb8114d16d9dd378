# SPDX-License-Identifier: EUPL-1.2
"""Case tables for JW323/JW325 (declaration and answer) and the filling of retours (IV028)."""

import datetime as dt

import pytest

from ijw import BedragMetDC, GeslotenPeriode, MessageType, Referentie, TotaalBedragMetDC, examples
from ijw.codelists import DebetCredit, RetourCode

from .rulecases import assign, duplicate, rules_after

JW323, JW325 = MessageType.JW323, MessageType.JW325
LINE = "declaratie.clienten[0].prestaties[0]"
ANSWER = "declaratie_antwoord"
REJECTED = "declaratie_antwoord.clienten[0].prestaties[0]"
TOTAL = 76_000 + 12_000


def credit_of_first_line(message):
    """A credit on line 1 (an earlier declaration) in the same message, total adjusted."""
    lines = message.declaratie.clienten[0].prestaties
    credit = examples.jw323().declaratie.clienten[0].prestaties[0]
    credit.product_referentie = Referentie(
        referentie_nummer="PR2026050009", vorig_referentie_nummer="PR2026040001"
    )
    credit.ingediend_bedrag = BedragMetDC(bedrag=76_000, debet_credit=DebetCredit.CREDIT)
    lines.append(credit)
    message.declaratie.totaal_ingediend_bedrag = TotaalBedragMetDC(
        totaal_bedrag=TOTAL - 76_000, debet_credit=DebetCredit.DEBET
    )


def second_credit_of_the_same_line(message):
    credit_of_first_line(message)
    lines = message.declaratie.clienten[0].prestaties
    again = examples.jw323().declaratie.clienten[0].prestaties[0]
    again.product_referentie = Referentie(
        referentie_nummer="PR2026050010", vorig_referentie_nummer="PR2026040001"
    )
    again.ingediend_bedrag = BedragMetDC(bedrag=76_000, debet_credit=DebetCredit.CREDIT)
    lines.append(again)
    message.declaratie.totaal_ingediend_bedrag = TotaalBedragMetDC(
        totaal_bedrag=76_000 - 12_000, debet_credit=DebetCredit.CREDIT
    )


def credit_in_the_same_message(message):
    credit_of_first_line(message)
    lines = message.declaratie.clienten[0].prestaties
    lines[-1].product_referentie.vorig_referentie_nummer = "PR2026050001"


CASES = [
    (JW323, [assign("declaratie.clienten[0].bsn", "999900007")], ["CS002"], "CS002 true: 323"),
    (
        JW323,
        [duplicate("declaratie.clienten[0]")],
        ["TR101", "TR101", "TR101", "TR358", "TR416", "TR416"],
        "TR101 true: the same client twice (and its lines)",
    ),
    (
        JW323,
        [
            assign(
                f"{LINE}.ingediend_bedrag",
                BedragMetDC(bedrag=75_000, debet_credit=DebetCredit.DEBET),
            )
        ],
        ["TR358"],
        "TR358 true: total does not add up",
    ),
    (JW323, [credit_of_first_line], [], "TR358 false: debit minus credit"),
    (JW323, [second_credit_of_the_same_line], ["TR315"], "TR315 true: one line credited twice"),
    (JW323, [credit_in_the_same_message], ["TR316"], "TR316 true: debit and its credit"),
    (
        JW323,
        [
            duplicate(LINE, product_referentie=Referentie(referentie_nummer="PR2026050003")),
            assign(
                "declaratie.totaal_ingediend_bedrag",
                TotaalBedragMetDC(totaal_bedrag=TOTAL + 76_000, debet_credit=DebetCredit.DEBET),
            ),
        ],
        ["TR416"],
        "TR416 true: the same debit twice",
    ),
    (
        JW323,
        [
            assign(
                f"{LINE}.product_periode",
                GeslotenPeriode(begindatum=dt.date(2026, 4, 20), einddatum=dt.date(2026, 5, 10)),
            )
        ],
        ["CS337"],
        "CS337 true: line period over two months",
    ),
    (
        JW323,
        [
            assign(
                f"{LINE}.product_periode",
                GeslotenPeriode(begindatum=dt.date(2026, 5, 10), einddatum=dt.date(2026, 5, 9)),
            )
        ],
        ["CS337"],
        "CS337 true: line period ends before it starts",
    ),
    (
        JW323,
        [
            assign(
                f"{LINE}.product_periode",
                GeslotenPeriode(begindatum=dt.date(2026, 5, 10), einddatum=dt.date(2026, 5, 20)),
            )
        ],
        [],
        "CS337 false: part of a month",
    ),
    (
        JW323,
        [
            assign(
                "declaratie.declaratie_periode",
                GeslotenPeriode(begindatum=dt.date(2026, 5, 1), einddatum=dt.date(2026, 5, 30)),
            )
        ],
        ["CS340"],
        "CS340 true: not a whole month",
    ),
    (
        JW323,
        [
            assign(
                "declaratie.declaratie_periode",
                GeslotenPeriode(begindatum=dt.date(2020, 12, 1), einddatum=dt.date(2020, 12, 31)),
            )
        ],
        ["CS100"],
        "CS100 true: before 2021",
    ),
    (
        JW323,
        [
            assign(
                f"{LINE}.product_periode",
                GeslotenPeriode(begindatum=dt.date(2026, 6, 3), einddatum=dt.date(2026, 6, 30)),
            )
        ],
        ["TR134"],
        "TR134 true: line starts after the message date",
    ),
    (
        JW325,
        [
            assign(
                f"{ANSWER}.totaal_toegekend_bedrag",
                TotaalBedragMetDC(totaal_bedrag=1, debet_credit=DebetCredit.DEBET),
            )
        ],
        ["TR342"],
        "TR342 true: rejected lines do not add up",
    ),
    (
        JW325,
        [assign(f"{REJECTED}.retour_codes", [RetourCode.GEEN_OPMERKING])],
        ["TR342"],
        "TR342 true: a returned line that is not rejected",
    ),
    (
        JW325,
        [
            assign(f"{ANSWER}.clienten", []),
            assign(
                f"{ANSWER}.totaal_toegekend_bedrag",
                TotaalBedragMetDC(totaal_bedrag=TOTAL, debet_credit=DebetCredit.DEBET),
            ),
        ],
        ["TR342"],
        "TR342 true: fully granted without 8001",
    ),
    (
        JW325,
        [
            assign(f"{ANSWER}.clienten", []),
            assign(
                f"{ANSWER}.totaal_toegekend_bedrag",
                TotaalBedragMetDC(totaal_bedrag=TOTAL, debet_credit=DebetCredit.DEBET),
            ),
            assign(f"{ANSWER}.retour_codes", [RetourCode.DECLARATIE_VOLLEDIG_TOEGEWEZEN]),
        ],
        [],
        "TR342 false: fully granted with 8001",
    ),
    (
        JW325,
        [assign("header.retour_codes", [RetourCode.TECHNISCH_AFGEKEURD])],
        ["IV028", "IV028"],
        "IV028 true: 325 technical rejection with an answer and without XsltVersie",
    ),
    (
        JW325,
        [
            assign("header.retour_codes", [RetourCode.TECHNISCH_AFGEKEURD]),
            assign("header.xslt_versie", "1.0.0"),
            assign(ANSWER, None),
        ],
        [],
        "IV028 false: 325 technical rejection, header only",
    ),
]


def _retour_with_client(codes, product_codes):
    def change(message):
        primary = examples.jw315()
        client = primary.client
        client.retour_codes = [RetourCode.GEEN_OPMERKING]
        client.aangevraagde_producten[0].retour_codes = product_codes
        message.client = client
        message.header.retour_codes = codes

    return change


RETOUR_CASES = [
    (MessageType.JW316, [], [], "IV028 false: no findings, header only without codes"),
    (
        MessageType.JW316,
        [assign("header.retour_codes", [RetourCode.GEEN_OPMERKING])],
        ["IV028"],
        "IV028 true: header only with 0200",
    ),
    (
        MessageType.JW316,
        [assign("header.retour_codes", [RetourCode.C8848])],
        [],
        "IV028 false: header error code",
    ),
    (
        MessageType.JW306,
        [assign("header.retour_codes", [RetourCode.TECHNISCH_AFGEKEURD])],
        ["IV028"],
        "IV028 true: 0001 without XsltVersie",
    ),
    (
        MessageType.JW306,
        [
            assign("header.retour_codes", [RetourCode.TECHNISCH_AFGEKEURD]),
            assign("header.xslt_versie", "1.0.0"),
        ],
        [],
        "IV028 false: 0001 with XsltVersie",
    ),
    (
        MessageType.JW316,
        [_retour_with_client([RetourCode.GEEN_OPMERKING], [RetourCode.C9347])],
        [],
        "IV028 false: a rejected product returned",
    ),
    (
        MessageType.JW316,
        [_retour_with_client([RetourCode.GEEN_OPMERKING], [RetourCode.GEEN_OPMERKING])],
        ["IV028"],
        "IV028 true: a client returned without any rejection",
    ),
    (
        MessageType.JW316,
        [_retour_with_client([RetourCode.C9347], [RetourCode.C9347])],
        ["IV028"],
        "IV028 true: client returned, header not 0200",
    ),
]


@pytest.mark.parametrize(
    ("message_type", "changes", "expected"),
    [pytest.param(*case[:3], id=case[3]) for case in CASES + RETOUR_CASES],
)
def test_rule_case(message_type, changes, expected):
    assert rules_after(message_type, *changes) == sorted(expected)
