# SPDX-License-Identifier: EUPL-1.2
"""Writes of the waiting lists: report, update, close, perceel-1 entries and derivation.

Every write validates everything first and refuses the whole input with Dutch messages per
field; nothing is written then. Every change is kept in the audit change log (who, when,
old and new values; encrypted fields redacted).

A provider's report (``waiting_entry_report_by_provider``) is stored with the identity the
provider submitted and answered the same whether or not the region knows a youth with that
BSN: the provider learns nothing about a youth from it.
"""

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from jeugdregie.accounts.models import User
from jeugdregie.allocations.models import Allocation
from jeugdregie.audit.constants import ChangeAction
from jeugdregie.audit.services import change_record_create, snapshot
from jeugdregie.clients.models import Referral, Youth
from jeugdregie.clients.selectors import youth_by_bsn
from jeugdregie.clients.submissions import Submission
from jeugdregie.clients.submissions import submission_check as submission_check  # re-export
from jeugdregie.contracting.models import Lot, Product, Provider
from jeugdregie.contracting.selectors import provider_contracted
from jeugdregie.messaging.models import AllocationRequest
from jeugdregie.regions.models import Region
from jeugdregie.waitinglists.constants import PERCEEL1_LOT_CODE, OutflowReason, WaitingSource
from jeugdregie.waitinglists.models import ENCRYPTED_FIELDS, WaitingEntry
from jeugdregie.waitinglists.retention import waiting_entries_anonymise

__all__ = [
    "REDACTED_FIELDS",
    "UPDATABLE",
    "duplicate_open_entry",
    "perceel1_lot",
    "waiting_entries_anonymise",
    "waiting_entry_close",
    "waiting_entry_for_perceel1",
    "waiting_entry_report",
    "waiting_entry_report_by_provider",
    "waiting_entry_update",
]

UPDATABLE = (
    "waiting_since",
    "product",
    "court_ruling_date",
    "bridging_provider",
    "bridging_product",
    "bridging_note",
)


REDACTED_FIELDS = ENCRYPTED_FIELDS


def _day(value: date) -> str:
    return date_format(value, "j F Y")


def duplicate_open_entry(
    *,
    youth: Youth | None,
    provider: Provider | None,
    product: Product | None,
    exclude: int | None,
    bsn_index: str = "",
) -> WaitingEntry | None:
    """An open entry for the same youth (linked, or reported with the same BSN), provider and
    product."""
    keys = []
    if youth is not None:
        keys.append(Q(youth=youth))
        bsn_index = bsn_index or (youth.bsn_index or "")
    if bsn_index:
        keys.append(Q(submitted_bsn_index=bsn_index))
    if not keys:
        return None
    same_youth = keys[0]
    for key in keys[1:]:
        same_youth |= key
    entries = WaitingEntry.objects.filter(
        same_youth, provider=provider, product=product, outflow_date__isnull=True
    )
    if exclude is not None:
        entries = entries.exclude(pk=exclude)
    return entries.first()


def _validate(
    *,
    youth: Youth | None,
    lot: Lot,
    provider: Provider | None,
    product: Product | None,
    waiting_since: date,
    court_ruling_date: date | None,
    bridging_product: Product | None,
    today: date,
    exclude: int | None = None,
    bsn_index: str = "",
    provider_fixed: bool = False,
) -> None:
    """``provider_fixed``: the entry's provider was checked when it was reported and cannot be
    changed; a contract that ended since does not block a change of the other fields."""
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
    if youth is not None and youth.municipality.region_id != lot.region_id:
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
    if (
        provider is not None
        and not provider_fixed
        and not provider_contracted(provider=provider, lot=lot, on=today)
    ):
        add(
            "provider",
            _("Provider %(provider)s has no contract for lot %(lot)s in this region.")
            % {"provider": provider.name, "lot": lot.code},
        )
    duplicate = duplicate_open_entry(
        youth=youth, provider=provider, product=product, exclude=exclude, bsn_index=bsn_index
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
    youth: Youth | None,
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
    submission: Submission | None = None,
    today: date | None = None,
) -> WaitingEntry:
    """Put a youth on the waiting list; refused whole with Dutch messages per field.

    ``submission``: the identity a provider submitted (or its JW315 named), kept with the
    entry and shown to the provider instead of the youth record. ``youth`` may then be None
    (a BSN the region does not know)."""
    today = today or timezone.localdate()
    if youth is None and submission is None:
        raise ValueError("An entry needs a youth or a submitted identity.")
    _validate(
        youth=youth,
        lot=lot,
        provider=provider,
        product=product,
        waiting_since=waiting_since,
        court_ruling_date=court_ruling_date,
        bridging_product=bridging_product,
        today=today,
        bsn_index=submission.bsn_index if submission is not None else "",
    )
    if referral is None and youth is not None:
        # For the region's view (GI visibility and signal); never shown to a provider.
        referral = youth.referrals.order_by("-date", "-id").first()
    identity: dict[str, str] = {}
    if submission is not None:
        identity = {
            "submitted_bsn": submission.bsn,
            "submitted_bsn_index": submission.bsn_index,
            "submitted_given_name": submission.given_name,
            "submitted_family_name": submission.family_name,
            "submitted_birth_date": submission.birth_date.isoformat(),
        }
    entry = WaitingEntry.objects.create(
        **identity,
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
    change_record_create(
        user=actor, instance=entry, action=ChangeAction.CREATE, redact=REDACTED_FIELDS
    )
    return entry


@transaction.atomic
def waiting_entry_report_by_provider(
    *,
    actor: User | None,
    provider: Provider,
    region: Region,
    submission: Submission,
    lot: Lot,
    waiting_since: date,
    source: str,
    product: Product | None = None,
    court_ruling_date: date | None = None,
    bridging_provider: Provider | None = None,
    bridging_product: Product | None = None,
    bridging_note: str = "",
    today: date | None = None,
) -> WaitingEntry:
    """A provider puts a youth on its own waiting list.

    The entry keeps the identity the provider submitted and is linked to the region's youth
    with that BSN when there is one, so the region sees it with the youth record. Every check
    and every answer is the same whether or not such a youth exists: a provider learns
    nothing about a youth it has no relation with (see ``selectors.shown_identity``)."""
    if lot.region_id != region.pk:
        raise ValidationError(
            {"lot": _("Lot %(lot)s is not a lot of your region.") % {"lot": lot.code}}
        )
    return waiting_entry_report(
        actor=actor,
        youth=youth_by_bsn(bsn=submission.bsn, region=region),  # a link, never shown to it
        lot=lot,
        waiting_since=waiting_since,
        source=source,
        provider=provider,
        product=product,
        court_ruling_date=court_ruling_date,
        bridging_provider=bridging_provider,
        bridging_product=bridging_product,
        bridging_note=bridging_note,
        submission=submission,
        today=today,
    )


@transaction.atomic
def waiting_entry_update(
    *, actor: User | None, entry: WaitingEntry, today: date | None = None, **changes: Any
) -> WaitingEntry:
    """Change waiting since, product, court ruling date or bridging care of an open entry."""
    today = today or timezone.localdate()
    unknown = set(changes) - set(UPDATABLE)
    if unknown:
        raise TypeError(f"Not updatable: {sorted(unknown)}")
    entry = WaitingEntry.objects.select_for_update(of=("self",)).get(pk=entry.pk)
    if entry.outflow_date is not None:
        raise ValidationError(
            _("This entry left the waiting list on %(day)s and can no longer be changed.")
            % {"day": _day(entry.outflow_date)}
        )
    before = snapshot(entry, redact=REDACTED_FIELDS)
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
        bsn_index=entry.submitted_bsn_index,
        provider_fixed=True,
    )
    values = {name: v.strip() if isinstance(v, str) else v for name, v in values.items()}
    if all(getattr(entry, name) == value for name, value in values.items()):
        return entry  # saved unchanged: nothing to write, nothing to log
    for name, value in values.items():
        setattr(entry, name, value)
    entry.save()
    change_record_create(
        user=actor,
        instance=entry,
        action=ChangeAction.UPDATE,
        before=before,
        redact=REDACTED_FIELDS,
    )
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
    entry = WaitingEntry.objects.select_for_update(of=("self",)).get(pk=entry.pk)
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
    before = snapshot(entry, redact=REDACTED_FIELDS)
    entry.outflow_date = outflow_date
    entry.outflow_reason = outflow_reason
    entry.outflow_note = outflow_note.strip()
    entry.save(update_fields=["outflow_date", "outflow_reason", "outflow_note", "updated_at"])
    change_record_create(
        user=actor,
        instance=entry,
        action=ChangeAction.UPDATE,
        before=before,
        redact=REDACTED_FIELDS,
    )
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
