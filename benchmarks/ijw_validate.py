# SPDX-License-Identifier: EUPL-1.2
"""Benchmark (no database): our parse + in-message validation against lxml + official XSD.

Generates a mixed batch of messages of all 14 types (from the official samples and from
built examples, every message with its own identifiers), then times, on the same bytes:

- ours: ``ijw.parse(data)`` — hardened parsing, our schema-level checks, typed objects and
  the in-message rules;
- baseline: ``lxml.etree.fromstring`` + ``XMLSchema.validate`` with the official schema of
  the message type (schemas loaded once, before timing).

Writes ``benchmarks/results/ijw.json`` with messages per second for both and the ratio.
Both run ``--repeat`` times, alternating; the best run of each gives messages per second
(the median is reported as well). Usage:
    python benchmarks/ijw_validate.py [--messages 10000] [--repeat 5] [--xsd-dir DIR]
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import gc
import json
import os
import platform
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from lxml import etree  # noqa: E402

import ijw  # noqa: E402
from ijw.examples import example, synthetic_bsn  # noqa: E402
from ijw.messagetypes import BY_NAMESPACE  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results"
SHARED = ROOT.parent / "shared" / "ijw"


def _bases(examples_dir: Path) -> list[ijw.Message]:
    """Parsed samples (JW315 with its impossible date repaired) and built examples."""
    bases: list[ijw.Message] = []
    for path in sorted(examples_dir.glob("JW*.xml")):
        data = path.read_bytes().replace(b"2027-06-31", b"2027-06-30")
        message, findings = ijw.parse(data)
        assert message is not None, (path, findings)
        bases.append(message)
    bases.extend(example(message_type) for message_type in ijw.MessageType)
    return bases


def _vary(message: ijw.Message, number: int, bsns: list[str]) -> ijw.Message:
    """A copy with its own message id, BSN and allocation/reference numbers."""
    copy = _deepcopy(message)
    identification = copy.header.bericht_identificatie
    identification.identificatie = f"B{number:011d}"
    bsn = bsns[number % len(bsns)]
    for position, value in enumerate(_walk(copy)):
        if hasattr(value, "bsn"):
            value.bsn = bsn
        if getattr(value, "toewijzing_nummer", None) is not None:
            value.toewijzing_nummer = 100_000 + (value.toewijzing_nummer + number) % 800_000
        reference = getattr(value, "referentie_aanbieder", None)
        if isinstance(reference, str):
            value.referentie_aanbieder = f"{reference[:20]}-{number}-{position}"
    return copy


def _deepcopy(message: ijw.Message) -> ijw.Message:
    import copy

    return copy.deepcopy(message)


def _walk(value: object):  # type: ignore[no-untyped-def]
    if dataclasses.is_dataclass(value):
        yield value
        for field in dataclasses.fields(value):
            item = getattr(value, field.name)
            if isinstance(item, list):
                for element in item:
                    yield from _walk(element)
            else:
                yield from _walk(item)


def batch(count: int, examples_dir: Path) -> list[bytes]:
    bases = _bases(examples_dir)
    bsns = [synthetic_bsn(index) for index in range(200)]
    return [ijw.build(_vary(bases[number % len(bases)], number, bsns)) for number in range(count)]


def _time_once(function, messages: list[bytes]) -> float:  # type: ignore[no-untyped-def]
    gc.collect()
    started = time.perf_counter()
    for data in messages:
        function(data)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--messages", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--xsd-dir", default=os.environ.get("IJW_XSD_DIR") or str(SHARED / "xsd"))
    parser.add_argument(
        "--examples-dir", default=os.environ.get("IJW_EXAMPLES_DIR") or str(SHARED / "examples")
    )
    options = parser.parse_args()

    messages = batch(options.messages, Path(options.examples_dir))
    mix = Counter(etree.QName(etree.fromstring(data)).namespace for data in messages)

    schemas = {
        namespace: etree.XMLSchema(
            etree.parse(str(Path(options.xsd_dir) / BY_NAMESPACE[namespace].schema_file))
        )
        for namespace in mix
    }
    xml_parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)

    def baseline(data: bytes) -> bool:
        root = etree.fromstring(data, xml_parser)
        return schemas[root.tag[1:].partition("}")[0]].validate(root)

    def ours(data: bytes) -> bool:
        _, findings = ijw.parse(data)
        return not ijw.has_errors(findings)

    # Both must agree that every message in the batch is valid.
    assert all(baseline(data) for data in messages)
    assert all(ours(data) for data in messages)

    # Alternate the two in every round, so load from elsewhere on the machine hits both;
    # the best round of each is the figure (the median is reported too).
    ours_times, baseline_times = [], []
    for _ in range(options.repeat):
        ours_times.append(_time_once(ours, messages))
        baseline_times.append(_time_once(baseline, messages))
    ours_rate = len(messages) / min(ours_times)
    baseline_rate = len(messages) / min(baseline_times)
    median_ratio = statistics.median(baseline_times) / statistics.median(ours_times)
    result = {
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "messages": len(messages),
        "bytes": sum(len(data) for data in messages),
        "mix": {BY_NAMESPACE[namespace].value: count for namespace, count in sorted(mix.items())},
        "repeat": options.repeat,
        "ijw_validate": {
            "what": "ijw.parse(): hardened parse, own schema-level checks, typed objects, "
            "in-message rules",
            "seconds": [round(seconds, 3) for seconds in ours_times],
            "messages_per_second": round(ours_rate),
            "messages_per_second_median": round(len(messages) / statistics.median(ours_times)),
        },
        "lxml_xsd_baseline": {
            "what": "lxml.etree.fromstring + official XMLSchema.validate",
            "seconds": [round(seconds, 3) for seconds in baseline_times],
            "messages_per_second": round(baseline_rate),
            "messages_per_second_median": round(len(messages) / statistics.median(baseline_times)),
        },
        "ratio": round(ours_rate / baseline_rate, 3),
        "ratio_of_medians": round(median_ratio, 3),
        "target_ratio": 0.5,
        "machine": {
            "python": platform.python_version(),
            "lxml": ".".join(map(str, etree.LXML_VERSION)),
            "libxml2": ".".join(map(str, etree.LIBXML_VERSION)),
            "cpus": os.cpu_count(),
        },
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    target = RESULTS / "ijw.json"
    existing = json.loads(target.read_text()) if target.exists() else {}
    existing.update(result)
    target.write_text(json.dumps(existing, indent=2) + "\n")
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
