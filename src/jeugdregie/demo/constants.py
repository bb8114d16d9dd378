# SPDX-License-Identifier: EUPL-1.2
import hashlib
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _

from jeugdregie.accounts.constants import Role

__all__ = [
    "DEFAULT_SEED",
    "DEMO_LOGINS",
    "DEMO_PASSWORD",
    "GENERATOR_VERSION",
    "SCALE_FACTORS",
    "DemoLogin",
    "Scale",
    "demo_totp_key",
]

DEFAULT_SEED = 2022
GENERATOR_VERSION = 3
"""Raise when the generator changes, so ``seed_demo`` rebuilds existing demo regions."""
DEMO_PASSWORD = "demo-jeugdregie-2026"  # noqa: S105 - published demo password, demo data only


def demo_totp_key(username: str) -> str:
    """The (hex) key of a demo account's authenticator app: fixed, published like the
    password (``jeugdregie demo_logins`` prints it as the secret to enter in an app)."""
    return hashlib.sha1(f"jeugdregie-demo-totp:{username}".encode()).hexdigest()  # noqa: S324


class Scale(models.TextChoices):
    SMALL = "small", _("Small (1/20 of a region, for tests)")
    REGION = "region", _("Region (calibrated on the source figures)")
    LARGE = "large", _("Large (4 × a region)")


SCALE_FACTORS: dict[str, float] = {Scale.SMALL: 0.05, Scale.REGION: 1.0, Scale.LARGE: 4.0}


@dataclass(frozen=True)
class DemoLogin:
    """A demo account: who it is and which organisation of which region it belongs to.

    ``organisation`` is ``office``, ``municipality:<CBS code>``, ``gi:<key>`` or
    ``provider:<rank>`` (the n-th largest regionally contracted provider by planned spend).
    """

    username: str
    region: str
    role: str
    organisation: str
    purpose: str
    is_staff: bool = False


DEMO_LOGINS = (
    DemoLogin(
        "contractbeheer",
        "zhz",
        Role.CONTRACT_MANAGER,
        "office",
        "plafonds, contracten en regiocijfers van Zuid-Holland Zuid",
    ),
    DemoLogin(
        "toegang.dordrecht",
        "zhz",
        Role.ACCESS_STAFF,
        "municipality:0505",
        "jeugdigen en toewijzingen van Dordrecht",
    ),
    DemoLogin(
        "gi.jeugdbescherming",
        "zhz",
        Role.GI_STAFF,
        "gi:gi-jb",
        "jeugdigen die de GI zelf heeft verwezen",
    ),
    DemoLogin(
        "gi.jeugdreclassering",
        "zhz",
        Role.GI_STAFF,
        "gi:gi-jr",
        "een tweede GI, met andere jeugdigen",
    ),
    DemoLogin("expertteam", "zhz", Role.EXPERT_MEMBER, "office", "lid van de expertisetafel"),
    DemoLogin(
        "aanbieder",
        "zhz",
        Role.PROVIDER,
        "provider:1",
        "de grootste aanbieder: eigen cliënten, contracten en plafond",
    ),
    DemoLogin(
        "aanbieder2",
        "zhz",
        Role.PROVIDER,
        "provider:2",
        "een andere grote aanbieder (ziet de cliënten van 'aanbieder' niet)",
    ),
    DemoLogin("beleid", "zhz", Role.POLICY, "office", "beleid en sturing: regiocijfers"),
    DemoLogin(
        "beheer",
        "zhz",
        Role.FUNCTIONAL_ADMIN,
        "office",
        "functioneel beheer, ook in de beheeromgeving (/beheer/)",
        is_staff=True,
    ),
    DemoLogin(
        "privacy",
        "zhz",
        Role.PRIVACY_OFFICER,
        "office",
        "privacyfunctionaris: wie zag welke persoonsgegevens",
    ),
    DemoLogin(
        "contractbeheer.ijzk",
        "ijzk",
        Role.CONTRACT_MANAGER,
        "office",
        "contractbeheer van IJmond en Zuid-Kennemerland",
    ),
    DemoLogin(
        "toegang.haarlem",
        "ijzk",
        Role.ACCESS_STAFF,
        "municipality:0392",
        "CJG Haarlem: jeugdigen en toewijzingen van Haarlem",
    ),
    DemoLogin(
        "aanbieder.ijzk",
        "ijzk",
        Role.PROVIDER,
        "provider:6",
        "perceel-2-aanbieder in IJmond/Zuid-Kennemerland: eigen trajecten en verlengingen",
    ),
)
