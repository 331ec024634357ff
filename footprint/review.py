"""Reviewing an audit's results: how much is reviewed, and every result of one site.

The person's review is what makes a report right: each answer is a correction in the
store (`Store.set_label`, as `footprint label` saves it). Used by the web app.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from footprint.domains import registered_domain
from footprint.models import ArchiveCopy, Category, Finding, PageStatus, Reason
from footprint.store.labels import CORRECTION_CODE

if TYPE_CHECKING:
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


def _href(url: str | None) -> str | None:
    """A link target only for http(s) addresses; anything else is shown as text alone."""
    if not url:
        return None
    return url.strip() if urlsplit(url.strip()).scheme.lower() in ("http", "https") else None


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def review_cards(findings: Sequence[Finding], lang: str) -> dict[Category, list[dict[str, Any]]]:
    """What the review shows of each result, by category, newest first, in `lang`.

    The report's cards also carry every step and route (see `footprint.report.context`);
    a review card needs only what helps the person say whether it is them: title,
    address, snippet, year, page status, archived copy and footprint's reasons.
    """
    from footprint.report import i18n
    from footprint.report.context import default_reason_text
    from footprint.report.digest import status_of

    t = i18n.catalogue(lang)
    say = default_reason_text()
    sites = Counter(site_of(f.result.url) for f in findings)
    grouped: dict[Category, list[dict[str, Any]]] = {c: [] for c in Category}
    for finding in findings:
        result, c = finding.result, finding.classification
        status = status_of(finding)
        archive = finding.check.archive if finding.check else None
        href = _href(result.url)
        site = site_of(href or "")
        grouped[c.category].append({
            "category": c.category.value,
            "title": _clip(result.title.strip(), 200) or t["card"]["no_title"],
            "url": _clip(result.url, 300),
            "href": href,
            "snippet": _clip(" ".join(result.snippet.split()), 320),
            "year": c.year or _year(result.published),
            "status": (status or PageStatus.SKIPPED).value,
            "status_label": t["status"][status.value if status else "none"],
            "archive": _archive(archive, lang, t) if archive is not None else None,
            "reasons": [_reason(r, lang, say, t) for r in c.reasons if r.text or r.code],
            "topic": t["category"][c.topic.value] if c.topic and c.topic != c.category else None,
            "corrected": c.corrected,
            "site": site,
            "site_count": sites[site] if site else 0,
            "rank": result.rank if result.rank is not None else 10**6,
        })  # fmt: skip
    for cards in grouped.values():
        cards.sort(key=lambda card: (-(card["year"] or 0), card["rank"], card["title"]))
    return grouped


def _year(published: str | None) -> int | None:
    head = (published or "")[:4]
    return int(head) if head.isdigit() else None


def _archive(archive: ArchiveCopy, lang: str, t: Mapping[str, Any]) -> dict[str, Any]:
    from footprint.report import i18n

    span = ""
    if archive.available and (archive.first_capture or archive.last_capture):
        span = i18n.text(lang, "card.archive_span",
                         first=i18n.format_date(archive.first_capture, lang) or "?",
                         last=i18n.format_date(archive.last_capture, lang) or "?")  # fmt: skip
    return {
        "text": t["card"]["archive_yes" if archive.available else "archive_no"],
        "span": span,
        "url": _href(archive.url) if archive.available else None,
    }


def _reason(reason: Reason, lang: str, say: Any, t: Mapping[str, Any]) -> str:
    """A reason in `lang`; the person's own answer says what footprint had said."""
    from footprint.report import i18n

    if reason.code != CORRECTION_CODE:
        return str(say(reason, lang))
    old = reason.params.get("classifier_category")
    if old in t["category"]:
        return i18n.text(lang, "card.classifier_said", category=t["category"][old])
    return str(t["card"]["your_correction"])
