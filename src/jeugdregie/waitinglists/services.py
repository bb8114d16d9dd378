# SPDX-License-Identifier: EUPL-1.2
"""Writes of the waiting lists: report, update, close, perceel-1 entries and derivation.

Every write validates everything first and refuses the whole input with Dutch messages per
field; nothing is written then. Every change is kept in the audit change log (who, when,
old and new values).
"""

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from jeugdregie.accounts.models import User
from jeugdregie.allocations.models import Allocation
from jeugdregie.audit.constants import ChangeAction
from jeugdregie.audit.services import change_record_create, snapshot
from jeugdregie.clients.models import Referral, Youth
from jeugdregie.contracting.models import Contract, Lot, Product, Provider
from jeugdregie.messaging.models import AllocationRequest
from jeugdregie.waitinglists.constants import PERCEEL1_LOT_CODE, OutflowReason, WaitingSource
from jeugdregie.waitinglists.models import WaitingEntry

UPDATABLE = (
    "waiting_since",
    "product",
    "court_ruling_date",
    "bridging_provider",
    "bridging_product",
    "bridging_note",
)


def _day(value: date) -> str:
    return date_format(value, "j F Y")


def _provider_is_contracted(provider: Provider, lot: Lot) -> bool:
    return Contract.objects.filter(provider=provider, region_id=lot.region_id, lots=lot).exists()


def duplicate_open_entry(
    *, youth: Youth, provider: Provider | None, product: Product | None, exclude: int | None
) -> WaitingEntry | None:
    entries = WaitingEntry.objects.filter(
        youth=youth, provider=provider, product=product, outflow_date__isnull=True
    )
    if exclude is not None:
        entries = entries.exclude(pk=exclude)
    return entries.first()


def _validate(
    *,
    youth: Youth,
    lot: Lot,
    provider: Provider | None,
    product: Product | None,
    waiting_since: date,
    court_ruling_date: date | None,
    bridging_product: Product | None,
    today: date,
    exclude: int | None = None,
) -> None:
    errors: dict[str, list[str]] = {}

    def add(name: str, message: str) -> None:
        errors.setdefault(name, []).append(message)

    if waiting_since > today:
        add(
            "waiting_since",
            _("Waiting since %(day)s lies in the future; enter today or an earlier date.")
            % {"day": _day(waiting_since)},
        )
    if court_ruling_date is not None and court_ruling_date > today:
        add(
            "court_ruling_date",
            _("The court ruling of %(day)s lies in the future.") % {"day": _day(court_ruling_date)},
        )
    if youth.municipality.region_id != lot.region_id:
        add("lot", _("Lot %(lot)s is not a lot of the youth's region.") % {"lot": lot.code})
    if product is not None and product.lot_id != lot.pk:
        add(
            "product",
            _("Product %(product)s does not belong to lot %(lot)s.")
            % {"product": product.code, "lot": lot.code},
        )
    if bridging_product is not None and bridging_product.region_id != lot.region_id:
        add(
            "bridging_product",
            _("Product %(product)s is not a product of this region.")
            % {"product": bridging_product.code},
        )
    if provider is not None and not _provider_is_contracted(provider, lot):
        add(
            "provider",
            _("Provider %(provider)s has no contract for lot %(lot)s in this region.")
            % {"provider": provider.name, "lot": lot.code},
        )
    duplicate = duplicate_open_entry(
        youth=youth, provider=provider, product=product, exclude=exclude
    )
    if duplicate is not None:
        add(
            "__all__",
            _(
                "This youth is already on the waiting list for this provider and product "
                "(waiting since %(day)s); update that entry instead."
            )
            % {"day": _day(duplicate.waiting_since)},
        )
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def waiting_entry_report(
    *,
    actor: User | None,
    youth: Youth,
    lot: Lot,
    waiting_since: date,
    source: str,
    provider: Provider | None = None,
    product: Product | None = None,
    referral: Referral | None = None,
    court_ruling_date: date | None = None,
    bridging_provider: Provider | None = None,
    bridging_product: Product | None = None,
    bridging_note: str = "",
    allocation: Allocation | None = None,
    allocation_request: AllocationRequest | None = None,
    trajectory_id: int | None = None,
    today: date | None = None,
) -> WaitingEntry:
    """Put a youth on the waiting list; refused whole with Dutch messages per field."""
    today = today or timezone.localdate()
    _validate(
        youth=youth,
        lot=lot,
        provider=provider,
        product=product,
        waiting_since=waiting_since,
        court_ruling_date=court_ruling_date,
        bridging_product=bridging_product,
        today=today,
    )
    if referral is None:
        referral = youth.referrals.order_by("-date", "-id").first()
    entry = WaitingEntry.objects.create(
        youth=youth,
        referral=referral,
        provider=provider,
        lot=lot,
        product=product,
        waiting_since=waiting_since,
        source=source,
        court_ruling_date=court_ruling_date,
        bridging_provider=bridging_provider,
        bridging_product=bridging_product,
        bridging_note=bridging_note.strip(),
        allocation=allocation,
        allocation_request=allocation_request,
        trajectory_id=trajectory_id,
        reported_by=actor,
    )
    change_record_create(user=actor, instance=entry, action=ChangeAction.CREATE)
    return entry


@transaction.atomic
def waiting_entry_update(
    *, actor: User | None, entry: WaitingEntry, today: date | None = None, **changes: Any
) -> WaitingEntry:
    """Change waiting since, product, court ruling date or bridging care of an open entry."""
    today = today or timezone.localdate()
    unknown = set(changes) - set(UPDATABLE)
    if unknown:
        raise TypeError(f"Not updatable: {sorted(unknown)}")
    entry = WaitingEntry.objects.select_for_update().get(pk=entry.pk)
    if entry.outflow_date is not None:
        raise ValidationError(
            _("This entry left the waiting list on %(day)s and can no longer be changed.")
            % {"day": _day(entry.outflow_date)}
        )
    before = snapshot(entry)
    values = {name: changes.get(name, getattr(entry, name)) for name in UPDATABLE}
    _validate(
        youth=entry.youth,
        lot=entry.lot,
        provider=entry.provider,
        product=values["product"],
        waiting_since=values["waiting_since"],
        court_ruling_date=values["court_ruling_date"],
        bridging_product=values["bridging_product"],
        today=today,
        exclude=entry.pk,
    )
    for name, value in values.items():
        setattr(entry, name, value.strip() if isinstance(value, str) else value)
    entry.save()
    change_record_create(user=actor, instance=entry, action=ChangeAction.UPDATE, before=before)
    return entry


@transaction.atomic
def waiting_entry_close(
    *,
    actor: User | None,
    entry: WaitingEntry,
    outflow_date: date,
    outflow_reason: str,
    outflow_note: str = "",
    today: date | None = None,
) -> WaitingEntry:
    """Take an entry off the waiting list with the date and the reason (a code)."""
    today = today or timezone.localdate()
    entry = WaitingEntry.objects.select_for_update().get(pk=entry.pk)
    errors: dict[str, list[str]] = {}
    if entry.outflow_date is not None:
        errors["__all__"] = [
            _("This entry already left the waiting list on %(day)s.")
            % {"day": _day(entry.outflow_date)}
        ]
    if outflow_reason not in OutflowReason.values:
        errors["outflow_reason"] = [
            _("Unknown outflow reason '%(code)s'; choose one of: %(codes)s.")
            % {"code": outflow_reason, "codes": ", ".join(OutflowReason.values)}
        ]
    if outflow_date < entry.waiting_since:
        errors["outflow_date"] = [
            _("The outflow date %(out)s lies before waiting since %(since)s.")
            % {"out": _day(outflow_date), "since": _day(entry.waiting_since)}
        ]
    elif outflow_date > today:
        errors["outflow_date"] = [
            _("The outflow date %(day)s lies in the future.") % {"day": _day(outflow_date)}
        ]
    if outflow_reason == OutflowReason.OTHER and not outflow_note.strip():
        errors.setdefault("outflow_note", []).append(
            _("Explain the outflow when the reason is 'other'.")
        )
    if errors:
        raise ValidationError(errors)
    before = snapshot(entry)
    entry.outflow_date = outflow_date
    entry.outflow_reason = outflow_reason
    entry.outflow_note = outflow_note.strip()
    entry.save(update_fields=["outflow_date", "outflow_reason", "outflow_note", "updated_at"])
    change_record_create(user=actor, instance=entry, action=ChangeAction.UPDATE, before=before)
    return entry


def perceel1_lot(*, youth: Youth) -> Lot:
    lot = Lot.objects.filter(region_id=youth.municipality.region_id, code=PERCEEL1_LOT_CODE).first()
    if lot is None:
        raise ValidationError(
            _("The youth's region has no lot with code %(code)s (perceel 1).")
            % {"code": PERCEEL1_LOT_CODE}
        )
    return lot


def waiting_entry_for_perceel1(
    youth: Youth, since: date, trajectory: Any, *, actor: User | None = None
) -> WaitingEntry:
    """The youth's open entry on the perceel-1 waiting list, made when it does not exist.

    Called by the trajectories app when perceel-2 care is not responsible to continue and the
    youth waits for perceel 1 (temporary continuation as bridging care). ``trajectory`` is any
    object with a ``pk``; the provider and product of its ``allocation``, when it has one, are
    the bridging care.
    Calling it again for the same youth returns the open entry unchanged.
    """
    lot = perceel1_lot(youth=youth)
    existing = WaitingEntry.objects.filter(
        youth=youth, lot=lot, provider=None, product=None, outflow_date__isnull=True
    ).first()
    if existing is not None:
        return existing
    allocation = getattr(trajectory, "allocation", None)
    bridging_provider = getattr(allocation, "provider", None)
    bridging_product = getattr(allocation, "product", None)
    return waiting_entry_report(
        actor=actor,
        youth=youth,
        lot=lot,
        waiting_since=since,
        source=WaitingSource.PERCEEL1,
        trajectory_id=getattr(trajectory, "pk", None),
        bridging_provider=bridging_provider if isinstance(bridging_provider, Provider) else None,
        bridging_product=bridging_product if isinstance(bridging_product, Product) else None,
        bridging_note=_("Temporary continuation in perceel 2 while waiting for perceel 1."),
    )
