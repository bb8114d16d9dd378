# SPDX-License-Identifier: EUPL-1.2
"""Remove demo regions with everything that refers to them, whatever app it lives in.

Most foreign keys in jeugdregie protect what they point to, so deleting a region needs its
dependents deleted first, bottom-up. The purge follows every reverse foreign key through the
model registry, so a model another app adds later (a client stop, an expert-table case) is
cleaned up with the demo region without this module knowing it. Audit records about the
removed objects are removed too: they describe demo data only.
"""

from collections.abc import Iterable
from typing import Any

from django.db import models
from django.db.models import QuerySet

from jeugdregie.accounts.models import User
from jeugdregie.allocations.models import Allocation
from jeugdregie.audit.models import ChangeRecord
from jeugdregie.clients.models import Referral, Youth
from jeugdregie.contracting.models import Contract, Lot, Product, Provider
from jeugdregie.regions.models import Municipality, Region

MAX_DEPTH = 12
CHUNK = 2000

AUDITED_MODELS: tuple[type[models.Model], ...] = (
    Municipality,
    Lot,
    Product,
    Provider,
    Contract,
    Youth,
    Referral,
    Allocation,
)


def _chunks(values: list[Any]) -> Iterable[list[Any]]:
    for offset in range(0, len(values), CHUNK):
        yield values[offset : offset + CHUNK]


def _purge(queryset: QuerySet[Any], depth: int = 0) -> None:
    """Delete the rows of ``queryset`` after everything that refers to them, bottom-up.

    Primary keys are materialised level by level: nested subqueries over freshly bulk-loaded
    tables make PostgreSQL's planner (no statistics yet) choose plans that run for minutes.
    """
    _purge_pks(queryset.model, list(queryset.values_list("pk", flat=True)), depth)


def _reverse_relations(model: type[models.Model]) -> list[Any]:
    """Every foreign key pointing at ``model``, also those without a reverse accessor
    (``related_name="+"``); rows of many-to-many link tables go with the row itself."""
    return [
        field
        for field in model._meta.get_fields(include_hidden=True)
        if field.auto_created and not field.concrete and (field.one_to_many or field.one_to_one)
    ]


def _purge_pks(model: type[models.Model], pks: list[Any], depth: int) -> None:
    if depth > MAX_DEPTH:
        raise RuntimeError(f"Purge of {model.__name__} goes deeper than {MAX_DEPTH}.")
    if not pks:
        return
    for relation in _reverse_relations(model):
        foreign_key = relation.field
        target = foreign_key.target_field.attname
        keys = pks
        if target != model._meta.pk.attname:
            keys = [
                key
                for chunk in _chunks(pks)
                for key in model._base_manager.filter(pk__in=chunk).values_list(target, flat=True)
            ]
        manager = relation.related_model._base_manager
        dependents = [
            pk
            for chunk in _chunks(keys)
            for pk in manager.filter(**{f"{foreign_key.attname}__in": chunk}).values_list(
                "pk", flat=True
            )
        ]
        _purge_pks(relation.related_model, dependents, depth + 1)
    for chunk in _chunks(pks):
        model._base_manager.filter(pk__in=chunk).delete()


def _audited_pks(region_codes: Iterable[str]) -> dict[str, list[str]]:
    codes = list(region_codes)
    scopes: dict[type[models.Model], QuerySet[Any]] = {
        Municipality: Municipality.objects.filter(region__code__in=codes),
        Lot: Lot.objects.filter(region__code__in=codes),
        Product: Product.objects.filter(region__code__in=codes),
        Contract: Contract.objects.filter(region__code__in=codes),
        Youth: Youth.objects.filter(municipality__region__code__in=codes),
        Referral: Referral.objects.filter(youth__municipality__region__code__in=codes),
        Allocation: Allocation.objects.filter(municipality__region__code__in=codes),
    }
    return {
        model._meta.label: [str(pk) for pk in scope.values_list("pk", flat=True)]
        for model, scope in scopes.items()
    }


def _delete_change_records(pks_by_model: dict[str, list[str]]) -> None:
    for label, pks in pks_by_model.items():
        for offset in range(0, len(pks), CHUNK):
            ChangeRecord.objects.filter(
                model=label, object_pk__in=pks[offset : offset + CHUNK]
            ).delete()


def demo_purge(*, region_codes: Iterable[str], usernames: Iterable[str]) -> None:
    """Delete the demo regions, their demo users and the providers only they used."""
    codes = list(region_codes)
    regions = Region.objects.filter(code__in=codes)
    provider_ids = set(
        Provider.objects.filter(
            models.Q(contracts__region__in=regions)
            | models.Q(ceilings__region__in=regions)
            | models.Q(allocations__municipality__region__in=regions)
            | models.Q(organisations__region__in=regions)
        ).values_list("pk", flat=True)
    )
    audited = _audited_pks(codes)
    _purge(User.objects.filter(username__in=list(usernames)))
    _purge(regions)
    # Providers that still hold a contract elsewhere are not demo-only: keep them.
    orphans = Provider.objects.filter(pk__in=provider_ids).exclude(contracts__isnull=False)
    audited[Provider._meta.label] = [str(pk) for pk in orphans.values_list("pk", flat=True)]
    _purge(orphans)
    _delete_change_records(audited)
