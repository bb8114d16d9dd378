# SPDX-License-Identifier: EUPL-1.2
"""Nee-tenzij (budgets.md §5): one youth's care above the ceiling, on its own line."""

from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet, Sum
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from jeugdregie.accounts.constants import Role
from jeugdregie.accounts.models import User
from jeugdregie.accounts.permissions import Capability
from jeugdregie.accounts.selectors import own_provider_id, region_id_of, user_can
from jeugdregie.allocations.models import Allocation
from jeugdregie.audit.constants import ChangeAction
from jeugdregie.audit.services import change_record_create, snapshot
from jeugdregie.budgets.constants import ExceptionStatus
from jeugdregie.budgets.models import CeilingException
from jeugdregie.clients.models import Youth
from jeugdregie.contracting.models import Product, Provider
from jeugdregie.notifications.services import notifications_send
from jeugdregie.regions.models import Region


def _notify(exception: CeilingException, subject: str, text: str) -> None:
    from jeugdregie.budgets.alerts import budget_watchers

    notifications_send(
        users=budget_watchers(region=exception.region, provider_id=exception.provider_id),
        subject=subject,
        text=text,
        link=reverse("budgets:exception-list"),
    )


@transaction.atomic
def exception_request(
    *,
    actor: User,
    region: Region,
    provider: Provider,
    youth: Youth,
    product: Product,
    cannot_wait: bool,
    only_here: bool,
    explanation: str,
) -> CeilingException:
    """A provider asks to take one youth in above its ceiling, with its reasons."""
    if actor.organisation is None or actor.organisation.provider_id != provider.pk:
        raise ValidationError(_("Only the provider itself can request a nee-tenzij exception."))
    if not (cannot_wait and only_here):
        raise ValidationError(
            _(
                "A nee-tenzij exception is only for care that cannot wait and is only "
                "available at this provider."
            )
        )
    if not explanation.strip():
        raise ValidationError({"explanation": _("Explain why this youth needs this care here.")})
    if youth.municipality.region_id != region.pk or product.region_id != region.pk:
        raise ValidationError(_("The youth and the product must belong to the region."))
    exception = CeilingException.objects.create(
        region=region,
        provider=provider,
        youth=youth,
        product=product,
        cannot_wait=cannot_wait,
        only_here=only_here,
        explanation=explanation.strip(),
        requested_by=actor,
    )
    change_record_create(user=actor, instance=exception, action=ChangeAction.CREATE)
    with translation.override("nl"):
        _notify(
            exception,
            _("Nee-tenzij requested: %(provider)s") % {"provider": provider.name},
            _("Request NT-%(number)s for one youth above the ceiling.") % {"number": exception.pk},
        )
    return exception


@transaction.atomic
def exception_decide(
    *, actor: User, exception: CeilingException, grant: bool, reason: str
) -> CeilingException:
    if actor.role != Role.CONTRACT_MANAGER:
        raise ValidationError(_("Only contract management decides on a nee-tenzij exception."))
    if exception.status != ExceptionStatus.REQUESTED:
        raise ValidationError(_("This request has already been decided."))
    if not reason.strip():
        raise ValidationError({"decision_reason": _("Give the reason for the decision.")})
    before = snapshot(exception)
    exception.status = ExceptionStatus.GRANTED if grant else ExceptionStatus.REFUSED
    exception.decided_by, exception.decided_at = actor, timezone.now()
    exception.decision_reason = reason.strip()
    exception.save()
    change_record_create(user=actor, instance=exception, action=ChangeAction.UPDATE, before=before)
    with translation.override("nl"):
        _notify(
            exception,
            _("Nee-tenzij NT-%(number)s: %(status)s")
            % {"number": exception.pk, "status": exception.get_status_display()},
            exception.decision_reason,
        )
    return exception


@transaction.atomic
def exception_grant_for_case(
    *,
    actor: User,
    region: Region,
    provider: Provider,
    youth: Youth,
    product: Product,
    reason: str,
) -> CeilingException:
    """A nee-tenzij exception granted through the afwegingskader (kind ``ceiling_overrun``,
    budgets.md §5 for Haarlem): the expert table or contract management decided, so it is
    recorded as granted at once; its care is booked on its own line."""
    if youth.municipality.region_id != region.pk or product.region_id != region.pk:
        raise ValidationError(_("The youth and the product must belong to the region."))
    now = timezone.now()
    exception = CeilingException.objects.create(
        region=region,
        provider=provider,
        youth=youth,
        product=product,
        cannot_wait=True,
        only_here=True,
        explanation=reason,
        requested_by=actor,
        status=ExceptionStatus.GRANTED,
        decided_by=actor,
        decided_at=now,
        decision_reason=reason,
    )
    change_record_create(user=actor, instance=exception, action=ChangeAction.CREATE)
    with translation.override("nl"):
        _notify(
            exception,
            _("Nee-tenzij NT-%(number)s: %(status)s")
            % {"number": exception.pk, "status": exception.get_status_display()},
            reason,
        )
    return exception


def check_exception_allocation(
    *, exception: CeilingException, youth: Youth, provider: Provider
) -> None:
    """Only a granted exception carries care, for its own youth and provider."""
    if exception.status != ExceptionStatus.GRANTED:
        raise ValidationError(
            {"ceiling_exception": _("This nee-tenzij exception has not been granted.")}
        )
    if exception.youth_id != youth.pk or exception.provider_id != provider.pk:
        raise ValidationError(
            {"ceiling_exception": _("This exception is for another youth or provider.")}
        )


def exceptions_visible_to(*, user: User) -> QuerySet[CeilingException]:
    if not (
        user_can(user, Capability.DECIDE_CLIENT_STOPS)
        or user_can(user, Capability.REQUEST_CLIENT_STOP)
    ):
        return CeilingException.objects.none()
    exceptions = CeilingException.objects.filter(region_id=region_id_of(user))
    if user.role == Role.PROVIDER:
        exceptions = exceptions.filter(provider_id=own_provider_id(user))
    return exceptions.select_related("provider", "product")


@dataclass(frozen=True)
class ReportLine:
    exception: CeilingException
    allocation: Allocation
    amount: Decimal


@dataclass(frozen=True)
class HalfYearReport:
    provider: Provider
    year: int
    half: int
    lines: list[ReportLine]

    @property
    def total(self) -> Decimal:
        return sum((line.amount for line in self.lines), Decimal("0.00"))

    @property
    def months(self) -> range:
        return range(1, 7) if self.half == 1 else range(7, 13)


def half_year_report(*, user: User, provider_id: int, year: int, half: int) -> HalfYearReport:
    """Production under nee-tenzij in a half year (declared amounts per allocation line),
    for settlement on actual production. Provider.DoesNotExist when not visible."""
    from jeugdregie.budgets.selectors import budget_providers_visible_to

    provider = budget_providers_visible_to(user=user).get(pk=provider_id)
    months = range(1, 7) if half == 1 else range(7, 13)
    allocations = (
        Allocation.objects.filter(
            provider=provider,
            municipality__region_id=region_id_of(user),
            ceiling_exception__status=ExceptionStatus.GRANTED,
        )
        .select_related("ceiling_exception", "product")
        .annotate(
            produced=Sum(
                "realisations__amount",
                filter=Q(
                    realisations__year=year,
                    realisations__month__in=list(months),
                    realisations__is_credit=False,
                ),
            ),
            credited=Sum(
                "realisations__amount",
                filter=Q(
                    realisations__year=year,
                    realisations__month__in=list(months),
                    realisations__is_credit=True,
                ),
            ),
        )
        .order_by("ceiling_exception_id", "number")
    )
    lines = []
    for a in allocations:
        assert a.ceiling_exception is not None
        amount = (a.produced or Decimal(0)) - (a.credited or Decimal(0))
        lines.append(ReportLine(exception=a.ceiling_exception, allocation=a, amount=amount))
    return HalfYearReport(provider=provider, year=year, half=half, lines=lines)


def youth_by_bsn_in_region(*, bsn: str, region: Region) -> Youth:
    """The youth a nee-tenzij request is for, found by keyed hash; shows nothing about them."""
    from jeugdregie.clients.services import bsn_lookup_key
    from jeugdregie.core.bsn import normalise_bsn, passes_eleven_test

    number = normalise_bsn(bsn)
    if not (number.isdigit() and passes_eleven_test(number)):
        raise ValidationError({"bsn": _("BSN '%(value)s' is not a valid BSN.") % {"value": bsn}})
    youth = Youth.objects.filter(
        bsn_index=bsn_lookup_key(number), municipality__region=region
    ).first()
    if youth is None:
        raise ValidationError(
            {"bsn": _("No youth with this BSN lives in one of the region's municipalities.")}
        )
    return youth
