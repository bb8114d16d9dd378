# SPDX-License-Identifier: EUPL-1.2
"""Build, rebuild or keep the demo regions and their demo accounts (``seed_demo``).

Only in demo mode (``JEUGDREGIE_DEMO``), and only in a database that holds nothing but the
demo: every region carries the marker ``DemoDataset``. A region the demo did not make (one
that merely shares the code ``zhz``) is never touched; ``seed_demo`` refuses instead. A demo
built with other settings is rebuilt by recreating the database (``demo/database.py``),
never by deleting rows: log rows are not deleted.
"""

import time
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from jeugdregie.accounts.models import User
from jeugdregie.allocations.models import Allocation
from jeugdregie.authentication.services import (
    totp_device_create,
    user_create,
    user_management_access_grant,
)
from jeugdregie.casetable.demo import cases_seed_demo
from jeugdregie.clients.models import Youth
from jeugdregie.contracting.models import Provider
from jeugdregie.core.dates import default_year
from jeugdregie.demo.constants import (
    DEFAULT_SEED,
    DEMO_LOGINS,
    DEMO_PASSWORD,
    GENERATOR_VERSION,
    SCALE_FACTORS,
    DemoLogin,
    demo_totp_key,
)
from jeugdregie.demo.database import database_recreate
from jeugdregie.demo.generator import build_region_plan
from jeugdregie.demo.models import DemoDataset
from jeugdregie.demo.profiles.registry import PROFILES
from jeugdregie.demo.writer import WrittenRegion, write_region
from jeugdregie.messaging.demo import requests_seed_demo
from jeugdregie.regions.models import Region
from jeugdregie.trajectories.demo import trajectories_seed_demo
from jeugdregie.waitinglists.demo import demo_waiting_entries

__all__ = [
    "DemoRebuildRequiredError",
    "DemoRefusedError",
    "SeedResult",
    "demo_exists",
    "demo_is_seeded",
    "demo_mode_required",
    "demo_only_database_required",
    "demo_rebuild",
    "demo_seed",
    "regions_not_made_by_the_demo",
]

"""Apps whose master data the functional administrator may view and edit in Django admin."""


class DemoRefusedError(Exception):
    """``seed_demo`` does not run here; the message says why and what to do, in Dutch."""


class DemoRebuildRequiredError(Exception):
    """The demo exists, built with other settings (or a rebuild was asked): it can only be
    rebuilt by recreating the database (``demo_rebuild``)."""


@dataclass(frozen=True)
class SeedResult:
    region: str
    year: int
    youth: int
    allocations: int
    providers: int
    skipped: bool
    seconds: float


def demo_mode_required() -> None:
    if not settings.JEUGDREGIE_DEMO:
        raise DemoRefusedError(
            _(
                "This installation is not a demo: the demo regions and their accounts with "
                "the published password are only built when JEUGDREGIE_DEMO=1 is set (make "
                "run and make demo do that). Nothing was changed."
            )
        )


def regions_not_made_by_the_demo() -> list[str]:
    """Codes of the regions in the database without the demo's marker."""
    return sorted(Region.objects.filter(demo_dataset__isnull=True).values_list("code", flat=True))


def demo_only_database_required() -> None:
    """The demo is built, and rebuilt, only in a database of its own."""
    foreign = regions_not_made_by_the_demo()
    if foreign:
        raise DemoRefusedError(
            _(
                "The database holds regions that the demo did not make (%(codes)s); the demo "
                "does not touch them and is not built or rebuilt in this database. Use a "
                "database of its own for the demo. Nothing was changed."
            )
            % {"codes": ", ".join(foreign)}
        )


def demo_exists() -> bool:
    return DemoDataset.objects.exists()


def demo_is_seeded(*, scale: str, seed: int, year: int) -> bool:
    """Whether every demo region exists, built with these settings by this generator."""
    matching = DemoDataset.objects.filter(
        region__code__in=[profile.code for profile in PROFILES],
        scale=scale,
        seed=seed,
        year=year,
        version=GENERATOR_VERSION,
    )
    return matching.count() == len(PROFILES)


@transaction.atomic
def demo_seed(
    *, scale: str, seed: int = DEFAULT_SEED, year: int | None = None, force: bool = False
) -> list[SeedResult]:
    """Build the demo regions, or leave them as they are when already built like this.

    Refuses outside demo mode and in a database with regions the demo did not make
    (``DemoRefusedError``); a demo built otherwise, or ``force``, needs ``demo_rebuild``
    (``DemoRebuildRequiredError``). Everything happens in one transaction: a failed run leaves
    the database as it was.
    """
    demo_mode_required()
    demo_only_database_required()
    year = year or default_year()
    if not force and demo_is_seeded(scale=scale, seed=seed, year=year):
        trajectories_seed_demo()  # a demo built before the trajectories app gets them now
        cases_seed_demo()  # and before the expert table
        requests_seed_demo()  # and before the message worklists
        for region in Region.objects.filter(code__in=[profile.code for profile in PROFILES]):
            demo_waiting_entries(region=region, seed=seed)  # likewise for the waiting lists
        return [
            SeedResult(
                region=profile.code,
                year=year,
                skipped=True,
                seconds=0.0,
                youth=Youth.objects.filter(municipality__region__code=profile.code).count(),
                allocations=Allocation.objects.filter(
                    municipality__region__code=profile.code
                ).count(),
                providers=Provider.objects.filter(contracts__region__code=profile.code)
                .distinct()
                .count(),
            )
            for profile in PROFILES
        ]
    if (
        demo_exists()
        or User.objects.filter(username__in=[login.username for login in DEMO_LOGINS]).exists()
    ):
        raise DemoRebuildRequiredError
    results, written = [], {}
    for profile in PROFILES:
        started = time.perf_counter()
        plan = build_region_plan(profile, year=year, seed=seed, scale=SCALE_FACTORS[scale])
        written[profile.code] = write_region(plan, seed=seed)
        demo_waiting_entries(region=written[profile.code].region, seed=seed)
        DemoDataset.objects.create(
            region=written[profile.code].region,
            scale=scale,
            seed=seed,
            year=year,
            version=GENERATOR_VERSION,
        )
        results.append(
            SeedResult(
                region=profile.code,
                year=year,
                youth=len(plan.youth),
                allocations=len(plan.allocations),
                providers=len(plan.providers),
                skipped=False,
                seconds=time.perf_counter() - started,
            )
        )
    for login in DEMO_LOGINS:
        _create_login(login, written[login.region])
    trajectories_seed_demo()
    cases_seed_demo()
    requests_seed_demo()
    return results


def demo_rebuild(
    *, scale: str, seed: int = DEFAULT_SEED, year: int | None = None
) -> list[SeedResult]:
    """Recreate the database (SQLite file or PostgreSQL schema), migrate, build the demo.

    Only in demo mode and when every region in the database was made by the demo: nothing
    but the demo is lost, and no log row is deleted (the log tables go with the database).
    """
    demo_mode_required()
    demo_only_database_required()
    database_recreate()
    return demo_seed(scale=scale, seed=seed, year=year)


def _create_login(login: DemoLogin, written: WrittenRegion) -> User:
    demo_mode_required()  # accounts with the published password exist only in a demo
    kind, _sep, key = login.organisation.partition(":")
    organisation = {
        "office": lambda: written.office,
        "municipality": lambda: written.municipalities[key],
        "gi": lambda: written.certified_institutions[key],
        "provider": lambda: written.providers_by_rank[int(key) - 1],
    }[kind]()
    user = user_create(
        username=login.username,
        password=DEMO_PASSWORD,
        organisation=organisation,
        role=login.role,
        first_name="Demo",
        last_name=login.username,
        email=f"{login.username}@demo.jeugdregie.example",
    )
    if login.is_staff:
        user = user_management_access_grant(actor=None, user=user)
    # The second factor with a published key, like the password (``demo_logins`` prints it).
    totp_device_create(user=user, key=demo_totp_key(login.username), confirmed=True)
    return user
