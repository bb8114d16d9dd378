# SPDX-License-Identifier: EUPL-1.2
"""Nee-tenzij (budgets.md §5): one youth's care above the ceiling, on its own line."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
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
from jeugdregie.audit.constants import AccessPurpose, ChangeAction
from jeugdregie.audit.services import access_record_create, change_record_create, snapshot
from jeugdregie.budgets.constants import ExceptionStatus
from jeugdregie.budgets.models import CeilingException
from jeugdregie.clients.models import Youth
from jeugdregie.clients.selectors import youth_by_bsn, youth_visible_to
from jeugdregie.clients.submissions import Submission
from jeugdregie.contracting.models import Product, Provider
from jeugdregie.core.bsn import mask_bsn
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
    submission: Submission,
    product: Product,
    cannot_wait: bool,
    only_here: bool,
    explanation: str,
) -> CeilingException:
    """A provider asks to take one youth in above its ceiling, for a weighty reason: one of the
    examples (the care cannot wait, it is only available here) or another reason in words, always
    with a motivation (``explanation``).

    The request keeps the identity the provider submitted and is linked to the region's youth
    with that BSN when there is one, so contract management sees it with the youth record.
    Every check and every answer is the same whether or not such a youth exists, and the
    provider is shown its submission only (``exception_rows``): it learns nothing about a
    youth it has no relation with (issue 11)."""
    if actor.organisation is None or actor.organisation.provider_id != provider.pk:
        raise ValidationError(_("Only the provider itself can request a nee-tenzij exception."))
    # One weighty reason suffices (budgets.md §5, corrected December 2026): "cannot wait" and
    # "only here" are the source's examples, not both required; another reason is given in
    # words in the explanation, which is always required as the motivation.
    if not explanation.strip():
        raise ValidationError(
            {
                "explanation": _(
                    "Name the weighty reason why this youth needs this care here, and motivate it."
                )
            }
        )
    if product.region_id != region.pk:
        raise ValidationError({"product": _("The product must belong to the region.")})
    exception = CeilingException.objects.create(
        region=region,
        provider=provider,
        youth=youth_by_bsn(bsn=submission.bsn, region=region),  # a link, never shown to it
        submitted_bsn=submission.bsn,
        submitted_bsn_index=submission.bsn_index,
        submitted_given_name=submission.given_name,
        submitted_family_name=submission.family_name,
        submitted_birth_date=submission.birth_date.isoformat(),
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
    if exception.youth_id is None and exception.submitted_bsn:
        # A youth registered since the request: link it now.
        exception.youth = youth_by_bsn(bsn=exception.submitted_bsn, region=exception.region)
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
    if exception.youth_id is None:
        # Granted before the region knew the youth: the BSN the provider submitted decides.
        same_youth = bool(youth.bsn_index) and exception.submitted_bsn_index == youth.bsn_index
    else:
        same_youth = exception.youth_id == youth.pk
    if not same_youth or exception.provider_id != provider.pk:
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
    # The youth is read to link it and to weigh the request, never to show it to a provider
    # (``exception_rows``).
    return exceptions.select_related("provider", "product", "youth")


@dataclass(frozen=True)
class ExceptionRow:
    """One request as ``user`` is shown it.

    A provider: the identity it submitted (BSN masked), never the youth record the request
    is linked to; a request without a submission (granted by the region through the
    afwegingskader) shows the youth only when the provider has a relation with it.
    Contract management: the youth record's link and what the provider submitted, with
    warnings to weigh before deciding."""

    exception: CeilingException
    bsn: str
    name: str
    birth_date: date | None
    youth_id: int | None  # a link to the youth's file
    warnings: tuple[str, ...] = ()


def _same_identity(exception: CeilingException, youth: Youth) -> bool:
    def words(text: str) -> str:
        return " ".join(text.lower().split())

    return (
        words(exception.submitted_given_name) == words(youth.given_name)
        and words(exception.submitted_family_name) == words(youth.family_name)
        and exception.submitted_birth == youth.birth_date
    )


def _warnings(exception: CeilingException, provider_has_allocation: bool) -> tuple[str, ...]:
    youth = exception.youth
    if youth is None:
        return (_("The region's records hold no youth with this BSN."),)
    warnings = []
    if exception.has_submission and not _same_identity(exception, youth):
        warnings.append(_("The name or birth date the provider entered differs from the record."))
    if not provider_has_allocation:
        warnings.append(_("This provider has no allocation for this youth."))
    return tuple(warnings)


def _youth_row(
    exception: CeilingException, *, masked: bool, warnings: tuple[str, ...] = ()
) -> ExceptionRow:
    youth = exception.youth
    assert youth is not None
    bsn = youth.bsn or ""
    return ExceptionRow(
        exception=exception,
        bsn=mask_bsn(bsn) if masked else bsn,
        name=f"{youth.given_name} {youth.family_name}",
        birth_date=youth.birth_date,
        youth_id=youth.pk,
        warnings=warnings,
    )


def _submission_row(
    exception: CeilingException, *, masked: bool, warnings: tuple[str, ...] = ()
) -> ExceptionRow:
    bsn = exception.submitted_bsn
    return ExceptionRow(
        exception=exception,
        bsn=mask_bsn(bsn) if masked else bsn,
        name=exception.submitted_name,
        birth_date=exception.submitted_birth,
        youth_id=None if masked else exception.youth_id,
        warnings=warnings,
    )


def exception_rows(
    *, user: User, exceptions: Iterable[CeilingException], route: str
) -> list[ExceptionRow]:
    """A page of requests as ``user`` is shown it (see ``ExceptionRow``), recorded in the
    access log: the youth records shown, and a submitted BSN by its keyed hash."""
    page = list(exceptions)
    linked = {e.youth_id for e in page if e.youth_id is not None}
    rows: list[ExceptionRow] = []
    if user.role == Role.PROVIDER:
        related = set(
            youth_visible_to(user=user).filter(pk__in=linked).values_list("pk", flat=True)
        )
        for e in page:
            if e.has_submission:
                rows.append(_submission_row(e, masked=True))
            elif e.youth_id in related:
                rows.append(_youth_row(e, masked=True))
            else:
                rows.append(
                    ExceptionRow(exception=e, bsn="", name="", birth_date=None, youth_id=None)
                )
    else:
        allocated = set(
            Allocation.objects.filter(youth_id__in=linked).values_list("youth_id", "provider_id")
        )
        for e in page:
            warnings = _warnings(e, (e.youth_id, e.provider_id) in allocated)
            row = _submission_row if e.has_submission else _youth_row
            rows.append(row(e, masked=False, warnings=warnings))
    access_record_create(
        user=user,
        youth_ids=sorted({row.youth_id for row in rows if row.youth_id is not None}),
        purpose=AccessPurpose.LIST,
        route=route,
        bsn_hashes=[
            row.exception.submitted_bsn_index
            for row in rows
            if row.youth_id is None and row.exception.submitted_bsn_index
        ],
        region_id=region_id_of(user),
    )
    return rows


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
