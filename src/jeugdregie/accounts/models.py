# SPDX-License-Identifier: EUPL-1.2
import secrets

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from jeugdregie.accounts.constants import ROLE_ORGANISATION_KIND, OrganisationKind, Role


def organisation_code_default() -> str:
    """A unique placeholder code; the demo, the test world and the admin give readable ones."""
    return f"organisatie-{secrets.token_hex(4)}"


class Organisation(models.Model):
    """A party that users work for: the region office, a municipality, a GI or a provider."""

    name = models.CharField(_("name"), max_length=200)
    # A stable identifier for configuration outside the database: the sign-in's mapping of
    # identity-provider groups to a role and organisation (JEUGDREGIE_OIDC_GROUPS).
    code = models.SlugField(
        _("code"),
        max_length=60,
        unique=True,
        default=organisation_code_default,
        help_text=_(
            "Stable identifier, e.g. zhz-servicecentrum; used in the sign-in's group mapping."
        ),
    )
    kind = models.CharField(_("kind"), max_length=30, choices=OrganisationKind.choices)
    region = models.ForeignKey(
        "regions.Region",
        on_delete=models.PROTECT,
        related_name="organisations",
        verbose_name=_("region"),
    )
    municipality = models.ForeignKey(
        "regions.Municipality",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organisations",
        verbose_name=_("municipality"),
    )
    provider = models.ForeignKey(
        "contracting.Provider",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organisations",
        verbose_name=_("provider"),
    )

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(kind=OrganisationKind.MUNICIPALITY)
                | models.Q(municipality__isnull=False),
                name="organisation_municipality_has_municipality",
            ),
            models.CheckConstraint(
                condition=~models.Q(kind=OrganisationKind.PROVIDER)
                | models.Q(provider__isnull=False),
                name="organisation_provider_has_provider",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class User(AbstractUser):
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
        verbose_name=_("organisation"),
    )
    role = models.CharField(_("role"), max_length=30, choices=Role.choices, blank=True)

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def clean(self) -> None:
        """A role belongs to an organisation of one kind (``ROLE_ORGANISATION_KIND``): every
        way a user is made or changed (services, the admin, sign-in mapping) checks it here."""
        super().clean()
        if not self.role:
            return
        if self.organisation_id is None:
            raise ValidationError(
                {"organisation": _("A user with a role belongs to an organisation.")}
            )
        expected_kind = ROLE_ORGANISATION_KIND[self.role]
        if self.organisation is not None and self.organisation.kind != expected_kind:
            raise ValidationError(
                {
                    "role": ValidationError(
                        _("Role %(role)s belongs to an organisation of kind %(kind)s."),
                        params={
                            "role": Role(self.role).label,
                            "kind": OrganisationKind(expected_kind).label,
                        },
                    )
                }
            )

    def has_role(self, *roles: str) -> bool:
        return self.is_authenticated and self.role in roles
