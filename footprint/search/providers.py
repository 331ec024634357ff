"""Choosing and building the providers for a run, from names and the environment."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from footprint import settings
from footprint.errors import ConfigError, InputError
from search_providers._http import HttpProvider
from search_providers.base import ProviderError, SearchProvider
from search_providers.file import FileProvider
from search_providers.registry import KEYLESS_DEFAULT, PROVIDERS, SEARCH_ORDER

if TYPE_CHECKING:
    import requests


def configured(name: str, env: Mapping[str, str]) -> bool:
    """Whether every setting the provider needs is in `env` (keyless ones always are)."""
    return all((env.get(var) or "").strip() for var in PROVIDERS[name].env_vars)


def _half_configured(name: str, env: Mapping[str, str]) -> str | None:
    needed = PROVIDERS[name].env_vars
    present = [v for v in needed if (env.get(v) or "").strip()]
    if present and len(present) < len(needed):
        missing = next(v for v in needed if v not in present)
        return (
            f"{present[0]} is set but {missing} is not: "
            f"set both to use {name}, or unset {present[0]}"
        )
    return None


def default_names(env: Mapping[str, str]) -> list[str]:
    """Every configured provider; duckduckgo when none is."""
    for name in SEARCH_ORDER:
        if problem := _half_configured(name, env):
            raise ConfigError(problem)
    names = [name for name in SEARCH_ORDER if configured(name, env)]
    return names or [KEYLESS_DEFAULT]


def make_providers(
    names: Sequence[str] | None = None,
    *,
    env: Mapping[str, str] | None = None,
    session: requests.Session | None = None,
    no_cache: bool = False,
    from_file: Path | None = None,
    **options: Any,
) -> list[SearchProvider]:
    """Providers by name (None: the default set) with one shared cached HTTP session.

    `from_file` adds the `file` provider (alone when no names are given); the file is read
    now, so a malformed one is an InputError before any search. A named provider without
    its key is a ConfigError that says where to get one.
    """
    env = settings.provider_env() if env is None else env
    names = list(dict.fromkeys(names or []))
    if not names:
        names = ["file"] if from_file is not None else default_names(env)
    elif from_file is not None and "file" not in names:
        names.append("file")
    unknown = [n for n in names if n not in PROVIDERS]
    if unknown:
        raise InputError(f"unknown provider {unknown[0]!r}: use one of {', '.join(PROVIDERS)}")
    providers: list[SearchProvider] = []
    for name in names:
        if name == "file":
            providers.append(_file_provider(from_file))
            continue
        cls = PROVIDERS[name]
        kwargs = dict(options)
        if issubclass(cls, HttpProvider):
            from footprint.http import cached_session, retry_wait

            if session is None:
                session = cached_session(enabled=not no_cache)
            kwargs["session"] = session
            kwargs.setdefault("backoff", retry_wait())
        try:
            providers.append(cls.from_env(env, **kwargs))
        except ProviderError as err:
            raise ConfigError(f"{name}: {err.message}") from None
    return providers


def _file_provider(path: Path | None) -> FileProvider:
    if path is None:
        raise ConfigError("the file provider reads saved results: give them with --from FILE")
    provider = FileProvider(path)
    try:
        provider.load()
    except ProviderError as err:
        raise InputError(err.message) from None
    return provider
