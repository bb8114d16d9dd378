# SPDX-License-Identifier: EUPL-1.2
"""The rules for one line of a JW323, checked against its allocation and against the
earlier lines of the provider (TR314, TR319, TR338, TR304, TR384, TR339–TR341, TR307/308,
TR387/388, credit/debit pairing TR323, TR390, TR389, TR346, TR418, TR321/322/369)."""

import calendar
import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _

import ijw
from ijw import codelists as cl
from jeugdregie.allocations.constants import ChangeReason
from jeugdregie.allocations.models import Allocation
from jeugdregie.contracting.selectors import TariffBook, tariff_book
from jeugdregie.messaging.services import sql
from jeugdregie.messaging.services.context import Context, allocations_by_number, run_cached

__all__ = [
    "KnownLines",
    "check_line",
    "contract_tariff",
    "last_day",
]


def last_day(day: dt.date) -> dt.date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def _tariff_book(region_id: int) -> TariffBook:
    """The region's tariffs (read once per import run)."""

    def load() -> TariffBook:
        return tariff_book(region=region_id)

    return run_cached(("tariffs", region_id), load)


def contract_tariff(allocation: Allocation, on: dt.date) -> Decimal | None:
    """The price per unit agreed for this allocation on ``on``."""
    if allocation.unit_price is not None:
        return allocation.unit_price
    return _tariff_book(allocation.product.region_id).price(allocation.product_id, on)


def _allowed_volume(allocation: Allocation, start: dt.date, end: dt.date) -> int | None:
    """TR321: the most that can be declared in one line for a volume per day/week/month."""
    volume = allocation.volume
    if volume is None:
        return None
    days = (end - start).days + 1
    if allocation.frequency == "1":
        return volume * days
    if allocation.frequency == "2":
        weeks = {(start + dt.timedelta(days=n)).isocalendar()[:2] for n in range(days)}
        return volume * len(weeks)
    if allocation.frequency == "4":
        return volume
    return None


def _expected_amounts(line: ijw.Prestatie) -> set[int]:
    """TR346: the amounts in cents a line may carry; empty when no tariff is given.

    Eenheid 83 (euros): the volume is itself the amount in cents (IV042, CS339). Otherwise
    volume × the (unrounded) ProductTarief. Minutes (Eenheid 01) may be declared against an
    hourly tariff: tariff × minutes / 60, rounded to cents (IV081). Which of the two the
    contract means is not in our tariff table (a tariff is per product unit), so for minutes
    both are accepted; TR418 still checks the tariff itself against the contract.
    """
    if line.eenheid == cl.Eenheid.EUROS:
        return {line.geleverd_volume}
    if line.product_tarief is None:
        return set()
    amounts = {line.geleverd_volume * line.product_tarief}
    if line.eenheid == cl.Eenheid.MINUUT:
        hourly = Decimal(line.product_tarief) * line.geleverd_volume / 60
        amounts.add(int(hourly.quantize(Decimal(1), rounding=ROUND_HALF_UP)))
    return amounts


def _limits_over_time(allocation: Allocation) -> bool:
    """TR322/TR369 need what was approved before: a total volume or a budget."""
    return (
        allocation.frequency == "6" and allocation.volume is not None
    ) or allocation.budget is not None


class KnownLines:
    """What the earlier messages say about the lines of one declaration, read in a few
    queries for the whole message instead of several per line."""

    def __init__(self, ctx: Context, declaration: ijw.Declaratie) -> None:
        lines = [line for client in declaration.clienten for line in client.prestaties]
        references = {line.product_referentie.referentie_nummer for line in lines}
        previous = {
            line.product_referentie.vorig_referentie_nummer or ""
            for line in lines
            if line.ingediend_bedrag.debet_credit == cl.DebetCredit.CREDIT
        }
        numbers = [str(line.toewijzing_nummer) for line in lines]
        self.allocations = {
            number: allocation
            for number, (allocation, _periods) in allocations_by_number(ctx, numbers).items()
        }
        self.period_end = declaration.declaratie_periode.einddatum
        allocation_ids = [allocation.pk for allocation in self.allocations.values()]
        earlier = sql.earlier_declaration_lines(
            provider_id=ctx.provider.pk,
            references=references,
            previous=previous,
            allocation_ids=allocation_ids,
        )
        self.used: set[str] = set()
        self.debits: set[str] = set()
        self.credited: set[str] = set()
        # TR389: approved debit lines per allocation and period, less the credited ones
        self._declared: dict[tuple[int, dt.date, dt.date], set[str]] = {}
        self._approved: dict[int, tuple[int, Decimal]] = {
            pk: (0, Decimal(0)) for pk in allocation_ids
        }
        credited: set[str] = set()
        for line in earlier:
            if line.provider_id == ctx.provider.pk:
                if line.reference in references:
                    self.used.add(line.reference)
                if line.approved and not line.is_credit and line.reference in previous:
                    self.debits.add(line.reference)
                if line.approved and line.previous_reference in previous:
                    self.credited.add(line.previous_reference)
            if not line.approved or line.allocation_id not in self._approved:
                continue
            so_far_volume, so_far_amount = self._approved[line.allocation_id]
            sign = -1 if line.is_credit else 1
            self._approved[line.allocation_id] = (
                so_far_volume + sign * line.volume,
                so_far_amount + sign * line.amount,
            )
            if line.is_credit:
                credited.add(line.previous_reference)
            else:
                key = (line.allocation_id, line.start, line.end)
                self._declared.setdefault(key, set()).add(line.reference)
        for declared in self._declared.values():
            declared -= credited

    def open_debit(self, allocation: Allocation, start: dt.date, end: dt.date) -> bool:
        """TR389: an approved debit for this allocation and period that is not credited."""
        return bool(self._declared.get((allocation.pk, start, end), set()) - self.credited)

    def approved(self, allocation: Allocation) -> tuple[int, Decimal]:
        """Approved volume and amount so far (debits minus credits), this message included."""
        return self._approved[allocation.pk]

    def book(self, line: ijw.Prestatie, allocation: Allocation, amount: Decimal) -> None:
        """An approved line of this message counts for the lines after it."""
        credit = line.ingediend_bedrag.debet_credit == cl.DebetCredit.CREDIT
        reference = line.product_referentie.referentie_nummer
        if credit:
            self.credited.add(line.product_referentie.vorig_referentie_nummer or "")
        else:
            self.debits.add(reference)
            key = (allocation.pk, line.product_periode.begindatum, line.product_periode.einddatum)
            self._declared.setdefault(key, set()).add(reference)
        if _limits_over_time(allocation):
            so_far_volume, so_far_amount = self.approved(allocation)
            volume = line.geleverd_volume
            sign = -1 if credit else 1
            self._approved[allocation.pk] = (
                so_far_volume + sign * volume,
                so_far_amount + sign * amount,
            )


def check_line(
    ctx: Context, line: ijw.Prestatie, bsn_key: str, known: KnownLines, seen: set[str]
) -> tuple[str, str, str] | tuple[None, Allocation, None]:
    """(code, rule, Dutch text) of the first rule the line breaks, or (None, allocation, None)."""
    reference = line.product_referentie.referentie_nummer
    start, end = line.product_periode.begindatum, line.product_periode.einddatum
    if reference in seen or reference in known.used:
        return (
            "8021",
            "TR314",
            _("Line reference %(reference)s was used before.") % {"reference": reference},
        )
    if end > known.period_end:
        return "9319", "TR319", _("The line period ends after the declaration period.")
    allocation = known.allocations.get(str(line.toewijzing_nummer))
    if allocation is None:
        return (
            "9338",
            "TR338",
            _("Allocation %(number)s of this provider does not exist.")
            % {"number": line.toewijzing_nummer},
        )
    if getattr(allocation, "youth_bsn_index", None) != bsn_key:
        return (
            "8187",
            "TR304",
            _("Allocation %(number)s belongs to another client.")
            % {"number": line.toewijzing_nummer},
        )
    if allocation.change_reason == ChangeReason.REMOVED:
        return (
            "9384",
            "TR384",
            _("Allocation %(number)s was deleted.") % {"number": line.toewijzing_nummer},
        )
    if line.product_categorie != allocation.product.category.code:
        return "9339", "TR339", _("The product category differs from the allocation's.")
    if line.product_code != allocation.product.code:
        return "9340", "TR340", _("The product code differs from the allocation's.")
    if line.eenheid != allocation.unit:
        return "9341", "TR341", _("The unit differs from the allocation's unit.")
    if start < allocation.start:
        return "9307", "TR307", _("The line starts before the allocation.")
    if allocation.end is not None and end > allocation.end:
        return "9308", "TR308", _("The line ends after the allocation.")
    if start.day != 1 and start != allocation.start:
        return (
            "9387",
            "TR387",
            _("The line starts neither on the 1st of the month nor on the allocation's start."),
        )
    if end != last_day(end) and end != allocation.end:
        return (
            "9388",
            "TR388",
            _("The line ends neither on the last day of the month nor on the allocation's end."),
        )
    credit = line.ingediend_bedrag.debet_credit == cl.DebetCredit.CREDIT
    if credit:
        previous = line.product_referentie.vorig_referentie_nummer or ""
        if previous not in known.debits:
            return "8017", "TR323", _("The credit refers to no approved debit line.")
        if previous in known.credited:
            return (
                "9390",
                "TR390",
                _("Line %(reference)s was credited before.") % {"reference": previous},
            )
        return None, allocation, None
    if known.open_debit(allocation, start, end):
        return (
            "9389",
            "TR389",
            _(
                "This care was declared before in a line that has not been credited; credit "
                "that line first."
            ),
        )
    expected = _expected_amounts(line)
    if expected and line.ingediend_bedrag.bedrag not in expected:
        return (
            "9346",
            "TR346",
            _("The amount € %(amount)s is not volume × tariff (€ %(expected)s).")
            % {
                "amount": ijw.euros(line.ingediend_bedrag.bedrag),
                "expected": " / € ".join(str(ijw.euros(a)) for a in sorted(expected)),
            },
        )
    if allocation.unit != "83":
        tariff = contract_tariff(allocation, start)
        if tariff is not None and line.product_tarief != ijw.cents(tariff):
            return (
                "0611",
                "TR418",
                _("Tariff € %(declared)s differs from the contract tariff € %(tariff)s.")
                % {
                    "declared": ijw.euros(line.product_tarief or 0),
                    "tariff": tariff,
                },
            )
    allowed = _allowed_volume(allocation, start, end)
    if allowed is not None and line.geleverd_volume > allowed:
        return (
            "9321",
            "TR321",
            _("Volume %(volume)s is above the allocated %(allowed)s.")
            % {
                "volume": line.geleverd_volume,
                "allowed": allowed,
            },
        )
    volume_so_far, amount_so_far = (
        known.approved(allocation) if _limits_over_time(allocation) else (0, Decimal(0))
    )
    if (
        allocation.frequency == "6"
        and allocation.volume is not None
        and volume_so_far + line.geleverd_volume > allocation.volume
    ):
        return "9322", "TR322", _("Together with earlier lines the allocated volume is exceeded.")
    if (
        allocation.budget is not None
        and amount_so_far + ijw.euros(line.ingediend_bedrag.bedrag) > allocation.budget
    ):
        return "9369", "TR369", _("Together with earlier lines the budget is exceeded.")
    return None, allocation, None
