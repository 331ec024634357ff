"""The data model: search results, page checks, classifications and findings.

Plain frozen dataclasses with `to_dict`/`from_dict` so that every stage can be
saved as JSON and read back; nothing here does I/O.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Category(StrEnum):
    """What a result is, in the order the first that applies wins."""

    NAMESAKE = "namesake"  # about someone else with the same or a similar name
    DEFUNCT = "defunct"  # about the person, but the source no longer serves it
    ACTIVISM = "activism"  # the person's past activism
    WORK = "work"  # the person in a professional role
    PRIVATE = "private"  # the person as a private individual


class PageStatus(StrEnum):
    """What the network check found at a result's address."""

    LIVE = "live"
    GONE = "gone"
    PARKED = "parked"
    CEASED = "ceased"
    UNREACHABLE = "unreachable"
    SKIPPED = "skipped"


DEFUNCT_STATUSES = frozenset({PageStatus.GONE, PageStatus.PARKED, PageStatus.CEASED})


def _opt_str(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _opt_int(value: Any, key: str = "value") -> int | None:
    if value is None or value == "":
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        raise ValueError(f"'{key}' must be a whole number, not {value!r}") from None


def _enum(kind: type[Any], value: Any, key: str) -> Any:
    try:
        return kind(value)
    except ValueError:
        allowed = ", ".join(member.value for member in kind)
        raise ValueError(f"'{key}' must be one of {allowed}, not {value!r}") from None


@dataclass(frozen=True)
class SearchResult:
    """One search-engine result: the input of every later stage."""

    url: str
    title: str = ""
    snippet: str = ""
    published: str | None = None  # ISO date (YYYY-MM-DD) or year, when the engine gives one
    rank: int | None = None
    provider: str = ""
    query: str = ""
    found_by: tuple[tuple[str, str], ...] = ()  # every (provider, query) that found it

    def to_dict(self) -> dict[str, Any]:
        return {
            "url": self.url,
            "title": self.title,
            "snippet": self.snippet,
            "published": self.published,
            "rank": self.rank,
            "provider": self.provider,
            "query": self.query,
            "found_by": [list(pair) for pair in self.found_by],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SearchResult:
        """Build from a mapping; unknown keys are ignored, `url` is required."""
        url = _opt_str(data.get("url"))
        if url is None:
            raise ValueError("a result needs a 'url'")
        found_by = tuple(
            (str(pair[0]), str(pair[1]))
            for pair in data.get("found_by") or ()
            if isinstance(pair, list | tuple) and len(pair) == 2
        )
        return cls(
            url=url,
            title=str(data.get("title") or ""),
            snippet=str(data.get("snippet") or ""),
            published=_opt_str(data.get("published")),
            rank=_opt_int(data.get("rank"), "rank"),
            provider=str(data.get("provider") or ""),
            query=str(data.get("query") or ""),
            found_by=found_by,
        )


@dataclass(frozen=True)
class ArchiveCopy:
    """What the Internet Archive holds of an address."""

    available: bool
    url: str | None = None  # the closest snapshot
    first_capture: str | None = None  # ISO date
    last_capture: str | None = None  # ISO date
    captures: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "available": self.available,
            "url": self.url,
            "first_capture": self.first_capture,
            "last_capture": self.last_capture,
            "captures": self.captures,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ArchiveCopy:
        return cls(
            available=bool(data.get("available")),
            url=_opt_str(data.get("url")),
            first_capture=_opt_str(data.get("first_capture")),
            last_capture=_opt_str(data.get("last_capture")),
            captures=_opt_int(data.get("captures"), "captures"),
        )


@dataclass(frozen=True)
class PageCheck:
    """The network check of one result's page, with its evidence."""

    status: PageStatus
    reason: str = ""  # why this status, in plain words
    final_url: str | None = None
    http_status: int | None = None
    title: str = ""
    excerpt: str = ""  # a short text excerpt of the page, for the classifier
    archive: ArchiveCopy | None = None
    checked_at: str | None = None  # ISO timestamp

    def to_dict(self) -> dict[str, Any]:
        return {
            "status": self.status.value,
            "reason": self.reason,
            "final_url": self.final_url,
            "http_status": self.http_status,
            "title": self.title,
            "excerpt": self.excerpt,
            "archive": self.archive.to_dict() if self.archive else None,
            "checked_at": self.checked_at,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> PageCheck:
        archive = data.get("archive")
        return cls(
            status=_enum(PageStatus, data.get("status") or PageStatus.SKIPPED, "status"),
            reason=str(data.get("reason") or ""),
            final_url=_opt_str(data.get("final_url")),
            http_status=_opt_int(data.get("http_status"), "http_status"),
            title=str(data.get("title") or ""),
            excerpt=str(data.get("excerpt") or ""),
            archive=ArchiveCopy.from_dict(archive) if isinstance(archive, Mapping) else None,
            checked_at=_opt_str(data.get("checked_at")),
        )


@dataclass(frozen=True)
class Reason:
    """One piece of evidence behind a classification.

    `code` and `params` let a report say it in any language; `text` is the English
    sentence, e.g. "employer 'Uusi Suunta' named in the snippet".
    """

    code: str
    text: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "text": self.text, "params": dict(self.params)}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Reason:
        return cls(
            code=str(data.get("code") or "text"),
            text=str(data.get("text") or ""),
            params=dict(data.get("params") or {}),
        )


@dataclass(frozen=True)
class Classification:
    """The category footprint gives a result, and why."""

    category: Category
    confidence: float
    reasons: tuple[Reason, ...] = ()
    year: int | None = None  # the year the result is most likely from
    topic: Category | None = None  # what a defunct or namesake result was about
    page_status: PageStatus | None = None
    corrected: bool = False  # the person's own correction overrides the classifier

    def to_dict(self) -> dict[str, Any]:
        return {
            "category": self.category.value,
            "confidence": round(self.confidence, 3),
            "reasons": [r.text for r in self.reasons],
            "evidence": [r.to_dict() for r in self.reasons],
            "year": self.year,
            "topic": self.topic.value if self.topic else None,
            "page_status": self.page_status.value if self.page_status else None,
            "corrected": self.corrected,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Classification:
        if data.get("evidence"):
            reasons = tuple(Reason.from_dict(e) for e in data["evidence"])
        else:
            reasons = tuple(Reason("text", str(t)) for t in data.get("reasons") or ())
        topic = data.get("topic")
        status = data.get("page_status")
        return cls(
            category=_enum(Category, data.get("category"), "category"),
            confidence=float(data.get("confidence") or 0.0),
            reasons=reasons,
            year=_opt_int(data.get("year"), "year"),
            topic=_enum(Category, topic, "topic") if topic else None,
            page_status=_enum(PageStatus, status, "page_status") if status else None,
            corrected=bool(data.get("corrected")),
        )


@dataclass(frozen=True)
class Finding:
    """A result with its page check and classification: one line of a report."""

    result: SearchResult
    classification: Classification
    check: PageCheck | None = None

    def to_dict(self) -> dict[str, Any]:
        """A flat record: the result's fields, the classification's, and `check`."""
        return {
            **self.result.to_dict(),
            **self.classification.to_dict(),
            "check": self.check.to_dict() if self.check else None,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Finding:
        check = data.get("check")
        return cls(
            result=SearchResult.from_dict(data),
            classification=Classification.from_dict(data),
            check=PageCheck.from_dict(check) if isinstance(check, Mapping) else None,
        )
