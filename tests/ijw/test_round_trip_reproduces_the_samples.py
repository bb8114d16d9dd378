# SPDX-License-Identifier: EUPL-1.2
"""parse → build gives the sample back (after C14N canonicalisation)."""

import pytest
from lxml import etree

import ijw

VALID_SAMPLES = ["JW301", "JW302", "JW305", "JW306", "JW307", "JW308", "JW316"]


def _c14n(data: bytes) -> bytes:
    return etree.tostring(etree.fromstring(data), method="c14n")


@pytest.mark.parametrize("name", VALID_SAMPLES)
def test_parse_then_build_is_the_sample_again(name, samples):
    message, _ = ijw.parse(samples[name])
    assert message is not None

    assert _c14n(ijw.build(message)) == _c14n(samples[name])


@pytest.mark.parametrize("name", VALID_SAMPLES)
def test_c14n_2_0_agrees(name, samples):
    message, _ = ijw.parse(samples[name])
    assert message is not None

    built = etree.canonicalize(ijw.build(message).decode("utf-8"))
    assert built == etree.canonicalize(samples[name].decode("utf-8"))
