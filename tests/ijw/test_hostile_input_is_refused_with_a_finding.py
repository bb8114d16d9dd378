# SPDX-License-Identifier: EUPL-1.2
"""Untrusted bytes: DTDs, entities, oversized or garbage input give a finding, never a crash."""

import time

import pytest

import ijw
from ijw.findings import FindingKind

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<lolz>&lol9;</lolz>"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<foo>&xxe;</foo>"""

EXTERNAL_DTD = b"""<?xml version="1.0"?>
<!DOCTYPE foo SYSTEM "http://example.invalid/evil.dtd">
<foo/>"""

PARAMETER_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE foo [<!ENTITY % remote SYSTEM "http://example.invalid/x.dtd"> %remote;]>
<foo/>"""

DOCTYPE_AFTER_COMMENT = b"""<?xml version="1.0"?>
<!-- <x> looks like a start tag -->
<!DOCTYPE foo [<!ENTITY e "x">]>
<foo>&e;</foo>"""

UNDECLARED_ENTITY = b"<foo>&nbsp;</foo>"


def _refused(data: bytes, **options) -> list[ijw.Finding]:
    started = time.perf_counter()
    message, findings = ijw.parse(data, **options)
    assert time.perf_counter() - started < 2
    assert message is None
    assert findings
    return findings


@pytest.mark.parametrize(
    "data",
    [BILLION_LAUGHS, EXTERNAL_ENTITY, EXTERNAL_DTD, PARAMETER_ENTITY, DOCTYPE_AFTER_COMMENT],
    ids=["billion-laughs", "external-entity", "external-dtd", "parameter-entity", "late-doctype"],
)
def test_a_doctype_is_refused(data):
    findings = _refused(data)

    assert [(f.kind, f.rule, f.code) for f in findings] == [(FindingKind.XML, "XML", "0001")]
    assert "DOCTYPE" in findings[0].message


def test_a_doctype_in_utf16_is_refused_too(samples):
    text = samples["JW305"].decode().replace('encoding="UTF-8"', 'encoding="UTF-16"')
    text = text.replace("?>", '?>\n<!DOCTYPE jw305:Bericht [<!ENTITY e "x">]>', 1)

    findings = _refused(text.encode("utf-16"))

    assert "DOCTYPE" in findings[0].message


def test_an_undeclared_entity_is_malformed_xml():
    findings = _refused(UNDECLARED_ENTITY)

    assert findings[0].kind is FindingKind.XML
    assert "welgevormde" in findings[0].message


def test_oversized_input_is_refused_before_parsing(samples):
    findings = _refused(samples["JW301"], max_bytes=1_000)

    assert "grens is 1.000 bytes" in findings[0].message


def test_the_limit_is_inclusive(samples):
    data = samples["JW305"]

    message, _ = ijw.parse(data, max_bytes=len(data))
    assert message is not None
    _refused(data, max_bytes=len(data) - 1)


def test_the_default_limit_is_ten_megabytes(samples):
    assert ijw.DEFAULT_MAX_BYTES == 10 * 1024 * 1024

    findings = _refused(samples["JW305"] + b" " * ijw.DEFAULT_MAX_BYTES)

    assert "de grens is 10.485.760 bytes" in findings[0].message


@pytest.mark.parametrize(
    "data",
    [b"", b"\x00\x01\x02", b"not xml at all", b"<a><b></a>", b"\xff\xfe\x00<", b"<?xml?>"],
    ids=["empty", "binary", "text", "unbalanced", "bad-bom", "bad-declaration"],
)
def test_garbage_is_malformed_xml(data):
    findings = _refused(data)

    assert findings[0].kind is FindingKind.XML


def test_deep_nesting_is_refused():
    depth = 5_000
    data = b"<a>" * depth + b"</a>" * depth

    findings = _refused(data)

    assert findings[0].kind is FindingKind.XML


def test_text_is_not_bytes():
    findings = _refused("<foo/>")  # type: ignore[arg-type]

    assert "bytes" in findings[0].message


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"<Bericht/>", "/Bericht"),
        (b'<Bericht xmlns="urn:other"/>', "/Bericht"),
        (b'<x:Header xmlns:x="http://www.istandaarden.nl/ijw/3_2/jw301/schema"/>', "/Header"),
        (b'<x:Bericht xmlns:x="http://www.istandaarden.nl/ijw/3_1/jw301/schema"/>', "/Bericht"),
    ],
    ids=["no-namespace", "other-namespace", "wrong-root", "release-3.1"],
)
def test_an_unknown_root_or_namespace_is_an_unknown_message(data, expected):
    findings = _refused(data)

    assert [(f.kind, f.rule, f.location) for f in findings] == [
        (FindingKind.SCHEMA, "STRUCTUUR", expected)
    ]
    assert "Onbekend bericht" in findings[0].message


def test_another_encoding_is_fine_when_it_is_declared(samples):
    text = samples["JW305"].decode().replace('encoding="UTF-8"', 'encoding="ISO-8859-1"')
    text = text.replace(">Wit<", ">Wit-Müller<")

    message, findings = ijw.parse(text.encode("iso-8859-1"))

    assert ijw.schema_valid(findings)
    assert isinstance(message, ijw.JW305)
    assert message.client.naam.geslachtsnaam.achternaam == "Wit-Müller"
