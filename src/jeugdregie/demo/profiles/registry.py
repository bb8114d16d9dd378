# SPDX-License-Identifier: EUPL-1.2
from jeugdregie.demo.profiles import ijzk, zhz
from jeugdregie.demo.profiles.base import RegionProfile

PROFILES: tuple[RegionProfile, ...] = (zhz.PROFILE, ijzk.PROFILE)
"""Every demo region, in the order ``seed_demo`` builds them."""
