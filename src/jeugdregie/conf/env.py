# SPDX-License-Identifier: EUPL-1.2
"""Small helpers to read settings from the environment."""

import os
import secrets
from pathlib import Path


def env_str(name: str, default: str) -> str:
    return os.environ.get(name, default)


def env_bool(name: str, *, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value else default


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if not value:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def secret_from_var(var_dir: Path, name: str) -> str:
    """Return a development secret stored under var/, creating it on first use."""
    path = var_dir / "keys" / name
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


def cache_from_url(url: str) -> dict[str, object]:
    """A CACHES entry from ``JEUGDREGIE_CACHE_URL``.

    ``locmem://`` (default; one cache per process), ``db://TABLE`` (Django's database cache,
    shared by every worker; create it with ``jeugdregie createcachetable``), ``redis://…`` or
    ``rediss://…`` (Django's Redis cache; needs the ``redis`` package).
    """
    scheme, _, rest = url.partition("://")
    match scheme:
        case "locmem":
            return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
        case "db":
            return {
                "BACKEND": "django.core.cache.backends.db.DatabaseCache",
                "LOCATION": rest or "jeugdregie_cache",
            }
        case "redis" | "rediss":
            return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
    raise ValueError(f"JEUGDREGIE_CACHE_URL: unknown scheme in {url!r} (locmem, db, redis)")
