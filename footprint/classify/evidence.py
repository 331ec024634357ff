"""Evidence: what a result's text, address, dates and page check say, each with a reason.

`Profiled` compiles a profile once (phrases, name forms, the person's fields of
work); `Profiled.gather` turns one result into a list of `Evidence`, each pointing
at one side (a category, or `person`: ties the result to the person) with a weight.
Deciding is `rules.py`'s job.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from footprint.classify import dates, knowledge, platforms
from footprint.classify.facts import (
    ACTIVISM,
    DEFUNCT,
    PERSON,
    PRIVATE,
    WORK,
    Facts,
    Sources,
    Vocab,
)
from footprint.classify.knowledge import Place
from footprint.classify.limits import bounded
from footprint.classify.names import FULL, NameMatch, NameMatcher
from footprint.classify.namesakes import NEAR, KnownNamesake, NamesakeEvidence, _around
from footprint.classify.text import (
    Lemmas,
    Phrase,
    PhraseIndex,
    Token,
    fold,
    place_phrase,
    profile_phrases,
    vocabulary_phrase,
)
from footprint.guidance.sources import lookup
from footprint.models import PageCheck, PageStatus, SearchResult
from footprint.profile import Profile

W = knowledge.weights()
ROLE_BLIND = frozenset({"platform_registry", "work_word"})  # work evidence a role outweighs
LISTINGS = frozenset({"directory", "people-search"})  # pages that list people as of now
MEMO_SIZE = 4096  # token lists whose phrase hits are kept (titles and snippets repeat)


def _phrase_of(item: Any) -> Phrase:
    if isinstance(item, Phrase):
        return item
    if isinstance(item, Vocab):
        return item.phrase
    return item[0]  # a (phrase, coordinates) place


def compile_vocab(table: Mapping[str, Sequence[str]], lemmas: Lemmas) -> list[Vocab]:
    """A vocabulary's entries (language → entries) as phrases with weights; "~" is weak."""
    out = []
    for lang, entries in table.items():
        for entry in entries:
            weight = W["vocabulary"]
            if entry.startswith("~"):
                weight, entry = W["vocabulary_weak"], entry[1:]
            out.append(Vocab(vocabulary_phrase(entry, lemmas, (lang,)), weight))
    return out


def _profile_terms(entries: Iterable[str], lemmas: Lemmas) -> list[Phrase]:
    return [p for entry in entries for p in profile_phrases(entry, lemmas)]


def _keyword_terms(entries: Iterable[str], lemmas: Lemmas) -> list[Phrase]:
    """A profile's keywords, also inside compounds: "klimat" in "klimatstrejken",
    "aktivismi" in "ilmastoaktivismia" (one lower-case word of five letters or more)."""
    out = _profile_terms(entries, lemmas)
    for entry in entries:
        word = fold(entry.strip())
        if len(word) < 5 or not word.isalpha() or entry.strip()[:1].isupper():
            continue
        out.append(vocabulary_phrase(f"*{word}", lemmas))
        out.append(vocabulary_phrase(f"{word}*", lemmas))
    return out


PLATFORMS = knowledge.platforms()  # each kind of site: its side, weight and reason


@dataclass(frozen=True)
class Common:
    """What every profile shares: the vocabularies, trades and places abroad as phrases,
    and the Lemmas that looks for their words (copied for each profile)."""

    lemmas: Lemmas
    vocab: dict[str, list[Vocab]]
    professions: dict[str, list[Vocab]]
    abroad: list[Phrase]
    places: list[tuple[Place, list[Phrase]]]  # Finnish towns and regions, by each name
    finnish: frozenset[str]  # every Finnish place name, folded
    index: PhraseIndex  # the vocabularies' and trades' phrases, filed once

    @property
    def lists(self) -> tuple[list[Vocab], ...]:
        """The shared phrase lists in the order every profile's index starts with."""
        return tuple(items for items in (*self.vocab.values(), *self.professions.values())
                     if items)  # fmt: skip


@lru_cache(maxsize=1)
def _common() -> Common:
    lemmas = Lemmas()
    vocab = {
        n: compile_vocab(v.by_lang, lemmas) for n, v in knowledge.vocabularies().tables.items()
    }
    trades = {f: compile_vocab(t, lemmas) for f, t in knowledge.trades().fields.items()}
    gazetteer = knowledge.gazetteer()
    abroad = [place_phrase(place, lemmas) for place in gazetteer.abroad]
    places = [
        (place, [p for n in place.names for p in profile_phrases(n, lemmas, short=False)])
        for place in (*gazetteer.towns, *gazetteer.regions)
    ]
    finnish = frozenset(n.casefold() for place, _ in places for n in place.names)
    shared = [
        _phrase_of(item) for items in (*vocab.values(), *trades.values()) if items for item in items
    ]
    return Common(lemmas, vocab, trades, abroad, places, finnish, PhraseIndex(shared))


class Profiled(NamesakeEvidence):
    """A profile compiled for matching: build once, gather evidence for many results."""

    def __init__(self, profile: Profile) -> None:
        self.profile = profile
        common = _common()  # what every profile shares, compiled once per process
        self.lemmas = lemmas = common.lemmas.copy()
        self.names = NameMatcher(profile, lemmas)
        # every vocabulary of vocabulary.toml, compiled (a new table is indexed with the rest)
        self.vocab = dict(common.vocab)
        self.activism_vocab = self.vocab["activism"]
        self.work_vocab = self.vocab["work"]
        self.private_vocab = self.vocab["private"]
        self.ceased_vocab = self.vocab["ceased"]
        self.death_vocab = self.vocab["death"]
        self.mourner_vocab = self.vocab["mourners"]
        self.namesake_vocab = self.vocab["namesake"]
        self.residence_vocab = self.vocab["residence"]
        self.minors = self.vocab["minors"]
        trades = knowledge.trades()
        gazetteer = knowledge.gazetteer()
        self.professions = dict(common.professions)
        w, a = profile.work, profile.activism
        self.employers = _profile_terms(w.employers, lemmas)
        self.titles = _profile_terms(w.titles, lemmas)
        self.work_keywords = _keyword_terms(w.keywords, lemmas)
        self.private_keywords = _keyword_terms(profile.private.keywords, lemmas)
        self.orgs = _profile_terms(a.organizations, lemmas)
        self.activism_keywords = _keyword_terms(a.keywords, lemmas)
        self.publications = _profile_terms(profile.publications.names, lemmas)
        self.locations = _profile_terms(profile.locations, lemmas)
        # other people with the name whom the person knows of, and what tells them apart
        self.known = [
            KnownNamesake(
                n,
                _profile_terms([n.town], lemmas) if n.town else [],
                _profile_terms([n.trade], lemmas) if n.trade else [],
                _profile_terms([n.employer], lemmas) if n.employer else [],
            )
            for n in profile.namesakes
        ]
        self.accounts = tuple(
            acc.lower().removeprefix("https://").removeprefix("http://").removeprefix("www.")
            for acc in profile.private.accounts
        )
        # without a job title, the people footprint is made for: the social sector and schools
        self.fields = self._fields(" ".join(w.titles + w.keywords)) or set(trades.default_fields)
        name_words = {s.casefold() for name in profile.names for s in name.split()}
        own_places = lemmas.tokens(" ".join(profile.locations))
        own_keys = set().union(*(t.keys for t in own_places)) if own_places else set()
        # towns inside the profile's other entries are the person's places too:
        # "Kouvolan kaupunki", "Jyväskylän Eläinoikeusryhmä"
        named_in = [
            lemmas.tokens(entry)
            for entry in (*w.employers, *a.organizations, *profile.publications.names)
        ]
        self.towns: list[tuple[Phrase, tuple[float, float] | None]] = []
        self.home: list[tuple[float, float]] = []  # where the person's towns are
        for place, phrases in common.places:
            names = place.names
            if any(p.words[0].lemmas & own_keys for p in phrases) or any(
                p.find(tokens) for p in phrases for tokens in named_in
            ):
                self.locations += phrases  # the person's town under its other name
                self.home.append(place.at)
            elif not any(n.casefold() in name_words for n in names):
                self.towns += [(p, place.at) for p in phrases]
        self.lives_abroad = any(not (t.keys & common.finnish) for t in own_places if t.capital)
        # every town of the profile is a Finnish one: a Swedish people-search lists someone else
        self.in_finland = bool(self.home) and not self.lives_abroad
        # …or all in Sweden ("Göteborg", "Solna, Sverige"): a Finnish directory lists someone else
        sweden = gazetteer.sweden
        self.in_sweden = bool(profile.locations) and all(
            any(part.strip().casefold() in sweden for part in town.split(","))
            for town in profile.locations
        )
        # English first: likely from abroad, where the person's own past is too
        self.roots_abroad = self.lives_abroad or profile.languages[:1] == ("en",)
        self.abroad = [(p, None) for p in common.abroad if not (p.words[0].lemmas & own_keys)]
        self._all: list[Phrase] = []  # every phrase list, end to end, in one index
        self._spans: dict[int, tuple[int, int]] = {}  # a list's id → (start, length)
        every: tuple[Sequence[Any], ...] = (
            *common.lists,  # the shared lists first: their part of the index is filed once
            self.employers, self.titles, self.work_keywords, self.private_keywords, self.orgs,
            self.activism_keywords, self.publications, self.locations, self.towns, self.abroad,
        )  # fmt: skip
        for items in every:
            if items:
                self._spans[id(items)] = (len(self._all), len(items))
                self._all += [_phrase_of(item) for item in items]
        self._index = PhraseIndex(self._all, common.index)
        self._starts = sorted(start for start, _ in self._spans.values())
        # a token list's hits: id(tokens) → (tokens, list start → phrase → positions)
        self._memo: dict[int, tuple[list[Token], dict[int, dict[int, list[int]]]]] = {}

    def _fields(self, text: str) -> set[str]:
        tokens = self.lemmas.tokens(text)
        return {
            fld
            for fld, vocab in self.professions.items()
            if any(v.phrase.find(tokens) for v in vocab)
        }

    # --- finding phrases ---------------------------------------------------------------

    def _hits(self, items: Sequence[Any], tokens: list[Token]) -> dict[int, list[int]]:
        """Phrase number → start positions, for a list of phrases, vocab entries or places.

        Every list lives in one combined index, so each source is scanned once.
        """
        if not items:
            return {}
        span = self._spans.get(id(items))
        if span is None:  # first use of this list: add it to the combined index
            span = self._spans[id(items)] = (len(self._all), len(items))
            self._all += [_phrase_of(item) for item in items]
            self._index = PhraseIndex(self._all)
            self._starts = sorted(start for start, _ in self._spans.values())
            self._memo.clear()
        memo = self._memo.get(id(tokens))
        if memo is not None and memo[0] is tokens:
            found = memo[1]
        else:
            if len(self._memo) >= MEMO_SIZE:
                self._memo.clear()
            found = {}
            starts = self._starts
            for pos, i in self._index.find(tokens):
                start = starts[bisect_right(starts, i) - 1]
                found.setdefault(start, {}).setdefault(i - start, []).append(pos)
            self._memo[id(tokens)] = (tokens, found)  # keeps `tokens`: its id stays its own
        return found.get(span[0], {})

    # --- gathering -------------------------------------------------------------------

    def gather(self, result: SearchResult, check: PageCheck | None) -> Facts:
        result, check = bounded(result, check)  # untrusted text: read only so much of it
        facts = Facts()
        sources, text = self.sources(result, check)
        site = platforms.identify(result.url, tuple(self.profile.work.domains))
        facts.site = site
        known = lookup(result.url)  # guidance/sources.toml
        facts.listing = known is not None and known.kind in LISTINGS
        if facts.listing and known:
            facts.listing_country, facts.listing_name = known.country, known.name
        self._dates(facts, result, text)
        self._name(facts, sources, result.url, site)
        self._profile_ties(facts, sources, result.url)
        self._vocabulary(facts, sources)
        self._platform(facts, site)
        self._civic_role(facts, sources)
        self._namesake(facts, sources, text, site)
        return facts

    def sources(
        self, result: SearchResult, check: PageCheck | None
    ) -> tuple[list[tuple[str, list[Token]]], str]:
        """The result's parts as tokens (title, snippet, page, address), and its text."""
        sources: list[tuple[str, list[Token]]] = [
            ("title", self.lemmas.tokens(result.title)),
            ("snippet", self.lemmas.tokens(result.snippet)),
        ]
        # a parked domain's or an error page's text says nothing about the result
        page = check is not None and check.status not in (PageStatus.PARKED, PageStatus.GONE)
        if check is not None and page and (check.title or check.excerpt):
            sources.append(("page", self.lemmas.tokens(f"{check.title}\n{check.excerpt}")))
        url = check.final_url if check and check.final_url else result.url
        url_words = " ".join(
            part for part in url.replace("_", "-").replace(".", "/").split("/")[3:] if part
        )
        sources.append(("url", self.lemmas.tokens(url_words.replace("-", " "))))
        parts = [result.title, result.snippet]
        text = "\n".join([*parts, check.title, check.excerpt] if check and page else parts)
        return sources, text

    def _dates(self, facts: Facts, result: SearchResult, text: str) -> None:
        found = []
        year = dates.published_year(result.published)
        if year:
            found.append(dates.FoundYear(year, 1.0, "published", result.published or ""))
        found += dates.years_in_url(result.url)
        facts.births = dates.birth_years_at(text)
        births = {y for y, _ in facts.births}  # "Född 1962" dates no page
        found += [f for f in dates.years_in_text(text, "text") if f.year not in births]
        facts.years = found
        facts.year = dates.best_year(found)

    def _name(
        self,
        facts: Facts,
        sources: Sources,
        url: str,
        site: platforms.Site,
    ) -> None:
        facts.name = self.names.find([s for s in sources if s[0] != "url"])
        slug = self.names.in_url(url)
        if facts.name.level != FULL and (
            slug or (site.handle and self.names.owns_handle(site.handle))
        ):
            facts.name = NameMatch(FULL, slug or site.handle, "url")
        if facts.name.level == FULL:
            facts.add(PERSON, 0.0, "name_found", name=facts.name.label, where=facts.name.where)

    def _first(
        self,
        phrases: Sequence[Any],
        sources: Sources,
        skip_url: bool = False,
    ) -> tuple[Phrase, str, list[int]] | None:
        for where, tokens in sources:
            if skip_url and where == "url":
                continue
            hits = self._hits(phrases, tokens)
            if hits:
                i = min(hits)
                return _phrase_of(phrases[i]), where, hits[i]
        return None

    def _profile_ties(self, facts: Facts, sources: Sources, url: str) -> None:
        activist = bool(self.orgs or self.activism_keywords or self.profile.activism.years)
        checks = (
            (self.employers, WORK, "employer"),
            (self.titles, WORK, "job_title"),
            (self.work_keywords, WORK, "work_keyword"),
            (self.orgs, ACTIVISM, "activism_group"),
            (self.activism_keywords, ACTIVISM, "activism_keyword"),
            (self.publications, ACTIVISM, "publication"),  # activist writing, if an activist
            (self.private_keywords, PRIVATE, "private_keyword"),
        )
        for phrases, side, code in checks:
            hit = self._first(phrases, sources)
            if hit:
                phrase, where, positions = hit
                tokens = dict(sources)[where]
                for p in positions:
                    for j in range(len(phrase.words)):
                        facts.claimed |= {(where, p + j), ("", tokens[p + j].low)}
                weight = W[code] if code != "publication" or activist else 0.0
                facts.add(side, weight, code, term=phrase.label, where=where)
                facts.add(PERSON, W[code + "_tie"], code, term=phrase.label, where=where)
        low_url = url.lower()
        for account in self.accounts:
            if account and account in low_url:
                facts.add(PRIVATE, W["private_account"], "private_account", account=account)
                facts.add(PERSON, W["private_account"], "private_account", account=account)
                break
        hit = self._first(self.locations, sources, skip_url=True)
        if hit:
            facts.add(PERSON, W["own_town_tie"], "own_town", term=hit[0].label, where=hit[1])

    def _vocabulary(self, facts: Facts, sources: Sources) -> None:
        tables = (
            (self.activism_vocab, ACTIVISM, "activism_word"),
            (self.work_vocab, WORK, "work_word"),
            (self.private_vocab, PRIVATE, "private_word"),
            (self.ceased_vocab, DEFUNCT, "ceased_text"),
        )
        for vocab, side, code in tables:
            seen: set[str] = set()
            used: set[tuple[str, int]] = set()
            total = 0.0
            for where, tokens in sources:
                hits = self._hits(vocab, tokens)
                for i in sorted(hits):
                    entry = vocab[i]
                    if entry.phrase.label in seen:
                        continue
                    positions = [
                        p
                        for p in hits[i]
                        if fold(tokens[p].surface) not in seen
                        if (where, p) not in facts.claimed
                        and ("", tokens[p].low) not in facts.claimed
                        and (where, p) not in used
                    ]
                    if not positions:
                        continue
                    seen.add(entry.phrase.label)
                    seen.add(fold(tokens[positions[0]].surface))
                    used.add((where, positions[0]))
                    term = " ".join(
                        t.surface
                        for t in tokens[positions[0] : positions[0] + len(entry.phrase.words)]
                    )
                    weight = entry.weight * (W["in_address"] if where == "url" else 1.0)
                    weight = min(weight, max(0.0, W["words_cap"] - total))  # diminishing returns
                    total += weight
                    if weight > 0:
                        facts.add(side, weight, code, term=term, where=where)

    def _civic_role(self, facts: Facts, sources: Sources) -> None:
        """A board or club role by the name in a housing company, a residents' association or
        a club: private life, whatever site lists it (a company register takes its category
        from the role), unless the result names the person's own work or group."""
        if facts.codes() & {"employer", "job_title", "activism_group"}:
            return
        civic = self._first(self.vocab["civic"], sources)
        if civic is None:
            return
        registry = facts.site is not None and facts.site.kind == platforms.REGISTRY
        for where, tokens in sources:
            if where == "url":
                continue
            named = self.names.positions(tokens)
            near = {j for i in named for j in _around(tokens, i, NEAR)}
            for i, positions in self._hits(self.vocab["roles"], tokens).items():
                if any(p in near for p in positions) or (registry and named):
                    role = self.vocab["roles"][i].phrase.label
                    facts.evidence[:] = [  # the role, not the register, says what it is
                        e for e in facts.evidence
                        if not (e.side == WORK and e.reason.code in ROLE_BLIND)
                    ]  # fmt: skip
                    facts.add(PRIVATE, W["civic_role"], "civic_role", role=role,
                              term=civic[0].label)  # fmt: skip
                    return

    def _platform(self, facts: Facts, site: platforms.Site) -> None:
        """What the kind of site says: a professional network, a forum, a personal account…"""
        if site.kind is None:
            return
        kind = PLATFORMS.kinds[site.kind]
        side, weight, code = kind.side, kind.weight, kind.code
        if site.kind == platforms.SOCIAL:
            own = bool(site.handle) and self.names.owns_handle(site.handle)
            if site.section == "profile" or (own and site.section in ("account", "")):
                weight, code = W["platform_personal"], "platform_personal"
            elif site.section == "group":
                weight, code = W["platform_group"], "platform_group"
        facts.add(side, weight, code, site=site.name)
        if site.handle and self.names.is_username(site.handle):
            facts.add(PERSON, W["own_account_tie"], "own_account", handle=site.handle)

    # --- someone else? -------------------------------------------------------------------
