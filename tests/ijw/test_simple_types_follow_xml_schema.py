# SPDX-License-Identifier: EUPL-1.2
"""Leaf values at the edges of XML Schema 1.0, judged by us and by the official schema."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ijw
from ijw import simpletypes
from ijw.lexical import LexicalError, SimpleType

# (element in JW301.xml with its current text, new text)
DATE = "<ijw:Dagtekening>2026-04-01<"
NUMBER = "<jw301:ToewijzingNummer>300201<"
TIME = "<jw301:Toewijzingstijd>12:34:56<"
NAME = "<ijw:Voornamen>Tom<"
INITIALS = "<ijw:Voorletters>T<"
COMMENT = "<jw301:Commentaar>Commentaar client<"
CODE = "<jw301:Geslacht>1<"
VERSION = "<jw301:BerichtVersie>3<"
MESSAGE_CODE = "<jw301:BerichtCode>436<"
PHONE = "<ijw:Telefoonnummer>0201234567<"

CASES = [
    (DATE, "2024-02-29"),
    (DATE, "2100-02-29"),
    (DATE, "2000-02-29"),
    (DATE, "0000-01-01"),
    (DATE, "-0001-04-01"),
    (DATE, "-0004-02-29"),
    (DATE, "-0001-02-29"),
    (DATE, "10000-04-01"),
    (DATE, "02026-04-01"),
    (DATE, "+2026-04-01"),
    (DATE, " 2026-04-01\n\t"),
    (DATE, "2026-04-1"),
    (DATE, "2026-04-01Z"),
    (DATE, "2026-04-01+01:00"),
    (DATE, "2026-04-01T00:00:00"),
    (DATE, "2026-04-01&#13;"),
    (DATE, "2026-04-01\u00a0"),
    (DATE, "<!--c-->2026-<!--c-->04-01"),
    (DATE, "<![CDATA[2026-04-01]]>"),
    (NUMBER, "+300201"),
    (NUMBER, "-0"),
    (NUMBER, "-1"),
    (NUMBER, "999999999"),
    (NUMBER, "1000000000"),
    (NUMBER, "0000000000000000000000000000300201"),
    (NUMBER, "99999999999999999999999999999"),
    (NUMBER, "3e5"),
    (NUMBER, "300201."),
    (NUMBER, ""),
    (NUMBER, "\u0663"),
    (NUMBER, "3 0"),
    (TIME, "24:00:00"),
    (TIME, "24:00:00.5"),
    (TIME, "23:59:60"),
    (TIME, "12:34"),
    (TIME, "12:34:56.789"),
    (TIME, "12:34:56."),
    (TIME, "12:34:56Z"),
    (TIME, " 12:34:56 "),
    (NAME, " "),
    (NAME, "\t"),
    (NAME, "\u00a0"),
    (NAME, "To\nm"),
    (NAME, "To&#13;m"),
    (NAME, "\tTom\t"),
    (NAME, "\u2003"),
    (NAME, "\U0001f600" * 200),
    (NAME, "\U0001f600" * 201),
    (INITIALS, "\u00c0\u1ef3"),
    (INITIALS, "\u1ef4"),
    (INITIALS, "\u00d7"),
    (INITIALS, "ABCDEFG"),
    (INITIALS, "T "),
    (COMMENT, " \n "),
    (COMMENT, "..."),
    (COMMENT, "\u00a0"),
    (COMMENT, "a\nb\r\n"),
    (CODE, " 1"),
    (CODE, "1 "),
    (CODE, "3"),
    (VERSION, " 3 "),
    (VERSION, "+3"),
    (VERSION, "03"),
    (MESSAGE_CODE, " 436"),
    (MESSAGE_CODE, "437"),
    (PHONE, ""),
    (PHONE, "020-1234567"),
]


@pytest.mark.parametrize(("element", "text"), CASES, ids=[f"{c[0][1:-1]}={c[1]!r}" for c in CASES])
def test_our_verdict_on_an_edge_value_is_the_official_one(element, text, samples, official_verdict):
    original = samples["JW301"].decode()
    assert element in original
    data = original.replace(element, element[:-1] + text + "<", 1).encode()

    _, findings = ijw.parse(data)

    assert ijw.schema_valid(findings) == official_verdict(data)


def test_a_valid_year_after_9999_is_refused_as_a_limit_not_as_a_schema_error(samples):
    data = samples["JW305"].replace(
        b"2026-04-15</ijw:Dagtekening>", b"10000-04-15</ijw:Dagtekening>"
    )

    message, findings = ijw.parse(data)

    assert message is None
    assert ijw.schema_valid(findings)
    assert [(f.kind, f.rule) for f in findings] == [(ijw.FindingKind.LIMIT, "IJW-DATUM")]


STRING_TYPES = {
    name: value
    for name, value in vars(simpletypes).items()
    if isinstance(value, SimpleType) and value.check is not None
}
XML_CHARACTERS = st.characters(
    blacklist_categories=["Cs"], blacklist_characters="\x00"
) | st.sampled_from([" ", "\t", "\n", "\r", "\u00a0", "0", "9", "a", "Z", ".", "-"])


def _verdict(read, text):
    try:
        return read(text)
    except LexicalError as error:
        return error.rule


@settings(max_examples=500, deadline=None, database=None, derandomize=True)
@given(st.sampled_from(sorted(STRING_TYPES)), st.text(XML_CHARACTERS, max_size=40))
def test_the_fast_path_of_a_string_type_agrees_with_its_facets(name, text):
    simple_type = STRING_TYPES[name]
    assert simple_type.check is not None

    assert _verdict(simple_type.read, text) == _verdict(simple_type.check, text)
