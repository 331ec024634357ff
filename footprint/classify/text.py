"""Text for matching: tokens with their lemmas, and phrases found by lemma.

Finnish inflects names, places and organisations ("Tampereella", "Hietaselle",
"Uuden Suunnan säätiöllä"), so every token carries its lemmas in Finnish, Swedish
and English, and a profile entry matches when each of its words matches a token
in a row by lemma, or, for proper nouns simplemma does not know, by stem.
"""

from __future__ import annotations

import operator
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from footprint.classify.lemmas import lemmatizer
from footprint.settings import LANGUAGES

LANGS = LANGUAGES
WORD_RE = re.compile(r"[^\W\d_]+(?:[-'’:][^\W\d_]+)*|\d+")
# text tokens also keep where a list or a clause breaks: "Pizzeria Ville, Kurikka" holds
# no name "Ville Kurikka"
TOKEN_RE = re.compile(
    WORD_RE.pattern + r"|[,;|()\[\]·•]|(?<=\s)[–—-](?=\s)|(?<=[^\W\d_]{2})\.(?=\s|$)"
)  # a full stop ends a sentence after a word, not after an initial ("s. 1931", "V.")
BREAK = "|"  # the one token every break becomes
# Finnish case endings a proper noun may carry after its stem ("Oulu|ssa", "Hietas|elle")
MAX_ENDING = 8
TEXT_CACHE = 4096  # texts whose tokens are kept (titles and snippets repeat)
# generic words around an organisation's name, dropped to match the name alone
ORG_WORDS = frozenset(
    """ry rf r.y oy ab ltd oyj inc säätiö yhdistys liitto stiftelse förening förbund
    foundation association society verkosto nätverk network kollektiivi kollektiv
    collective""".split()  # noqa: SIM905
)
# Finnish consonant gradation, strong → weak, for stems of unknown proper nouns
_GRADATION = (
    ("nk", "ng"), ("mp", "mm"), ("nt", "nn"), ("lt", "ll"), ("rt", "rr"),
    ("kk", "k"), ("pp", "p"), ("tt", "t"), ("k", ""), ("p", "v"), ("t", "d"),
)  # fmt: skip
_VOWELS = "aeiouyäöå"
_DESCRIPTION = re.compile(r"\s[–—-]\s|:\s|\s\(")  # where a name's description begins
_DEMONYM = re.compile(r"(?:lai|läi)(?:nen|s\w{0,5})$")


def fold(text: str) -> str:
    """Lower-case, NFC-normalised text."""
    return unicodedata.normalize("NFC", text).casefold()


@dataclass(frozen=True)
class Token:
    surface: str  # as written
    low: str  # folded
    keys: frozenset[str]  # the folded form and its lemmas
    capital: bool  # written with a capital letter


class Lemmas:
    """Lemmatises tokens, but only those that could match a wanted lemma.

    Looking a form up costs microseconds, and most tokens of a snippet cannot match
    any lemma we look for: a token is lemmatised only when its first three letters
    are those of some wanted lemma in that language (inflection keeps them; two
    letters for the profile's short words), or when it holds a wanted compound head
    ("ilmastoaktivisteja" for `*aktivisti`).
    """

    def __init__(self) -> None:
        self._prefixes: dict[str, set[str]] = {lang: set() for lang in LANGS}
        self._heads: dict[str, set[str]] = {lang: set() for lang in LANGS}
        self._heads_re: dict[str, re.Pattern[str] | None] | None = None
        self._cache: dict[str, frozenset[str]] = {}
        self._tokens: dict[str, Token] = {}  # one Token per distinct word
        self._texts: dict[str, list[Token]] = {}  # recent texts, tokenised

    def copy(self) -> Lemmas:
        """A new Lemmas that wants what this one wants (its caches start empty)."""
        other = Lemmas()
        other._prefixes = {lang: set(found) for lang, found in self._prefixes.items()}
        other._heads = {lang: set(found) for lang, found in self._heads.items()}
        return other

    def want(self, lemma: str, langs: Iterable[str] = LANGS, short: bool = False) -> None:
        """Register a lemma (folded) that text tokens should be able to match.

        `short`: a short word of the profile may change its third letter ("uusi" →
        "uuden"), so two letters are enough to try it.
        """
        head = lemma[:2] if short and len(lemma) <= 5 else lemma[:3]
        for lang in langs:
            self._prefixes[lang].add(head)

    def want_head(self, head: str, langs: Iterable[str] = LANGS) -> None:
        """Register a compound head: tokens that hold it are lemmatised too."""
        stem = head[:-1] if len(head) > 4 and head[-1] in _VOWELS else head
        for lang in langs:
            self._heads[lang].add(stem)
        self._heads_re = None

    def _head_patterns(self) -> dict[str, re.Pattern[str] | None]:
        if self._heads_re is None:
            self._heads_re = {
                lang: _any_of(tuple(sorted(heads))) if heads else None
                for lang, heads in self._heads.items()
            }
        return self._heads_re

    def keys(self, surface: str) -> frozenset[str]:
        """The folded token and its lemmas in the languages that might match."""
        cached = self._cache.get(surface)
        if cached is not None:
            return cached
        low = fold(surface)
        found = {low}
        written = surface.capitalize() if surface.isupper() and len(surface) > 1 else surface
        heads = self._head_patterns()
        for lang in LANGS:
            prefixes = self._prefixes[lang]
            pattern = heads[lang]
            if (
                low[:3] in prefixes
                or low[:2] in prefixes
                or (pattern is not None and len(low) > 5 and pattern.search(low, 2))
            ):
                found.add(fold(lemmatize(written, lang)))
        if "-" in low:
            found.update(part for part in low.split("-") if part)
        if not low.isascii() and _CYRILLIC.search(low):  # "Воронова" is "voronova"
            found.add(low.translate(_LATIN))
        result = frozenset(found)
        self._cache[surface] = result
        return result

    def token(self, surface: str) -> Token:
        """One word as a token (made once per distinct word)."""
        token = self._tokens.get(surface)
        if token is None:
            token = Token(surface, fold(surface), self.keys(surface), surface[:1].isupper())
            self._tokens[surface] = token
        return token

    def tokens(self, text: str) -> list[Token]:
        """The words of `text` as tokens. The list is shared: do not change it."""
        found = self._texts.get(text)
        if found is None:
            if len(self._texts) >= TEXT_CACHE:
                self._texts.clear()
            token = self.token
            found = self._texts[text] = [
                token(w) if w[0].isalnum() else _BREAK for w in TOKEN_RE.findall(text)
            ]
        return found


# Russian letters as a Finnish text writes them ("Александра Воронова" → "aleksandra voronova")
_CYRILLIC = re.compile("[а-яё]")
_LATIN = str.maketrans({
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "jo", "ж": "zh", "з": "z",
    "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "h", "ц": "ts", "ч": "tš", "ш": "š", "щ": "štš",
    "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "ju", "я": "ja",
})  # fmt: skip
_BREAK = Token(BREAK, BREAK, frozenset({BREAK}), False)


@lru_cache(maxsize=64)
def _any_of(words: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for any of `words` (compiled once per set of words)."""
    return re.compile("|".join(map(re.escape, words)))


@lru_cache(maxsize=200_000)
def lemmatize(surface: str, lang: str) -> str:
    """simplemma's lemma of one token (the token itself when unknown)."""
    try:
        return str(lemmatizer().lemmatize(surface, lang=lang))
    except (ValueError, TypeError):
        return surface


def known(word: str) -> bool:
    """Whether simplemma's Finnish or Swedish dictionary has the word (so lemmas suffice)."""
    from footprint.classify.lemmas import dictionary

    return any(dictionary(lang).get(word) is not None for lang in ("fi", "sv"))


def stems(word: str) -> tuple[str, ...]:
    """Stems a Finnish proper noun may show before its case ending.

    "Hietanen" → "hietas", "hietanen"; "Lahti" → "laht", "lahd"; "Oulu" → "oulu".
    """
    low = fold(word)
    if len(low) < 4:
        return (low,)
    out = {low}
    if low.endswith("nen"):
        out.add(low[:-3] + "s")
    if low[-1] in _VOWELS:
        base = low[:-1]
        out.add(base)
        for strong, weak in _GRADATION:
            if base.endswith(strong) and len(base) - len(strong) >= 3:
                out.add(base[: len(base) - len(strong)] + weak)
                break
    return tuple(sorted((s for s in out if len(s) >= 4), key=len))


@dataclass(frozen=True)
class Word:
    """One word of a phrase to find: a lemma set, or a compound head / prefix pattern."""

    lemmas: frozenset[str]
    mode: str = "exact"  # exact | surface (uninflected) | prefix (word*) | suffix (*word)
    stems: tuple[str, ...] = ()  # a proper noun's stems, for demonyms
    needs_capital: bool = False
    by_stem: bool = False  # match inflected forms by stem (proper nouns simplemma lacks)

    def matches(self, token: Token) -> bool:
        if self.needs_capital and not token.capital:
            return self._demonym(token)  # written in lower case: "tamperelainen"
        if self.mode == "exact":
            if not self.lemmas.isdisjoint(token.keys):
                return True
        elif self.mode == "surface":  # as written, not inflected: "Hietanen Laura"
            return token.low in self.lemmas
        elif self.mode == "suffix":
            if any(k.endswith(lemma) for k in token.keys for lemma in self.lemmas):
                return True
        elif any(k.startswith(lemma) for k in token.keys for lemma in self.lemmas):
            return True
        if self.by_stem and any(
            token.low.startswith(stem) and len(token.low) - len(stem) <= MAX_ENDING
            for stem in self.stems
        ):
            return True
        return self._demonym(token)

    def _demonym(self, token: Token) -> bool:
        """ "oululainen", "Tamperelaisen": someone from the place this word names."""
        return (
            bool(self.stems)
            and bool(_DEMONYM.search(token.low))
            and any(
                token.low.startswith(stem) and len(token.low) - len(stem) <= MAX_ENDING + 2
                for stem in self.stems
            )
        )


@dataclass(frozen=True)
class Phrase:
    """Something to find in text, with the label reasons quote."""

    label: str
    words: tuple[Word, ...]

    def find(self, tokens: Sequence[Token]) -> list[int]:
        """Start indexes of every match."""
        n = len(self.words)
        first = self.words[0]
        return [
            i
            for i in range(len(tokens) - n + 1)
            if first.matches(tokens[i])
            and all(w.matches(tokens[i + j]) for j, w in enumerate(self.words[1:], 1))
        ]


# what a compiled phrase needs the Lemmas to look for: (lemma, languages, short, head)
Wanted = tuple[tuple[str, tuple[str, ...], bool, bool], ...]


def _register(lemmas: Lemmas, wanted: Wanted) -> None:
    for lemma, langs, short, head in wanted:
        if head:
            lemmas.want_head(lemma, langs)
        else:
            lemmas.want(lemma, langs, short)


def vocabulary_phrase(entry: str, lemmas: Lemmas, langs: Iterable[str] = LANGS) -> Phrase:
    """A phrase from a vocabulary entry: words are lemmas; `*aktivisti` is a compound head,
    `lakkaut*` a prefix."""
    phrase, wanted = _vocabulary_phrase(entry, tuple(langs))
    _register(lemmas, wanted)
    return phrase


@lru_cache(maxsize=16_384)
def _vocabulary_phrase(entry: str, langs: tuple[str, ...]) -> tuple[Phrase, Wanted]:
    """The phrase of a vocabulary entry and what it wants looked for (compiled once)."""
    words = []
    wanted: list[tuple[str, tuple[str, ...], bool, bool]] = []
    for raw in entry.split():
        low = fold(raw)
        if low.startswith("*"):
            words.append(Word(frozenset({low[1:]}), "suffix"))
            wanted += [(low[1:], langs, False, False), (low[1:], langs, False, True)]
        elif low.endswith("*"):
            words.append(Word(frozenset({low[:-1]}), "prefix"))
            wanted.append((low[:-1], langs, False, False))
        else:
            words.append(Word(frozenset({low}), "exact"))
            wanted.append((low, langs, False, False))
    return Phrase(entry.replace("*", ""), tuple(words)), tuple(wanted)


def profile_phrases(entry: str, lemmas: Lemmas, short: bool = True) -> list[Phrase]:
    """Phrases for one profile entry (an employer, a town, a group).

    Words match by lemma or, when capitalised, by stem (simplemma does not know every
    place or organisation). The name without a generic word ("säätiö", "ry") also
    matches when something distinctive is left.
    """
    phrases, wanted = _profile_phrases(entry, short)
    _register(lemmas, wanted)
    return list(phrases)


@lru_cache(maxsize=16_384)
def _profile_phrases(entry: str, short: bool) -> tuple[tuple[Phrase, ...], Wanted]:
    """The phrases of a profile entry and what they want looked for (compiled once)."""
    raw_words = [w for w in WORD_RE.findall(entry)]
    if not raw_words:
        return (), ()
    variants = [raw_words]
    core = [w for w in raw_words if fold(w).strip(".") not in ORG_WORDS]
    if core and core != raw_words and (len(core) > 1 or len(core[0]) >= 4):
        variants.append(core)
    # a name with a description after a dash, colon or bracket: "Pajunkissat – antimilitaristinen
    # verkosto" is mostly written "Pajunkissat"
    name = WORD_RE.findall(_DESCRIPTION.split(entry, 1)[0])
    name = [w for w in name if fold(w).strip(".") not in ORG_WORDS]
    if name and name not in variants and (len(name) > 1 or len(name[0]) >= 4):
        variants.append(name)
    phrases = []
    wanted: list[tuple[str, tuple[str, ...], bool, bool]] = []
    for words in variants:
        built = []
        for i, raw in enumerate(words):
            low = fold(raw)
            keys = {low}
            for lang in LANGS:
                keys.add(fold(lemmatize(raw, lang)))
            wanted += [(key, LANGS, short, False) for key in keys]
            proper = raw[:1].isupper()
            built.append(
                Word(
                    frozenset(keys),
                    "exact",
                    stems(raw) if proper and len(raw) >= 4 else (),
                    needs_capital=proper and i == 0,
                    by_stem=proper and len(raw) >= 4 and not known(raw),
                )
            )
        phrases.append(Phrase(entry, tuple(built)))
    return tuple(phrases), tuple(wanted)


def place_phrase(name: str, lemmas: Lemmas) -> Phrase:
    """A gazetteer's place, matched by the text's lemmas ("Tukholmassa") or, for a name the
    dictionaries lack, by stem ("Lunds"); cheaper to build than a profile entry's phrase."""
    phrase, wanted = _place_phrase(name)
    _register(lemmas, wanted)
    return phrase


@lru_cache(maxsize=4096)
def _place_phrase(name: str) -> tuple[Phrase, Wanted]:
    words = WORD_RE.findall(name)
    built = tuple(
        Word(
            frozenset({fold(w)}),
            "exact",
            stems(w),
            needs_capital=i == 0,
            by_stem=len(w) >= 4 and not known(w),  # "Puola" is not "Puoli"
        )
        for i, w in enumerate(words)
    )
    return Phrase(name, built), tuple((fold(w), LANGS, False, False) for w in words)


class PhraseIndex:
    """Many phrases found in one pass over the tokens.

    Each phrase is filed under what its first word can match: its lemmas, a compound
    head's last four letters, a prefix's first three, a proper noun's stems' first four.
    A token then meets only the phrases filed under its own keys. Matches come back in
    token order, then in the order the phrases were given.
    """

    def __init__(self, phrases: Sequence[Phrase], base: PhraseIndex | None = None) -> None:
        """`base`: an index of the first phrases, filed once and copied (what every
        profile shares)."""
        self.phrases = list(phrases)
        self._exact: dict[str, list[int]] = {}
        self._suffix: dict[str, list[int]] = {}
        self._prefix: dict[str, list[int]] = {}
        self._stems: dict[str, list[int]] = {}
        self._cache: dict[frozenset[str], tuple[int, ...]] = {}  # a token's keys → candidates
        # a token (by its surface, the same object) → the phrases its word starts
        self._first: dict[str, tuple[Token, tuple[int, ...]]] = {}
        start = 0
        if (
            base is not None
            and len(base.phrases) <= len(self.phrases)
            and all(map(operator.is_, base.phrases, self.phrases))
        ):
            start = len(base.phrases)
            self._exact = {k: v[:] for k, v in base._exact.items()}
            self._suffix = {k: v[:] for k, v in base._suffix.items()}
            self._prefix = {k: v[:] for k, v in base._prefix.items()}
            self._stems = {k: v[:] for k, v in base._stems.items()}
        for i in range(start, len(self.phrases)):
            first = self.phrases[i].words[0]
            for lemma in first.lemmas:
                if first.mode in ("exact", "surface"):
                    self._exact.setdefault(lemma, []).append(i)
                elif first.mode == "suffix":
                    self._suffix.setdefault(lemma[-4:], []).append(i)
                else:
                    self._prefix.setdefault(lemma[:3], []).append(i)
            for stem in first.stems:
                self._stems.setdefault(stem[:4], []).append(i)

    def _candidates(self, token: Token) -> tuple[int, ...]:
        cached = self._cache.get(token.keys)
        if cached is not None:
            return cached
        found: set[int] = set()
        for key in token.keys:
            found.update(self._exact.get(key, ()))
            if self._suffix:
                for size in (4, 3, 2):
                    found.update(self._suffix.get(key[-size:], ()))
            if self._prefix:
                found.update(self._prefix.get(key[:3], ()))
        found.update(self._stems.get(token.low[:4], ()))
        result = self._cache[token.keys] = tuple(sorted(found))
        return result

    def _starting(self, token: Token) -> tuple[int, ...]:
        """The phrases whose first word matches `token` (worked out once per token)."""
        cached = self._first.get(token.surface)
        if cached is not None and cached[0] is token:
            return cached[1]
        phrases = self.phrases
        found = tuple(i for i in self._candidates(token) if phrases[i].words[0].matches(token))
        self._first[token.surface] = (token, found)
        return found

    def find(self, tokens: Sequence[Token]) -> list[tuple[int, int]]:
        """(token position, phrase number) of every match."""
        out = []
        n = len(tokens)
        phrases = self.phrases
        for pos, token in enumerate(tokens):
            for i in self._starting(token):
                words = phrases[i].words
                if len(words) == 1 or (
                    pos + len(words) <= n
                    and all(w.matches(tokens[pos + j]) for j, w in enumerate(words[1:], 1))
                ):
                    out.append((pos, i))
        return out

    def __bool__(self) -> bool:
        return bool(self.phrases)
