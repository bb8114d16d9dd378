# SPDX-License-Identifier: EUPL-1.2
"""Screens of the casetable app, split by sub-topic: `cases` (requests), `meetings` (the
expert table) and `overview`."""
