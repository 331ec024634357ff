"""The Nordic directory, people-search and company-information sites footprint knows.

`sources.toml` beside this module holds them (what each shows, where its data comes from,
the route that works, and where that was verified); `sources()` loads and checks it, and
`lookup(url)` says which of them a result's address belongs to. Pure apart from reading
the packaged data file once.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any
from urllib.parse import urlsplit

from footprint import guidance
from footprint.domains import registered_domain
from footprint.errors import DataFileError

KINDS = ("directory", "people-search", "company-info", "register")
ROUTES = ("fi_directory", "company_info", "register", "se_people_search")
COUNTRIES = ("FI", "SE")
TEXTS = ("shows", "data_from", "legal_basis")
FILE = "sources.toml"
_ID = re.compile(r"[a-z0-9_]+")


class SourcesError(DataFileError, ValueError):
    """sources.toml breaks its schema: a bug in the packaged data, named by entry."""


@dataclass(frozen=True)
class Source:
    """One site or register and the route that works for it."""

    id: str
    name: str
    country: str
    kind: str
    route: str
    domains: tuple[str, ...]
    paths: tuple[str, ...]
    texts: Mapping[str, Mapping[str, str]]  # shows / data_from / legal_basis → lang → text
    recheck_months: int
    links: tuple[str, ...]
    sources: tuple[str, ...]
    verified: bool
    unverified: Mapping[str, str]  # lang → what could not be verified ('' when verified)

    def text(self, field: str, lang: str) -> str:
        return self.texts[field][lang]

    def matches(self, host: str, path: str) -> bool:
        domain = registered_domain(host) if host else ""
        if domain not in self.domains:
            return False
        return not self.paths or any(path.startswith(p) for p in self.paths)


def _fail(entry: str, problem: str) -> SourcesError:
    return SourcesError(f"{FILE}: {entry}: {problem}")


def _lang_table(raw: Mapping[str, Any], key: str, entry: str) -> dict[str, str]:
    table = raw.get(key)
    if not isinstance(table, Mapping):
        raise _fail(entry, f"'{key}' needs .fi, .sv and .en")
    texts = {lang: table.get(lang) for lang in guidance.LANGUAGES}
    for lang, value in texts.items():
        if not isinstance(value, str) or not value.strip():
            raise _fail(entry, f"'{key}.{lang}' is missing or empty")
    return {k: str(v) for k, v in texts.items()}


def _strings(raw: Mapping[str, Any], key: str, entry: str) -> tuple[str, ...]:
    value = raw.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise _fail(entry, f"'{key}' must be a list of strings")
    return tuple(value)


def parse_source(raw: Mapping[str, Any], known_links: frozenset[str]) -> Source:
    """One [[source]] table, checked; raises SourcesError naming the entry and the problem."""
    entry = str(raw.get("id") or "(an entry without id)")
    if not _ID.fullmatch(entry):
        raise _fail(entry, "'id' must be lower-case letters, digits and _")
    allowed = {"id", "name", "country", "kind", "route", "domains", "paths", "recheck_months"}
    allowed |= {"links", "sources", "verified", "unverified", *TEXTS}
    if unknown := set(raw) - allowed:
        raise _fail(entry, f"unknown key(s) {', '.join(sorted(unknown))}")
    for key, choices in (("country", COUNTRIES), ("kind", KINDS), ("route", ROUTES)):
        if raw.get(key) not in choices:
            raise _fail(entry, f"'{key}' must be one of {', '.join(choices)}")
    domains = _strings(raw, "domains", entry)
    if not domains or any(d != registered_domain(d) for d in domains):
        raise _fail(entry, "'domains' must list registered domains (e.g. 'ratsit.se')")
    paths = _strings(raw, "paths", entry)
    if any(not p.startswith("/") for p in paths):
        raise _fail(entry, "each of 'paths' must start with '/'")
    months = raw.get("recheck_months")
    if not isinstance(months, int) or isinstance(months, bool) or not 1 <= months <= 60:
        raise _fail(entry, "'recheck_months' must be a whole number from 1 to 60")
    links = _strings(raw, "links", entry)
    if missing := [lid for lid in links if lid not in known_links]:
        raise _fail(entry, f"links not in links.toml: {', '.join(missing)}")
    cited = _strings(raw, "sources", entry)
    if not cited or any(not c.startswith("https://") for c in cited):
        raise _fail(entry, "'sources' must list at least one https address it was verified in")
    verified = raw.get("verified")
    if not isinstance(verified, bool):
        raise _fail(entry, "'verified' must be true or false")
    unverified = {lang: "" for lang in guidance.LANGUAGES}
    if not verified:
        unverified = _lang_table(raw, "unverified", entry)
    elif "unverified" in raw:
        raise _fail(entry, "a verified entry has no 'unverified' note")
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip():
        raise _fail(entry, "'name' is missing")
    return Source(
        id=entry,
        name=name,
        country=str(raw["country"]),
        kind=str(raw["kind"]),
        route=str(raw["route"]),
        domains=domains,
        paths=paths,
        texts={key: _lang_table(raw, key, entry) for key in TEXTS},
        recheck_months=months,
        links=links,
        sources=cited,
        verified=verified,
        unverified=unverified,
    )


def parse_sources(data: Mapping[str, Any]) -> tuple[Source, ...]:
    """Every source of a parsed sources.toml, checked, ids and domains+paths unique."""
    known = frozenset(guidance.links())
    found: list[Source] = []
    seen: dict[tuple[str, str], str] = {}
    for raw in data.get("source") or ():
        source = parse_source(raw, known)
        if any(s.id == source.id for s in found):
            raise _fail(source.id, "listed twice")
        for domain in source.domains:
            for path in source.paths or ("",):
                if (domain, path) in seen:
                    raise _fail(source.id, f"{domain}{path} is already {seen[domain, path]}")
                seen[domain, path] = source.id
        found.append(source)
    if not found:
        raise SourcesError(f"{FILE}: no [[source]] entries")
    return tuple(found)


@cache
def sources() -> tuple[Source, ...]:
    """Every known source, validated when first asked for."""
    return parse_sources(guidance.load(FILE))


def lookup(url: str) -> Source | None:
    """The known source a result's address belongs to, or None."""
    try:
        parts = urlsplit(url.strip())
        host = (parts.hostname or "").lower().rstrip(".")
    except ValueError:
        return None
    if not host:
        return None
    path = parts.path or "/"
    return next((s for s in sources() if s.matches(host, path)), None)


def source_kind(url: str) -> str | None:
    """`directory`, `people-search`, `company-info` or `register` for a known site, else None."""
    found = lookup(url)
    return found.kind if found else None
