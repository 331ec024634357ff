"""Reviewing an audit's results: how much is reviewed, and every result of one site.

The person's review is what makes a report right: each answer is a correction in the
store (`Store.set_label`, as `footprint label` saves it). Used by the web app.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from footprint.domains import registered_domain
from footprint.models import Category, Finding
from footprint.store import Store


@dataclass(frozen=True)
class Progress:
    reviewed: int
    total: int


def progress(findings: Sequence[Finding]) -> Progress:
    """How many results carry the person's own answer."""
    return Progress(sum(1 for f in findings if f.classification.corrected), len(findings))


def site_of(url: str) -> str:
    """The site a result is on: its registered domain ('blogi.example.fi' → 'example.fi')."""
    host = (urlsplit(url).hostname or "").lower().rstrip(".")
    if not host:
        return ""
    site = registered_domain(host)
    return site if "." in site else host  # an unknown suffix: the host itself


def same_site(findings: Sequence[Finding], url: str) -> list[str]:
    """The addresses of every result on the same site as `url`, in the audit's order."""
    site = site_of(url)
    if not site:
        return []
    return [f.result.url for f in findings if site_of(f.result.url) == site]


def label_site(
    store: Store, findings: Sequence[Finding], url: str, category: Category, note: str = ""
) -> list[str]:
    """Give every result on `url`'s site the person's category; -> the addresses labelled."""
    urls = same_site(findings, url)
    for each in urls:
        store.set_label(each, category, note)
    return urls
