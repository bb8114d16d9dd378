# SPDX-License-Identifier: EUPL-1.2
"""Receipts are append-only: no save of an existing one, no delete, no bulk update or
delete through the application; the stored row stays as it was."""

import pytest

from jeugdregie.audit.models import AppendOnlyError
from jeugdregie.framework.models import EvaluationReceipt
from jeugdregie.framework.services import evaluate_and_record
from jeugdregie.framework.tests.examples import as_case, case_data

pytestmark = pytest.mark.django_db


def test_a_stored_receipt_cannot_be_changed_or_deleted():
    _, receipt = evaluate_and_record(case=as_case(case_data()))
    original = EvaluationReceipt.objects.values().get(pk=receipt.pk)

    receipt.outcome = "afgewezen"
    with pytest.raises(AppendOnlyError):
        receipt.save()
    with pytest.raises(AppendOnlyError):
        receipt.delete()
    with pytest.raises(AppendOnlyError):
        EvaluationReceipt.objects.filter(pk=receipt.pk).update(outcome="afgewezen")
    with pytest.raises(AppendOnlyError):
        EvaluationReceipt.objects.filter(pk=receipt.pk).delete()
    with pytest.raises(AppendOnlyError):
        EvaluationReceipt.objects.all().delete()
    with pytest.raises(AppendOnlyError):
        EvaluationReceipt.objects.bulk_update([receipt], ["outcome"])

    assert EvaluationReceipt.objects.values().get(pk=receipt.pk) == original
    assert EvaluationReceipt.objects.count() == 1


def test_a_new_evaluation_of_the_same_case_adds_a_receipt():
    evaluate_and_record(case=as_case(case_data()))
    evaluate_and_record(case=as_case(case_data(contracted_offer_available=True)))

    outcomes = list(EvaluationReceipt.objects.order_by("id").values_list("outcome", flat=True))
    assert outcomes == ["voldaan", "afgewezen"]
