# SPDX-License-Identifier: EUPL-1.2
"""Settings for the test suite: the product's settings in demo mode.

The tests serve plain http on 127.0.0.1 and use the demo's conveniences (demo data, the
published demo password), so they run with ``JEUGDREGIE_DEMO=1`` unless the environment says
otherwise; a test that needs a real installation switches ``settings.JEUGDREGIE_DEMO`` off.
"""

import os

os.environ.setdefault("JEUGDREGIE_DEMO", "1")

from jeugdregie.conf.settings import *  # noqa: F403

# Tasks run at once, in the test's own transaction; a test of the database backend switches
# to it with override_settings.
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "QUEUES": ["default", "ijw"],
    }
}
