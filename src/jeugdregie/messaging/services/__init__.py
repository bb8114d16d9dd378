# SPDX-License-Identifier: EUPL-1.2
"""Writes of the messaging app, split by sub-topic (see each module)."""
