# SPDX-License-Identifier: EUPL-1.2
"""Client stops (budgets.md §4): requested or proposed, decided, lifted; and the inflow check."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from jeugdregie.accounts.constants import Role
from jeugdregie.accounts.models import User
from jeugdregie.audit.constants import ChangeAction
from jeugdregie.audit.services import change_record_create, snapshot
from jeugdregie.budgets.constants import ClientStopStatus
from jeugdregie.budgets.ledger import ledger_client_stop_changed
from jeugdregie.budgets.models import ClientStop
from jeugdregie.contracting.models import Product, Provider
from jeugdregie.contracting.selectors import providers_contracted
from jeugdregie.notifications.services import notifications_send
from jeugdregie.regions.models import Region

OPEN = (ClientStopStatus.PROPOSED, ClientStopStatus.REQUESTED)
MAX_ALTERNATIVES = 5


def _notify(*, region: Region, provider: Provider, subject: str, text: str) -> None:
    from jeugdregie.budgets.alerts import budget_watchers

    notifications_send(
        users=budget_watchers(region=region, provider_id=provider.pk),
        subject=subject,
        text=text,
        link=reverse("budgets:provider-budget", kwargs={"pk": provider.pk}),
    )


def current_stop(*, region_id: int, provider_id: int) -> ClientStop | None:
    """The open (proposed or requested) or confirmed stop of a provider, if any."""
    return (
        ClientStop.objects.filter(
            region_id=region_id,
            provider_id=provider_id,
            status__in=[*OPEN, ClientStopStatus.CONFIRMED],
        )
        .order_by("-id")
        .first()
    )


def active_stop(*, region_id: int, provider_id: int, on: date) -> ClientStop | None:
    """The confirmed stop in force on ``on``."""
    return (
        ClientStop.objects.filter(
            region_id=region_id,
            provider_id=provider_id,
            status=ClientStopStatus.CONFIRMED,
            start__lte=on,
        )
        .order_by("-start")
        .first()
    )


@transaction.atomic
def client_stop_request(
    *, actor: User, region: Region, provider: Provider, start: date, reason: str
) -> ClientStop:
    """A provider asks contract management for a client stop from ``start``."""
    if actor.organisation is None or actor.organisation.provider_id != provider.pk:
        raise ValidationError(_("Only the provider itself can request a client stop."))
    if not reason.strip():
        raise ValidationError({"reason": _("Give the reason for the client stop.")})
    if start < timezone.localdate():
        raise ValidationError({"start": _("A client stop cannot start in the past.")})
    existing = current_stop(region_id=region.pk, provider_id=provider.pk)
    if existing is not None and existing.status != ClientStopStatus.PROPOSED:
        raise ValidationError(
            _("There already is a client stop (%(status)s) for this provider.")
            % {"status": existing.get_status_display()}
        )
    stop = existing or ClientStop(region=region, provider=provider)
    before = snapshot(stop) if existing else None
    stop.status, stop.start, stop.reason, stop.requested_by = (
        ClientStopStatus.REQUESTED,
        start,
        reason.strip(),
        actor,
    )
    stop.save()
    change_record_create(
        user=actor,
        instance=stop,
        action=ChangeAction.UPDATE if existing else ChangeAction.CREATE,
        before=before,
    )
    with translation.override("nl"):
        _notify(
            region=region,
            provider=provider,
            subject=_("Client stop requested: %(provider)s") % {"provider": provider.name},
            text=_("%(provider)s requests a client stop from %(start)s: %(reason)s")
            % {
                "provider": provider.name,
                "start": date_format(start, "j F Y"),
                "reason": stop.reason,
            },
        )
    return stop


@transaction.atomic
def client_stop_propose(*, region: Region, provider: Provider, year: int) -> ClientStop | None:
    """The system proposes a stop when realisation + commitment reached the ceiling."""
    if current_stop(region_id=region.pk, provider_id=provider.pk) is not None:
        return None
    with translation.override("nl"):
        reason = _("Realisation plus commitment has reached the %(year)s ceiling.") % {"year": year}
        stop = ClientStop.objects.create(
            region=region,
            provider=provider,
            status=ClientStopStatus.PROPOSED,
            start=timezone.localdate(),
            reason=reason,
        )
        change_record_create(user=None, instance=stop, action=ChangeAction.CREATE)
        _notify(
            region=region,
            provider=provider,
            subject=_("Client stop proposed: %(provider)s") % {"provider": provider.name},
            text=reason,
        )
    return stop


@transaction.atomic
def client_stop_decide(
    *, actor: User, stop: ClientStop, confirm: bool, reason: str, start: date | None = None
) -> ClientStop:
    """Contract management confirms or rejects a proposed or requested stop, with a reason."""
    if actor.role != Role.CONTRACT_MANAGER:
        raise ValidationError(_("Only contract management decides on a client stop."))
    if stop.status not in OPEN:
        raise ValidationError(_("This client stop has already been decided."))
    if not reason.strip():
        raise ValidationError({"decision_reason": _("Give the reason for the decision.")})
    before = snapshot(stop)
    stop.status = ClientStopStatus.CONFIRMED if confirm else ClientStopStatus.REJECTED
    stop.start = max(start or stop.start, timezone.localdate()) if confirm else stop.start
    stop.decided_by, stop.decided_at, stop.decision_reason = actor, timezone.now(), reason.strip()
    stop.save()
    change_record_create(user=actor, instance=stop, action=ChangeAction.UPDATE, before=before)
    provider = stop.provider
    with translation.override("nl"):
        if confirm:
            subject = _("Client stop confirmed: %(provider)s") % {"provider": provider.name}
            text = _("From %(start)s there is no new inflow at %(provider)s. %(reason)s") % {
                "start": date_format(stop.start, "j F Y"),
                "provider": provider.name,
                "reason": stop.decision_reason,
            }
        else:
            subject = _("Client stop rejected: %(provider)s") % {"provider": provider.name}
            text = stop.decision_reason
        _notify(region=stop.region, provider=provider, subject=subject, text=text)
    ledger_client_stop_changed(region=stop.region, provider_id=stop.provider_id)
    return stop


@transaction.atomic
def client_stop_lift(*, actor: User, stop: ClientStop, reason: str) -> ClientStop:
    if actor.role != Role.CONTRACT_MANAGER:
        raise ValidationError(_("Only contract management can lift a client stop."))
    if stop.status != ClientStopStatus.CONFIRMED:
        raise ValidationError(_("Only a confirmed client stop can be lifted."))
    if not reason.strip():
        raise ValidationError({"lift_reason": _("Give the reason for lifting the stop.")})
    before = snapshot(stop)
    stop.status = ClientStopStatus.LIFTED
    stop.lifted_by, stop.lifted_at, stop.lift_reason = actor, timezone.now(), reason.strip()
    stop.save()
    change_record_create(user=actor, instance=stop, action=ChangeAction.UPDATE, before=before)
    with translation.override("nl"):
        _notify(
            region=stop.region,
            provider=stop.provider,
            subject=_("Client stop lifted: %(provider)s") % {"provider": stop.provider.name},
            text=stop.lift_reason,
        )
    ledger_client_stop_changed(region=stop.region, provider_id=stop.provider_id)
    return stop


def alternatives_with_headroom(
    *, region: Region, provider: Provider, product: Product, on: date
) -> list[tuple[Provider, object]]:
    """Up to five other providers contracted for the product's lot (and so its category),
    without a client stop, that still have headroom this year; most headroom first."""
    from jeugdregie.budgets.selectors import budget_positions

    contracted = set(
        providers_contracted(region=region, product=product, on=on)
        .exclude(pk=provider.pk)
        .values_list("pk", flat=True)
    )
    candidates = [
        position
        for position in budget_positions(region=region, year=on.year, on=on)
        if position.provider.pk in contracted
        and not position.figures.client_stop
        and (position.figures.headroom or 0) > 0
    ]
    candidates.sort(key=lambda p: (-(p.figures.headroom or 0), p.provider.name))
    return [(p.provider, p.figures.headroom) for p in candidates[:MAX_ALTERNATIVES]]


def ensure_inflow_allowed(
    *, provider: Provider, product: Product, region: Region, start: date, extension: bool
) -> None:
    """Refuse new inflow at a provider under a client stop (every route that creates it).

    Extensions of running care are allowed when the region says so.
    """
    today = timezone.localdate()
    stop = active_stop(region_id=region.pk, provider_id=provider.pk, on=max(start, today))
    if stop is None or (extension and region.client_stop_allows_extensions):
        return
    alternatives = alternatives_with_headroom(
        region=region, provider=provider, product=product, on=today
    )
    message = _(
        "%(provider)s has a client stop since %(start)s: no new clients can be allocated there."
    ) % {"provider": provider.name, "start": date_format(stop.start, "j F Y")}
    if alternatives:
        names = ", ".join(f"{p.name} ({p.agb_code})" for p, _headroom in alternatives)
        message += " " + _(
            "Providers with the same lot and product category that still have room: %(names)s."
        ) % {"names": names}
    else:
        message += " " + _("No other provider of this lot has room left; contact the region.")
    raise ValidationError({"provider": message}, code="client_stop")
