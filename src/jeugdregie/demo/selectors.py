# SPDX-License-Identifier: EUPL-1.2
from dataclasses import dataclass

from django.utils import translation

from jeugdregie.accounts.constants import Role
from jeugdregie.accounts.models import User
from jeugdregie.demo.constants import DEMO_LOGINS


@dataclass(frozen=True)
class DemoLoginRow:
    username: str
    role: str
    organisation: str
    region_code: str
    purpose: str
    exists: bool


def demo_login_rows() -> list[DemoLoginRow]:
    """The demo accounts as they are in the database, with Dutch role names."""
    users = {
        user.username: user
        for user in User.objects.filter(
            username__in=[login.username for login in DEMO_LOGINS]
        ).select_related("organisation")
    }
    rows = []
    with translation.override("nl"):
        for login in DEMO_LOGINS:
            user = users.get(login.username)
            organisation = user.organisation if user else None
            rows.append(
                DemoLoginRow(
                    username=login.username,
                    role=str(Role(login.role).label),
                    organisation=organisation.name if organisation else "(ontbreekt)",
                    region_code=login.region,
                    purpose=login.purpose,
                    exists=user is not None,
                )
            )
    return rows
