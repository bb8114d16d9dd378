# SPDX-License-Identifier: EUPL-1.2
"""Reads of the waiting lists: visibility, the filtered list, signals and the figures."""

from dataclasses import dataclass
from datetime import date

from django.apps import apps
from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from jeugdregie.accounts.constants import OrganisationKind, Role
from jeugdregie.accounts.models import User
from jeugdregie.accounts.permissions import Capability
from jeugdregie.accounts.selectors import ScopePaths, organisation_scope, own_provider_id, user_can
from jeugdregie.audit.constants import AccessPurpose
from jeugdregie.audit.models import ChangeRecord
from jeugdregie.audit.selectors import HistoryLine, history_lines
from jeugdregie.audit.services import access_record_create
from jeugdregie.contracting.models import Lot, Product, Provider
from jeugdregie.contracting.selectors import providers_of_region
from jeugdregie.core.bsn import mask_bsn
from jeugdregie.regions.selectors import region_of
from jeugdregie.waitinglists.constants import PrioritySignal
from jeugdregie.waitinglists.figures import (
    EntryFact,
    GroupFigures,
    WaitingTimes,
    figures_by,
    waiting_times,
)
from jeugdregie.waitinglists.models import WaitingEntry
from jeugdregie.waitinglists.policy import WaitingListBoundaries, waiting_list_boundaries
from jeugdregie.waitinglists.signals import priority_signals

__all__ = [
    "ENTRY_SORTS",
    "WAITING_SCOPE",
    "FigureRow",
    "ShownIdentity",
    "WaitingFigures",
    "cjg_workers",
    "entries_for_figures",
    "entries_page_logged",
    "entries_sorted",
    "entries_visible_to",
    "entries_with_signal",
    "entry_detail",
    "entry_facts",
    "entry_filter_choices",
    "entry_history",
    "entry_history_lines",
    "own_provider_or_none",
    "shown_identity",
    "shows_names",
    "shows_submission",
    "signals_of",
    "submission_for_region",
    "waiting_figures",
]

WAITING_SCOPE = ScopePaths(
    region="lot__region_id",
    municipality="youth__municipality_id",
    referring_organisation="referral__referrer_organisation_id",
    provider="provider_id",
)

ENTRY_SORTS = {
    "sinds": "waiting_since",
    "-sinds": "-waiting_since",
    "aanbieder": "provider__name",
    "-aanbieder": "-provider__name",
    "product": "product__code",
    "-product": "-product__code",
    "perceel": "lot__code",
    "-perceel": "-lot__code",
}


def entries_visible_to(*, user: User) -> QuerySet[WaitingEntry]:
    """Entries with names: contract management its region, access staff its municipality,
    GI staff its referrals, a provider its own list. Policy sees figures only (none here)."""
    scope = organisation_scope(user, capability=Capability.VIEW_WAITING_LIST, paths=WAITING_SCOPE)
    if scope is None:
        return WaitingEntry.objects.none()
    return WaitingEntry.objects.filter(scope).select_related(
        "youth",
        "referral__referrer_organisation",
        "provider",
        "lot__region",
        "product",
        "bridging_provider",
        "bridging_product",
    )


def entries_for_figures(*, user: User) -> QuerySet[WaitingEntry]:
    """Entries counted in the figures: policy the region's, everybody else what they see."""
    if user.role == Role.POLICY and user_can(user, Capability.VIEW_WAITING_LIST):
        assert user.organisation is not None
        return WaitingEntry.objects.filter(lot__region_id=user.organisation.region_id)
    return entries_visible_to(user=user)


def shows_names(user: User) -> bool:
    return user.role != Role.POLICY


def entry_filter_choices(
    *, user: User | None
) -> tuple[QuerySet[Lot], QuerySet[Provider], QuerySet[Product]]:
    """The lots, providers and products a user may filter the waiting list on: the region's
    catalogue; a provider only itself; without a user (the schema generator) none."""
    region = region_of(user=user) if user is not None else None
    if user is None or region is None:
        return Lot.objects.none(), Provider.objects.none(), Product.objects.none()
    lots = Lot.objects.filter(region=region).order_by("order", "code")
    products = Product.objects.filter(region=region).order_by("code")
    providers = providers_of_region(region=region).order_by("name")
    if user.role == Role.PROVIDER:
        providers = Provider.objects.filter(pk=own_provider_id(user))
    return lots, providers, products


def entries_with_signal(
    entries: QuerySet[WaitingEntry], *, user: User, signal: str, today: date
) -> QuerySet[WaitingEntry]:
    """The entries that carry priority ``signal`` today. The signals depend on today: they
    are decided on plain columns, then the entries filtered on their keys (for a provider,
    entries with a submission from the submission alone)."""
    provider = user.role == Role.PROVIDER
    rows = entries.values_list(
        "pk",
        "youth_id",
        "submitted_bsn_index",
        "submitted_birth_date",
        "youth__birth_date",
        "referral__referrer_type",
        "referral__referrer_organisation__kind",
        "court_ruling_date",
        "lot__region__code",
    )
    keys = [
        pk
        for pk, youth_id, index, submitted_birth, birth, referrer, kind, ruling, region in rows
        if signal
        in _signals(
            from_submission=youth_id is None or (provider and bool(index)),
            birth_date=birth,
            submitted_birth_date=submitted_birth,
            referrer_type=referrer,
            referrer_kind=kind,
            court_ruling_date=ruling,
            today=today,
            boundaries=waiting_list_boundaries(region_code=region, on=today),
        )
    ]
    return entries.filter(pk__in=keys)


def entries_sorted(entries: QuerySet[WaitingEntry], sort: str) -> QuerySet[WaitingEntry]:
    return entries.order_by(ENTRY_SORTS.get(sort, "waiting_since"), "pk")


# --- what a user is shown of the youth on an entry ------------------------------------------
#
# One rule: a provider is shown the youth record (name, birth date, referral) only of a youth
# it has a relation with. On the waiting lists that is an entry the region put on its list
# (reported by municipal or GI staff, or derived from the provider's own allocation). An entry
# the provider reported itself, or derived from its own JW315, holds the identity the
# provider submitted: the provider is shown that submission and priority signals computed
# from it alone, whether or not the region linked the entry to a youth.


@dataclass(frozen=True)
class ShownIdentity:
    given_name: str
    family_name: str
    birth_date: date | None
    bsn: str
    submitted: bool  # what the provider submitted (not the youth record)
    unknown_youth: bool  # the region knows no youth with the submitted BSN (staff only)

    @property
    def name(self) -> str:
        return f"{self.given_name} {self.family_name}".strip()


def shows_submission(user: User, entry: WaitingEntry) -> bool:
    """Whether ``user`` is shown the submitted identity instead of the youth record."""
    return entry.youth_id is None or (user.role == Role.PROVIDER and entry.has_submission)


def shown_identity(user: User, entry: WaitingEntry) -> ShownIdentity:
    provider = user.role == Role.PROVIDER
    if shows_submission(user, entry):
        bsn = entry.submitted_bsn
        return ShownIdentity(
            given_name=entry.submitted_given_name,
            family_name=entry.submitted_family_name,
            birth_date=entry.submitted_birth,
            bsn=mask_bsn(bsn) if provider else bsn,
            submitted=True,
            unknown_youth=entry.youth_id is None and not provider,
        )
    youth = entry.youth
    assert youth is not None
    return ShownIdentity(
        given_name=youth.given_name,
        family_name=youth.family_name,
        birth_date=youth.birth_date,
        bsn=mask_bsn(youth.bsn) if provider else youth.bsn,
        submitted=False,
        unknown_youth=False,
    )


def submission_for_region(user: User, entry: WaitingEntry) -> ShownIdentity | None:
    """What the provider reported, beside the linked youth record, for the region's staff (to
    notice a report that does not match the record)."""
    if user.role == Role.PROVIDER or not entry.has_submission or entry.youth_id is None:
        return None
    return ShownIdentity(
        given_name=entry.submitted_given_name,
        family_name=entry.submitted_family_name,
        birth_date=entry.submitted_birth,
        bsn=entry.submitted_bsn,
        submitted=True,
        unknown_youth=False,
    )


def _signals(
    *,
    from_submission: bool,
    birth_date: date | None,
    submitted_birth_date: str,
    referrer_type: str | None,
    referrer_kind: str | None,
    court_ruling_date: date | None,
    today: date,
    boundaries: WaitingListBoundaries,
) -> list[PrioritySignal]:
    """The priority signals of one entry, with the boundaries of its region's policy on
    ``today``. From a submission: the submitted birth date and a reported court ruling only
    (reporting a ruling is reporting a GI case); never the youth record or its referral."""
    if from_submission:
        birth = date.fromisoformat(submitted_birth_date) if submitted_birth_date else None
        return priority_signals(
            birth_date=birth,
            referrer_type=None,
            referred_by_institution=court_ruling_date is not None,
            court_ruling_date=court_ruling_date,
            today=today,
            boundaries=boundaries,
        )
    return priority_signals(
        birth_date=birth_date,
        referrer_type=referrer_type,
        referred_by_institution=referrer_kind == OrganisationKind.CERTIFIED_INSTITUTION,
        court_ruling_date=court_ruling_date,
        today=today,
        boundaries=boundaries,
    )


def signals_of(entry: WaitingEntry, *, today: date, user: User) -> list[PrioritySignal]:
    referral = None if shows_submission(user, entry) else entry.referral
    organisation = referral.referrer_organisation if referral else None
    return _signals(
        from_submission=shows_submission(user, entry),
        birth_date=entry.youth.birth_date if entry.youth is not None else None,
        submitted_birth_date=entry.submitted_birth_date,
        referrer_type=referral.referrer_type if referral else None,
        referrer_kind=organisation.kind if organisation else None,
        court_ruling_date=entry.court_ruling_date,
        today=today,
        boundaries=waiting_list_boundaries(region_code=entry.lot.region.code, on=today),
    )


def entries_page_logged(
    *,
    user: User,
    entries: list[WaitingEntry],
    route: str,
    purpose: AccessPurpose = AccessPurpose.LIST,
) -> list[WaitingEntry]:
    """Materialise a page of entries that shows youth names, and record the access."""
    rows = list(entries)
    access_record_create(
        user=user, youth_ids=[e.youth_id for e in rows if e.youth_id], purpose=purpose, route=route
    )
    return rows


def entry_detail(*, user: User, pk: int, route: str) -> WaitingEntry:
    entry = entries_visible_to(user=user).filter(pk=pk).first()
    if entry is None:
        raise Http404
    access_record_create(
        user=user,
        youth_ids=[entry.youth_id] if entry.youth_id else [],
        purpose=AccessPurpose.DETAIL,
        route=route,
    )
    return entry


def entry_history(*, entry: WaitingEntry) -> QuerySet[ChangeRecord]:
    """Every change of the entry (who, when, old and new values), oldest first."""
    return (
        ChangeRecord.objects.filter(model=WaitingEntry._meta.label, object_pk=str(entry.pk))
        .select_related("user")
        .order_by("at", "id")
    )


def entry_history_lines(*, entry: WaitingEntry) -> list[HistoryLine]:
    """The entry's history in words (``audit.selectors.history_lines``): names, not ids."""
    return history_lines(
        entry_history(entry=entry),
        WaitingEntry,
        hidden={"updated_at", "created_at", "youth", "referral", "submitted_bsn_index"},
        named=("provider", "product", "bridging_provider", "bridging_product", "lot"),
    )


def cjg_workers(trajectory_ids: list[int | None]) -> dict[int, str]:
    """The CJG worker linked to each trajectory (the fixed contact while a youth waits for
    perceel 1), when the trajectories app is installed: one query for a whole page."""
    keys = {key for key in trajectory_ids if key is not None}
    if not keys or not apps.is_installed("jeugdregie.trajectories"):
        return {}
    trajectory_model = apps.get_model("trajectories", "Trajectory")
    return {
        pk: ", ".join(part for part in (name, contact) if part)
        for pk, name, contact in trajectory_model.objects.filter(pk__in=keys).values_list(
            "pk", "cjg_worker_name", "cjg_worker_contact"
        )
        if name
    }


def entry_facts(entries: QuerySet[WaitingEntry]) -> list[EntryFact]:
    return [
        EntryFact(
            lot_id=lot_id,
            provider_id=provider_id,
            product_id=product_id,
            waiting_since=since,
            outflow_date=outflow,
        )
        for lot_id, provider_id, product_id, since, outflow in entries.order_by().values_list(
            "lot_id", "provider_id", "product_id", "waiting_since", "outflow_date"
        )
    ]


def own_provider_or_none(user: User) -> int | None:
    return own_provider_id(user) if user.role == Role.PROVIDER else None


@dataclass(frozen=True)
class FigureRow:
    label: str
    length: int
    open_times: WaitingTimes
    closed_times: WaitingTimes


@dataclass(frozen=True)
class WaitingFigures:
    on: date
    closed_from: date
    total: FigureRow
    per_lot: list[FigureRow]
    per_provider: list[FigureRow]


def waiting_figures(
    *, user: User, today: date, lot_id: int | None = None, provider_id: int | None = None
) -> WaitingFigures:
    """Length today, waiting so far (open entries) and waited until outflow (entries that left
    the list this calendar year), in total, per lot and per provider."""
    entries = entries_for_figures(user=user)
    if lot_id:
        entries = entries.filter(lot_id=lot_id)
    if provider_id:
        entries = entries.filter(provider_id=provider_id)
    facts = entry_facts(entries)
    closed_from = date(today.year, 1, 1)
    options = {"on": today, "closed_from": closed_from, "closed_to": today}
    per_lot = figures_by(facts, lambda f: f.lot_id, **options)
    per_provider = figures_by(facts, lambda f: f.provider_id, **options)
    total = figures_by(facts, lambda f: 0, **options).get(0)
    lots = {lot.pk: f"{lot.code} {lot.name}" for lot in Lot.objects.filter(pk__in=per_lot)}
    providers = {
        p.pk: p.name for p in Provider.objects.filter(pk__in=[k for k in per_provider if k])
    }

    def row(label: str, group: GroupFigures) -> FigureRow:
        return FigureRow(label, group.length, group.open_times, group.closed_times)

    empty = waiting_times([])
    return WaitingFigures(
        on=today,
        closed_from=closed_from,
        total=row(_("All entries"), total) if total else FigureRow("", 0, empty, empty),
        per_lot=sorted(
            (row(lots[key], group) for key, group in per_lot.items()), key=lambda r: r.label
        ),
        per_provider=sorted(
            (
                row(providers[key] if key else _("(no provider: perceel 1)"), group)
                for key, group in per_provider.items()
            ),
            key=lambda r: r.label.casefold(),
        ),
    )
