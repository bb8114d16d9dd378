# SPDX-License-Identifier: EUPL-1.2
"""The shared web shell: view helpers, the menu, the audited management-site bases and
formula-safe exports. Above accounts and audit, below every domain app."""
