# SPDX-License-Identifier: EUPL-1.2
"""jeugdregie: purchasing and steering of youth care for Dutch youth-care regions."""
