"""Removal guidance as data: outside links, the erasure request letter, the checklist.

Everything the report says about where to go lives in TOML files beside this module, so that
a changed address is fixed in one place and tests can check every link.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from footprint.settings import LANGUAGES

DOCUMENTS = ("report", "kit")  # where a link is shown: the personal report, the workshop kit


@dataclass(frozen=True)
class Link:
    """One outside page the report or the workshop kit points to."""

    id: str
    purpose: str
    urls: dict[str, str]
    source: str = ""  # where the address was verified, when the file says so
    documents: tuple[str, ...] = ("report",)

    def url(self, lang: str) -> str:
        return self.urls.get(lang) or self.urls["en"]


@dataclass(frozen=True)
class ChecklistItem:
    id: str
    title: str
    text: str
    links: tuple[str, ...] = ()  # ids in links.toml


@cache
def _load(name: str) -> dict[str, Any]:
    text = resources.files(__name__).joinpath(name).read_text("utf-8")
    return tomllib.loads(text)


def load(name: str) -> dict[str, Any]:
    """A TOML data file of this package, parsed (read once)."""
    return _load(name)


@cache
def all_links() -> dict[str, Link]:
    """Every link by id, validated: each has an https URL in every language."""
    result: dict[str, Link] = {}
    for entry in _load("links.toml")["link"]:
        documents = tuple(entry.get("documents", ("report",)))
        link = Link(
            entry["id"], entry["purpose"], dict(entry["url"]), entry.get("source", ""), documents
        )
        for lang in LANGUAGES:
            if not link.url(lang).startswith("https://"):
                raise ValueError(f"links.toml: {link.id} ({lang}) is not an https address")
        if not documents or not set(documents) <= set(DOCUMENTS):
            raise ValueError(f"links.toml: {link.id}: documents must be some of {DOCUMENTS}")
        if link.id in result:
            raise ValueError(f"links.toml: {link.id} is listed twice")
        result[link.id] = link
    return result


def links(document: str = "report") -> dict[str, Link]:
    """The links one document shows (the personal report unless another is named)."""
    return {lid: link for lid, link in all_links().items() if document in link.documents}


def link(link_id: str) -> Link:
    """The link with this id; an unknown id is a programming error."""
    return all_links()[link_id]


def checklist(lang: str) -> list[ChecklistItem]:
    """The professionals' checklist in a language; each item's links are checked to exist."""
    known = links()
    items = []
    for item in _load("checklist.toml")["item"]:
        ids = tuple(item.get("links", ()))
        for lid in ids:
            if lid not in known:
                raise ValueError(f"checklist.toml: item {item['id']} links to {lid!r}, "
                                 "which links.toml does not have")  # fmt: skip
        items.append(ChecklistItem(item["id"], item["title"][lang], item["text"][lang], ids))
    return items


LETTER_KINDS = ("erasure", "objection", "access", "followup", "ombudsman")


def letter(lang: str, kind: str = "erasure") -> dict[str, Any]:
    """A letter's parts in a language (placeholders not yet filled); erasure by default."""
    data = _load("letter.toml")
    return dict(data[lang] if kind == "erasure" else data[kind][lang])
