"""Every setting footprint takes from the environment, read here and nowhere else.

Each function reads its variable when called (not at import), so a changed environment —
a test's, or the app's — is seen at once. The README's configuration table lists them:

| variable                  | function             |
|---------------------------|----------------------|
| `FOOTPRINT_HOME`          | `home_override()`    |
| `FOOTPRINT_CACHE_TTL`     | `cache_ttl_text()`   |
| `FOOTPRINT_RETRY_WAIT`    | `retry_wait_text()`  |
| `FOOTPRINT_LEMMA_TABLES`  | `lemma_tables()`     |
| `FOOTPRINT_DNS_CANARIES`  | `dns_canaries()`     |
| `FOOTPRINT_ARCHIVE_URL`   | `archive_url()`      |
| `FOOTPRINT_ALLOW_PRIVATE` | `allow_private()`    |
| provider keys             | `provider_env(keys)` |

The supported languages (of searches, reports, kits and rules) are defined here once.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from enum import StrEnum
from pathlib import Path

from footprint.errors import ConfigError


class Language(StrEnum):
    """A language footprint searches and writes in."""

    fi = "fi"
    sv = "sv"
    en = "en"


LANGUAGES: tuple[str, ...] = tuple(lang.value for lang in Language)

HOME = "FOOTPRINT_HOME"
CACHE_TTL = "FOOTPRINT_CACHE_TTL"
RETRY_WAIT = "FOOTPRINT_RETRY_WAIT"
LEMMA_TABLES = "FOOTPRINT_LEMMA_TABLES"
DNS_CANARIES = "FOOTPRINT_DNS_CANARIES"
ARCHIVE_URL = "FOOTPRINT_ARCHIVE_URL"
ALLOW_PRIVATE = "FOOTPRINT_ALLOW_PRIVATE"

_TRUE = frozenset({"1", "true", "yes", "on"})


def _get(variable: str) -> str:
    return os.environ.get(variable, "").strip()


def home_override() -> Path | None:
    """`FOOTPRINT_HOME`: where footprint keeps its data and cache, if set."""
    value = _get(HOME)
    return Path(value).expanduser() if value else None


def cache_ttl_text() -> str:
    """`FOOTPRINT_CACHE_TTL` as written ('' when unset); `footprint.http` parses it."""
    return _get(CACHE_TTL).lower()


def retry_wait_text() -> str:
    """`FOOTPRINT_RETRY_WAIT` as written ('' when unset); `footprint.http` parses it."""
    return _get(RETRY_WAIT)


def lemma_tables() -> Path | None:
    """`FOOTPRINT_LEMMA_TABLES`: the folder of the prepared word lists, if set."""
    value = _get(LEMMA_TABLES)
    return Path(value).expanduser() if value else None


def dns_canaries() -> tuple[str, ...]:
    """`FOOTPRINT_DNS_CANARIES`: host names that must resolve (empty: the built-in ones)."""
    return tuple(name.strip() for name in _get(DNS_CANARIES).split(",") if name.strip())


def archive_url() -> str:
    """`FOOTPRINT_ARCHIVE_URL`: a server with the Wayback APIs ('' for the Internet Archive)."""
    return _get(ARCHIVE_URL)


def allow_private() -> bool:
    """`FOOTPRINT_ALLOW_PRIVATE`: whether the page check may fetch non-public addresses."""
    return _get(ALLOW_PRIVATE).lower() in _TRUE


def provider_variables() -> tuple[str, ...]:
    """The environment variables the search providers take their keys and addresses from."""
    from search_providers.registry import PROVIDERS

    names: dict[str, None] = {}
    for cls in PROVIDERS.values():
        names.update(dict.fromkeys(cls.env_vars))
    return tuple(names)


def provider_env(keys: Mapping[str, str] | None = None) -> dict[str, str]:
    """The providers' settings: the environment's, with `keys` (typed in for one run) on top.

    Only the providers' own variables are taken from the environment, and `keys` stays in
    the returned mapping: nothing is put into `os.environ` or written anywhere.
    """
    known = provider_variables()
    env = {name: os.environ[name] for name in known if os.environ.get(name, "").strip()}
    for name, value in (keys or {}).items():
        if name not in known:
            choices = ", ".join(known)
            raise ConfigError(f"{name} is not a search provider setting: use one of {choices}")
        if value and value.strip():
            env[name] = value.strip()
    return env
