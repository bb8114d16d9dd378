# SPDX-License-Identifier: EUPL-1.2
"""The demo regions: Zuid-Holland Zuid and IJmond/Zuid-Kennemerland (see ``registry``)."""
