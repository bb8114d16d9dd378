# SPDX-License-Identifier: EUPL-1.2
import getpass
import sys
from typing import Any

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from jeugdregie.accounts.constants import Role
from jeugdregie.accounts.models import User
from jeugdregie.accounts.selectors import organisation_by_code
from jeugdregie.authentication.constants import SECOND_FACTOR_ALWAYS
from jeugdregie.authentication.services import user_create, user_management_access_grant
from jeugdregie.core.errors import validation_messages

ROLES = ", ".join(f"{role.value} ({role.label})" for role in Role)


class Command(BaseCommand):
    help = (
        "Create a local account with a role in an organisation (see organisation_list for the "
        "codes). The password is asked twice, or read from the first line of standard input "
        "with --password-stdin. A functional administrator also gets the management site. "
        f"Roles: {ROLES}."
    )
    stealth_options = ("stdin",)

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--username", required=True)
        parser.add_argument("--role", required=True, choices=Role.values, metavar="ROL")
        parser.add_argument("--organisation", required=True, help="organisation code")
        parser.add_argument("--email", default="")
        parser.add_argument("--first-name", default="")
        parser.add_argument("--last-name", default="")
        parser.add_argument(
            "--password-stdin", action="store_true", help="read the password from stdin"
        )

    def _password(self, options: dict[str, Any]) -> str:
        stdin = options.get("stdin") or sys.stdin
        if options["password_stdin"]:
            return str(stdin.readline()).rstrip("\r\n")
        if not stdin.isatty():
            raise CommandError(
                "Geen terminal om het wachtwoord te vragen: geef --password-stdin en het "
                "wachtwoord op de eerste regel van de invoer."
            )
        first = getpass.getpass("Wachtwoord (minstens 12 tekens): ")
        if getpass.getpass("Wachtwoord nogmaals: ") != first:
            raise CommandError("De twee wachtwoorden verschillen; er is niets aangemaakt.")
        return first

    def handle(self, *args: Any, **options: Any) -> None:
        organisation = organisation_by_code(options["organisation"])
        if organisation is None:
            raise CommandError(
                f"Onbekende organisatie '{options['organisation']}'; "
                "'jeugdregie organisation_list --region <code>' toont de codes."
            )
        if User.objects.filter(username=options["username"]).exists():
            raise CommandError(f"Gebruikersnaam '{options['username']}' bestaat al.")
        password = self._password(options)
        candidate = User(
            username=options["username"],
            email=options["email"],
            first_name=options["first_name"],
            last_name=options["last_name"],
        )
        try:
            validate_password(password, user=candidate)
            with transaction.atomic():
                user = user_create(
                    username=options["username"],
                    password=password,
                    organisation=organisation,
                    role=options["role"],
                    first_name=options["first_name"],
                    last_name=options["last_name"],
                    email=options["email"],
                )
                if user.role == Role.FUNCTIONAL_ADMIN:
                    user = user_management_access_grant(actor=None, user=user)
        except ValidationError as error:
            raise CommandError(
                "Gebruiker niet aangemaakt: " + " ".join(validation_messages(error))
            ) from error
        role = Role(user.role).label
        self.stdout.write(f"Gebruiker {user.username} aangemaakt: {role} bij {organisation.name}.")
        if user.is_staff:
            self.stdout.write("  Heeft toegang tot de beheeromgeving (/beheer/).")
        if user.role in SECOND_FACTOR_ALWAYS or user.is_staff:
            self.stdout.write(
                "  Bij de eerste inlog stelt deze gebruiker een authenticator-app in "
                "(tweede factor)."
            )
