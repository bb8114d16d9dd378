# SPDX-License-Identifier: EUPL-1.2
"""Evaluating a case under a rule set (spec §6, §7): three-valued, every rule, explained.

- Every exception and every requirement is evaluated (no short-circuit) to true, false or
  unknown (`None`). A rule that does not apply to the case's kind is false for an exception
  and passes for a requirement; with the kind unknown that is itself unknown.
- Judgement facts count only when recorded by a role of the rule set's
  `judgement_settled_by` with a motivation; otherwise they are *pending*: a rule whose value
  depends on a pending fact keeps its provisional value but is marked pending.
- The outcome follows §7 (see `decide`); `questions` are the unknown facts that can still
  change the outcome (see `_questions`).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from jeugdregie.framework.engine.cases import Case, FactValue
from jeugdregie.framework.engine.definitions import Rule, RuleSet, Signal
from jeugdregie.framework.engine.expressions import kleene_and, kleene_not, kleene_or
from jeugdregie.framework.engine.results import (
    Evaluation,
    FactUse,
    RuleState,
    TraceEntry,
    json_value,
    state_text,
)
from jeugdregie.framework.engine.rulesets import Registry, default_registry

UITZONDERING = "uitzondering"
VOLDAAN = "voldaan"
AFGEWEZEN = "afgewezen"
ONVOLDOENDE_INFORMATIE = "onvoldoende_informatie"
VOORLEGGEN = "voorleggen"
OUTCOMES = (UITZONDERING, VOLDAAN, AFGEWEZEN, ONVOLDOENDE_INFORMATIE, VOORLEGGEN)


class EvaluationError(ValueError):
    """A case that cannot be evaluated under the (selected) rule set."""


class _Context:
    """Fact values (None = unknown) with lazily computed derived values."""

    __slots__ = ("_cache", "ruleset", "values")

    def __init__(self, ruleset: RuleSet, values: dict[str, Any]) -> None:
        self.ruleset = ruleset
        self.values = values
        self._cache: dict[str, Any] = {}

    def fact(self, fact_id: str) -> Any:
        return self.values.get(fact_id)

    def derived(self, derived_id: str) -> Any:
        try:
            return self._cache[derived_id]
        except KeyError:
            value = self.ruleset.derived[derived_id].compute(self)
            self._cache[derived_id] = value
            return value

    def param(self, param_id: str) -> Any:
        return self.ruleset.parameters[param_id].value

    def claimed(self, ground_id: str) -> bool | None:
        grounds = self.values.get("exception_grounds")
        return None if grounds is None else ground_id in grounds


def rule_value(rule: Rule, ruleset: RuleSet, ctx: _Context) -> bool | None:
    condition = rule.condition(ctx)
    if condition is not None and not isinstance(condition, bool):
        raise EvaluationError(f"Regel {rule.id}: de voorwaarde geeft geen ja/nee.")
    if rule.applies_to.issuperset(ruleset.kinds):
        applies: bool | None = True
    else:
        kind = ctx.values.get("kind")
        applies = None if kind is None else kind in rule.applies_to
    if rule.rule_type == "exception":
        return kleene_and([applies, condition])
    return kleene_or([kleene_not(applies), condition])


def decide(states: Iterable[RuleState]) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """Spec §7: (outcome, applying exceptions, reasons) from the rule states.

    1. some exception true -> uitzondering (every applying ground);
    2. every requirement true and settled -> voldaan;
    3. a settled `reject` requirement false -> afgewezen with every failed requirement, or
       onvoldoende_informatie (same reasons, provisional) while some exception is unknown;
    4. some requirement unknown -> onvoldoende_informatie (reasons: failed ones, if any);
    5. otherwise (a `refer` requirement false or a judgement pending) -> voorleggen with
       the failed and pending requirements.
    """
    applying: list[str] = []
    failed: list[str] = []
    failed_or_pending: list[str] = []
    exception_unknown = requirement_unknown = rejected = False
    for state in states:
        rule, value = state.rule, state.value
        if rule.rule_type == "exception":
            if value is True:
                applying.append(rule.id)
            elif value is None:
                exception_unknown = True
        elif state.pending:
            failed_or_pending.append(rule.id)
        elif value is None:
            requirement_unknown = True
        elif value is False:
            failed.append(rule.id)
            failed_or_pending.append(rule.id)
            rejected = rejected or rule.on_fail == "reject"
    if applying:
        return UITZONDERING, tuple(applying), ()
    if not failed_or_pending and not requirement_unknown:
        return VOLDAAN, (), ()
    if rejected:
        return (ONVOLDOENDE_INFORMATIE if exception_unknown else AFGEWEZEN), (), tuple(failed)
    if requirement_unknown:
        return ONVOLDOENDE_INFORMATIE, (), tuple(failed)
    return VOORLEGGEN, (), tuple(failed_or_pending)


def _decisive(states: list[RuleState], index: int) -> bool:
    """Can the unknown rule at `index` change the outcome? It is compared in the completion
    where it weighs most: other unknown exceptions false, other unknown requirements true."""
    completed = [
        s
        if s.value is not None
        else RuleState(s.rule, s.rule.rule_type == "requirement", pending=False)
        for s in states
    ]
    rule = states[index].rule
    completed[index] = RuleState(rule, True, pending=False)
    if_true = decide(completed)[0]
    completed[index] = RuleState(rule, False, pending=False)
    return decide(completed)[0] != if_true


def _candidates(ruleset: RuleSet, fact_id: str, request_date: date | None) -> list[Any]:
    fact = ruleset.facts[fact_id]
    literals = ruleset.literals.get(fact_id, ())
    if fact.type == "bool":
        return [True, False]
    if fact.type == "enum":
        return list(fact.values)
    if fact.type == "grounds":
        return [(), *((rule.id,) for rule in ruleset.exceptions)]
    if fact.type == "int":
        numbers = {0, 10**6}
        for literal in literals:
            if isinstance(literal, int):
                numbers |= {literal - 1, literal, literal + 1}
        return sorted(numbers)
    if fact.type == "money":
        amounts = {Decimal(0), Decimal(10**9)}
        amounts |= {p.value for p in ruleset.parameters.values() if p.type == "money"}
        return sorted(amounts)
    if fact.type == "date":
        base = request_date or date(2000, 1, 1)
        return [base + timedelta(days=d) for d in (-36500, -1, 0, 1, 36500)]
    return []  # pragma: no cover


JOINT_CHECK_LIMIT = 256  # combinations tried for facts that settle a rule only together


def _settles(
    rule: Rule, ruleset: RuleSet, values: dict[str, Any], assignment: dict[str, Any]
) -> bool:
    return rule_value(rule, ruleset, _Context(ruleset, {**values, **assignment})) is not None


def _questions(
    ruleset: RuleSet,
    states: list[RuleState],
    values: dict[str, Any],
    request_date: date | None,
    outcome: str,
) -> tuple[str, ...]:
    """Unknown facts that can still change the outcome, those of exceptions first.

    A rule is considered when it is unknown and decisive (`_decisive`). Of its unknown facts
    those are asked that settle the rule on their own for some value, and the others when
    they settle it together for some combination of values (e.g. the two tariffs of P2b).
    Within a rule the facts keep the order of the rule set file. A fact with a pending
    judgement is not a question: it is known, it waits to be settled (see `reasons`).

    When no unknown rule is decisive but a requirement is unknown (§7.4: the outcome is
    still `onvoldoende_informatie`, e.g. an unknown `refer` requirement next to a failed
    one), the facts of every unknown rule are asked: only their answers end that outcome.
    """
    questions: dict[str, None] = {}
    position = {fact_id: n for n, fact_id in enumerate(ruleset.facts)}
    order = sorted(range(len(states)), key=lambda i: states[i].rule.rule_type != "exception")
    unknown_rules = [i for i in order if states[i].value is None]
    decisive = [i for i in unknown_rules if _decisive(states, i)]
    if not decisive and outcome == ONVOLDOENDE_INFORMATIE:
        decisive = unknown_rules
    for index in decisive:
        rule = states[index].rule
        unknown = sorted(
            (f for f in rule.facts if f in position and values.get(f) is None),
            key=position.__getitem__,
        )
        candidates = {f: _candidates(ruleset, f, request_date) for f in unknown}
        alone = {
            f
            for f in unknown
            if any(_settles(rule, ruleset, values, {f: c}) for c in candidates[f])
        }
        rest = [f for f in unknown if f not in alone]
        together = False
        if rest:
            combinations = 1
            for f in rest:
                combinations *= len(candidates[f])
            together = combinations > JOINT_CHECK_LIMIT or any(
                _settles(rule, ruleset, values, dict(zip(rest, combo, strict=True)))
                for combo in itertools.product(*(candidates[f] for f in rest))
            )
        for fact_id in unknown:
            if fact_id in alone or together:
                questions.setdefault(fact_id, None)
    return tuple(questions)


def _is_settled(ruleset: RuleSet, fact_id: str, fact: FactValue) -> bool:
    definition = ruleset.facts.get(fact_id)
    if definition is None or not definition.judgement:
        return True
    return fact.recorded_by_role in ruleset.judgement_settled_by and bool(fact.motivation)


def _fact_uses(case: Case, ruleset: RuleSet, pending_facts: set[str]) -> dict[str, FactUse]:
    """The trace's view of every fact of the rule set, built once per evaluation."""
    uses: dict[str, FactUse] = {}
    for fact_id in ruleset.facts:
        fact = case.facts.get(fact_id)
        if fact is None:
            uses[fact_id] = FactUse(fact_id, None, None, pending=False)
        else:
            uses[fact_id] = FactUse(
                fact_id, json_value(fact.value), fact.recorded_by_role, fact_id in pending_facts
            )
    return uses


def _ruleset_for(case: Case, registry: Registry) -> RuleSet:
    """The version that holds on the case's request date."""
    request_date = case.request_date
    if request_date is None:
        raise EvaluationError(
            "Feit 'request_date' (aanvraagdatum) ontbreekt: zonder aanvraagdatum is niet "
            "te bepalen welke versie van het afwegingskader geldt."
        )
    return registry.select(request_date)


def _check_kind(case: Case, ruleset: RuleSet) -> None:
    kind = case.value("kind")
    if kind is not None and kind not in ruleset.kinds:
        raise EvaluationError(
            f"Soort aanvraag '{kind}' bestaat niet in versie {ruleset.version} van het "
            f"afwegingskader (wel: {', '.join(ruleset.kinds)})."
        )


def _rule_states(
    ruleset: RuleSet, settled_ctx: _Context, provisional_ctx: _Context, pending_facts: set[str]
) -> list[RuleState]:
    """Every rule's value on the settled facts; a rule that is unknown only for want of a
    pending judgement takes its value on the provisional facts and is marked pending."""
    states: list[RuleState] = []
    for rule in ruleset.rules:
        value = rule_value(rule, ruleset, settled_ctx)
        pending = False
        if value is None and pending_facts.intersection(rule.facts):
            value = rule_value(rule, ruleset, provisional_ctx)
            pending = value is not None
        states.append(RuleState(rule, value, pending))
    return states


def _trace(
    states: list[RuleState],
    signal_values: list[tuple[Signal, Any]],
    uses: dict[str, FactUse],
    ctx: _Context,
) -> tuple[TraceEntry, ...]:
    """One entry per rule, then one per signal: its value, the facts and derived values it
    read, and its source."""
    trace: list[TraceEntry] = []
    for state in states:
        rule = state.rule
        trace.append(
            TraceEntry(
                rule.id,
                rule.rule_type,
                rule.label,
                state_text(state.value),
                state.pending,
                rule.on_fail,
                tuple(map(uses.__getitem__, rule.facts)),
                tuple((d, json_value(ctx.derived(d))) for d in rule.derived),
                rule.source,
            )
        )
    for signal, value in signal_values:
        trace.append(
            TraceEntry(
                signal.id,
                "signal",
                signal.label,
                state_text(value),
                False,
                None,
                tuple(map(uses.__getitem__, signal.facts)),
                tuple((d, json_value(ctx.derived(d))) for d in signal.derived),
                signal.source,
            )
        )
    return tuple(trace)


def evaluate(
    case: Case, ruleset: RuleSet | None = None, *, registry: Registry | None = None
) -> Evaluation:
    """Evaluate `case`; the rule set is chosen by its request date unless one is given."""
    if ruleset is None:
        ruleset = _ruleset_for(case, registry or default_registry())
    _check_kind(case, ruleset)
    provisional = {fid: fv.value for fid, fv in case.facts.items() if fid in ruleset.facts}
    pending_facts = {fid for fid, fv in case.facts.items() if not _is_settled(ruleset, fid, fv)}
    settled_values = {fid: v for fid, v in provisional.items() if fid not in pending_facts}
    settled_ctx = _Context(ruleset, settled_values)
    provisional_ctx = _Context(ruleset, provisional) if pending_facts else settled_ctx

    states = _rule_states(ruleset, settled_ctx, provisional_ctx, pending_facts)
    outcome, exceptions, reasons = decide(states)
    questions = (
        ()
        if outcome == UITZONDERING
        else _questions(ruleset, states, provisional, case.request_date, outcome)
    )
    signal_values = [(signal, signal.condition(provisional_ctx)) for signal in ruleset.signals]
    signals = tuple(signal.id for signal, value in signal_values if value is True)

    trace = _trace(states, signal_values, _fact_uses(case, ruleset, pending_facts), provisional_ctx)
    return Evaluation(
        case=case,
        ruleset=ruleset,
        outcome=outcome,
        exceptions=exceptions,
        reasons=reasons,
        questions=questions,
        signals=signals,
        states=tuple(states),
        trace=trace,
    )


def questions_for(case: Case, ruleset: RuleSet | None = None) -> list[tuple[str, str]]:
    """The Dutch questions a request form should still ask for `case`."""
    return evaluate(case, ruleset).question_texts()


def evaluate_many(
    cases: Iterable[Case], ruleset: RuleSet
) -> Iterable[tuple[Case, Evaluation | None, str | None]]:
    """Evaluate cases under one given version; an unevaluable case yields its error text."""
    for case in cases:
        try:
            yield case, evaluate(case, ruleset), None
        except EvaluationError as exc:
            yield case, None, str(exc)


def states_by_rule(evaluation: Evaluation) -> Mapping[str, str]:
    return {s.rule.id: state_text(s.value) for s in evaluation.states}
