# SPDX-License-Identifier: EUPL-1.2
"""Decide a case of the afwegingskader: the table's decision on its agenda, or contract
management's direct decision. The expert table records the decision
(``casetable.services``); an approval then makes what it means, in the same transaction:
the light contract and its allocation, or the nee-tenzij grant and its allocation on its own
budget line (issue 5 Build 4), through ``allocation_grant``."""

from django.db import transaction
from django.utils.translation import gettext as _

from jeugdregie.accounts.models import User
from jeugdregie.budgets.exceptions import exception_grant_for_case
from jeugdregie.casetable.constants import CaseKind, CaseStatus, TableDecision
from jeugdregie.casetable.models import AgendaItem, Case
from jeugdregie.casetable.services import (
    agenda_decision_record,
    case_conclusion_record,
    case_decision_record_direct,
)
from jeugdregie.contracting.constants import ContractKind
from jeugdregie.contracting.services import contract_create
from jeugdregie.workflows.allocations import allocation_grant

__all__ = ["agenda_decide", "case_decide_direct"]


def _conclude(*, actor: User, case: Case) -> None:
    """Make what an approval means: the light contract and allocation, or the nee-tenzij
    grant and its allocation on its own budget line (issue 5 Build 4)."""
    contract, exception = None, None
    if case.kind == CaseKind.LIGHT_CONTRACT:
        contract = contract_create(
            actor=actor,
            region=case.region,
            provider=case.provider,
            kind=ContractKind.LIGHT,
            reference=case.number,
            lots=[case.product.lot],
            start=case.start,
            end=case.end,
        )
    else:
        exception = exception_grant_for_case(
            actor=actor,
            region=case.region,
            provider=case.provider,
            youth=case.youth,
            product=case.product,
            reason=_("Ceiling overrun %(number)s approved: %(motivation)s")
            % {"number": case.number, "motivation": case.decision_motivation},
        )
    allocation = allocation_grant(
        actor=actor,
        youth=case.youth,
        provider=case.provider,
        product=case.product,
        start=case.start,
        end=case.end,
        volume=case.volume,
        frequency=case.frequency,
        unit_price=case.tariff,
        ceiling_exception=exception,
    )
    case_conclusion_record(
        actor=actor,
        case=case,
        allocation=allocation,
        contract=contract,
        ceiling_exception=exception,
    )


@transaction.atomic
def agenda_decide(*, actor: User, item: AgendaItem, decision: str, motivation: str) -> AgendaItem:
    """The table's decision on a case: approve, reject or postpone, always motivated."""
    item = agenda_decision_record(actor=actor, item=item, decision=decision, motivation=motivation)
    if item.decision == TableDecision.APPROVE:
        _conclude(actor=actor, case=item.case)
    return item


@transaction.atomic
def case_decide_direct(
    *, actor: User, case: Case, approve: bool, motivation: str, urgent: bool = False
) -> Case:
    """Contract management concludes without the table: an exception applies or every
    requirement is met, or on the urgent route (the case is reported at the next meeting)."""
    case = case_decision_record_direct(
        actor=actor, case=case, approve=approve, motivation=motivation, urgent=urgent
    )
    if case.status == CaseStatus.APPROVED:
        _conclude(actor=actor, case=case)
    return case
