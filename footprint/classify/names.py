"""Finding the person's name in a result: in full, inflected, reversed, as initials,
as a username in the address, or only the surname (perhaps with another first name).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from footprint.classify.text import (
    Lemmas,
    Phrase,
    PhraseIndex,
    Token,
    Word,
    fold,
    lemmatize,
    stems,
)
from footprint.profile import Profile

FULL = "full"  # the name, an alias or the person's username
SURNAME = "surname"  # only the surname
OTHER_FIRST = "other_first"  # the surname with another first name
ABSENT = "absent"

# Common first names (Finnish, Finland-Swedish, English): a capitalised word before the
# surname that is one of these is another person's first name.
FIRST_NAMES = frozenset(
    """aada aapo aino aleksi alexander anna anne anni annika antti anu ari arja arto aura
    eero eeva eija eila eino elias elina elisa emilia emma erik erkki esa essi hanna
    hannele hannu harri heikki heli helena helmi henna henrik hilkka ilkka irma jaakko
    jani janne jari jarmo jenni jere jesse jorma johanna johannes joni jouni juha juhani
    juho jukka julia jussi jyrki kaarina kaija kaisa kalle kari karin katja kati kimmo
    kirsi kristiina kristian laila lars lasse laura lauri leena leila liisa lotta maija
    maria marika marja marjatta marko markku martti matti merja mervi mika mikael mikko
    minna mirja mia niina niko niklas noora oliver olli outi paavo pasi pauliina pekka
    pentti petri petteri pia pirjo pirkko raija raimo reijo riikka riitta risto ritva
    ronja sami sanna sari satu seppo siiri sini sirpa sofia susanna suvi taina tapani
    tapio tarja teemu teija tero terhi timo tiina tomi tommi toni tuija tuomas tuomo
    tuula tuulia ulla urho valtteri veera veikko vesa ville virpi aili anders axel bengt
    birgitta britt carl christer elsa fredrik gunilla göran gustav hans ingrid jan johan
    karl kerstin kristina lena magnus margareta nils ola per sven ulf ebba linnea alice
    amy andrew anthony ben brian chris christopher daniel david edward elizabeth emily
    george james jane jennifer john joseph kate linda lisa mark mary matthew michael
    paul peter richard robert sarah susan thomas william""".split()  # noqa: SIM905
)


@lru_cache(maxsize=8192)
def ascii_fold(text: str) -> str:
    """Letters only, without accents: "Grönqvist" → "gronqvist"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return re.sub(r"[^a-z0-9]", "", "".join(c for c in decomposed if c.isascii()))


@dataclass(frozen=True)
class NameMatch:
    level: str  # FULL | SURNAME | OTHER_FIRST | ABSENT
    label: str = ""  # what matched, for reasons
    where: str = ""
    positions: tuple[int, ...] = ()  # token indexes of matches in `where`'s tokens
    other_first: str = ""


class NameMatcher:
    """Every way the profile's names may appear."""

    def __init__(self, profile: Profile, lemmas: Lemmas) -> None:
        self.phrases: list[Phrase] = []
        self.usernames: list[str] = []
        self.slugs: set[str] = set()
        surnames: set[str] = set()
        firsts: set[str] = set()
        self.surname_words: list[Word] = []
        self._index: PhraseIndex | None = None
        self._positions: dict[int, tuple[Sequence[Token], list[int]]] = {}  # id(tokens) → found
        for number, name in enumerate(profile.names):
            parts = [p for p in re.split(r"[\s]+", name) if p]
            if len(parts) == 1 and number > 0:  # a username or a nickname ("Tumppi")
                self.usernames.append(fold(parts[0]))
                self.slugs.add(ascii_fold(parts[0]))
                if parts[0][:1].isupper():
                    self.phrases.append(Phrase(name, (self._word(parts[0], lemmas),)))
                continue
            words = [self._word(p, lemmas) for p in parts]
            self.phrases.append(Phrase(name, tuple(words)))
            if len(parts) >= 2:
                first, last = parts[0], parts[-1]
                firsts.add(fold(first).rstrip("."))
                if len(last.rstrip(".")) > 1:
                    surnames.add(last)
                    if len(parts) > 2:
                        self.phrases.append(Phrase(name, (words[0], words[-1])))
                    self.phrases.append(Phrase(name, (self._word(last, lemmas), words[0])))
                    initial = Word(frozenset({fold(first[0])}), needs_capital=True)
                    self.phrases.append(Phrase(name, (initial, words[-1])))
                    a, b = ascii_fold(first), ascii_fold(last)
                    self.slugs |= {a + b, b + a, a[0] + b}
            else:
                surnames.add(parts[0])
        for surname in sorted(surnames):
            self.surname_words.append(self._word(surname, lemmas))
        self.surnames = tuple(sorted(surnames))
        self.firsts = frozenset(firsts)
        self.surname_keys = tuple(ascii_fold(s) for s in self.surnames)
        self._full = PhraseIndex(self.phrases)
        heads = {stem for s in self.surnames for stem in stems(s.rstrip("."))} | set(self.usernames)
        heads |= {f for f in self.firsts if len(f) >= 3}
        self.first_words = [Word(frozenset({f}), needs_capital=True) for f in sorted(self.firsts)]
        self._spot_re = (
            re.compile(
                r"\b(?:" + "|".join(map(re.escape, sorted(heads, key=len, reverse=True))) + ")",
                re.IGNORECASE,
            )
            if heads
            else None
        )

    @staticmethod
    def _word(part: str, lemmas: Lemmas) -> Word:
        clean = part.rstrip(".")
        keys = {fold(clean)} | {fold(lemmatize(clean, lang)) for lang in ("fi", "sv", "en")}
        for key in keys:
            lemmas.want(key, short=True)
        return Word(frozenset(keys), "exact", stems(clean), needs_capital=True, by_stem=True)

    def in_url(self, url: str) -> str:
        """The username or name slug found in the address, or ''."""
        path = re.sub(r"[^a-z0-9]", "", ascii_fold(url.split("?")[0]))
        for slug in sorted(self.slugs, key=len, reverse=True):
            if len(slug) >= 5 and slug in path:
                return slug
        return ""

    def find(self, tokens_by_source: Sequence[tuple[str, Sequence[Token]]]) -> NameMatch:
        """The strongest presence of the name over the sources."""
        best = NameMatch(ABSENT)
        for where, tokens in tokens_by_source:
            full = self._full.find(tokens)
            if full:
                first = min(i for _, i in full)
                positions = tuple(p for p, i in full if i == first)
                return NameMatch(FULL, self.phrases[first].label, where, positions)
            for token in tokens:
                if token.low in self.usernames:
                    return NameMatch(FULL, token.surface, where)
            if best.level in (ABSENT, SURNAME):
                for word in self.surname_words:
                    hits = [i for i, t in enumerate(tokens) if word.matches(t)]
                    for i in hits:
                        before = tokens[i - 1] if i > 0 else None
                        if (
                            before is not None
                            and before.capital
                            and before.low in FIRST_NAMES
                            and before.low not in self.firsts
                        ):
                            best = NameMatch(
                                OTHER_FIRST,
                                before.surface + " " + tokens[i].surface,
                                where,
                                (i,),
                                before.surface,
                            )
                            break
                    if hits and best.level == ABSENT:
                        best = NameMatch(SURNAME, tokens[hits[0]].surface, where, tuple(hits))
        return best

    def positions(self, tokens: Sequence[Token]) -> list[int]:
        """Token indexes where the name, surname, first name or a username stands."""
        cached = self._positions.get(id(tokens))
        if cached is not None and cached[0] is tokens:
            return cached[1]
        if len(self._positions) >= 1024:
            self._positions.clear()
        found = self._find_positions(tokens)
        self._positions[id(tokens)] = (tokens, found)  # keeps `tokens`: its id stays its own
        return found

    def _find_positions(self, tokens: Sequence[Token]) -> list[int]:
        if self._index is None:
            singles = [
                Phrase(min(w.lemmas), (w,)) for w in (*self.surname_words, *self.first_words)
            ]
            self._index = PhraseIndex([*self.phrases, *singles])
        out = {p for p, _ in self._index.find(tokens)}
        out |= {i for i, t in enumerate(tokens) if t.low in self.usernames}
        return sorted(out)

    def spots(self, text: str) -> list[int]:
        """Where in `text` the surname or a username starts (any inflection)."""
        if self._spot_re is None:
            return []
        return [m.start() for m in self._spot_re.finditer(text)]

    def is_username(self, handle: str) -> bool:
        """Whether a handle is one of the person's own usernames (unique, unlike a name)."""
        key = ascii_fold(handle)
        return bool(key) and any(ascii_fold(u) == key for u in self.usernames)

    def owns_handle(self, handle: str) -> bool:
        """Whether an account handle looks like the person's (contains the surname)."""
        key = ascii_fold(handle)
        if not key:
            return False
        if any(len(s) >= 4 and s in key for s in self.surname_keys):
            return True
        return any(ascii_fold(u) == key for u in self.usernames) or key in self.slugs
