# SPDX-License-Identifier: EUPL-1.2
"""Reads for cases and the expert table; every read of a case names a youth and is logged."""

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import ngettext

from jeugdregie.accounts.constants import Role
from jeugdregie.accounts.models import User
from jeugdregie.accounts.permissions import Capability
from jeugdregie.accounts.selectors import user_can
from jeugdregie.audit.constants import AccessPurpose
from jeugdregie.audit.services import access_record_create
from jeugdregie.casetable.constants import CareSetting, CaseKind, CaseStatus, MeetingStatus, Outcome
from jeugdregie.casetable.evaluation import ground_labels
from jeugdregie.casetable.models import AgendaItem, Case, Meeting
from jeugdregie.core.worklists import WorkItem
from jeugdregie.framework.selectors import settles_judgements
from jeugdregie.regions.selectors import region_of

__all__ = [
    "OWN_ORGANISATION",
    "REGION_WIDE",
    "SETTLEABLE",
    "Overview",
    "YearRow",
    "agenda",
    "case_detail",
    "case_list",
    "cases_on_tables_of",
    "cases_visible_to",
    "cases_worklist",
    "log_youth_shown",
    "may_settle",
    "meetings_visible_to",
    "overview",
    "planned_meetings",
    "tables_of",
    "youth_on_tables_of",
]

# Who sees which cases: the region's contract management all of them; an expert-table member
# the cases on the agenda of a table they sit on; the access team and certified institutions
# the cases their own organisation asked for.
REGION_WIDE = frozenset({Role.CONTRACT_MANAGER})
OWN_ORGANISATION = frozenset({Role.ACCESS_STAFF, Role.GI_STAFF})


# --- who settles a judgement ---------------------------------------------------------------
# The one owner of the question (issue 12). A user settles a judgement fact of a case when
# the case is still open (open or on the agenda), the user's role may decide cases (the
# capability table: the expert table and contract management) and the afwegingskader in
# force on the case's request date names the role in ``judgement_settled_by`` — the list
# the engine reads to count a recorded judgement as settled. The judgement form on the case
# page and ``services.judgement_settle`` ask only this.

SETTLEABLE = frozenset({CaseStatus.OPEN, CaseStatus.ON_AGENDA})


def may_settle(*, user: User, case: Case) -> bool:
    """Whether ``user`` may settle a judgement of ``case`` (see above)."""
    return (
        case.status in SETTLEABLE
        and user_can(user, Capability.DECIDE_CASES)
        and settles_judgements(role=user.role, on=case.request_date)
    )


# --- the expert table: what a member sees -------------------------------------------------
#
# One definition, used by every page and selector that answers "which youth may an
# expert-table member see" (``accounts.selectors.organisation_scope`` for the youth pages and
# the API, the cases, the meetings and their agendas, the overview): a table a member sits on
# is a meeting of the region the user is a member of (``Meeting.members``, planned or held);
# the member sees exactly the cases on those meetings' agendas and the youth of those cases.


def tables_of(*, user: User) -> QuerySet[Meeting]:
    """The meetings of the expert table the user sits on (a member of, in their region)."""
    region = region_of(user=user)
    if region is None:
        return Meeting.objects.none()
    return Meeting.objects.filter(region=region, members=user)


def cases_on_tables_of(*, user: User) -> QuerySet[Case]:
    """The cases on the agenda of a table the user sits on."""
    return Case.objects.filter(
        pk__in=AgendaItem.objects.filter(meeting__in=tables_of(user=user)).values("case_id")
    )


def youth_on_tables_of(*, user: User) -> QuerySet[Case, Any]:
    """The ids of the youth of the cases on a table the user sits on (a subquery)."""
    return cases_on_tables_of(user=user).order_by().values("youth_id")


def cases_visible_to(*, user: User) -> QuerySet[Case]:
    region = region_of(user=user)
    if region is None:
        return Case.objects.none()
    cases = Case.objects.filter(region=region)
    if user.role in REGION_WIDE:
        return cases
    if user.role == Role.EXPERT_MEMBER:
        return cases.filter(pk__in=cases_on_tables_of(user=user).values("pk"))
    if user.role in OWN_ORGANISATION and user.organisation_id is not None:
        return cases.filter(requested_by__organisation_id=user.organisation_id)
    return Case.objects.none()


def case_list(*, user: User, filters: dict[str, Any]) -> QuerySet[Case]:
    """The cases a user may see, filtered; the youth on the page are logged by the view."""
    cases = cases_visible_to(user=user).select_related("youth", "provider", "product")
    if filters.get("status"):
        cases = cases.filter(status=filters["status"])
    if filters.get("kind"):
        cases = cases.filter(kind=filters["kind"])
    if filters.get("outcome"):
        cases = cases.filter(outcome=filters["outcome"])
    return cases.order_by("-request_date", "-pk")


def log_youth_shown(*, user: User, cases: list[Case], route: str, purpose: AccessPurpose) -> None:
    """Record that ``user`` saw the youth of ``cases``: on a list or an agenda (``LIST``), a
    case's own page (``DETAIL``) or an agenda or minutes PDF (``EXPORT``)."""
    access_record_create(
        user=user,
        youth_ids=[case.youth_id for case in cases],
        purpose=purpose,
        route=route,
    )


def case_detail(*, user: User, pk: int, route: str) -> Case:
    try:
        case = (
            cases_visible_to(user=user)
            .select_related(
                "youth__municipality",
                "provider",
                "product__lot",
                "requested_by",
                "decided_by",
                "contract",
                "allocation",
                "ceiling_exception",
            )
            .get(pk=pk)
        )
    except Case.DoesNotExist as exc:
        raise Http404 from exc
    log_youth_shown(user=user, cases=[case], route=route, purpose=AccessPurpose.DETAIL)
    return case


def meetings_visible_to(*, user: User) -> QuerySet[Meeting]:
    """Contract management sees every meeting of the region; expert-table members, the access
    team and certified institutions the meetings they sit on (the agenda names youth)."""
    region = region_of(user=user)
    if region is None:
        return Meeting.objects.none()
    if user.role in REGION_WIDE:
        return Meeting.objects.filter(region=region)
    if user.role in OWN_ORGANISATION | {Role.EXPERT_MEMBER}:
        return tables_of(user=user)
    return Meeting.objects.none()


def planned_meetings(*, user: User) -> QuerySet[Meeting]:
    """The region's planned meetings a case can be put on (dates only, no agenda)."""
    region = region_of(user=user)
    if region is None or user.role not in REGION_WIDE | OWN_ORGANISATION | {Role.EXPERT_MEMBER}:
        return Meeting.objects.none()
    return Meeting.objects.filter(region=region, status=MeetingStatus.PLANNED).order_by("date")


def agenda(*, meeting: Meeting) -> list[AgendaItem]:
    return list(
        meeting.items.select_related("case__youth", "case__provider", "case__product").order_by(
            "position"
        )
    )


@dataclass
class YearRow:
    year: int
    light_contracts: int = 0
    ambulant: int = 0
    residential: int = 0

    @property
    def ambulant_share(self) -> Decimal | None:
        if not self.light_contracts:
            return None
        return (Decimal(self.ambulant) / self.light_contracts * 100).quantize(Decimal("1"))

    @property
    def residential_share(self) -> Decimal | None:
        if not self.light_contracts:
            return None
        return (Decimal(self.residential) / self.light_contracts * 100).quantize(Decimal("1"))


@dataclass
class Overview:
    years: list[YearRow]
    by_ground: list[tuple[str, str, int]]  # ground, its label, cases
    by_outcome: list[tuple[str, str, int]]
    overruns: list[Case] = field(default_factory=list)


def overview(*, user: User) -> Overview:
    """Light contracts concluded per year split ambulant/residential (memo §9), cases per
    exception ground and per outcome, and the list of ceiling-overrun cases (memo annex I).
    Aggregates only, except the overrun list (names: contract management all of them, an
    expert-table member those on a table they sit on)."""
    region = region_of(user=user)
    cases = Case.objects.filter(region=region) if region is not None else Case.objects.none()
    labels = ground_labels()
    years: dict[int, YearRow] = {}
    grounds: Counter[str] = Counter()
    outcomes: Counter[str] = Counter()
    for kind, status, setting, start, outcome, exception_grounds in cases.values_list(
        "kind", "status", "care_setting", "start", "outcome", "exception_grounds"
    ):
        outcomes[outcome] += 1
        grounds.update(exception_grounds or [])
        if kind == CaseKind.LIGHT_CONTRACT and status == CaseStatus.APPROVED:
            row = years.setdefault(start.year, YearRow(start.year))
            row.light_contracts += 1
            # short stay counts as ambulant (memo: "inclusief kortdurend verblijf")
            if setting == CareSetting.VERBLIJF:
                row.residential += 1
            else:
                row.ambulant += 1
    overruns: list[Case] = []
    if user.role in REGION_WIDE | {Role.EXPERT_MEMBER}:
        overruns = list(
            cases_visible_to(user=user)
            .filter(kind=CaseKind.CEILING_OVERRUN)
            .select_related("provider", "product")
            .order_by("-request_date", "-pk")
        )
    return Overview(
        years=[years[y] for y in sorted(years)],
        by_ground=[(g, labels.get(g, ""), n) for g, n in sorted(grounds.items())],
        by_outcome=[
            (value, str(label), outcomes.get(value, 0)) for value, label in Outcome.choices
        ],
        overruns=overruns,
    )


def cases_worklist(*, user: User) -> list[WorkItem]:
    """Open cases waiting for contract management's decision; for an expert-table member the
    undecided cases on the planned meetings they sit on."""
    items = []
    if user_can(user, Capability.DECIDE_CASES) and user.role in REGION_WIDE:
        count = cases_visible_to(user=user).filter(status=CaseStatus.OPEN).count()
        if count:
            text = ngettext(
                "%(count)s open case waits for a decision or a place on the agenda",
                "%(count)s open cases wait for a decision or a place on the agenda",
                count,
            ) % {"count": count}
            items.append(
                WorkItem("casetable.open_cases", text, count, "casetable:case-list", "status=open")
            )
    if user.role == Role.EXPERT_MEMBER:
        count = AgendaItem.objects.filter(
            meeting__in=tables_of(user=user).filter(status=MeetingStatus.PLANNED),
            decision="",
            for_report=False,
        ).count()
        if count:
            text = ngettext(
                "%(count)s case is on the agenda of a meeting you sit on",
                "%(count)s cases are on the agenda of a meeting you sit on",
                count,
            ) % {"count": count}
            items.append(WorkItem("casetable.agenda", text, count, "casetable:meeting-list"))
    return items
