# SPDX-License-Identifier: EUPL-1.2
"""Migration import (``jeugdregie import_masterdata DIR``): master data, ceilings,
realisation and allocations from a previous system, all or nothing.

``reading`` turns the files into rows, ``checking`` validates every row and every
reference into a ``plan``, ``applying`` writes it through the services of each app (so
change records are written and the services' own validation applies) in one transaction.
"""

from jeugdregie.workflows.masterdata.applying import ImportRefusedError, import_masterdata

__all__ = ["ImportRefusedError", "import_masterdata"]
