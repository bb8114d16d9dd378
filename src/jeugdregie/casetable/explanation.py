# SPDX-License-Identifier: EUPL-1.2
"""How the afwegingskader reached its outcome, in sentences for people (issue 14).

The engine's trace names rules by their codes and facts by their ids, with values as the
rule set stores them (``exception_grounds = []``, ``route = expert_team``,
``tariff = 95.00``). The case page shows it as sentences instead: per group of rules (the
U-codes are exception grounds, the I-codes content requirements, the P-codes process
requirements, and the signals), what each rule concluded and why, with every fact by its
label and value in words, and the source by its title (``core.sources``).
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db.models import TextChoices
from django.utils import dateformat
from django.utils.translation import gettext as _

from jeugdregie.casetable.constants import CareSetting, CaseKind, CaseRoute
from jeugdregie.clients.constants import ReferrerType
from jeugdregie.core.sources import source_for_people
from jeugdregie.core.templatetags.jeugdregie import euro
from jeugdregie.framework.constants import recording_role_label
from jeugdregie.framework.engine.definitions import Rule, RuleSet
from jeugdregie.framework.engine.results import Evaluation, FactUse, TraceEntry

__all__ = ["Group", "Step", "explanation", "rule_name", "signal_labels"]

# The facts whose values are codes, with the choices that name them.
FACT_CHOICES: dict[str, type[TextChoices]] = {
    "kind": CaseKind,
    "care_setting": CareSetting,
    "route": CaseRoute,
    "referrer_type": ReferrerType,
}


@dataclass(frozen=True)
class Step:
    """One rule or signal: its name, what it concluded, the facts it used, its source."""

    name: str
    conclusion: str
    facts: tuple[str, ...]
    source: str


@dataclass(frozen=True)
class Group:
    title: str
    meaning: str
    steps: tuple[Step, ...]


def _kind_of(rule_type: str, category: str | None) -> str:
    if rule_type == "exception":
        return _("Exception ground")
    if category == "process":
        return _("Process requirement")
    return _("Content requirement")


def rule_name(rule: Rule) -> str:
    """ "Exception ground U02", "Content requirement I2", "Process requirement P2a"."""
    return f"{_kind_of(rule.rule_type, rule.category)} {rule.id}"


def signal_labels(result: Evaluation) -> list[str]:
    """The signals that apply, by their labels."""
    labels = {signal.id: signal.label for signal in result.ruleset.signals}
    return [labels.get(signal, signal) for signal in result.signals]


def _euro(value: Any) -> str:
    try:
        return euro(Decimal(str(value)))
    except InvalidOperation:
        return str(value)


def _day(value: Any) -> str:
    try:
        return dateformat.format(date.fromisoformat(str(value)), "j-n-Y")
    except ValueError:
        return str(value)


def _grounds(ruleset: RuleSet) -> Callable[[Any], str]:
    labels = {rule.id: rule.label for rule in ruleset.exceptions}

    def shown(value: Any) -> str:
        grounds = [f"{g} {labels.get(g, '')}".strip() for g in value or ()]
        return "; ".join(grounds) or _("none")

    return shown


def _value(ruleset: RuleSet, fact: str, kind: str, value: Any) -> str:
    """A fact's or derived value's value in words."""
    if value is None:
        return _("unknown")
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if fact in FACT_CHOICES:
        return str(dict(FACT_CHOICES[fact].choices).get(value, value))
    shown: dict[str, Callable[[Any], str]] = {
        "date": _day,
        "money": _euro,
        "grounds": _grounds(ruleset),
    }
    return shown.get(kind, str)(value)


def _fact(ruleset: RuleSet, use: FactUse) -> str:
    definition = ruleset.facts.get(use.fact)
    label = definition.label if definition else use.fact
    text = f"{label}: {_value(ruleset, use.fact, definition.type if definition else '', use.value)}"
    if use.recorded_by_role:
        text += " " + _("(recorded by %(role)s)") % {
            "role": recording_role_label(use.recorded_by_role).lower()
        }
    if use.pending:
        text += " " + _("(judgement not recorded yet)")
    return text


def _derived(ruleset: RuleSet, derived: str, value: Any) -> str:
    definition = ruleset.derived.get(derived)
    label = definition.label if definition else derived
    return f"{label}: {_value(ruleset, derived, definition.type if definition else '', value)}"


def _conclusion(entry: TraceEntry) -> str:
    missing = _("Cannot be decided yet: information is missing.")
    if entry.rule_type == "signal":
        texts = {"true": _("Applies: a point of attention."), "false": _("Does not apply.")}
    elif entry.rule_type == "exception":
        texts = {"true": _("This ground applies."), "false": _("This ground does not apply.")}
    else:
        texts = {
            "true": _("This requirement is met."),
            "false": _("Not met: the request is rejected.")
            if entry.on_fail == "reject"
            else _("Not met: the request goes to the expert table."),
        }
    text = texts.get(entry.value, missing)
    if entry.pending:
        text += " " + _("This rests on a judgement the expert table has not recorded yet.")
    return text


def _step(ruleset: RuleSet, entry: TraceEntry, rules: dict[str, Rule]) -> Step:
    rule = rules.get(entry.rule_id)
    name = entry.label if rule is None else f"{rule_name(rule)}: {entry.label}"
    facts = [_fact(ruleset, use) for use in entry.facts]
    facts += [_derived(ruleset, derived, value) for derived, value in entry.derived]
    return Step(name, _conclusion(entry), tuple(facts), source_for_people(entry.source))


def _group_of(entry: TraceEntry, rules: dict[str, Rule]) -> str:
    rule = rules.get(entry.rule_id)
    if rule is None:
        return "signal"
    if rule.rule_type == "exception":
        return "exception"
    return "process" if rule.category == "process" else "content"


def explanation(result: Evaluation) -> list[Group]:
    """The trace of ``result`` in groups of sentences: exception grounds, content and process
    requirements, signals (groups without rules left out)."""
    ruleset = result.ruleset
    rules = {rule.id: rule for rule in ruleset.rules}
    groups: dict[str, list[Step]] = {"exception": [], "content": [], "process": [], "signal": []}
    for entry in result.trace:
        groups[_group_of(entry, rules)].append(_step(ruleset, entry, rules))
    meanings = {
        "exception": (
            _("Exception grounds (U-codes)"),
            _(
                "A ground that applies allows the request: referrer and contract management "
                "may conclude it without the expert table."
            ),
        ),
        "content": (
            _("Content requirements (I-codes)"),
            _(
                "What the care must meet. A requirement that is not met rejects the request "
                "or sends it to the expert table."
            ),
        ),
        "process": (
            _("Process requirements (P-codes)"),
            _("How the request must have been prepared and decided."),
        ),
        "signal": (
            _("Signals"),
            _("Points of attention for the expert table; they do not decide the outcome."),
        ),
    }
    return [
        Group(meanings[key][0], meanings[key][1], tuple(steps))
        for key, steps in groups.items()
        if steps
    ]
