"""Finding the person's name in a result: in full, inflected, reversed, as initials,
as a username in the address, or only the surname (perhaps with another first name).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from footprint.classify import knowledge
from footprint.classify.text import (
    BREAK,
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
from footprint.settings import LANGUAGES

FULL = "full"  # the name, an alias or the person's username
SURNAME = "surname"  # only the surname
OTHER_FIRST = "other_first"  # the surname with another first name
ABSENT = "absent"

_KNOWN = knowledge.vocabularies()
# Common first names: a capitalised word before the surname that is one of these is another
# person's first name (vocabulary.toml)
FIRST_NAMES = _KNOWN.first_names


# every Finnish town's name, and the words that follow a town's name, not a person's
_PLACES = knowledge.gazetteer()
TOWN_NAMES = frozenset(fold(n) for place in (*_PLACES.towns, *_PLACES.regions) for n in place.names)
PLACE_WORDS = frozenset(_KNOWN.beginnings["place_words"])

# a list break inside a reversed name ("Hietanen, Laura"), and a middle name ("Ville
# Petteri Kurikka")
_BREAK_WORD = Word(frozenset({BREAK}))
_MIDDLE = Word(FIRST_NAMES, needs_capital=True)


def spellings(name: str) -> set[str]:
    """Other ways a name is written across languages: ks/x, -ia/-ja, j/y at the start."""
    out = {name.replace("ks", "x"), name.replace("x", "ks")}
    if name.endswith(("ia", "ja")):
        out |= {name[:-2] + "ia", name[:-2] + "ja", name[:-2] + "iya"}
    if name[:1] in "jy" and len(name) > 3:
        out |= {"j" + name[1:], "y" + name[1:]}
    out.discard(name)
    return out


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
    as_place: bool = False  # the surname only appears as the town of that name
    other_surname: str = ""  # the first name with another surname: "Joonas Heikkinen"


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
                    # reversed, the surname is not inflected: "Kurikan Ville" is Kurikka's Ville
                    as_written = Word(
                        frozenset({fold(last.rstrip(".")), ascii_fold(last)}), "surface"
                    )
                    self.phrases.append(Phrase(name, (as_written, words[0])))
                    self.phrases.append(Phrase(name, (as_written, _BREAK_WORD, words[0])))
                    self.phrases.append(Phrase(name, (words[0], _MIDDLE, words[-1])))
                    initial = Word(frozenset({fold(first[0])}), needs_capital=True)
                    self.phrases.append(Phrase(name, (initial, words[-1])))
                    self.phrases.append(Phrase(name, (as_written, initial)))  # "Kurikka V."
                    a, b = ascii_fold(first), ascii_fold(last)
                    self.slugs |= {a + b, b + a, a[0] + b}
            else:
                surnames.add(parts[0])
        for surname in sorted(surnames):
            self.surname_words.append(self._word(surname, lemmas))
        self.surnames = tuple(sorted(surnames))
        self.surname_stems = {stem for s in self.surnames for stem in stems(s.rstrip("."))}
        self.surname_lows = {fold(s.rstrip(".")) for s in self.surnames}
        self.place_like = bool(self.surname_lows & TOWN_NAMES)
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
        keys = {fold(clean)} | {fold(lemmatize(clean, lang)) for lang in LANGUAGES}
        keys.add(ascii_fold(clean) or fold(clean))  # "Makinen" on a foreign site
        keys |= spellings(fold(clean))  # "Alexandra" for "Aleksandra"
        for key in keys:
            lemmas.want(key, short=True)
        return Word(frozenset(keys), "exact", stems(clean), needs_capital=True, by_stem=True)

    def in_url(self, url: str) -> str:
        """The username or name slug found in the address, or ''.

        The slug must be made of whole words of the address: "laura-hietanen-3a81" and
        "laurahietanen" hold it, "pizzeriaville-kurikka" does not.
        """
        words = [ascii_fold(w) for w in re.split(r"[\W_]+", url.split("?")[0].casefold())]
        words = [w for w in words if w]
        runs = {"".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, i + 4)}
        for slug in sorted(self.slugs, key=len, reverse=True):
            if len(slug) >= 5 and slug in runs:
                return slug
        return ""

    def find(self, tokens_by_source: Sequence[tuple[str, Sequence[Token]]]) -> NameMatch:
        """The strongest presence of the name over the sources."""
        best = NameMatch(ABSENT)
        for where, tokens in tokens_by_source:
            full = [
                (p, i)
                for p, i in self._full.find(tokens)
                if not any(
                    self._other_double(t) for t in tokens[p : p + len(self.phrases[i].words)]
                )
            ]
            if full:
                first = min(i for _, i in full)
                positions = tuple(p for p, i in full if i == first)
                return NameMatch(FULL, self.phrases[first].label, where, positions)
            for token in tokens:
                if token.low in self.usernames:
                    return NameMatch(FULL, token.surface, where)
            if best.level in (ABSENT, SURNAME):
                for word in self.surname_words:
                    hits = [
                        i
                        for i, t in enumerate(tokens)
                        if word.matches(t) and not self._other_double(t)
                    ]
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
        if best.level in (ABSENT, SURNAME) and self.place_like:
            for where, tokens in tokens_by_source:
                spot = next(
                    (t.surface for i, t in enumerate(tokens) if self._as_place(tokens, i)), ""
                )
                if spot:  # "Kurikan kaupunki", "Kurikassa": the town, not a name
                    return NameMatch(ABSENT, spot, where, as_place=True)
        if best.level in (ABSENT, SURNAME):
            for _, tokens in tokens_by_source:
                other = self._other_surname(tokens)
                if other:  # "Joonas Heikkinen" where "Joonas Kettu" was searched
                    return NameMatch(best.level, best.label, best.where, best.positions,
                                     other_surname=other)  # fmt: skip
        return best

    def _other_surname(self, tokens: Sequence[Token]) -> str:
        """The person's first name followed by another surname, or ''."""
        for i in range(len(tokens) - 1):
            first, after = tokens[i], tokens[i + 1]
            if (
                first.capital
                and first.low in self.firsts
                and after.capital
                and after.low != BREAK
                and after.low not in FIRST_NAMES
                and not any(w.matches(after) for w in self.surname_words)
                and after.surface[:1].isalpha()
                and not after.surface.isupper()
            ):
                return f"{first.surface} {after.surface}"
        return ""

    def _as_place(self, tokens: Sequence[Token], i: int) -> bool:
        """Whether the surname at i is written as the town it also names."""
        token = tokens[i]
        if not any(w.matches(token) for w in self.surname_words):
            return False
        if not token.capital or token.low not in self.surname_lows:
            return True  # a demonym ("kurikkalainen") or an inflected form ("Kurikassa")
        after = tokens[i + 1].low if i + 1 < len(tokens) else ""
        before = tokens[i - 1].low if i > 0 else BREAK
        listed = before == BREAK and (after in ("", BREAK) or after.isdigit())  # "…, Kurikka 49.55"
        return after in PLACE_WORDS or listed

    def _other_double(self, token: Token) -> bool:
        """ "Rinta-Kurikka", "Ala-Hietanen": another, double-barrelled surname that
        ends in the person's (a married name that starts with it, "Hietanen-Koski", is hers)."""
        if "-" not in token.low or not token.capital:
            return False
        head = token.low.split("-", 1)[0]
        own = self.surname_stems | self.firsts | set(self.usernames)
        return not any(head.startswith(stem) for stem in own)

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
