"""What is gathered about one result: evidence, each with a side, a weight and a reason.

A side is a category ("namesake", "defunct", "activism", "work", "private") or
"person": a tie between the result and the person, which speaks against a namesake.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from footprint.classify import dates, platforms
from footprint.classify.messages import english
from footprint.classify.names import NameMatch
from footprint.classify.text import Phrase, Token
from footprint.models import Reason

PERSON = "person"  # ties the result to the person (against a namesake)
NAMESAKE, DEFUNCT, ACTIVISM, WORK, PRIVATE = "namesake", "defunct", "activism", "work", "private"
WHERE = {"title": "title", "snippet": "snippet", "page": "page", "url": "address"}
Sources = Sequence[tuple[str, list[Token]]]  # (title | snippet | page | url, tokens)


@dataclass(frozen=True)
class Evidence:
    side: str
    weight: float
    reason: Reason


@dataclass(frozen=True)
class Vocab:
    """A vocabulary entry compiled to a phrase, with its weight."""

    phrase: Phrase
    weight: float


@dataclass
class Facts:
    """Everything gathered about one result."""

    evidence: list[Evidence] = field(default_factory=list)
    year: dates.FoundYear | None = None
    years: list[dates.FoundYear] = field(default_factory=list)
    births: list[tuple[int, int]] = field(default_factory=list)  # stated birth years, where
    name: NameMatch = field(default_factory=lambda: NameMatch("absent"))
    site: platforms.Site | None = None
    listing: bool = False  # a directory or people-search listing: it states things as of now
    listing_country: str | None = None  # the listing site's country (guidance/sources.toml)
    listing_name: str = ""  # and its name
    # tokens a profile entry matched: (source, index), and ("", folded word)
    claimed: set[tuple[str, int | str]] = field(default_factory=set)

    def add(self, side: str, weight: float, code: str, **params: Any) -> None:
        """Evidence for `side`; its reason's text is `code`'s template (reasons.toml)."""
        self.evidence.append(Evidence(side, weight, Reason(code, english(code, params), params)))

    def score(self, side: str) -> float:
        return sum(e.weight for e in self.evidence if e.side == side)

    def codes(self) -> set[str]:
        return {e.reason.code for e in self.evidence}
