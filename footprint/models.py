"""The data model: search results, page checks, classifications and findings.

Plain frozen dataclasses with `to_dict`/`from_dict` so that every stage can be
saved as JSON and read back; nothing here does I/O. Text from the web enters footprint
only through these classes, so they are where it is made inert (`_inert`): whatever built
a result or a page check — a provider, a file, the store, the app — no control character
reaches HTML, PDF, the terminal or CSV, and no bidi control can turn an address around.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from footprint.reading import kind_of
from search_providers.base import inert_text, inert_url


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


def _opt_str(value: Any, key: str = "value") -> str | None:
    """Text, or None; a number is taken as its text (a year), anything else is refused."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise TypeError(f"'{key}' must be text, not {kind_of(value)}")
    text = str(value).strip()
    return text or None


def _text(value: Any, key: str) -> str:
    return _opt_str(value, key) or ""


def _opt_int(value: Any, key: str = "value") -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise TypeError(f"'{key}' must be a whole number, not {kind_of(value)}")
    try:
        return int(value)
    except (TypeError, ValueError):
        raise ValueError(f"'{key}' must be a whole number, not {str(value)[:40]!r}") from None


def _list(value: Any, key: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list | tuple):
        raise TypeError(f"'{key}' must be a list, not {kind_of(value)}")
    return list(value)


def _object(value: Any, key: str) -> Mapping[str, Any] | None:
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise TypeError(f"'{key}' must be an object, not {kind_of(value)}")
    return value


def _flag(value: Any, key: str) -> bool:
    if value is None:
        return False
    if not isinstance(value, bool):
        raise TypeError(f"'{key}' must be true or false, not {kind_of(value)}")
    return value


def _number(value: Any, key: str) -> float:
    if value is None:
        return 0.0
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise TypeError(f"'{key}' must be a number, not {kind_of(value)}")
    try:
        return float(value)
    except ValueError:
        raise ValueError(f"'{key}' must be a number, not {str(value)[:40]!r}") from None


def _enum(kind: type[Any], value: Any, key: str) -> Any:
    try:
        return kind(value)
    except ValueError:
        allowed = ", ".join(member.value for member in kind)
        raise ValueError(f"'{key}' must be one of {allowed}, not {value!r}") from None


def _inert(item: Any, **values: Any) -> None:
    """Set the inert form of fields of a frozen dataclass instance (in `__post_init__`)."""
    for name, value in values.items():
        if value != getattr(item, name):
            object.__setattr__(item, name, value)


def _opt_url(url: str | None) -> str | None:
    return inert_url(url) if url is not None else None


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

    def __post_init__(self) -> None:
        _inert(
            self,
            url=inert_url(self.url),
            title=inert_text(self.title),
            snippet=inert_text(self.snippet, lines=True),
            published=inert_text(self.published) if self.published is not None else None,
            provider=inert_text(self.provider),
            query=inert_text(self.query),
            found_by=tuple((inert_text(p), inert_text(q)) for p, q in self.found_by),
        )

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
        url = _opt_str(data.get("url"), "url")
        if url is None:
            raise ValueError("a result needs a 'url'")
        found_by = tuple(
            (_text(pair[0], "found_by"), _text(pair[1], "found_by"))
            for pair in _list(data.get("found_by"), "found_by")
            if isinstance(pair, list | tuple) and len(pair) == 2
        )
        return cls(
            url=url,
            title=_text(data.get("title"), "title"),
            snippet=_text(data.get("snippet"), "snippet"),
            published=_opt_str(data.get("published"), "published"),
            rank=_opt_int(data.get("rank"), "rank"),
            provider=_text(data.get("provider"), "provider"),
            query=_text(data.get("query"), "query"),
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

    def __post_init__(self) -> None:
        _inert(self, url=_opt_url(self.url))

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
            available=_flag(data.get("available"), "archive.available"),
            url=_opt_str(data.get("url"), "archive.url"),
            first_capture=_opt_str(data.get("first_capture"), "archive.first_capture"),
            last_capture=_opt_str(data.get("last_capture"), "archive.last_capture"),
            captures=_opt_int(data.get("captures"), "archive.captures"),
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

    def __post_init__(self) -> None:
        _inert(
            self,
            reason=inert_text(self.reason),
            final_url=_opt_url(self.final_url),
            title=inert_text(self.title),
            excerpt=inert_text(self.excerpt, lines=True),
        )

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
        archive = _object(data.get("archive"), "check.archive")
        return cls(
            status=_enum(PageStatus, data.get("status") or PageStatus.SKIPPED, "check.status"),
            reason=_text(data.get("reason"), "check.reason"),
            final_url=_opt_str(data.get("final_url"), "check.final_url"),
            http_status=_opt_int(data.get("http_status"), "check.http_status"),
            title=_text(data.get("title"), "check.title"),
            excerpt=_text(data.get("excerpt"), "check.excerpt"),
            archive=ArchiveCopy.from_dict(archive) if archive is not None else None,
            checked_at=_opt_str(data.get("checked_at"), "check.checked_at"),
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

    def __post_init__(self) -> None:
        params = {k: inert_text(v) if isinstance(v, str) else v for k, v in self.params.items()}
        _inert(self, text=inert_text(self.text), params=params)

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "text": self.text, "params": dict(self.params)}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Reason:
        return cls(
            code=_text(data.get("code"), "evidence.code") or "text",
            text=_text(data.get("text"), "evidence.text"),
            params=dict(_object(data.get("params"), "evidence.params") or {}),
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
        evidence = _list(data.get("evidence"), "evidence")
        if evidence:
            reasons = tuple(Reason.from_dict(_object(e, "evidence[]") or {}) for e in evidence)
        else:
            reasons = tuple(
                Reason("text", _text(t, "reasons[]")) for t in _list(data.get("reasons"), "reasons")
            )
        topic = data.get("topic")
        status = data.get("page_status")
        return cls(
            category=_enum(Category, data.get("category"), "category"),
            confidence=_number(data.get("confidence"), "confidence"),
            reasons=reasons,
            year=_opt_int(data.get("year"), "year"),
            topic=_enum(Category, topic, "topic") if topic else None,
            page_status=_enum(PageStatus, status, "page_status") if status else None,
            corrected=_flag(data.get("corrected"), "corrected"),
        )


@dataclass(frozen=True)
class Finding:
    """A result with its page check and classification: one line of a report."""

    result: SearchResult
    classification: Classification
    check: PageCheck | None = None

    @property
    def source_kind(self) -> str | None:
        """`directory`, `people-search`, `company-info` or `register` for a known Nordic site."""
        from footprint.guidance.sources import source_kind  # data, read once on first use

        return source_kind(self.result.url)

    def to_dict(self) -> dict[str, Any]:
        """A flat record: the result's fields, the classification's, `source_kind` and `check`."""
        return {
            **self.result.to_dict(),
            **self.classification.to_dict(),
            "source_kind": self.source_kind,
            "check": self.check.to_dict() if self.check else None,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Finding:
        check = _object(data.get("check"), "check")
        return cls(
            result=SearchResult.from_dict(data),
            classification=Classification.from_dict(data),
            check=PageCheck.from_dict(check) if check is not None else None,
        )
