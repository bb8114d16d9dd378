# SPDX-License-Identifier: EUPL-1.2
"""Each cross-app question has one owner, and its copies do not come back.

Every question below used to be answered in several places, and the copies disagreed
(issue 12). Each now has one owner module; the tell-tale query or statement of the question
may appear only there (and in the demo builder, which writes rows, and in tests). A copy
elsewhere fails this test with the owner to call instead.
"""

import re
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

APPS = Path(settings.PROJECT_DIR) / "src" / "jeugdregie"


@dataclass(frozen=True)
class Owner:
    question: str
    owner: str  # what to call instead
    pattern: re.Pattern[str]
    allowed: tuple[str, ...]  # paths below src/jeugdregie (a folder ends with "/")


DEMO = (
    "demo/",
    "casetable/demo.py",
    "messaging/demo.py",
    "trajectories/demo.py",
    "waitinglists/demo.py",
)

OWNERS = (
    Owner(
        "is this provider contracted (for this lot, on this day)? which providers has the region?",
        "contracting.selectors.provider_contracted / providers_contracted / "
        "contracts_running / providers_of_region",
        re.compile(r"\bcontracts__|\blots__contracts\b|\bcontract__lots\b|\blot__contracts__"),
        ("contracting/selectors.py", "contracting/admin.py", *DEMO),
    ),
    Owner(
        "the tariff of a product on a day",
        "contracting.selectors.tariff_for / tariff_book",
        re.compile(r"\bTariff\.objects\b|\btariffs__valid_"),
        ("contracting/", *DEMO),
    ),
    Owner(
        "the youth with this BSN",
        "clients.selectors.youth_by_bsn / youth_by_bsn_index / youth_by_bsn_required",
        re.compile(r"Youth\.objects\.filter\(\s*bsn_index|\byouth__bsn_index\b"),
        ("clients/", *DEMO),
    ),
    Owner(
        "does this care count for the ceiling (nee-tenzij)?",
        "budgets.ledger.APART_FIELD / COUNTS_FOR_CEILING / allocation_apart",
        re.compile(r"\bceiling_exception(_id)?__isnull\b"),
        ("budgets/ledger.py",),
    ),
    Owner(
        "who settles a judgement?",
        "casetable.selectors.may_settle (framework.selectors.settles_judgements)",
        re.compile(r"\bjudgement_settled_by\b"),
        ("framework/", "casetable/selectors.py"),
    ),
    Owner(
        "how many full calendar months have passed between two dates? (issue 17)",
        "core.calendar_months.full_months_between / full_months_passed",
        re.compile(r"\.year\s*-\s*\w+\.year\s*\)\s*\*\s*12"),
        ("core/calendar_months.py",),
    ),
    Owner(
        "the next allocation number",
        "allocations.services.next_allocation_number",
        re.compile(r"Max\(\s*Cast\(\s*[\"']number[\"']|Max\(\s*[\"']number[\"']"),
        ("allocations/services.py",),
    ),
    Owner(
        "SQL written by hand",
        "the ORM; where SQL is needed, one module with its reason: messaging/services/sql.py "
        "(the message pipeline), audit (the hash chain's lock and append), budgets/ledger.py "
        "(the set-based recompute), core/ids.py (ids reserved from a sequence), "
        "demo/database.py (a fresh database)",
        re.compile(r"\.cursor\(\)|\bRawSQL\(|\.raw\(|\.extra\("),
        (
            "messaging/services/sql.py",
            "audit/chain.py",
            "audit/services.py",
            "budgets/ledger.py",
            "core/ids.py",
            "demo/database.py",
        ),
    ),
)


def copies(root: Path, owners: tuple[Owner, ...] = OWNERS) -> list[str]:
    found = []
    for path in sorted(root.rglob("*.py")):
        relative = path.relative_to(root).as_posix()
        if "/tests/" in f"/{relative}" or "/migrations/" in f"/{relative}":
            continue
        text = path.read_text()
        for owner in owners:
            if any(
                relative == a or (a.endswith("/") and relative.startswith(a)) for a in owner.allowed
            ):
                continue
            for match in owner.pattern.finditer(text):
                line = text.count("\n", 0, match.start()) + 1
                found.append(f"{relative}:{line} answers '{owner.question}': call {owner.owner}")
    return found


def test_no_question_is_answered_outside_its_owner():
    found = copies(APPS)
    assert not found, "\n".join(found)


def test_a_copy_is_found_with_its_owner(tmp_path: Path):
    (tmp_path / "budgets").mkdir()
    (tmp_path / "budgets" / "reports.py").write_text(
        "in_lot = Provider.objects.filter(contracts__region=region, contracts__lots=lot)\n"
    )
    (tmp_path / "contracting").mkdir()
    (tmp_path / "contracting" / "selectors.py").write_text(
        "running = Contract.objects.filter(provider__contracts__lots=lot)\n"
    )
    [copy, second] = copies(tmp_path, OWNERS[:1])
    assert copy.startswith("budgets/reports.py:1 answers 'is this provider contracted")
    assert "call contracting.selectors.provider_contracted" in copy
    assert second == copy  # both lookups on the line are reported; the owner's file is not
