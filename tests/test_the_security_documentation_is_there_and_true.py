# SPDX-License-Identifier: EUPL-1.2
"""The README's security chapter and SECURITY.md are there, and what they tell an operator to
set exists: every variable the sign-in examples export is one the settings read."""

import re

from tests.test_every_environment_variable_is_in_the_readme import README, ROOT, _variables_read

EXPORT = re.compile(r"^export ([A-Z][A-Z0-9_]*)=", re.MULTILINE)
SUBSECTIONS = (
    "### Inloggen",  # single sign-on, second factor, lockout, idle timeout
    "### API-clients",
    "### Sleutels en versleuteling",
    "### Wat wordt gelogd, en waar",
)


def _security_chapter() -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index("\n## Beveiliging\n")
    return text[start : text.index("\n## ", start + 1)]


def test_the_readme_has_a_security_chapter_with_sign_in_api_clients_keys_and_logging():
    chapter = _security_chapter()

    assert [heading for heading in SUBSECTIONS if heading not in chapter] == []
    assert "*Microsoft Entra ID*" in chapter
    assert "*Keycloak*" in chapter
    for command in ("audit_verify", "audit_prune"):
        assert command in chapter


def test_every_variable_the_sign_in_examples_export_is_read_by_the_settings():
    exported = set(EXPORT.findall(_security_chapter()))
    settings_names, code_names, _unchecked = _variables_read()

    assert {"OIDC_RP_CLIENT_ID", "OIDC_OP_JWKS_ENDPOINT", "JEUGDREGIE_OIDC_GROUPS"} <= exported
    assert sorted(exported - settings_names - code_names) == []


def test_security_md_says_how_to_report_a_vulnerability():
    text = (ROOT / "SECURITY.md").read_text(encoding="utf-8")

    assert "## Een kwetsbaarheid melden" in text
    assert "3 werkdagen" in text
    assert "niet** in een openbaar issue" in text
