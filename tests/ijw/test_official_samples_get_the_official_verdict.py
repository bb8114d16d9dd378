# SPDX-License-Identifier: EUPL-1.2
"""Every official sample parses, and our schema-level verdict is the official schema's."""

import pytest

import ijw
from ijw.findings import FindingKind, Severity

SAMPLES = ["JW301", "JW302", "JW305", "JW306", "JW307", "JW308", "JW315", "JW316"]


@pytest.mark.parametrize("name", SAMPLES)
def test_sample_parses_and_gets_the_official_schema_verdict(name, samples, official_verdict):
    message, findings = ijw.parse(samples[name])

    assert ijw.schema_valid(findings) == official_verdict(samples[name])
    if ijw.schema_valid(findings):
        assert message is not None
        assert message.message_type.value == name


def test_jw315_sample_is_refused_for_the_date_that_does_not_exist(samples):
    message, findings = ijw.parse(samples["JW315"])

    assert message is None
    assert [(f.rule, f.code, f.location, f.line) for f in findings] == [
        (
            "DATATYPE",
            "0001",
            "/JW315/Client/AangevraagdeProducten/AangevraagdProduct[1]/ToewijzingEinddatum",
            44,
        ),
        (
            "DATATYPE",
            "0001",
            "/JW315/Client/AangevraagdeProducten/AangevraagdProduct[2]/ToewijzingEinddatum",
            66,
        ),
    ]
    assert "2027-06-31" in findings[0].message


def test_jw315_sample_with_the_official_schema_gives_both_verdicts(samples, xsd_dir):
    _, findings = ijw.parse(samples["JW315"], xsd_dir=xsd_dir)

    kinds = sorted((f.kind, f.line) for f in findings)
    assert kinds == [
        (FindingKind.SCHEMA, 44),
        (FindingKind.SCHEMA, 66),
        (FindingKind.XSD, 44),
        (FindingKind.XSD, 66),
    ]


def test_jw316_sample_repeats_one_referentie_aanbieder_for_two_products(samples):
    message, findings = ijw.parse(samples["JW316"])

    assert message is not None
    errors = [f for f in findings if f.is_error]
    assert [(f.rule, f.code, f.location) for f in errors] == [
        (
            "TR383",
            "0001",
            "/JW316/Client/AangevraagdeProducten/AangevraagdProduct[2]/ReferentieAanbieder",
        )
    ]
    assert "42420001" in errors[0].message


def test_jw301_sample_has_no_parent_or_guardian_for_a_minor(samples):
    message, findings = ijw.parse(samples["JW301"])

    assert message is not None
    op002 = [f for f in findings if f.rule == "OP002"]
    assert len(op002) == 1
    assert op002[0].severity is Severity.WARNING
    assert op002[0].code is None
    assert not [f for f in findings if f.is_error]


@pytest.mark.parametrize("name", ["JW301", "JW302", "JW305", "JW306", "JW307", "JW308", "JW316"])
def test_samples_carry_xsd_version_1_0_0_where_the_schemas_say_0_1_0(name, samples):
    _, findings = ijw.parse(samples[name])

    iv034 = [f for f in findings if f.rule == "IV034"]
    assert len(iv034) == 1
    assert iv034[0].severity is Severity.WARNING
    assert "1.0.0" in iv034[0].message


@pytest.mark.parametrize("name", ["JW302", "JW305", "JW306", "JW307", "JW308"])
def test_other_samples_break_no_in_message_rule(name, samples):
    _, findings = ijw.parse(samples[name])

    assert not ijw.has_errors(findings)


def test_sample_values_are_typed(samples):
    message, _ = ijw.parse(samples["JW301"])

    assert isinstance(message, ijw.JW301)
    product = message.client.toegewezen_producten[0]
    assert product.toewijzing_nummer == 300201
    assert product.ingangsdatum.isoformat() == "2026-04-01"
    assert product.toewijzingstijd.isoformat() == "12:34:56"
    assert product.omvang is not None
    assert product.omvang.eenheid is ijw.codelists.Eenheid.UUR
    assert message.header.afzender == "0384"
    assert message.client.relaties[1].soort is ijw.codelists.SoortRelatie.ANDERS
