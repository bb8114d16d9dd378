# SPDX-License-Identifier: EUPL-1.2
"""Every message type built from Python objects validates against the official schema."""

import dataclasses

import pytest
from lxml import etree

import ijw
from ijw import examples
from ijw.examples import example
from ijw.schema import validate_official


@pytest.mark.parametrize("message_type", list(ijw.MessageType), ids=str)
def test_built_message_validates_against_the_official_schema(message_type, xsd_dir):
    data = ijw.build(example(message_type))

    tree = etree.ElementTree(etree.fromstring(data))
    assert validate_official(tree, message_type, xsd_dir) == []


@pytest.mark.parametrize("message_type", list(ijw.MessageType), ids=str)
def test_built_message_reads_back_as_the_same_object_without_findings(message_type):
    message = example(message_type)

    parsed, findings = ijw.parse(ijw.build(message))

    assert findings == []
    assert parsed == message


def test_output_is_utf8_without_bom_and_namespace_qualified():
    data = ijw.build(example(ijw.MessageType.JW315))

    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<jw315:Bericht')
    root = etree.fromstring(data)
    assert root.nsmap == {
        "ijw": "http://www.istandaarden.nl/ijw/3_2/basisschema/schema",
        "jw315": "http://www.istandaarden.nl/ijw/3_2/jw315/schema",
    }
    assert all(etree.QName(element).namespace for element in root.iter())
    assert root.findtext("{*}Header/{*}BerichtCode") == "446"
    assert root.findtext("{*}Header/{*}BerichtIdentificatie/{*}Identificatie") == "BER000000001"


def test_non_ascii_text_is_written_as_utf8():
    message = examples.jw315()
    message.client.naam.geslachtsnaam.achternaam = "Çelik-Öztürk"

    data = ijw.build(message)

    assert "Çelik-Öztürk".encode() in data
    parsed, _ = ijw.parse(data)
    assert parsed == message


def test_build_refuses_a_message_that_breaks_the_schema():
    message = examples.jw315()
    message.client.bsn = "12345"

    with pytest.raises(ijw.BuildError) as refused:
        ijw.build(message)

    assert refused.value.findings[0].location == "/JW315/Client/Bsn"
    assert refused.value.findings[0].rule == "PATROON"


def test_build_refuses_a_missing_required_list():
    message = examples.jw305()
    message.client.start_producten = []

    with pytest.raises(ijw.BuildError, match="StartProducten is verplicht"):
        ijw.build(message)


def test_build_refuses_retour_codes_in_a_primary_message():
    message = examples.jw315()
    message.client.retour_codes = [ijw.codelists.RetourCode.GEEN_OPMERKING]

    with pytest.raises(ijw.BuildError, match="retourbericht"):
        ijw.build(message)


def test_check_reports_rules_of_a_message_built_in_python():
    message = examples.jw315()
    second = dataclasses.replace(message.client.aangevraagde_producten[0])
    message.client.aangevraagde_producten.append(second)

    rules = sorted({finding.rule for finding in ijw.check(message)})

    assert rules == ["TR101", "TR383", "TR386"]


def test_amounts_are_eurocents_and_convert_to_decimal_euros():
    from decimal import Decimal

    line = examples.jw323().declaratie.clienten[0].prestaties[0]

    assert line.product_tarief == 9_500
    assert ijw.euros(line.product_tarief) == Decimal("95.00")
    assert ijw.cents(Decimal("95.005")) == 9_501
