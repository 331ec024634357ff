"""Which searches to run for a person: pure, from the name and the profile.

The exact name in quotes; each alias; the name with each home town, employer and
activism organisation; once per language of the profile (fi, sv, en). In Swedish the
bilingual towns go by their Swedish names (Tampere → Tammerfors), from the gazetteer
(`footprint/classify/data/gazetteer.toml`). A run asks at most `MAX_QUERIES` of them
(`cap_plan`): the name first, then aliases, employers, towns and groups, taking each
language in turn.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from footprint.classify.knowledge import gazetteer
from footprint.errors import InputError
from footprint.profile import LANGUAGES, Profile

# Each query may take several pages at each provider, and a free plan has 100–2,000
# searches a month: a run asks no more than this many.
MAX_QUERIES = 50
# Which searches matter most when the plan must be cut.
_PRIORITY = ("name", "alias", "employer", "town", "activism")


@dataclass(frozen=True)
class PlannedQuery:
    """One search to run: its text, the language to ask for, and why it is in the plan."""

    text: str
    language: str | None
    purpose: str  # name, alias, town, employer, activism


def quoted(text: str) -> str:
    """`text` as an exact phrase; inner double quotes would break the phrase, so drop them."""
    return '"' + " ".join(text.replace('"', " ").split()) + '"'


def town_name(town: str, language: str | None) -> str:
    """The town's name in a search of `language`: in Swedish its Swedish name, if it has one
    (the gazetteer the classifier reads too)."""
    if language == "sv":
        return gazetteer().swedish_name(town) or town
    return town


def parse_languages(value: str | Sequence[str] | None) -> tuple[str, ...] | None:
    """`fi,sv` or ["fi", "sv"] → ("fi", "sv"); an unknown code is an InputError."""
    if value is None:
        return None
    items = value.split(",") if isinstance(value, str) else list(value)
    langs = tuple(dict.fromkeys(i.strip().lower() for i in items if i.strip()))
    for lang in langs:
        if lang not in LANGUAGES:
            raise InputError(f"--lang has {lang!r}: use fi, sv or en (e.g. --lang fi,sv)")
    return langs or None


def plan_queries(profile: Profile, languages: Sequence[str] | None = None) -> list[PlannedQuery]:
    """Every search for `profile`, in the profile's languages unless `languages` is given."""
    langs = tuple(languages) if languages else tuple(profile.languages) or ("fi",)
    name = quoted(profile.name)
    plan: list[PlannedQuery] = []
    seen: set[tuple[str, str | None]] = set()

    def add(text: str, language: str, purpose: str) -> None:
        if (text.casefold(), language) not in seen:
            seen.add((text.casefold(), language))
            plan.append(PlannedQuery(text, language, purpose))

    for lang in langs:
        add(name, lang, "name")
        for alias in profile.aliases:
            add(quoted(alias), lang, "alias")
        for town in profile.locations:
            add(f"{name} {town_name(town, lang)}", lang, "town")
        for employer in profile.work.employers:
            add(f"{name} {quoted(employer)}", lang, "employer")
        for organisation in profile.activism.organizations:
            add(f"{name} {quoted(organisation)}", lang, "activism")
    return plan


def cap_plan(
    plan: Sequence[PlannedQuery], limit: int = MAX_QUERIES
) -> tuple[list[PlannedQuery], int]:
    """At most `limit` queries of `plan` and how many were left out.

    The most telling are kept: the name, then aliases, employers, towns and groups; within
    each, the first of every language before the second of any.
    """
    if len(plan) <= limit:
        return list(plan), 0
    languages = list(dict.fromkeys(q.language for q in plan))
    counts: Counter[tuple[str, str | None]] = Counter()
    order = []
    for index, planned in enumerate(plan):
        nth = counts[(planned.purpose, planned.language)]
        counts[(planned.purpose, planned.language)] += 1
        rank = _PRIORITY.index(planned.purpose) if planned.purpose in _PRIORITY else len(_PRIORITY)
        order.append(((rank, nth, languages.index(planned.language)), index))
    kept = sorted(index for _, index in sorted(order)[:limit])
    return [plan[i] for i in kept], len(plan) - limit
