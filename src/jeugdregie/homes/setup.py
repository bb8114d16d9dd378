# SPDX-License-Identifier: EUPL-1.2
"""The first-run page of the functional administrator: how far the region's installation is,
step by step, with what to do next (README "Een regio inrichten"). Counts only."""

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from jeugdregie.accounts.constants import Role
from jeugdregie.accounts.models import User
from jeugdregie.accounts.selectors import users_list
from jeugdregie.authentication.selectors import sso_enabled
from jeugdregie.budgets.selectors import ceilings_count
from jeugdregie.contracting.selectors import (
    contracts_visible_to,
    lots_of_region,
    providers_of_region,
)
from jeugdregie.core.policy import KINDS, ONE_FOR_EVERY_REGION, policy_regions
from jeugdregie.regions.models import Region
from jeugdregie.regions.selectors import (
    municipalities_of_region,
    organisations_of_region,
    region_of,
)

__all__ = ["SetupStep", "region_setup"]

POLICY_LABELS = {
    "ceiling_norms": gettext_lazy("ceiling norms"),
    "perceel2": gettext_lazy("perceel-2 working method"),
    "retention": gettext_lazy("retention periods"),
    "status_thresholds": gettext_lazy("budget status thresholds"),
    "waiting_list": gettext_lazy("waiting-list signals"),
}


@dataclass(frozen=True)
class SetupStep:
    title: str
    done: bool
    state: str  # what is there now
    next_step: str = ""  # what to do when not done


def _region_step(region: Region) -> SetupStep:
    thresholds = (
        _("own status thresholds %(w)s%% / %(c)s%% / %(e)s%%")
        % {
            "w": region.status_warning_pct,
            "c": region.status_critical_pct,
            "e": region.status_exhausted_pct,
        }
        if region.status_warning_pct is not None
        else _("status thresholds of the dated policy")
    )
    fixed = (
        _("ceiling fixed within the year")
        if region.ceiling_fixed_in_year
        else _("ceiling adjustable within the year")
    )
    return SetupStep(
        _("Region and policy settings"),
        True,
        f"{region.name} ({region.code}); {fixed}; {thresholds}",
    )


def _policy_step(region: Region) -> SetupStep:
    own = [
        str(POLICY_LABELS.get(kind, kind))
        for kind in sorted(KINDS - ONE_FOR_EVERY_REGION)
        if region.code in policy_regions(kind=kind)
    ]
    state = (
        _("Own files: %(kinds)s; the rest follows policy/default.") % {"kinds": ", ".join(own)}
        if own
        else _("Everything follows the built-in policy (policy/default).")
    )
    return SetupStep(
        _("Dated policy"),
        True,
        state,
        _("A region's own rules go in policy/%(code)s/<kind>/ or JEUGDREGIE_POLICY_DIR.")
        % {"code": region.code},
    )


def _municipality_steps(user: User, region: Region) -> list[SetupStep]:
    municipalities = municipalities_of_region(user=user).count()
    organisations = [o for o in organisations_of_region(region) if o.municipality_id is not None]
    without = municipalities - len({o.municipality_id for o in organisations})
    import_hint = _(
        "Import the municipalities: jeugdregie import_masterdata MAP --region %(code)s "
        "(file gemeenten)."
    ) % {"code": region.code}
    return [
        SetupStep(
            _("Municipalities"),
            municipalities > 0,
            _("%(n)s municipalities") % {"n": municipalities},
            import_hint,
        ),
        SetupStep(
            _("Access-team organisations"),
            municipalities > 0 and without == 0,
            _("%(n)s municipalities without an organisation") % {"n": without},
            _("The import creates them; otherwise add them in the management site."),
        ),
    ]


def _supply_steps(user: User, region: Region, year: int) -> list[SetupStep]:
    lots = lots_of_region(user=user).count()
    providers = providers_of_region(region=region).count()
    contracts = contracts_visible_to(user=user).count()
    ceilings = ceilings_count(region=region, year=year)
    return [
        SetupStep(
            _("Lots and products"),
            lots > 0,
            _("%(n)s lots") % {"n": lots},
            _("Import the products (file producten); each names its lot."),
        ),
        SetupStep(
            _("Providers under contract"),
            providers > 0,
            _("%(p)s providers, %(c)s contracts") % {"p": providers, "c": contracts},
            _("Import the providers and contracts (files aanbieders and contracten)."),
        ),
        SetupStep(
            _("Budget ceilings %(year)s") % {"year": year},
            ceilings > 0,
            _("%(n)s ceilings") % {"n": ceilings},
            _("Contract management sets them (Budget ceilings) or imports them (file plafonds)."),
        ),
    ]


def _people_steps(user: User) -> list[SetupStep]:
    roles = set(users_list(actor=user).values_list("role", flat=True))
    missing = [
        str(Role(role).label)
        for role in (Role.CONTRACT_MANAGER, Role.PRIVACY_OFFICER)
        if role not in roles
    ]
    sso = sso_enabled()
    return [
        SetupStep(
            _("Contract management and privacy officer"),
            not missing,
            _("Missing: %(roles)s") % {"roles": ", ".join(missing)}
            if missing
            else _("Both have an account."),
            _("jeugdregie user_create --role ROLE --organisation %(code)s, or single sign-on.")
            % {"code": user.organisation.code if user.organisation else ""},
        ),
        SetupStep(
            _("Sign-in"),
            sso,
            _("Single sign-on is on.") if sso else _("Local accounts only."),
            _("Connect the municipality's identity provider (README: Inloggen)."),
        ),
    ]


def region_setup(*, user: User, today: dt.date) -> list[SetupStep]:
    """The installation steps of the user's region, in the order the README takes them."""
    region = region_of(user=user)
    if region is None:
        return []
    return [
        _region_step(region),
        _policy_step(region),
        *_municipality_steps(user, region),
        *_supply_steps(user, region, today.year),
        *_people_steps(user),
    ]
