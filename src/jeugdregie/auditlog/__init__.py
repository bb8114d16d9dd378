# SPDX-License-Identifier: EUPL-1.2
"""The privacy officer's pages on the audit trail: who read and changed what, per youth and
per user. Above clients (a youth is looked up by BSN); the trail itself is ``audit``."""
