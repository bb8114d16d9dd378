# SPDX-License-Identifier: EUPL-1.2
"""Start-up check of the policy files (``jeugdregie check`` and runserver): a file without a
date or a source, or two versions that overlap, is named before anybody relies on it."""

from typing import Any

from django.core.checks import CheckMessage, Error, register

from jeugdregie.core.policy import PolicyError, policy_tree


@register()
def policy_files(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    try:
        policy_tree()
    except PolicyError as error:
        return [Error(problem, id="jeugdregie.E201") for problem in error.problems]
    return []
