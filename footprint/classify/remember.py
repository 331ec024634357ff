"""What a corrected result tells about the people in it, to remember for the other results.

"Not me" on a result: `namesake_facts` is what tells that other person apart (their town,
birth year and trade, as the result states them by the name). "This is me" on a result:
`own_facts` is what it shows of the person that the profile lacks (a town by the name,
their own account's username). Both are suggestions: the person confirms them, and the
store keeps them (`footprint.corrections`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from footprint.classify import platforms
from footprint.classify.evidence import Profiled
from footprint.classify.facts import Facts, Sources
from footprint.classify.limits import bounded
from footprint.classify.namesakes import NEAR, _around, _beside
from footprint.classify.text import Phrase, fold
from footprint.models import PageCheck, SearchResult
from footprint.profile import Namesake, Profile

BORN_CODES = ("other_birth_year", "born_minor", "born_after_activism")
AGE_CODES = ("other_age", "minor_age", "too_young")


@dataclass(frozen=True)
class OwnFacts:
    """What a result of the person's own shows that their profile lacks."""

    locations: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()  # a username of their own account

    @property
    def empty(self) -> bool:
        return not (self.locations or self.aliases)


def _near(profiled: Profiled, sources: Sources) -> dict[str, set[int]]:
    return {
        where: {j for i in profiled.names.positions(tokens) for j in _around(tokens, i, NEAR)}
        for where, tokens in sources
        if where != "url"
    }


def _place_by_name(
    profiled: Profiled, sources: Sources, places: Sequence[tuple[Phrase, object]]
) -> str:
    """The first place of `places` standing by the name (or written as where one lives)."""
    near = _near(profiled, sources)
    for where, tokens in sources:
        if where == "url":
            continue
        hits = profiled._hits(places, tokens)
        for i in sorted(hits):
            if any(p in near[where] or not tokens[p].capital for p in hits[i]):
                return places[i][0].label
    return ""


def _trade_by_name(profiled: Profiled, sources: Sources, own_fields: set[str]) -> str:
    """Another trade than the person's, by the name, in its base form."""
    near = _near(profiled, sources)
    for where, tokens in sources:
        if where == "url":
            continue
        for fld, vocab in profiled.professions.items():
            if fld in own_fields:
                continue
            for i, positions in sorted(profiled._hits(vocab, tokens).items()):
                for pos in positions:
                    if pos in near[where]:
                        label = vocab[i].phrase.label
                        keys = sorted(tokens[pos].keys, key=len)
                        return next((k for k in keys if k.endswith(fold(label))), tokens[pos].low)
    return ""


def _born(facts: Facts) -> int | None:
    for evidence in facts.evidence:
        params = evidence.reason.params
        if evidence.reason.code in BORN_CODES:
            return int(params["born"])
        if evidence.reason.code in AGE_CODES:
            return int(params["year"]) - int(params["age"])
    return None


def namesake_facts(
    profile: Profile, result: SearchResult, check: PageCheck | None = None
) -> Namesake:
    """What the result says of the other person with the name: town, birth year, trade."""
    profiled = Profiled(profile)
    result, check = bounded(result, check)
    facts = profiled.gather(result, check)
    sources, text = profiled.sources(result, check)
    town = next(
        (str(e.reason.params["term"]) for e in facts.evidence
         if e.reason.code in ("other_town", "abroad")),
        "",
    ) or _place_by_name(profiled, sources, [*profiled.towns, *profiled.abroad])  # fmt: skip
    born = _born(facts)
    if born is None:
        spots = profiled.names.spots(text)
        stated = [y for y, at in facts.births if _beside(text, spots, at, 120, 25)]
        born = stated[0] if stated else None
    trade = _trade_by_name(profiled, sources, profiled.fields)
    return Namesake(town=town, birth_year=born, trade=trade)


def own_facts(profile: Profile, result: SearchResult, check: PageCheck | None = None) -> OwnFacts:
    """What a result about the person shows that the profile lacks: a town by the name, the
    username of their own account."""
    profiled = Profiled(profile)
    result, check = bounded(result, check)
    sources, _ = profiled.sources(result, check)
    town = _place_by_name(profiled, sources, profiled.towns)
    site = platforms.identify(result.url)
    handle = site.handle if site.section in ("profile", "account") else ""
    known = {fold(a) for a in profile.aliases}
    return OwnFacts(
        locations=(town,) if town and fold(town) not in map(fold, profile.locations) else (),
        aliases=(handle,) if handle and fold(handle) not in known and handle.isascii() else (),
    )


__all__ = ["OwnFacts", "namesake_facts", "own_facts"]
