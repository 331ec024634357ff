"""Deciding: from the gathered evidence to one category, a confidence and the reasons.

The order is the product's: namesake, then defunct, then activism, work, private —
the first that applies. A namesake needs more evidence of someone else than of the
person; defunct needs the page check (or, offline, a clear text signal); the topic
is the best supported of activism, work and private.
"""

from __future__ import annotations

import math
from typing import Any

from footprint.classify import knowledge
from footprint.classify.facts import (
    ACTIVISM,
    DEFUNCT,
    NAMESAKE,
    PERSON,
    PRIVATE,
    WORK,
    Evidence,
    Facts,
)
from footprint.classify.messages import english
from footprint.models import (
    DEFUNCT_STATUSES,
    Category,
    Classification,
    PageCheck,
    PageStatus,
    Reason,
)
from footprint.profile import Profile

W = knowledge.weights()  # weights.toml says why each is what it is
NAMESAKE_MARGIN = W["namesake_margin"]
PERSON_DISCOUNT = W["person_discount"]
ACTIVISM_MIN = W["activism_min"]
OFFLINE_DEFUNCT_MIN = W["offline_defunct_min"]
MAX_REASONS = 4
# a private platform's own weight, halved when the text speaks of activism
VENUES = frozenset({
    "platform_social", "platform_personal", "platform_forum", "platform_blog", "platform_hobby",
    "platform_video",
})  # fmt: skip
VENUE_DISCOUNT = W["venue_discount"]


def _squash(margin: float) -> float:
    """A margin of evidence as a confidence in [0.5, 0.98]."""
    return round(min(0.98, 0.5 + 0.5 * math.tanh(max(margin, 0.0) / 2.0)), 3)


def _years(facts: Facts, profile: Profile) -> None:
    """Evidence from the result's year against the activism years."""
    span = profile.activism.years
    if not span or facts.year is None:
        return
    first, last = span
    year = facts.year.year
    active = facts.score(ACTIVISM)
    params = {"year": year, "first": first, "last": last}
    if first - 1 <= year <= last + 1:
        weight = W["activism_years" if active > 0 else "activism_years_quiet"]
        facts.add(ACTIVISM, weight, "activism_years", **params)
    elif year > last + 2 and active > 0 and facts.score(WORK) > max(0.0, facts.score(PRIVATE)):
        facts.add(WORK, W["after_activism"], "after_activism", **params)


def _reason(code: str, **params: Any) -> Reason:
    return Reason(code, english(code, params), params)


def _status_reason(check: PageCheck) -> Reason:
    code = {PageStatus.GONE: "page_gone", PageStatus.PARKED: "page_parked"}.get(
        check.status, "page_ceased"
    )
    return _reason(code, http_status=check.http_status)


def _top(facts: Facts, side: str, limit: int = MAX_REASONS) -> list[Reason]:
    chosen: list[Evidence] = sorted(
        (e for e in facts.evidence if e.side == side and e.weight > 0), key=lambda e: -e.weight
    )
    seen: set[str] = set()
    out = []
    for e in chosen:
        if e.reason.text not in seen:
            seen.add(e.reason.text)
            out.append(e.reason)
    return out[:limit]


def topic_of(facts: Facts) -> tuple[Category, float, list[Reason]]:
    """Activism, work or private, with a confidence and the reasons."""
    private = facts.score(PRIVATE)
    if facts.score(ACTIVISM) >= ACTIVISM_MIN:
        # the words say what it is, the platform only where: a demo's photos on Flickr
        private -= VENUE_DISCOUNT * sum(
            e.weight for e in facts.evidence if e.side == PRIVATE and e.reason.code in VENUES
        )
    scores = {
        Category.ACTIVISM: facts.score(ACTIVISM),
        Category.WORK: facts.score(WORK),
        Category.PRIVATE: private,
    }
    act, work, private = scores.values()
    only_activism = act > 0 and not work + private  # e.g. just the activism years
    if (act >= ACTIVISM_MIN and act >= W["activism_share"] * max(work, private)) or only_activism:
        category = Category.ACTIVISM
    elif work > 0 and work >= private:
        category = Category.WORK
    else:
        category = Category.PRIVATE
    best = scores[category]
    rest = max((v for k, v in scores.items() if k != category), default=0.0)
    reasons = _top(facts, category.value)
    confidence = _squash(best - rest + 0.5)
    if not reasons:
        reasons = [_reason("no_evidence")]
        confidence = 0.4
    # and the strongest tie to the person: why it is about them at all
    said = {r.text for r in reasons}
    ties = [r for r in _top(facts, PERSON) if r.text not in said][:1]
    return category, confidence, reasons[: MAX_REASONS - len(ties)] + ties


def decide(facts: Facts, profile: Profile, check: PageCheck | None) -> Classification:
    """One category for the gathered facts, the first that applies."""
    _years(facts, profile)
    status = check.status if check else None
    year = facts.year.year if facts.year else None
    someone_else = facts.score(NAMESAKE) - PERSON_DISCOUNT * facts.score(PERSON)
    if someone_else >= NAMESAKE_MARGIN:
        return Classification(
            Category.NAMESAKE,
            _squash(someone_else - NAMESAKE_MARGIN + 1.0),
            tuple(_top(facts, NAMESAKE)),
            year=year,
            page_status=status,
        )
    topic, confidence, reasons = topic_of(facts)
    if status in DEFUNCT_STATUSES and check is not None:
        return Classification(
            Category.DEFUNCT,
            0.9,
            (_status_reason(check), *reasons[: MAX_REASONS - 1]),
            year=year,
            topic=topic,
            page_status=status,
        )
    offline = facts.score(DEFUNCT)
    if offline >= OFFLINE_DEFUNCT_MIN:
        return Classification(
            Category.DEFUNCT,
            _squash(offline),
            (*_top(facts, DEFUNCT, 2), *reasons[:2]),
            year=year,
            topic=topic,
            page_status=status,
        )
    if someone_else > 0 and confidence > 0.5:
        confidence = max(0.5, round(confidence - 0.1 * someone_else, 3))
    return Classification(topic, confidence, tuple(reasons), year=year, page_status=status)
