# SPDX-License-Identifier: EUPL-1.2
import pytest

from jeugdregie.conf.env import cache_from_url


@pytest.mark.parametrize(
    ("url", "backend", "location"),
    [
        ("locmem://", "locmem.LocMemCache", None),
        ("db://jeugdregie_cache", "db.DatabaseCache", "jeugdregie_cache"),
        ("db://", "db.DatabaseCache", "jeugdregie_cache"),
        ("redis://cache:6379/0", "redis.RedisCache", "redis://cache:6379/0"),
    ],
)
def test_a_multi_worker_installation_can_share_one_cache(url, backend, location):
    config = cache_from_url(url)
    assert config["BACKEND"] == f"django.core.cache.backends.{backend}"
    assert config.get("LOCATION") == location


def test_an_unknown_cache_is_refused_at_start():
    with pytest.raises(ValueError, match="JEUGDREGIE_CACHE_URL"):
        cache_from_url("memcached://x")
