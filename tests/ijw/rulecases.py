# SPDX-License-Identifier: EUPL-1.2
"""Helpers for the rule case tables: start from a valid example, change it, check it."""

import copy
from collections.abc import Callable
from typing import Any

import ijw
from ijw.examples import example

Change = Callable[[Any], None]


def rules_after(message_type: ijw.MessageType, *changes: Change) -> list[str]:
    """The rule ids reported for the example of ``message_type`` after ``changes``."""
    message = example(message_type)
    for change in changes:
        change(message)
    findings = ijw.check(message)
    return sorted(finding.rule for finding in findings)


def assign(path: str, value: object) -> Change:
    """Set an attribute by dotted path (``client.bsn``; ``[n]`` indexes a list)."""

    def change(message: Any) -> None:
        target = message
        *steps, last = path.split(".")
        for step in steps:
            target = _step(target, step)
        name, _, index = last.partition("[")
        if index:
            getattr(target, name)[int(index.rstrip("]"))] = copy.deepcopy(value)
        else:
            setattr(target, name, copy.deepcopy(value))

    return change


def _step(target: Any, step: str) -> Any:
    name, _, index = step.partition("[")
    value = getattr(target, name)
    return value[int(index.rstrip("]"))] if index else value


def duplicate(path: str, **changes: object) -> Change:
    """Append a copy of the list item at ``path`` (``client.relaties[0]``), changed."""

    def change(message: Any) -> None:
        *steps, last = path.split(".")
        target = message
        for step in steps:
            target = _step(target, step)
        name, _, index = last.partition("[")
        items = getattr(target, name)
        twin = copy.deepcopy(items[int(index.rstrip("]"))])
        for attribute, value in changes.items():
            setattr(twin, attribute, copy.deepcopy(value))
        items.append(twin)

    return change


def call(function: Callable[[Any], None]) -> Change:
    return function
