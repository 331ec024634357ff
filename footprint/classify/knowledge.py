"""What the classifier knows, read from the data files in `footprint/classify/data/`.

    vocabulary.toml  words by category and language (and first names, word beginnings)
    trades.toml      trades by field and language
    gazetteer.toml   Finnish towns and regions (fi / sv names, region, coordinates), places abroad
    platforms.toml   sites and what kind each is, with the weight of each kind
    weights.toml     every other weight, each with why
    patterns.toml    how ages, birth marks and deaths are written (bounded regular expressions)
    reasons.toml     one reason per evidence code in en / fi / sv

Each file is parsed once per process and checked against its schema when read: a
duplicate, a weight out of range, an undocumented weight, an entry missing a language it
claims or written in another alphabet raises `DataFileError` naming the file and the
entry. `check_all()` reads every file (the tests call it); `read(path)` checks one file,
for a contributor's copy.
"""

from __future__ import annotations

import re
import string
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from footprint.errors import DataFileError

DATA = Path(__file__).resolve().parent / "data"
LANGS = ("en", "fi", "sv")
SIDES = ("namesake", "defunct", "activism", "work", "private", "person")
WEIGHT_RANGE = (0.0, 3.0)
# the letters each language's entries are written in (besides spaces and - ' * ~ . :)
_ALPHABETS = {
    "en": "a-z",
    "fi": "a-zåäöšž",
    "sv": "a-zåäöéü",
}
_PUNCTUATION = " \\-'*~.:"
FINLAND = ((59.5, 70.1), (19.0, 31.6))  # latitude, longitude bounds


@dataclass(frozen=True)
class Place:
    """One Finnish place: its Finnish and Swedish names, region and coordinates."""

    fi: str
    sv: str | None
    region: str | None
    at: tuple[float, float]
    is_region: bool = False

    @property
    def names(self) -> tuple[str, ...]:
        return (self.fi, self.sv) if self.sv else (self.fi,)


@dataclass(frozen=True)
class Gazetteer:
    towns: tuple[Place, ...]
    regions: tuple[Place, ...]
    abroad: tuple[str, ...]
    sweden: frozenset[str] = frozenset()  # those of `abroad` in Sweden, folded

    def swedish_name(self, town: str) -> str | None:
        """The Swedish name of a Finnish town or region (any case), if it has one."""
        return _swedish_names().get(town.strip().casefold())

    def region_of(self, name: str) -> str | None:
        """The region (its Finnish name) of a town named in Finnish or Swedish, if known."""
        return _regions_by_name().get(name.strip().casefold())


# --- reading ---------------------------------------------------------------------------


def _fail(path: Path | str, entry: str, problem: str) -> DataFileError:
    return DataFileError(f"{_show(path)}: {entry}: {problem}")


def _show(path: Path | str) -> str:
    path = Path(path)
    try:
        return str(path.relative_to(DATA.parent.parent.parent))
    except ValueError:
        return str(path)


def parse(path: Path) -> dict[str, Any]:
    """A TOML file as a dict; a syntax error or a key given twice names the file and line."""
    text = path.read_text(encoding="utf-8")
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"line (\d+)", str(exc))
        if match is None:
            raise DataFileError(f"{_show(path)}: {exc}") from None
        line = text.splitlines()[int(match.group(1)) - 1].strip()
        key = line.split("=", 1)[0].strip().strip("[]").strip()
        if "overwrite" in str(exc) or "ecl" in str(exc):
            problem = "is listed twice"
        else:
            problem = f"is not valid TOML ({exc})"
        raise DataFileError(f"{_show(path)}: line {match.group(1)}: '{key}' {problem}") from None


def read(path: Path) -> Any:
    """Parse and check one data file by its name (weights.toml, vocabulary.toml…)."""
    checker = _CHECKERS.get(path.name)
    if checker is None:
        raise DataFileError(f"{_show(path)}: not a classifier data file")
    return checker(path, parse(path))


@cache
def _load(name: str) -> Any:
    return read(DATA / name)


def check_all() -> list[str]:
    """Read and check every data file; the names of the files read."""
    names = sorted(p.name for p in DATA.glob("*.toml"))
    for name in names:
        read(DATA / name)
    return names


# --- schemas ---------------------------------------------------------------------------


def _need(path: Path, entry: str, data: Mapping[str, Any], key: str, kind: type | tuple) -> Any:
    if key not in data:
        raise _fail(path, entry, f"has no '{key}'")
    value = data[key]
    if not isinstance(value, kind) or isinstance(value, bool):
        raise _fail(path, entry, f"'{key}' has the wrong type ({type(value).__name__})")
    return value


def _only(path: Path, entry: str, data: Mapping[str, Any], keys: set[str]) -> None:
    extra = set(data) - keys
    if extra:
        raise _fail(path, entry, f"unknown key(s) {', '.join(sorted(extra))}")


def _in_range(path: Path, entry: str, value: float, low: float, high: float) -> float:
    if not low <= value <= high:
        raise _fail(path, entry, f"weight {value} is outside {low:g}–{high:g}")
    return float(value)


def _words(path: Path, entry: str, lang: str, words: Any) -> tuple[str, ...]:
    """A language's list of entries: strings, each once, in that language's letters."""
    if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
        raise _fail(path, entry, f"'{lang}' must be a list of words")
    letters = re.compile(f"[{_ALPHABETS[lang]}{_PUNCTUATION}]+")
    seen: set[str] = set()
    for word in words:
        key = word.lstrip("~").casefold()
        if key in seen:
            raise _fail(path, f"{entry}.{lang}", f"'{word}' is listed twice")
        seen.add(key)
        if not letters.fullmatch(key):
            raise _fail(path, f"{entry}.{lang}", f"'{word}' is not written in {lang} letters")
    return tuple(words)


def _check_weights(path: Path, data: dict[str, Any]) -> dict[str, float]:
    out = {}
    for name, entry in data.items():
        if not isinstance(entry, dict):
            raise _fail(path, name, "must be a table with value and why")
        _only(path, name, entry, {"value", "why", "range"})
        value = _need(path, name, entry, "value", (int, float))
        why = _need(path, name, entry, "why", str)
        if not why.strip():
            raise _fail(path, name, "says nothing in 'why'")
        low, high = WEIGHT_RANGE
        if "range" in entry:
            bounds = entry["range"]
            if not (isinstance(bounds, list) and len(bounds) == 2 and bounds[0] <= bounds[1]):
                raise _fail(path, name, "'range' must be [low, high]")
            low, high = bounds
        out[name] = _in_range(path, name, value, low, high)
    return out


@dataclass(frozen=True)
class Vocabulary:
    side: str
    by_lang: dict[str, tuple[str, ...]]


@dataclass(frozen=True)
class Vocabularies:
    tables: dict[str, Vocabulary]
    beginnings: dict[str, tuple[str, ...]]
    first_names: frozenset[str]


def _check_vocabulary(path: Path, data: dict[str, Any]) -> Vocabularies:
    tables = {}
    beginnings: dict[str, tuple[str, ...]] = {}
    first_names: frozenset[str] = frozenset()
    for name, table in data.items():
        if not isinstance(table, dict):
            raise _fail(path, name, "must be a table")
        _need(path, name, table, "about", str)
        if name == "beginnings":
            for key, words in table.items():
                if key != "about":
                    beginnings[key] = _beginnings(path, f"{name}.{key}", words)
            continue
        if name == "first_names":
            _only(path, name, table, {"about", "names"})
            first_names = frozenset(_beginnings(path, f"{name}.names", table.get("names")))
            continue
        _only(path, name, table, {"about", "side", *LANGS})
        side = _need(path, name, table, "side", str)
        if side not in SIDES:
            raise _fail(path, name, f"side '{side}' is not one of {', '.join(SIDES)}")
        # in the file's order: the first entry that matches is the one a reason quotes
        langs = {lang: _words(path, name, lang, words) for lang, words in table.items()
                 if lang in LANGS}  # fmt: skip
        if not langs:
            raise _fail(path, name, "lists no words")
        tables[name] = Vocabulary(side, langs)
    return Vocabularies(tables, beginnings, first_names)


def _beginnings(path: Path, entry: str, words: Any) -> tuple[str, ...]:
    if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
        raise _fail(path, entry, "must be a list of words")
    seen: set[str] = set()
    for word in words:
        if word != word.casefold():
            raise _fail(path, entry, f"'{word}' must be written in lower case")
        if word in seen:
            raise _fail(path, entry, f"'{word}' is listed twice")
        seen.add(word)
    return tuple(words)


@dataclass(frozen=True)
class Trades:
    default_fields: tuple[str, ...]
    fields: dict[str, dict[str, tuple[str, ...]]]


def _check_trades(path: Path, data: dict[str, Any]) -> Trades:
    _only(path, "trades", data, {"default_fields", "fields"})
    fields = {}
    for name, table in _need(path, "fields", data, "fields", dict).items():
        _only(path, f"fields.{name}", table, set(LANGS))
        fields[name] = {lang: _words(path, f"fields.{name}", lang, w) for lang, w in table.items()}
    defaults = tuple(_need(path, "default_fields", data, "default_fields", list))
    for name in defaults:
        if name not in fields:
            raise _fail(path, "default_fields", f"'{name}' is not a field")
    return Trades(defaults, fields)


def _check_gazetteer(path: Path, data: dict[str, Any]) -> Gazetteer:
    _only(path, "gazetteer", data, {"town", "region", "abroad"})
    seen: set[str] = set()

    def place(entry: Any, is_region: bool) -> Place:
        label = f"{'region' if is_region else 'town'} '{entry.get('fi', '?')}'"
        _only(path, label, entry, {"fi", "sv", "region", "at"})
        fi = _need(path, label, entry, "fi", str)
        sv = entry.get("sv")
        for name in filter(None, (fi, sv)):
            if name.casefold() in seen:
                raise _fail(path, label, f"'{name}' is listed twice")
            seen.add(name.casefold())
        at = _need(path, label, entry, "at", list)
        (lat_lo, lat_hi), (lon_lo, lon_hi) = FINLAND
        if len(at) != 2 or not (lat_lo <= at[0] <= lat_hi and lon_lo <= at[1] <= lon_hi):
            raise _fail(path, label, f"'at' {at} is not a place in Finland")
        region = None if is_region else _need(path, label, entry, "region", str)
        return Place(fi, sv, region, (float(at[0]), float(at[1])), is_region)

    regions = tuple(place(e, True) for e in _need(path, "region", data, "region", list))
    towns = tuple(place(e, False) for e in _need(path, "town", data, "town", list))
    known = {r.fi for r in regions}
    for town in towns:
        if town.region not in known:
            raise _fail(path, f"town '{town.fi}'", f"region '{town.region}' is not a [[region]]")
    abroad = _need(path, "abroad", data, "abroad", dict)
    _only(path, "abroad", abroad, {"places", "sweden"})
    places = _need(path, "abroad", abroad, "places", list)
    folded: set[str] = set()
    for name in places:
        if not isinstance(name, str) or name.casefold() in folded:
            raise _fail(path, "abroad", f"'{name}' is listed twice")
        folded.add(name.casefold())
    sweden: set[str] = set()
    for name in abroad.get("sweden", []):
        if not isinstance(name, str) or name.casefold() not in folded:
            raise _fail(path, "abroad", f"sweden: '{name}' is not one of its places")
        if name.casefold() in sweden:
            raise _fail(path, "abroad", f"sweden: '{name}' is listed twice")
        sweden.add(name.casefold())
    return Gazetteer(towns, regions, tuple(places), frozenset(sweden))


@dataclass(frozen=True)
class Kind:
    side: str
    weight: float
    code: str


@dataclass(frozen=True)
class Platforms:
    kinds: dict[str, Kind]
    sites: dict[str, tuple[str, str]]
    host_hints: tuple[tuple[re.Pattern[str], str], ...]
    generic_paths: frozenset[str]


def _check_platforms(path: Path, data: dict[str, Any]) -> Platforms:
    _only(path, "platforms", data, {"kinds", "sites", "host_hints", "generic_paths"})
    codes = _load("reasons.toml").templates
    kinds = {}
    for name, entry in _need(path, "kinds", data, "kinds", dict).items():
        label = f"kinds.{name}"
        _only(path, label, entry, {"side", "weight", "code", "why"})
        side = _need(path, label, entry, "side", str)
        if side not in SIDES:
            raise _fail(path, label, f"side '{side}' is not one of {', '.join(SIDES)}")
        weight = _in_range(path, label, _need(path, label, entry, "weight", (int, float)),
                           *WEIGHT_RANGE)  # fmt: skip
        code = _need(path, label, entry, "code", str)
        if code not in codes:
            raise _fail(path, label, f"reason '{code}' has no text in reasons.toml")
        if not _need(path, label, entry, "why", str).strip():
            raise _fail(path, label, "says nothing in 'why'")
        kinds[name] = Kind(side, weight, code)
    sites = {}
    for domain, value in _need(path, "sites", data, "sites", dict).items():
        if not (isinstance(value, list) and len(value) == 2 and value[1] in kinds):
            raise _fail(path, f"sites.{domain}", "must be [name, kind] with a kind in [kinds]")
        if domain != domain.lower():
            raise _fail(path, f"sites.{domain}", "must be written in lower case")
        sites[domain] = (str(value[0]), str(value[1]))
    hints = []
    for number, entry in enumerate(_need(path, "host_hints", data, "host_hints", list), 1):
        label = f"host_hints #{number}"
        kind = _need(path, label, entry, "kind", str)
        if kind not in kinds:
            raise _fail(path, label, f"kind '{kind}' is not in [kinds]")
        try:
            pattern = re.compile(_need(path, label, entry, "pattern", str))
        except re.error as exc:
            raise _fail(path, label, f"the pattern does not compile ({exc})") from None
        hints.append((pattern, kind))
    paths = _beginnings(path, "generic_paths", data.get("generic_paths"))
    return Platforms(kinds, sites, tuple(hints), frozenset(paths))


@dataclass(frozen=True)
class Reasons:
    where: dict[str, dict[str, str]]
    templates: dict[str, dict[str, str]]
    variants: dict[str, dict[str, dict[str, str]]]  # code → param → lang → text


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _check_reasons(path: Path, data: dict[str, Any]) -> Reasons:
    _only(path, "reasons", data, {"where", "reasons"})
    where = _need(path, "where", data, "where", dict)
    if set(where) != set(LANGS):
        raise _fail(path, "where", "must have en, fi and sv")
    templates: dict[str, dict[str, str]] = {}
    variants: dict[str, dict[str, dict[str, str]]] = {}

    def texts(label: str, table: dict[str, Any]) -> dict[str, str]:
        by_lang = {lang: table.get(lang) for lang in LANGS}
        for lang, text in by_lang.items():
            if not isinstance(text, str) or not text.strip():
                raise _fail(path, label, f"has no {lang} text")
        english = _fields(by_lang["en"] or "")
        for lang in ("fi", "sv"):
            extra = _fields(by_lang[lang] or "") - english
            if extra:
                raise _fail(path, label, f"{lang} uses {', '.join(sorted(extra))}, en does not")
        return {k: str(v) for k, v in by_lang.items()}

    for code, table in _need(path, "reasons", data, "reasons", dict).items():
        templates[code] = texts(f"reasons.{code}", table)
        for param, sub in table.items():
            if isinstance(sub, dict):
                variants.setdefault(code, {})[param] = texts(f"reasons.{code}.{param}", sub)
            elif param not in LANGS:
                raise _fail(path, f"reasons.{code}", f"unknown key {param}")
    return Reasons(where, templates, variants)


@dataclass(frozen=True)
class Patterns:
    ages: tuple[tuple[tuple[str, ...], re.Pattern[str]], ...]  # (hints, pattern)
    born: str  # the birth marks as one alternation, to build the birth patterns with
    death: re.Pattern[str]


def _unbounded(pattern: str) -> bool:
    """Whether a regular expression repeats something without a limit (+, *, {n,})."""
    from re import _parser  # type: ignore[attr-defined]

    def walk(items: Any) -> bool:
        for op, arg in items:
            name = str(op)
            if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
                _low, high, sub = arg
                if high == _parser.MAXREPEAT or walk(sub):
                    return True
            elif (
                (name in ("SUBPATTERN",) and walk(arg[-1]))
                or (name == "BRANCH" and any(walk(b) for b in arg[1]))
                or (name in ("ASSERT", "ASSERT_NOT") and walk(arg[1]))
            ):
                return True
        return False

    return walk(_parser.parse(pattern))


def _regex(path: Path, label: str, text: Any, flags: int) -> re.Pattern[str]:
    if not isinstance(text, str) or not text:
        raise _fail(path, label, "has no pattern")
    try:
        compiled = re.compile(text, flags)
    except re.error as exc:
        raise _fail(path, label, f"the pattern does not compile ({exc})") from None
    if _unbounded(text):
        raise _fail(path, label, "repeats without a limit (+, * or {n,}): bound it, e.g. {1,3}")
    return compiled


def _check_patterns(path: Path, data: dict[str, Any]) -> Patterns:
    _only(path, "patterns", data, {"age", "birth", "death"})
    ages = []
    for number, entry in enumerate(_need(path, "age", data, "age", list), 1):
        label = f"age #{number}"
        _only(path, label, entry, {"hints", "pattern", "example", "age", "case"})
        flags = 0 if entry.get("case") else re.IGNORECASE
        pattern = _regex(path, label, entry.get("pattern"), flags)
        if pattern.groups != 1:
            raise _fail(path, label, "must have one group: the age")
        example = _need(path, label, entry, "example", str)
        found = pattern.search(example)
        if found is None or int(found.group(1)) != _need(path, label, entry, "age", int):
            raise _fail(path, label, f"does not read the age in its example {example!r}")
        hints = _beginnings(path, f"{label}.hints", entry.get("hints", []))
        if hints and not any(h in example.casefold() for h in hints):
            raise _fail(path, label, "its example holds none of its hints")
        ages.append((hints, pattern))
    birth = _need(path, "birth", data, "birth", dict)
    _only(path, "birth", birth, {"marks"})
    marks = _need(path, "birth", birth, "marks", list)
    if len(set(marks)) != len(marks):
        raise _fail(path, "birth.marks", "a mark is listed twice")
    for mark in marks:
        _regex(path, f"birth mark {mark!r}", mark, re.IGNORECASE)
    death = _need(path, "death", data, "death", dict)
    _only(path, "death", death, {"pattern", "example"})
    died = _regex(path, "death", death.get("pattern"), 0)
    if not died.search(_need(path, "death", death, "example", str)):
        raise _fail(path, "death", "does not find its example")
    return Patterns(tuple(ages), "(?:" + "|".join(marks) + ")", died)


_CHECKERS: dict[str, Callable[[Path, dict[str, Any]], Any]] = {
    "weights.toml": _check_weights,
    "vocabulary.toml": _check_vocabulary,
    "trades.toml": _check_trades,
    "gazetteer.toml": _check_gazetteer,
    "platforms.toml": _check_platforms,
    "reasons.toml": _check_reasons,
    "patterns.toml": _check_patterns,
}


# --- the knowledge, read once ------------------------------------------------------------


def weights() -> dict[str, float]:
    return dict(_load("weights.toml"))


def vocabularies() -> Vocabularies:
    return _load("vocabulary.toml")


def trades() -> Trades:
    return _load("trades.toml")


def gazetteer() -> Gazetteer:
    return _load("gazetteer.toml")


def platforms() -> Platforms:
    return _load("platforms.toml")


def patterns() -> Patterns:
    return _load("patterns.toml")


def reasons() -> Reasons:
    return _load("reasons.toml")


@lru_cache(maxsize=1)
def _swedish_names() -> dict[str, str]:
    places = gazetteer()
    return {p.fi.casefold(): p.sv for p in (*places.towns, *places.regions) if p.sv}


@lru_cache(maxsize=1)
def _regions_by_name() -> dict[str, str]:
    return {
        name.casefold(): town.region
        for town in gazetteer().towns
        if town.region
        for name in town.names
    }
