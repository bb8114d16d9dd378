# SPDX-License-Identifier: EUPL-1.2
"""Start-up checks (``jeugdregie check``, runserver, migrate and every command that runs the
system checks): a policy file without a date or a source, or two versions that overlap, is
named before anybody relies on it (E201); outside demo mode the personal-data keys must be
in the environment (E301); a configured theme file must be usable (E401)."""

from typing import Any

from django.core.checks import CheckMessage, Error, register

from jeugdregie.core.crypto import keys_problem
from jeugdregie.core.policy import PolicyError, policy_tree
from jeugdregie.core.theme import ThemeError, configured_theme


@register()
def policy_files(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    try:
        policy_tree()
    except PolicyError as error:
        return [Error(problem, id="jeugdregie.E201") for problem in error.problems]
    return []


@register()
def personal_data_keys(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    if problem := keys_problem():
        return [Error(problem, id="jeugdregie.E301")]
    return []


@register()
def theme_file(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    try:
        configured_theme()
    except ThemeError as error:
        return [Error(str(error), id="jeugdregie.E401")]
    return []
