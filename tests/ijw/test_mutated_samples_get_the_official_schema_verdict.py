# SPDX-License-Identifier: EUPL-1.2
"""Differential test: thousands of mutated samples, our schema-level verdict against
lxml + the official XSD, variant by variant.

Bases: the eight official samples, the JW315 sample with its impossible date repaired, and
a built example of each of the 14 types (six types have no official sample). Our verdict
is "no finding of the XML or schema kind"; a ``LIMIT`` finding (a schema-valid year after
9999, the time 24:00:00) is not a schema verdict.
"""

from collections import Counter

import pytest

import ijw
from ijw.examples import example
from ijw.hardening import read_xml
from ijw.reader import read_message
from tests.ijw.mutations import variants

VARIANTS = 10_000
SEED = 20_261_125


@pytest.fixture(scope="module")
def bases(samples):
    found = dict(samples)
    found["JW315-hersteld"] = samples["JW315"].replace(b"2027-06-31", b"2027-06-30")
    for message_type in ijw.MessageType:
        found[f"{message_type.value}-voorbeeld"] = ijw.build(example(message_type))
    return found


def test_our_verdict_equals_the_official_schema_on_every_variant(bases, official_verdict):
    counts: Counter[str] = Counter()
    disagreements = []
    for description, data in variants(bases, VARIANTS, SEED):
        official = official_verdict(data)
        _, findings = ijw.parse(data)
        ours = ijw.schema_valid(findings)
        counts["valid" if official else "invalid"] += 1
        counts["agree" if ours == official else "disagree"] += 1
        if ours != official:
            disagreements.append((description, official, [str(f) for f in findings][:3]))
        crashed = [f for f in findings if f.rule == "INTERN"]
        if crashed:
            disagreements.append((description, "rule crashed", [str(f) for f in crashed]))

    print(  # noqa: T201 -- the counts are part of the report
        f"\ndifferential: {VARIANTS} variants, {counts['valid']} valid and "
        f"{counts['invalid']} invalid by the official schema, {counts['agree']} agreements"
    )
    assert disagreements == []
    assert counts["agree"] == VARIANTS
    assert counts["valid"] >= VARIANTS // 10
    assert counts["invalid"] >= VARIANTS // 2


def test_the_generated_reader_and_the_explaining_reader_agree_on_every_variant(bases):
    """The fast path (generated code) gives the same message as the reader that explains,
    and gives up exactly when that reader finds something."""
    counts: Counter[str] = Counter()
    for description, data in variants(bases, VARIANTS // 2, SEED + 1):
        tree, _ = read_xml(data)
        assert tree is not None, description
        fast, fast_findings = read_message(tree)
        slow, slow_findings = read_message(tree, fast=False)
        assert fast == slow, description
        assert fast_findings == slow_findings, description
        counts["read" if fast is not None else "refused"] += 1

    print(f"\nfast path: {counts['read']} read, {counts['refused']} refused")  # noqa: T201
    assert counts["read"] >= VARIANTS // 20


def test_the_variants_are_deterministic(bases):
    first = [data for _, data in variants(bases, 50, SEED)]
    again = [data for _, data in variants(bases, 50, SEED)]

    assert first == again
