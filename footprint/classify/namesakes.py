"""Evidence of someone else: another town or country, an age or birth year that cannot
be the person's, a death notice, another profession, another first name.

A mixin of `Profiled` (evidence.py): it uses the compiled profile's phrase lists.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from footprint.classify import dates, knowledge, platforms
from footprint.classify.facts import (
    ACTIVISM,
    NAMESAKE,
    PERSON,
    PRIVATE,
    Facts,
    Sources,
    Vocab,
)
from footprint.classify.names import FIRST_NAMES, FULL, OTHER_FIRST, SURNAME, NameMatcher
from footprint.classify.text import BREAK, Phrase, Token, fold
from footprint.profile import Namesake, Profile

GENERIC_TLDS = frozenset("fi se ax eu com org net info io me app blog fm tv nu".split())  # noqa: SIM905
NEAR = 3  # tokens around a name that count as "next to" it
BORN_BEFORE = 120  # characters a birth year may stand after the name…
BORN_AFTER = 25  # …or before it
CLASS_GAP = 10  # years below a veteran class's age that make it someone else's
ACTIVE_FROM_AGE = 14  # the youngest age we take a first activism year to be at
ADULT_AGE = 18  # whoever audits themself is at least this old
_BEGINNINGS = knowledge.vocabularies().beginnings
PROFESSION_GRADES = (  # another trade: far, anywhere on a fetched page, near, beside the name
    "other_profession",
    "other_profession_page",
    "other_profession_near",
    "other_profession_beside",
)
PROFESSION_LABELS = frozenset(_BEGINNINGS["profession_labels"])  # "Ammatti: lähihoitaja"
LIFESPAN_NEAR = 40  # characters between a name and its "1931–2019"
RETIRING_FROM = 55  # a retirement before this age is someone else's
NEIGHBOURING_KM = 120  # another town this close is weak evidence of a namesake
MOVED_YEARS = 15  # a result this old may be from a town the person has since left…
W = knowledge.weights()


# what still speaks of someone else in a family notice that names the person
KEPT = frozenset({"known_namesake", "namesake_word", "swedish_id"})
REGIONS = frozenset(fold(n) for region in knowledge.gazetteer().regions for n in region.names)


def _distance(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Kilometres between two (latitude, longitude) points, near enough."""
    lat = math.radians((a[0] + b[0]) / 2)
    dx = (a[1] - b[1]) * 111.3 * math.cos(lat)
    dy = (a[0] - b[0]) * 111.1
    return math.hypot(dx, dy)


def _around(tokens: Sequence[Token], i: int, words: int) -> range:
    """Token positions within `words` words of position i (list breaks do not count)."""
    lo = hi = i
    for step in (-1, 1):
        left, at = words, i
        while left and 0 <= at + step < len(tokens):
            at += step
            if tokens[at].low != BREAK:
                left -= 1
        lo, hi = (at, hi) if step < 0 else (lo, at)
    return range(lo, hi + 1)


def _within(spots: list[int], lo: int, hi: int) -> list[int]:
    """The spots (sorted) from lo to hi: found by bisection, so a text with many names and
    many numbers is still read in linear time."""
    return spots[bisect_left(spots, lo) : bisect_right(spots, hi)]


def _beside(text: str, spots: list[int], at: int, after: int, before: int) -> bool:
    """Whether something at `at` stands at most `after` characters after a spot or `before`
    characters before one, in the same part of the text (no line break between)."""
    return any(
        "\n" not in text[min(at, spot) : max(at, spot)]
        for spot in _within(spots, at - after, at + before)
    )


@lru_cache(maxsize=64)
def _first_names_re(firsts: tuple[str, ...]) -> re.Pattern[str]:
    """First names as capitalised whole words: "Tero" (not "tero" inside a word)."""
    return re.compile(r"\b(?:" + "|".join(re.escape(f.capitalize()) for f in firsts) + r")\b")


def _labelled(tokens: Sequence[Token], pos: int) -> bool:
    """Whether the word at pos follows a profession label ("Ammatti:", "Yrke:")."""
    before = [t.low for t in tokens[max(0, pos - 3) : pos] if t.low != BREAK]
    return bool(before) and before[-1] in PROFESSION_LABELS


@dataclass(frozen=True)
class KnownNamesake:
    """Another person with the name, known to the person (`[[namesakes]]`), compiled."""

    namesake: Namesake
    towns: list[Phrase]
    trades: list[Phrase]
    employers: list[Phrase]

    @property
    def born(self) -> int | None:
        n = self.namesake
        return n.birth_year or (dates.this_year() - n.age if n.age else None)


class NamesakeEvidence:
    """The namesake half of `Profiled`."""

    profile: Profile
    names: NameMatcher
    fields: set[str]
    locations: list[Phrase]
    towns: list[tuple[Phrase, tuple[float, float] | None]]
    abroad: list[tuple[Phrase, None]]
    home: list[tuple[float, float]]
    lives_abroad: bool
    in_finland: bool
    in_sweden: bool
    roots_abroad: bool
    residence_vocab: list[Vocab]
    namesake_vocab: list[Vocab]
    death_vocab: list[Vocab]
    mourner_vocab: list[Vocab]
    minors: list[Vocab]
    professions: dict[str, list[Vocab]]
    vocab: dict[str, list[Vocab]]
    known: list[KnownNamesake]

    _hits: Callable[[Sequence[Any], list[Token]], dict[int, list[int]]]  # Profiled's

    def _namesake(
        self,
        facts: Facts,
        sources: Sources,
        text: str,
        site: platforms.Site,
    ) -> None:
        level = facts.name.level
        tied = facts.score(PERSON)
        if level == OTHER_FIRST:
            facts.add(NAMESAKE, W["other_first_name"], "other_first_name", name=facts.name.label)
        elif level == SURNAME:
            facts.add(NAMESAKE, W["surname_only"], "surname_only", name=facts.name.label)
        elif level != FULL:
            facts.add(NAMESAKE, W["name_missing"], "name_missing")
        if facts.name.other_surname:
            facts.add(NAMESAKE, W["other_surname"], "other_surname", name=facts.name.other_surname)
        if facts.name.as_place:
            facts.add(NAMESAKE, W["surname_as_place"], "surname_as_place", term=facts.name.label)
        near = {
            where: {j for i in self.names.positions(tokens) for j in _around(tokens, i, NEAR)}
            for where, tokens in sources
            if where != "url"
        }
        self._places(facts, sources, near)
        spots = self.names.spots(text)  # where the name stands in `text`
        if self.known:
            self._known(facts, sources, text, near, spots)
        self._age(facts, text, spots)
        self._minor(facts, sources, near)
        self._death(facts, sources, text, near, spots)
        self._profession(facts, sources, near, tied)
        for _, tokens in sources:
            hits = self._hits(self.namesake_vocab, tokens)
            if hits:
                label = self.namesake_vocab[min(hits)].phrase.label
                facts.add(NAMESAKE, W["namesake_word"], "namesake_word", term=label)
                break
        if facts.listing_country == "SE" and self.in_finland:
            # a Swedish people-search site lists people registered in Sweden
            facts.add(NAMESAKE, W["listing_abroad"], "listing_abroad", site=facts.listing_name)
        elif facts.listing_country == "FI" and self.in_sweden:
            # and a Finnish directory lists people in Finland
            facts.add(NAMESAKE, W["listing_abroad"], "listing_finland", site=facts.listing_name)
        if not self.lives_abroad and dates.swedish_id_number(text):
            facts.add(NAMESAKE, W["swedish_id"], "swedish_id")
        tld = site.domain.rsplit(".", 1)[-1] if "." in site.domain else ""
        if tld and tld not in GENERIC_TLDS and not self.roots_abroad and len(tld) == 2:
            facts.add(NAMESAKE, W["foreign_site"], "foreign_site", tld=tld)

    def _places(self, facts: Facts, sources: Sources, near: dict[str, set[int]]) -> None:
        """Another town or a foreign place where the namesake lives or works."""
        site = facts.site
        # an account's own page: the place in its bio is where its owner lives or works
        bio = (
            site is not None
            and (
                (
                    site.section in ("profile", "account")
                    and site.kind in (platforms.SOCIAL, platforms.PROFESSIONAL, platforms.HOBBY)
                )  # a researcher's own page names the institution's town
                or (site.kind == platforms.ACADEMIC and facts.name.where == "title")
            )
        ) or facts.listing  # a directory listing's town is where its person lives now
        own_near = False
        best: tuple[float, str, str] | None = None
        old = facts.year is not None and facts.year.year <= dates.this_year() - MOVED_YEARS
        marching = facts.score(ACTIVISM) >= 1.0
        about_one = not marching and facts.name.level == FULL
        for where, tokens in sources:
            if where == "url":
                continue
            residence = {
                i
                for positions in self._hits(self.residence_vocab, tokens).values()
                for p in positions
                for i in range(p - 3, p + 4)
            }
            context = near.get(where, set()) | residence
            named = set(self.names.positions(tokens))  # "Ruotsalainen" is a name, not Sweden
            for positions in self._hits(self.locations, tokens).values():
                if any(p in context for p in positions):
                    own_near = True
            for places, code in ((self.towns, "other_town"), (self.abroad, "abroad")):
                hits = self._hits(places, tokens)
                for i in sorted(hits):
                    phrase, spot = places[i]
                    for pos in hits[i]:
                        if pos in named:
                            continue
                        if code == "abroad" and not tokens[pos].capital:
                            continue  # "turkulainen" is from Turku, not Turkey
                        if pos and tokens[pos - 1].capital and tokens[pos - 1].low in FIRST_NAMES:
                            continue  # "Reijo Salo" is a person, not the town
                        demonym = not tokens[pos].capital
                        if pos in context or demonym or bio:
                            weight = W["place_lives"]  # lives, works or comes from there
                        elif where == "title" and facts.name.level == FULL:
                            weight = W["place_in_title"]  # the page is about that place
                        elif where == "page" and about_one and fold(phrase.label) not in REGIONS:
                            weight = W["place_on_page"]  # in a fetched page about one person
                        else:
                            continue
                        if old or marching:
                            weight *= W["place_old"]  # people move, and march in other towns
                        if code == "abroad" and self.roots_abroad:
                            weight *= W["place_old"]  # someone from abroad has a past there
                        if code == "other_town" and fold(phrase.label) in REGIONS:
                            weight *= W["place_old"]  # a region is wide: it may hold your town
                        if code == "other_town" and spot and self.home and not facts.listing:
                            km = min(_distance(spot, h) for h in self.home)
                            if km < NEIGHBOURING_KM:
                                weight = W["place_neighbouring"]  # you may have lived there
                        if best is None or weight > best[0]:
                            best = (weight, code, phrase.label)
        if best is None or own_near:
            return
        if not self.profile.locations and best[1] == "other_town":
            return
        weight, code, label = best
        facts.add(NAMESAKE, weight, code, term=label)

    def _known(
        self,
        facts: Facts,
        sources: Sources,
        text: str,
        near: dict[str, set[int]],
        spots: list[int],
    ) -> None:
        """The other person the person told footprint about (or marked "not me" once):
        their town, trade or employer in the result, or their birth year or age by the name."""
        best: tuple[float, list[str]] = (0.0, [])
        for known in self.known:
            weight, matched = 0.0, []
            for phrases, label, w_near, w_far in (
                (known.employers, known.namesake.employer, "known_employer", "known_employer"),
                (known.towns, known.namesake.town, "known_near", "known_far"),
                (known.trades, known.namesake.trade, "known_near", "known_far"),
            ):
                grade = self._where(phrases, sources, near)
                if grade is not None:
                    weight += W[w_near if grade else w_far]
                    matched.append(label)
            born = known.born
            if born is not None:
                stated = [y for y, at in facts.births if _beside(text, spots, at, 120, 25)]
                stated += [
                    (facts.year.year if facts.year else dates.this_year()) - age
                    for age, at in dates.ages(text)
                    if _beside(text, spots, at, 40, 40)
                ]
                if any(abs(y - born) <= 2 for y in stated):
                    weight += W["known_near"]
                    matched.append(str(born))
            if weight > best[0]:
                best = (weight, matched)
        weight, matched = best
        if matched:
            facts.add(NAMESAKE, min(weight, W["known_cap"]), "known_namesake",
                      term=", ".join(matched))  # fmt: skip

    def _where(
        self, phrases: list[Phrase], sources: Sources, near: dict[str, set[int]]
    ) -> int | None:
        """None when no phrase is in the result, 1 when one stands by the name, else 0."""
        grade = None
        for where, tokens in sources:
            if where == "url":
                continue
            for positions in self._hits(phrases, tokens).values():
                if any(p in near.get(where, set()) for p in positions):
                    return 1
                grade = 0
        return grade

    def _minor(self, facts: Facts, sources: Sources, near: dict[str, set[int]]) -> None:
        """A schoolchild with the person's name, when the person was long an adult."""
        born = self.profile.birth_year
        if born is None:
            return
        year = facts.year.year if facts.year else dates.this_year()
        if year - born < 20:
            return
        for where, tokens in sources:
            if where == "url":
                continue
            starts = set(self.names.positions(tokens))
            for i, positions in self._hits(self.minors, tokens).items():
                head = self.minors[i].phrase.label.lower()
                for pos in positions:
                    # one child, just before the name: "yhdeksäsluokkalainen Rebecca Salo"
                    # (not "her pupils", written after a teacher's name)
                    singular = tokens[pos].low.endswith((head, head + "en", head + "n"))
                    if singular and (pos + 1 in starts or pos + 2 in starts):
                        term = tokens[pos].surface
                        facts.add(NAMESAKE, W["minor"], "minor", term=term, age=year - born)
                        return

    def _age(self, facts: Facts, text: str, spots: list[int]) -> None:
        """A stated birth year or age that cannot be the person's (or that fits).

        Without a birth year in the profile, the first activism year still bounds it: a
        person active in 2008 was not born in 2007.
        """
        born = self.profile.birth_year
        span = self.profile.activism.years
        first = span[0] if span else 0
        latest = first - ACTIVE_FROM_AGE if span and born is None else None
        # a birth stated after the name or just before it ("Eeva Pesonen (s. 1931)"), not
        # a group's founding ("Ryhmä syntyi 1996 … perustajina Eeva Pesonen")
        stated = [
            y
            for y, at in facts.births
            if not spots or _beside(text, spots, at, BORN_BEFORE, BORN_AFTER)
        ] + [y for y, at in dates.birth_years_in_parens(text) if _within(spots, at - 40, at)]
        for year in stated:
            if year > dates.this_year() - ADULT_AGE:  # the person auditing is an adult
                facts.add(NAMESAKE, W["born_minor"], "born_minor", born=year, age=ADULT_AGE)
            elif born is None:
                if latest is not None and year > latest + 3:
                    facts.add(NAMESAKE, W["born_after_activism"], "born_after_activism",
                              born=year, first=first)  # fmt: skip
            elif abs(year - born) > 3:
                facts.add(
                    NAMESAKE, W["other_birth_year"], "other_birth_year", born=year, yours=born
                )
            else:
                facts.add(PERSON, W["own_birth_year"], "own_birth_year", born=year)
                self._birthday(facts, text)
            return
        # a directory listing states an age as of now: as sure as a dated one
        dated = facts.year is not None or facts.listing
        year = facts.year.year if facts.year else dates.this_year()  # undated: as of now
        junior = dates.junior_class(text.split("\n", 1)[0], text, spots) if spots else None
        if junior and junior[1] + dates.this_year() - year < ADULT_AGE:
            weight = W["junior_class" if dated else "junior_class_undated"]
            facts.add(NAMESAKE, weight, "junior_class", term=junior[0], year=year, adult=ADULT_AGE)
            return
        told = {y.year for y in facts.years}  # a story may date the age: "i juli 1982"
        for age, at in dates.ages(text):
            if not _beside(text, spots, at, 40, 40):
                continue  # someone else's age: a child's, a club's, an anniversary's
            if age + dates.this_year() - year < ADULT_AGE:
                facts.add(NAMESAKE, W["minor_age" if dated else "minor_age_undated"], "minor_age",
                          age=age, year=year, adult=ADULT_AGE)  # fmt: skip
                return
            if born is None and latest is None:
                continue
            if born is not None and any(abs((y - age) - born) <= 3 for y in told):
                year = next(y for y in sorted(told) if abs((y - age) - born) <= 3)
            if born is None:
                if latest is not None and year - age > latest + 1:
                    facts.add(NAMESAKE, W["other_age" if dated else "other_age_undated"],
                              "too_young", age=age, year=year, first=first)  # fmt: skip
            elif abs((year - age) - born) > (1 if facts.listing else 3):  # a listing is exact
                facts.add(NAMESAKE, W["other_age" if dated else "other_age_undated"], "other_age",
                          age=age, year=year, yours=born)  # fmt: skip
            else:
                facts.add(PERSON, W["own_age" if dated else "own_age_undated"], "own_age",
                          age=age, year=year)  # fmt: skip
                self._birthday(facts, text)
            return
        if born is None:
            return
        started = [y for y in dates.career_years(text) if y < born + 17]
        if started and spots:
            facts.add(NAMESAKE, W["career_before_adult"], "career_before_adult",
                      year=started[0], age=started[0] - born)  # fmt: skip
            return
        if dates.retiring(text) and spots and year - born < RETIRING_FROM:
            facts.add(NAMESAKE, W["retiring_young"], "retiring_young", year=year, age=year - born)
            return
        veteran = dates.veteran_class(text.split("\n", 1)[0], text, spots) if dated else None
        # far below the class's age: one may race in an older class, but not decades older
        if veteran and year - born < veteran[1] - CLASS_GAP:
            facts.add(NAMESAKE, W["age_class"], "age_class",
                      term=veteran[0], year=year, age=year - born)  # fmt: skip
            return
        if facts.year is not None and facts.year.weight >= 0.6 and year < born + 12:
            facts.add(
                NAMESAKE, W["before_adult"], "before_adult", year=year, age=max(year - born, 0)
            )

    def _birthday(self, facts: Facts, text: str) -> None:
        """The person's own age with a birthday word: a birthday notice, a family event."""
        folded = text.casefold()
        word = next((w for w in _BEGINNINGS["birthday"] if w in folded), None)
        if word:
            facts.add(PRIVATE, W["birthday"], "birthday", term=word)

    def _death(
        self,
        facts: Facts,
        sources: Sources,
        text: str,
        near: dict[str, set[int]],
        spots: list[int],
    ) -> None:
        death = None
        mourners_at = None
        for where, tokens in sources:
            hits = self._hits(self.death_vocab, tokens)
            close = [
                p
                for positions in hits.values()
                for p in positions
                if where == "title" or p in near.get(where, set())
            ]  # "Punk ei ole kuollut" far from the name is no death notice
            if close and death is None:
                death = tokens[min(close)].surface
            hits = self._hits(self.mourner_vocab, tokens)
            if hits and mourners_at is None:
                positions = hits[min(hits)]
                mourners_at = text.find(tokens[positions[0]].surface)
        marked = dates.died(text) or any(
            _within(spots, at - LIFESPAN_NEAR, at + LIFESPAN_NEAR)
            for at in dates.lifespans_at(text)
        )
        died_at = dates.died_at(text)  # the family is often listed after the dates
        obituary = facts.site is not None and facts.site.kind == platforms.OBITUARY
        if death is None and not marked and not obituary:
            return
        if (
            mourners_at is not None
            and mourners_at >= 0
            and (
                (spots and min(spots) > mourners_at and not facts.codes() & {"other_birth_year"})
                or self._first_name_in(text, mourners_at)  # "Saknad av Cecilia och Johan"
            )
        ) or (died_at is not None and self._first_name_in(text, died_at)):
            # the person mourns a relative: the dates, the age and the other first name are
            # the relative's, and the notice names the person
            facts.evidence[:] = [
                e for e in facts.evidence if e.side != NAMESAKE or e.reason.code in KEPT
            ]
            facts.add(PRIVATE, W["family_notice"], "family_notice")
            return
        if death is None and not marked:
            return  # an obituary site's page that shows no death by the name
        weight = W["death_notice" if death and marked else "death_word" if death else "death_mark"]
        only_dates = {} if death else {"marked": True}  # only the dates of death
        facts.add(NAMESAKE, weight, "death_notice", term=death or "†", **only_dates)

    def _first_name_in(self, text: str, start: int) -> bool:
        """Whether one of the person's first names stands as a word after `start`, in the same
        part of the text (the list of mourners, not the page's own copy of the notice)."""
        firsts = [f for f in self.names.firsts if len(f) >= 3]
        if not firsts:
            return False
        end = text.find("\n", start)
        pattern = _first_names_re(tuple(sorted(firsts)))
        return pattern.search(text, start, end if end >= 0 else len(text)) is not None

    def _profession(
        self,
        facts: Facts,
        sources: Sources,
        near: dict[str, set[int]],
        tied: float,
    ) -> None:
        if not self.fields or tied >= 1.0 or "civic_role" in facts.codes():
            return  # (a board role is no trade)
        found: dict[str, tuple[str, int]] = {}  # field → (word, grade in PROFESSION_GRADES)
        # a company register lists one trader: the line of business it names is theirs
        register = facts.site is not None and facts.site.kind == platforms.REGISTRY
        # a page about one person, not a story of a demonstration with police in it
        about_one = facts.score(ACTIVISM) < W["activism_min"] and facts.name.level == FULL
        for where, tokens in sources:
            if where == "url":
                continue
            named = set(self.names.positions(tokens))
            # who runs the business or sits on its board is no line of business
            runs = {
                p
                for table in ("managers", "roles")
                for positions in self._hits(self.vocab[table], tokens).values()
                for p in positions
            } if register else set()  # fmt: skip
            for fld, vocab in self.professions.items():
                for positions in self._hits(vocab, tokens).values():
                    for pos in positions:
                        # next to the name, or after a label: "Ammatti: lähihoitaja"
                        close = pos in near.get(where, set()) or _labelled(tokens, pos)
                        beside = bool(named.intersection(_around(tokens, pos, 1)))
                        # a fetched page's text is about its person: a trade anywhere in it
                        grade = (
                            3
                            if beside or (register and pos not in runs)
                            else 2
                            if close
                            else 1
                            if about_one and where == "page"
                            else 0
                        )
                        if fld not in found or grade > found[fld][1]:
                            found[fld] = (tokens[pos].surface, grade)
        if not found or self.fields & set(found):
            return
        fld, (term, grade) = max(found.items(), key=lambda kv: kv[1][1])
        close = grade > 1
        weight = W[PROFESSION_GRADES[grade]]
        facts.add(NAMESAKE, weight, "other_profession", term=term, near=close)
