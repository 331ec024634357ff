"""The network edge: how footprint identifies itself and builds its HTTP sessions."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from footprint import __version__

if TYPE_CHECKING:
    import requests

USER_AGENT = f"footprint/{__version__} (personal digital-footprint self-audit)"


def new_session() -> requests.Session:
    """A plain `requests` session that names the tool.

    `requests` honours HTTPS_PROXY, NO_PROXY and REQUESTS_CA_BUNDLE from the
    environment by default (`trust_env`); keep it that way.
    """
    import requests

    session = requests.Session()
    session.headers["User-Agent"] = USER_AGENT
    return session


# Request parameters and headers that carry API keys or account ids: left out of cache
# keys and replaced by "REDACTED" in the responses requests-cache stores.
SECRET_PARAMETERS = ("api_key", "key", "cx", "X-Subscription-Token", "Authorization")
# Of those, the ones that change the answer (Google's search engine id): they go into the
# cache key as a hash, so two engines never share answers and the id is never stored.
_HASHED_PARAMETERS = ("cx",)
DEFAULT_CACHE_TTL = 24 * 3600
_TTL_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def cache_ttl() -> int:
    """Seconds a cached search response stays fresh: `$FOOTPRINT_CACHE_TTL` or a day.

    Accepts seconds (`3600`) or a number with a unit (`30m`, `12h`, `2d`); 0 turns caching off.
    """
    import re

    from footprint import settings
    from footprint.errors import ConfigError

    raw = settings.cache_ttl_text()
    if not raw:
        return DEFAULT_CACHE_TTL
    match = re.fullmatch(r"(\d+)\s*([smhd]?)", raw)
    if not match:
        raise ConfigError(
            f"FOOTPRINT_CACHE_TTL={raw!r} is not a duration: use seconds or e.g. 30m, 12h, 2d"
        )
    return int(match[1]) * _TTL_UNITS[match[2]]


DEFAULT_RETRY_WAIT = 1.0


def retry_wait() -> float:
    """Seconds before asking a search service again when it does not say how long to wait.

    `$FOOTPRINT_RETRY_WAIT` (default 1); the wait doubles before each later try.
    """
    from footprint import settings
    from footprint.errors import ConfigError

    raw = settings.retry_wait_text()
    if not raw:
        return DEFAULT_RETRY_WAIT
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if not 0 <= value <= 60:
        raise ConfigError(
            f"FOOTPRINT_RETRY_WAIT={raw!r} is not a number of seconds from 0 to 60, e.g. 1 or 0.5"
        )
    return value


def cached_session(*, enabled: bool = True, expire_after: int | None = None) -> requests.Session:
    """A session whose GET responses are cached in SQLite under the cache dir (0700/0600).

    Re-running an audit then does not spend the person's search quota. API keys are kept
    out of cache keys and out of what is stored; only successful responses are cached.
    `enabled=False` (`--no-cache`) or a TTL of 0 gives a plain session.
    """
    import os

    from footprint.paths import cache_dir, private_dir

    ttl = cache_ttl() if expire_after is None else expire_after
    if not enabled or ttl <= 0:
        return new_session()
    from requests_cache import CachedSession

    folder = cache_dir()
    db = folder / "search.sqlite"
    try:
        private_dir(folder)
        db.touch(mode=0o600, exist_ok=True)
        os.chmod(db, 0o600)
    except OSError as exc:
        from footprint.errors import OutputError

        raise OutputError(
            f"{db}: cannot make the search cache ({exc.strerror or exc}): set FOOTPRINT_HOME "
            "to a folder you can write, or search with --no-cache"
        ) from None
    session = CachedSession(
        str(db),
        backend="sqlite",
        expire_after=ttl,
        allowable_methods=("GET",),
        allowable_codes=(200,),
        ignored_parameters=SECRET_PARAMETERS,
        key_fn=_cache_key,
        match_headers=False,
        stale_if_error=False,
    )
    session.headers["User-Agent"] = USER_AGENT
    return session


def _cache_key(request: Any, **kwargs: Any) -> str:
    """requests-cache's key, with the hashed parameters mixed in (their values, never kept)."""
    from hashlib import blake2b
    from urllib.parse import parse_qsl, urlsplit

    from requests_cache import create_key

    key = create_key(request, **kwargs)
    query = parse_qsl(urlsplit(request.url or "").query, keep_blank_values=True)
    hashed = [f"{name}={value}" for name, value in query if name in _HASHED_PARAMETERS]
    if not hashed:
        return key
    return blake2b("\n".join([key, *hashed]).encode(), digest_size=8).hexdigest()
