"""Counting events per client address (or in total) over a fixed window, without keeping the address.

The counter lives in Django's cache under a keyed hash of the address (HMAC under the key ring's index key), and
expires with its window: nothing says, an hour later, who did what, and the database never sees the address. With
several processes, configure a shared cache (``CACHES``) or each process counts on its own.
"""

from __future__ import annotations

import time

from django.core.cache import cache

from hramada.core import crypto


def _key(scope: str, identity: str, window_seconds: int) -> str:
    bucket = int(time.time()) // window_seconds
    digest = crypto.blind_index(identity, scope=f"rate_limit.{scope}")
    return f"hramada:rate:{scope}:{bucket}:{digest}"


def allow(scope: str, identity: str, *, limit: int, window_seconds: int) -> bool:
    """Count one event of `identity` in the current window; False when it goes over `limit` (0: no limit)."""
    if limit <= 0:
        return True
    key = _key(scope, identity, window_seconds)
    cache.add(key, 0, timeout=window_seconds)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between the two calls
        cache.set(key, 1, timeout=window_seconds)
        count = 1
    return count <= limit


def client_address(request: object) -> str:
    meta = getattr(request, "META", {})
    return str(meta.get("REMOTE_ADDR") or "unknown")
