"""The state's own levers for protecting contact details ("protect your contact details").

`levers(lang)` gives each lever's title, what it does, what it does not cover and its links;
`needed(findings, profile)` says when the report (or the app) should show them: the results
include a home address or telephone number, or the profile's work exposes the person.
Pure apart from reading the packaged `levers.toml` once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from footprint import guidance
from footprint.errors import DataFileError
from footprint.guidance.sources import source_kind
from footprint.models import Category, Finding
from footprint.profile import Profile

FILE = "levers.toml"
FIELDS = ("title", "does", "not_covered")
CONTACT_KINDS = frozenset({"directory", "people-search"})
# A Finnish or Swedish telephone number in a snippet: +358/+46 or a 0-prefixed area/mobile
# code, then digit groups. Bounded quantifiers only, so it stays linear on long text.
PHONE = re.compile(r"(?<!\d)(?:\+358|\+46|0)[\s-]?\d{1,3}(?:[\s-]?\d{2,4}){2,3}(?!\d)")
SNIPPET_CAP = 2000


@dataclass(frozen=True)
class Lever:
    id: str
    texts: Mapping[str, Mapping[str, str]]  # title / does / not_covered → lang → text
    links: tuple[str, ...]
    sources: tuple[str, ...]

    def text(self, field: str, lang: str) -> str:
        return self.texts[field][lang]


def _fail(entry: str, problem: str) -> DataFileError:
    return DataFileError(f"{FILE}: {entry}: {problem}")


def parse_levers(data: Mapping[str, Any]) -> tuple[tuple[Lever, ...], tuple[str, ...]]:
    """(levers, exposed-work words) of a parsed levers.toml, checked."""
    known = set(guidance.links())
    found: list[Lever] = []
    for raw in data.get("lever") or ():
        entry = str(raw.get("id") or "(no id)")
        texts: dict[str, dict[str, str]] = {}
        for field in FIELDS:
            table = raw.get(field) or {}
            texts[field] = {lang: str(table.get(lang) or "") for lang in guidance.LANGUAGES}
            if not all(texts[field].values()):
                raise _fail(entry, f"'{field}' needs .fi, .sv and .en")
        links = tuple(raw.get("links") or ())
        if not links or any(lid not in known for lid in links):
            raise _fail(entry, "'links' must name links in links.toml")
        cited = tuple(raw.get("sources") or ())
        if not cited or any(not str(c).startswith("https://") for c in cited):
            raise _fail(entry, "'sources' must list the https pages it was verified in")
        if any(lever.id == entry for lever in found):
            raise _fail(entry, "listed twice")
        found.append(Lever(entry, texts, links, cited))
    words = tuple(str(w).lower() for w in data.get("exposed_work") or ())
    if not found or not words:
        raise DataFileError(f"{FILE}: needs [[lever]] entries and 'exposed_work' words")
    return tuple(found), words


@cache
def _loaded() -> tuple[tuple[Lever, ...], tuple[str, ...]]:
    return parse_levers(guidance.load(FILE))


def all_levers() -> tuple[Lever, ...]:
    return _loaded()[0]


def levers(lang: str) -> list[dict[str, Any]]:
    """Every lever as plain data in a language, with its links (for the report and the app)."""
    t_links = guidance.links()
    return [
        {
            "id": lever.id,
            **{field: lever.text(field, lang) for field in FIELDS},
            "links": [{"id": lid, "url": t_links[lid].url(lang)} for lid in lever.links],
        }
        for lever in all_levers()
    ]


def work_exposes(profile: Profile) -> bool:
    """Whether the profile's work titles or keywords name exposed work (child protection…)."""
    words = _loaded()[1]
    said = " ".join((*profile.work.titles, *profile.work.keywords)).lower()
    return any(word in said for word in words)


def shows_contact_details(finding: Finding) -> bool:
    """A result about the person that is a directory page or shows a phone number."""
    if finding.classification.category is Category.NAMESAKE:
        return False
    if source_kind(finding.result.url) in CONTACT_KINDS:
        return True
    return PHONE.search(finding.result.snippet[:SNIPPET_CAP]) is not None


def needed(findings: Iterable[Finding], profile: Profile) -> bool:
    """Whether to show the 'protect your contact details' section."""
    return work_exposes(profile) or any(shows_contact_details(f) for f in findings)
