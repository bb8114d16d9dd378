# SPDX-License-Identifier: EUPL-1.2
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jeugdregie.conf.settings")
application = get_wsgi_application()

# Refuse to start (gunicorn: the worker does not boot) without the personal-data keys
# outside demo mode, rather than fail on the first request that reads personal data.
from jeugdregie.core.crypto import keys_load  # noqa: E402  (needs the settings set up)

keys_load()
