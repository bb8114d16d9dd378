# SPDX-License-Identifier: EUPL-1.2
import pytest

from jeugdregie.audit.models import AccessRecord, AppendOnlyError, ChangeRecord


@pytest.mark.django_db
def test_access_records_cannot_be_changed_or_deleted(world):
    record = AccessRecord.objects.create(
        user=world.users["privacy_officer"],
        role="x",
        youth=world.youth["anna"],
        purpose="detail",
        route="/",
    )
    record.purpose = "list"
    with pytest.raises(AppendOnlyError):
        record.save()
    with pytest.raises(AppendOnlyError):
        record.delete()
    assert AccessRecord.objects.get(pk=record.pk).purpose == "detail"


@pytest.mark.django_db
def test_allocation_changes_are_in_the_change_log(world):
    allocation = world.allocations["anna"]
    records = ChangeRecord.objects.filter(
        model="allocations.Allocation", object_pk=str(allocation.pk)
    ).order_by("id")
    # created, then set to "in care" when delivery started
    assert [r.action for r in records] == ["create", "update"]
    assert records[1].changes["status"] == ["allocated", "in_care"]
