# SPDX-License-Identifier: EUPL-1.2
"""A finding says what is wrong, where (path and line) and under which rule, in Dutch."""

import pytest

import ijw


def _edit(samples, name, old, new):
    original = samples[name].decode()
    assert old in original
    return original.replace(old, new, 1).encode()


@pytest.mark.parametrize(
    ("old", "new", "rule", "location", "line", "words"),
    [
        (
            "<jw305:Geslacht>1</jw305:Geslacht>",
            "",
            "STRUCTUUR",
            "/JW305/Client/Geslacht",
            18,
            "verwacht Geslacht, gevonden Naam",
        ),
        (
            "<jw305:Geslacht>1</jw305:Geslacht>",
            "<jw305:Geslacht>1</jw305:Geslacht><jw305:Geslacht>1</jw305:Geslacht>",
            "STRUCTUUR",
            "/JW305/Client/Geslacht[2]",
            23,
            "verkeerde plaats of komt te vaak voor",
        ),
        (
            "<jw305:Geslacht>1</jw305:Geslacht>",
            "<ijw:Geslacht>1</ijw:Geslacht>",
            "STRUCTUUR",
            "/JW305/Client/Geslacht",
            23,
            "verkeerde namespace",
        ),
        (
            "<jw305:Geslacht>1</jw305:Geslacht>",
            "<jw305:Geslacht>7</jw305:Geslacht>",
            "CODELIJST",
            "/JW305/Client/Geslacht",
            23,
            "'7' is geen code uit LDT_Geslacht",
        ),
        (
            "<jw305:BerichtVersie>3</jw305:BerichtVersie>",
            "<jw305:BerichtVersie>4</jw305:BerichtVersie>",
            "CS025",
            "/JW305/Header/BerichtVersie",
            5,
            "voldoet niet aan '3'",
        ),
        (
            "<jw305:Header>",
            "<jw305:Header id='x'>",
            "STRUCTUUR",
            "/JW305/Header",
            3,
            "Attribuut id is niet toegestaan",
        ),
        (
            "<jw305:StartProducten>",
            "<jw305:StartProducten>tekst",
            "STRUCTUUR",
            "/JW305/Client/StartProducten",
            32,
            "mag geen tekst bevatten",
        ),
        (
            "<jw305:ToewijzingNummer>300201</jw305:ToewijzingNummer>",
            "<jw305:ToewijzingNummer>1000000000</jw305:ToewijzingNummer>",
            "BEREIK",
            "/JW305/Client/StartProducten/StartProduct[1]/ToewijzingNummer",
            34,
            "ligt buiten 0..999999999",
        ),
    ],
    ids=["missing", "twice", "namespace", "code", "version", "attribute", "text", "range"],
)
def test_schema_finding(samples, old, new, rule, location, line, words):
    message, findings = ijw.parse(_edit(samples, "JW305", old, new))

    assert message is None
    assert [(f.rule, f.code, f.location, f.line) for f in findings] == [
        (rule, "0001", location, line)
    ]
    assert words in findings[0].message


def test_a_bsn_is_not_repeated_in_the_finding(samples):
    data = _edit(samples, "JW305", ">999900006<", ">99990000X<")

    _, findings = ijw.parse(data)

    assert [f.location for f in findings] == ["/JW305/Client/Bsn"]
    assert "99990000X" not in findings[0].message
    assert "9 cijfers" in findings[0].message


def test_a_rule_finding_gets_the_line_of_its_element(samples):
    data = _edit(samples, "JW305", ">999900006<", ">999900007<")

    _, findings = ijw.parse(data)

    cs002 = [f for f in findings if f.rule == "CS002"]
    assert [(f.location, f.line, f.code) for f in cs002] == [("/JW305/Client/Bsn", 19, "0001")]
    assert "elfproef" in cs002[0].message


def test_a_finding_reads_well_and_serialises_to_json(samples):
    data = _edit(samples, "JW305", ">999900006<", ">999900007<")
    _, findings = ijw.parse(data)
    cs002 = next(f for f in findings if f.rule == "CS002")

    assert str(cs002).startswith("[CS002/0001] regel 19, /JW305/Client/Bsn: Het BSN")
    assert cs002.as_json() == {
        "code": "0001",
        "rule": "CS002",
        "location": "/JW305/Client/Bsn",
        "line": 19,
        "severity": "fout",
        "message": "Het BSN voldoet niet aan de elfproef; controleer het nummer.",
    }
