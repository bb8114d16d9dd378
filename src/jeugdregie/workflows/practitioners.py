# SPDX-License-Identifier: EUPL-1.2
"""Additional practitioners of a perceel-2 trajectory (perceel2.md §3): another contracted
perceel-2 provider joins with its own allocation (its own ceiling, client stop and JW301,
through ``allocation_grant``), within the trajectory's period and maximum treatment
duration."""

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from jeugdregie.accounts.models import User
from jeugdregie.audit.constants import ChangeAction
from jeugdregie.audit.services import change_record_create
from jeugdregie.contracting.models import Product, Provider
from jeugdregie.contracting.selectors import provider_contracted
from jeugdregie.trajectories.models import AdditionalPractitioner, Trajectory
from jeugdregie.trajectories.services import day_label
from jeugdregie.workflows.allocations import allocation_grant

__all__ = ["additional_practitioner_add"]


def _refusals(
    *,
    trajectory: Trajectory,
    other_provider: Provider,
    product: Product,
    practitioner_name: str,
    start: dt.date,
    end: dt.date,
) -> dict[str, list[str]]:
    """Why this practitioner cannot be added, per form field; empty when it can."""
    coordinating = trajectory.allocation
    region = coordinating.municipality.region
    errors: dict[str, list[str]] = {}
    if other_provider.pk == coordinating.provider_id:
        errors.setdefault("other_provider", []).append(
            _("An additional practitioner works at another provider.")
        )
    elif not provider_contracted(provider=other_provider, region=region, product=product, on=start):
        errors.setdefault("other_provider", []).append(
            _("%(provider)s has no contract for %(lot)s in this region.")
            % {"provider": other_provider.name, "lot": product.lot.name}
        )
    if product.lot_id != coordinating.product.lot_id:
        errors.setdefault("product", []).append(
            _("The product must belong to the trajectory's lot (%(lot)s).")
            % {"lot": coordinating.product.lot.name}
        )
    if not practitioner_name.strip():
        errors.setdefault("practitioner_name", []).append(_("Give the practitioner's name."))
    if end < start:
        errors.setdefault("end", []).append(_("The end date lies before the start date."))
    if start < trajectory.start:
        errors.setdefault("start", []).append(
            _("The additional care cannot start before the trajectory (%(start)s).")
            % {"start": day_label(trajectory.start)}
        )
    if trajectory.current_end > trajectory.maximum_end or end > trajectory.maximum_end:
        errors.setdefault("end", []).append(
            _(
                "The trajectory's maximum treatment duration ends on %(maximum)s: an "
                "additional practitioner can only be deployed within it."
            )
            % {"maximum": day_label(trajectory.maximum_end)}
        )
    elif end > trajectory.current_end:
        errors.setdefault("end", []).append(
            _("The additional care cannot end after the trajectory's current end (%(end)s).")
            % {"end": day_label(trajectory.current_end)}
        )
    return errors


@transaction.atomic
def additional_practitioner_add(
    *,
    actor: User | None,
    provider: Provider | None,
    trajectory: Trajectory,
    other_provider: Provider,
    practitioner_name: str,
    start: dt.date,
    end: dt.date,
    volume: int | None = None,
    frequency: str = "",
    budget: Decimal | None = None,
    product: Product | None = None,
) -> AdditionalPractitioner:
    """Bring in another perceel-2 provider with its own allocation (its own ceiling), only
    within the trajectory's period and its maximum treatment duration."""
    coordinating = trajectory.allocation
    product = product or coordinating.product
    if provider is not None and coordinating.provider_id != provider.pk:
        raise ValidationError(
            _("Only the coordinating practitioner (%(provider)s) can add a practitioner.")
            % {"provider": coordinating.provider.name}
        )
    errors = _refusals(
        trajectory=trajectory,
        other_provider=other_provider,
        product=product,
        practitioner_name=practitioner_name,
        start=start,
        end=end,
    )
    if errors:
        raise ValidationError(errors)
    allocation = allocation_grant(
        actor=actor,
        youth=coordinating.youth,
        provider=other_provider,
        product=product,
        municipality=coordinating.municipality,
        referral=coordinating.referral,
        start=start,
        end=end,
        volume=volume,
        frequency=frequency,
        budget=budget,
    )
    link = AdditionalPractitioner(
        trajectory=trajectory,
        allocation=allocation,
        practitioner_name=practitioner_name.strip(),
        added_by=actor,
    )
    link.full_clean()
    link.save()
    change_record_create(user=actor, instance=link, action=ChangeAction.CREATE)
    return link
