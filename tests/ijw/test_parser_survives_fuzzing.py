# SPDX-License-Identifier: EUPL-1.2
"""Hypothesis fuzz of parse(): random bytes, damaged samples (byte level) and mutated
samples (well-formed, reaching the schema checks and the rules) never raise.

Whatever parse() accepts as a message can be built again and reads back as the same
object, so nothing that reaches the domain is half-understood.
"""

import random

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

import ijw
from ijw.examples import EXAMPLES

from .mutations import mutate, roots_of
from .shared import examples_folder

SAMPLES = [path.read_bytes() for path in sorted(examples_folder().glob("JW*.xml"))]
SAMPLES += [ijw.build(make()) for make in EXAMPLES.values()]
TOKENS = [
    b"<",
    b">",
    b"</",
    b"/>",
    b"&",
    b"&amp;",
    b"&lol;",
    b"&#0;",
    b"&#13;",
    b"<!DOCTYPE x [<!ENTITY lol 'x'>]>",
    b"<![CDATA[",
    b"]]>",
    b"<!--",
    b"-->",
    b"<?pi x?>",
    b'xmlns:ijw="urn:x"',
    b' xsi:nil="true"',
    b"\xef\xbb\xbf",
    b"\x00",
    b"\xff",
    b"\xc3",
    b" ",
    b"\n",
    b"2026-02-30",
    b"999900006",
    b"<jw301:Extra/>",
]


ROOTS = list(roots_of({str(number): data for number, data in enumerate(SAMPLES)}).values())


@st.composite
def mutated_samples(draw: st.DrawFn) -> bytes:
    """Well-formed samples with values, elements or attributes changed (see mutations)."""
    rng = random.Random(draw(st.integers(min_value=0, max_value=2**32 - 1)))
    return mutate(rng.choice(ROOTS), rng)[0]


@st.composite
def damaged_samples(draw: st.DrawFn) -> bytes:
    data = bytearray(draw(st.sampled_from(SAMPLES)))
    for _ in range(draw(st.integers(min_value=1, max_value=6))):
        position = draw(st.integers(min_value=0, max_value=len(data)))
        operation = draw(st.sampled_from(["replace", "insert", "delete", "token", "cut"]))
        if operation == "replace" and position < len(data):
            data[position] = draw(st.integers(min_value=0, max_value=255))
        elif operation == "insert":
            data[position:position] = draw(st.binary(min_size=1, max_size=8))
        elif operation == "delete":
            del data[position : position + draw(st.integers(min_value=1, max_value=40))]
        elif operation == "token":
            data[position:position] = draw(st.sampled_from(TOKENS))
        else:
            del data[position:]
    return bytes(data)


FUZZ = settings(
    max_examples=10_000,
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _parse_and_check(data: bytes) -> None:
    message, findings = ijw.parse(data)

    kinds = sorted({finding.kind.value for finding in findings})
    event("message read" if message is not None else f"refused: {', '.join(kinds)}")
    assert all(isinstance(finding, ijw.Finding) for finding in findings)
    assert not [finding for finding in findings if finding.rule == "INTERN"]
    if message is None:
        assert ijw.has_errors(findings)
    else:
        assert ijw.schema_valid(findings)
        again, _ = ijw.parse(ijw.build(message))
        assert again == message


@FUZZ
@given(st.one_of(st.binary(max_size=512), damaged_samples()))
def test_parse_never_raises_on_random_or_damaged_bytes(data: bytes) -> None:
    _parse_and_check(data)


@FUZZ
@given(mutated_samples())
def test_parse_never_raises_on_mutated_samples(data: bytes) -> None:
    _parse_and_check(data)
