# SPDX-License-Identifier: EUPL-1.2
"""Synthetic waiting-list entries for a demo region (called by ``seed_demo``).

Deterministic for a seed, a region and a day: the same youth, providers, products and dates.
Bulk inserts without change records, like the rest of the demo; ``seed_demo`` is idempotent
because it skips an already built demo and purges the demo regions before a rebuild.
"""

import random
from datetime import date, timedelta

from django.utils import timezone

from jeugdregie.clients.constants import ReferrerType
from jeugdregie.clients.models import Referral, Youth
from jeugdregie.contracting.models import Contract, Lot, Product
from jeugdregie.regions.models import Region
from jeugdregie.waitinglists.constants import PERCEEL1_LOT_CODE, OutflowReason, WaitingSource
from jeugdregie.waitinglists.models import WaitingEntry

ENTRIES_PER_REGION = 60
CLOSED_SHARE = 0.4
BRIDGING_NOTES = (
    "Praktijkondersteuner GGZ van de huisarts",
    "Wekelijks contact met de jeugdconsulent",
    "Groepstraining in afwachting van behandeling",
)
SOURCES = (WaitingSource.PROVIDER_SCREEN, WaitingSource.PROVIDER_API, WaitingSource.STAFF)


def demo_waiting_entries(*, region: Region, seed: int, today: date | None = None) -> int:
    """Entries for a demo region that has none yet (a no-op otherwise); returns the count."""
    if WaitingEntry.objects.filter(lot__region=region).exists():
        return 0
    today = today or timezone.localdate()
    rng = random.Random(f"{seed}-waiting-{region.code}")
    lots = list(Lot.objects.filter(region=region).order_by("code"))
    products = {lot.pk: list(Product.objects.filter(lot=lot).order_by("code")) for lot in lots}
    lots = [lot for lot in lots if products[lot.pk]]
    contracted: dict[int, list[int]] = {lot.pk: [] for lot in lots}
    for provider_id, lot_id in (
        Contract.objects.filter(region=region, lots__in=lots)
        .values_list("provider_id", "lots")
        .order_by("provider_id", "lots")
        .distinct()
    ):
        if lot_id in contracted and provider_id not in contracted[lot_id]:
            contracted[lot_id].append(provider_id)
    lots = [lot for lot in lots if contracted[lot.pk] or lot.code == PERCEEL1_LOT_CODE]
    youth = list(
        Youth.objects.filter(municipality__region=region)
        .order_by("pk")
        .values_list("pk", flat=True)[: ENTRIES_PER_REGION * 3]
    )
    if not lots or not youth:
        return 0
    referrals: dict[int, tuple[int | None, str]] = {}
    for referral_id, youth_id, referrer in (
        Referral.objects.filter(youth_id__in=youth)
        .order_by("youth_id", "-date", "-id")
        .values_list("pk", "youth_id", "referrer_type")
    ):
        referrals.setdefault(youth_id, (referral_id, referrer))

    chosen = rng.sample(youth, min(ENTRIES_PER_REGION, len(youth)))
    people = Youth.objects.in_bulk(chosen)
    entries = []
    for youth_id in chosen:
        lot = rng.choice(lots)
        perceel1 = lot.code == PERCEEL1_LOT_CODE and rng.random() < 0.5
        provider: int | None = None
        if not perceel1 and contracted[lot.pk]:
            provider = rng.choice(contracted[lot.pk])
        since = today - timedelta(days=rng.randint(3, 420))
        referral, referrer = referrals.get(youth_id, (None, ""))
        gi_case = referrer in (ReferrerType.CERTIFIED_INSTITUTION, ReferrerType.COURT)
        entry = WaitingEntry(
            youth_id=youth_id,
            referral_id=referral,
            provider_id=provider,
            lot=lot,
            product=None if perceel1 else rng.choice(products[lot.pk]),
            waiting_since=since,
            source=WaitingSource.STAFF if perceel1 else rng.choice(SOURCES),
            court_ruling_date=since - timedelta(days=rng.randint(0, 60)) if gi_case else None,
            bridging_note=rng.choice(BRIDGING_NOTES) if rng.random() < 0.3 else "",
        )
        if entry.source != WaitingSource.STAFF and people[youth_id].bsn:
            # A provider's report keeps what it submitted (here: the youth's own identity).
            person = people[youth_id]
            entry.submitted_bsn, entry.submitted_bsn_index = person.bsn, person.bsn_index or ""
            entry.submitted_given_name = person.given_name
            entry.submitted_family_name = person.family_name
            entry.submitted_birth_date = person.birth_date.isoformat()
        if rng.random() < CLOSED_SHARE:
            entry.outflow_date = since + timedelta(days=rng.randint(0, (today - since).days))
            entry.outflow_reason = rng.choice(
                [OutflowReason.CARE_STARTED] * 4 + list(OutflowReason.values)
            )
            if entry.outflow_reason == OutflowReason.OTHER:
                entry.outflow_note = "Gezin ziet af van zorg"
        entries.append(entry)
    WaitingEntry.objects.bulk_create(entries)
    return len(entries)
