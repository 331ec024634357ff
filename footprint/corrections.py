"""Corrections that teach: what a "not me" or "this is me" tells about the other results.

The person marks a result "not me" (`footprint label URL namesake`, the app's "Not me"):
`suggest(store, url)` reads the result from the latest audit that found it and says what
tells that other person apart (their town, birth year, trade). Once the person agrees,
`remember(store, suggestion)` keeps it in the store, next to the corrections, so the
command line and the app share it. Likewise "this is me" on a result that shows a town or
a username the profile lacks. Every later audit sorts with `with_remembered(profile,
store)`: the namesake's facts are strong evidence for every result that shows them, and
the person's own facts tie results to them.

Why the store and not the profile file: a correction is made where the results are (the
command line or the app, without the profile's path at hand), the store already keeps
corrections, and `footprint forget --all` removes them with everything else. The profile's
own `[[namesakes]]` are the person's words and are read as they are.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from footprint.errors import InputError
from footprint.models import Category, Finding
from footprint.profile import Namesake, Profile, profile_from_mapping
from footprint.store.urlkey import url_key

if TYPE_CHECKING:
    from footprint.store import Store

NAMESAKE, SELF = "namesake", "self"


@dataclass(frozen=True)
class Suggestion:
    """What a corrected result teaches, for the person to confirm."""

    name: str  # the audited name the facts belong to
    kind: str  # NAMESAKE (another person) or SELF (the person)
    facts: dict[str, Any]  # namesake: town, birth_year, trade; self: locations, aliases
    url: str

    @property
    def empty(self) -> bool:
        return not any(self.facts.values())

    def items(self) -> list[tuple[str, str]]:
        """Each fact on its own: ("town", "Oulu"), ("birth_year", "1961"), ("aliases", "lh")."""
        return _items(self.facts)

    def only(self, chosen: set[tuple[str, str]]) -> Suggestion:
        """The suggestion with just the facts the person kept (as `items()` gives them)."""
        facts: dict[str, Any] = {}
        for key, value in self.facts.items():
            if isinstance(value, list | tuple):
                facts[key] = [item for item in value if (key, str(item)) in chosen]
            elif value and (key, str(value)) in chosen:
                facts[key] = value
        return replace(self, facts=facts)

    def describe(self) -> str:
        """The facts in a few words: "town Oulu, born 1931, trade hammaslääkäri"."""
        words = {"town": "town", "birth_year": "born", "trade": "trade", "employer": "employer",
                 "locations": "town", "aliases": "username"}  # fmt: skip
        return ", ".join(f"{words.get(key, key)} {item}" for key, item in self.items())


def _items(facts: dict[str, Any]) -> list[tuple[str, str]]:
    """Facts one by one, a list's items each on their own, empty ones left out."""
    out = []
    for key, value in facts.items():
        for item in value if isinstance(value, list | tuple) else [value]:
            if item:
                out.append((key, str(item)))
    return out


def _finding(store: Store, url: str) -> tuple[str, Profile, Finding]:
    """The audited name, its profile and the finding of `url` in the latest audit with it."""
    info = store.seen(url)
    if info is None:
        raise InputError(f"{url}: no saved audit has this address, so there is nothing to learn")
    findings = {url_key(f.result.url): f for f in store.load_findings(info.id)}
    finding = findings.get(url_key(url))
    if finding is None:
        raise InputError(f"{url}: the audit that found it has not sorted it yet")
    state = store.resume_state(info.id)
    saved = dict(state.profile) if state else {}
    profile = (
        profile_from_mapping(saved, f"audit {info.id}: profile").profile
        if saved.get("name")
        else Profile(name=info.name)
    )
    return info.name, profile, finding


def suggest(store: Store, url: str, category: Category) -> Suggestion:
    """What marking `url` as `category` teaches: a namesake's facts, or the person's own."""
    from footprint.classify.remember import namesake_facts, own_facts

    name, profile, finding = _finding(store, url)
    if category is Category.NAMESAKE:
        facts = namesake_facts(profile, finding.result, finding.check).to_dict()
        facts.pop("note", None)
        return Suggestion(name, NAMESAKE, facts, finding.result.url)
    own = own_facts(profile, finding.result, finding.check)
    return Suggestion(
        name, SELF, {"locations": list(own.locations), "aliases": list(own.aliases)},
        finding.result.url,
    )  # fmt: skip


def news(store: Store, suggestion: Suggestion) -> Suggestion:
    """The suggestion without the facts already remembered for the name (nothing twice)."""
    have = {
        (key, item)
        for kind, facts, _url in store.remembered(suggestion.name)
        if kind == suggestion.kind
        for key, item in _items(facts)
    }
    return suggestion.only(set(suggestion.items()) - have)


def remember(store: Store, suggestion: Suggestion) -> None:
    """Keep what the person confirmed; every later audit of the name sorts with it."""
    if suggestion.empty:
        return
    store.remember(suggestion.name, suggestion.kind, suggestion.facts, suggestion.url)


def with_remembered(profile: Profile, store: Store) -> Profile:
    """The profile with what the person's corrections taught about its name."""
    namesakes = list(profile.namesakes)
    locations, aliases = list(profile.locations), list(profile.aliases)
    for kind, facts, _url in store.remembered(profile.name):
        if kind == NAMESAKE:
            known = {k: facts[k] for k in ("town", "birth_year", "trade", "employer") if k in facts}
            namesake = Namesake(**known)
            if not namesake.empty and namesake not in namesakes:
                namesakes.append(namesake)
        else:
            locations += [t for t in facts.get("locations", []) if t not in locations]
            aliases += [a for a in facts.get("aliases", []) if a not in aliases]
    if (tuple(namesakes), tuple(locations), tuple(aliases)) == (
        profile.namesakes, profile.locations, profile.aliases,
    ):  # fmt: skip
        return profile
    return replace(
        profile, namesakes=tuple(namesakes), locations=tuple(locations), aliases=tuple(aliases)
    )
