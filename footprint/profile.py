"""The person's profile: who they are, so footprint can tell them from namesakes.

The profile is a TOML file the person writes; every key but `name` is optional.
A profile is understood or the person is told: an unknown key (a typo such as `[wrok]`)
is an error that suggests the nearest known key, a wrong value is an error that says in
plain words what is wrong and how to write it, and the template's example name is refused.
The known keys are data (`footprint/data/profile_keys.toml`).
"""

from __future__ import annotations

import difflib
import json
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from footprint.errors import ProfileError
from footprint.reading import parse_toml, quoted
from footprint.settings import LANGUAGES

KEYS_FILE = "profile_keys.toml"
FIRST_YEAR = 1900


@dataclass(frozen=True)
class WorkProfile:
    employers: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True)
class PrivateProfile:
    accounts: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True)
class ActivismProfile:
    organizations: tuple[str, ...] = ()
    years: tuple[int, int] | None = None  # first and last year of activism
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True)
class PublicationsProfile:
    names: tuple[str, ...] = ()


@dataclass(frozen=True)
class Namesake:
    """Another person with the same name, known to the person: what tells them apart."""

    town: str = ""
    birth_year: int | None = None
    age: int | None = None  # as the person knows it now, when the birth year is unknown
    trade: str = ""
    employer: str = ""
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in vars(self).items() if v not in (None, "")}

    @property
    def empty(self) -> bool:
        return not (self.town or self.birth_year or self.age or self.trade or self.employer)


@dataclass(frozen=True)
class Profile:
    """Everything the person told footprint about themself."""

    name: str
    aliases: tuple[str, ...] = ()
    birth_year: int | None = None
    locations: tuple[str, ...] = ()
    languages: tuple[str, ...] = ("fi",)
    work: WorkProfile = field(default_factory=WorkProfile)
    private: PrivateProfile = field(default_factory=PrivateProfile)
    activism: ActivismProfile = field(default_factory=ActivismProfile)
    publications: PublicationsProfile = field(default_factory=PublicationsProfile)
    namesakes: tuple[Namesake, ...] = ()  # [[namesakes]]: other people with the name

    @property
    def names(self) -> tuple[str, ...]:
        """The name and every alias."""
        return (self.name, *self.aliases)

    def to_dict(self) -> dict[str, Any]:
        years = list(self.activism.years) if self.activism.years else None
        return {
            "name": self.name,
            "aliases": list(self.aliases),
            "birth_year": self.birth_year,
            "locations": list(self.locations),
            "languages": list(self.languages),
            "work": {k: list(v) for k, v in vars(self.work).items()},
            "private": {k: list(v) for k, v in vars(self.private).items()},
            "activism": {
                "organizations": list(self.activism.organizations),
                "years": years,
                "keywords": list(self.activism.keywords),
            },
            "publications": {"names": list(self.publications.names)},
            "namesakes": [n.to_dict() for n in self.namesakes],
        }


@dataclass(frozen=True)
class LoadedProfile:
    profile: Profile
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class ProfileKeys:
    """The keys a profile may have (`footprint/data/profile_keys.toml`)."""

    top: tuple[str, ...]
    sections: dict[str, tuple[str, ...]]
    arrays: dict[str, tuple[str, ...]]
    placeholder_names: tuple[str, ...]


def _names(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ValueError(f"{KEYS_FILE}: '{where}' must be a list of names")
    if len(set(value)) != len(value):
        raise ValueError(f"{KEYS_FILE}: '{where}' names a key twice")
    return tuple(value)


@cache
def profile_keys() -> ProfileKeys:
    """The known keys, read once from the data file and checked."""
    text = resources.files("footprint.data").joinpath(KEYS_FILE).read_text("utf-8")
    data = tomllib.loads(text)
    keys = ProfileKeys(
        top=_names(data["top"], "top"),
        sections={k: _names(v, f"sections.{k}") for k, v in data["sections"].items()},
        arrays={k: _names(v, f"arrays.{k}") for k, v in data.get("arrays", {}).items()},
        placeholder_names=_names(data["placeholder_names"], "placeholder_names"),
    )
    clash = set(keys.top) & (set(keys.sections) | set(keys.arrays))
    if clash or set(keys.sections) & set(keys.arrays):
        raise ValueError(f"{KEYS_FILE}: a key is both a value and a table: {sorted(clash)}")
    return keys


_KINDS: tuple[tuple[type, str], ...] = (
    (bool, "true/false"),  # before int: a bool is an int to Python
    (int, "a number"),
    (float, "a number with a fraction"),
    (str, "text"),
    (list, "a list"),
    (dict, "a table"),
    (datetime, "a date and time"),
    (date, "a date"),
    (time, "a time"),
)


def _kind(value: Any) -> str:
    """A TOML value's type in plain words."""
    return next((name for kind, name in _KINDS if isinstance(value, kind)), type(value).__name__)


def _toml(value: Any) -> str:
    """A value as it would be written in TOML (strings and lists of strings)."""
    return json.dumps(value, ensure_ascii=False)


def _closest(word: str, candidates: Iterable[str]) -> str | None:
    found = difflib.get_close_matches(word.lower(), list(candidates), n=1, cutoff=0.6)
    return found[0] if found else None


def _unknown_top(key: str, value: Any, keys: ProfileKeys) -> str:
    """Why a top-level key is unknown, and the nearest known one."""
    if isinstance(value, dict):
        near = _closest(key, keys.sections)
        hint = f": did you mean [{near}]?" if near else f": a profile has {_section_list(keys)}"
        return f"unknown section [{key}]{hint}"
    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        near = _closest(key, keys.arrays)
        hint = f": did you mean [[{near}]]?" if near else f": a profile has {_section_list(keys)}"
        return f"unknown table [[{key}]]{hint}"
    near = _closest(key, keys.top)
    if near:
        return f"unknown key {quoted(key)}: did you mean '{near}'?"
    home = _section_of(key, keys)
    if home and home[1] == key:
        return f"'{key}' belongs under [{home[0]}]: move it below the [{home[0]}] line"
    if home:
        return f"unknown key {quoted(key)}: did you mean '{home[1]}' under [{home[0]}]?"
    return (
        f"unknown key {quoted(key)}: a profile has {', '.join(keys.top)} and {_section_list(keys)}"
    )


def _unknown_in(section: str, key: str, keys: ProfileKeys) -> str:
    """Why a key in a [section] is unknown, and the nearest known one."""
    near = _closest(key, keys.sections[section])
    if near:
        return f"unknown key {quoted(key)} in [{section}]: did you mean '{near}'?"
    top = _closest(key, keys.top)
    if top == key:
        return (
            f"'{key}' belongs at the top of the file, before the first [section], "
            f"not in [{section}]"
        )
    if top:
        return (
            f"unknown key {quoted(key)} in [{section}]: did you mean '{top}', "
            "at the top of the file before the first [section]?"
        )
    home = _section_of(key, keys)
    if home:
        return (
            f"unknown key {quoted(key)} in [{section}]: did you mean '{home[1]}' under [{home[0]}]?"
        )
    return f"unknown key {quoted(key)} in [{section}]: it has {', '.join(keys.sections[section])}"


def _section_of(key: str, keys: ProfileKeys) -> tuple[str, str] | None:
    """The section whose key is nearest to `key`, and that key."""
    pairs = {f"{section}.{k}": (section, k) for section, ks in keys.sections.items() for k in ks}
    best = difflib.get_close_matches(
        key.lower(), [k.split(".", 1)[1] for k in pairs], n=1, cutoff=0.75
    )
    if not best:
        return None
    return next(pair for pair in pairs.values() if pair[1] == best[0])


def _section_list(keys: ProfileKeys) -> str:
    tables = [f"[{s}]" for s in keys.sections] + [f"[[{a}]]" for a in keys.arrays]
    return "the sections " + ", ".join(tables)


def unknown_keys(data: dict[str, Any], keys: ProfileKeys | None = None) -> list[str]:
    """Every key the profile has that footprint does not know, each with a suggestion."""
    keys = keys or profile_keys()
    problems = []
    for key, value in data.items():
        if key in keys.top:
            continue
        if key in keys.sections:
            if isinstance(value, dict):
                problems += [
                    _unknown_in(key, k, keys) for k in value if k not in keys.sections[key]
                ]
            continue
        if key in keys.arrays:
            entries = value if isinstance(value, list) else []
            for i, entry in enumerate(entries):
                if isinstance(entry, dict):
                    problems += [
                        f"unknown key {quoted(k)} in [[{key}]] {i + 1}: it has "
                        + ", ".join(keys.arrays[key])
                        for k in entry
                        if k not in keys.arrays[key]
                    ]
            continue
        problems.append(_unknown_top(key, value, keys))
    return problems


_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")  # as search_providers.base


class _Reader:
    """Reads typed values out of the parsed TOML and says in plain words what is wrong."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.warnings: list[str] = []

    def error(self, message: str) -> ProfileError:
        return ProfileError(f"{self.source}: {message}")

    def visible(self, value: str, path: str) -> str:
        """`value`, unless it holds a character that turns text around (it would make the
        name or an employer read backwards in the terminal, the app and the PDF)."""
        found = _BIDI.search(value)
        if found:
            raise self.error(
                f"'{path}' has an invisible character that turns text around "
                f"(U+{ord(found[0]):04X}): delete it and write the text again"
            )
        return value

    def strings(self, table: dict[str, Any], key: str, path: str) -> tuple[str, ...]:
        value = table.get(key, [])
        if isinstance(value, str):
            entries = [part.strip() for part in value.split(",") if part.strip()] or [value]
            raise self.error(
                f"'{path}' is one text, but it must be a list, even with one entry: "
                f"write {key} = [{', '.join(map(_toml, entries))}]"
            )
        if not isinstance(value, list):
            raise self.error(
                f"'{path}' must be a list of texts in quotes, such as {key} = [\"...\"], "
                f"not {_kind(value)}"
            )
        for i, item in enumerate(value, 1):
            if not isinstance(item, str):
                raise self.error(
                    f"'{path}' must be a list of texts in quotes: entry {i} is {_kind(item)} "
                    f'({item!r}); write it as "{item}"'
                )
        return tuple(self.visible(v.strip(), path) for v in value if v.strip())

    def name(self, data: dict[str, Any]) -> str:
        name = data.get("name")
        example = 'such as name = "Laura Hietanen"'
        if name is None:
            raise self.error(f"'name' is missing: add a line {example}")
        if not isinstance(name, str):
            raise self.error(f"'name' must be your name in quotes, {example}, not {_kind(name)}")
        if not name.strip():
            raise self.error(f"'name' is empty: write your name, {example}")
        return self.visible(" ".join(name.split()), "name")

    def year(self, value: Any, what: str, example: str) -> int:
        if isinstance(value, str) and value.strip().isdigit():
            raise self.error(
                f'{what} is text ("{value}"): write the year without quotes: {example}'
            )
        if not isinstance(value, int) or isinstance(value, bool):
            raise self.error(f"{what} must be a year, {example}, not {_kind(value)}")
        if not FIRST_YEAR <= value <= date.today().year:
            raise self.error(
                f"{what} {value} is not a year footprint can use: "
                f"give one from {FIRST_YEAR} to {date.today().year}"
            )
        return value

    def activism_years(self, raw: Any) -> tuple[int, int] | None:
        example = "years = [1996, 2006]"
        if raw is None:
            return None
        if isinstance(raw, int) and not isinstance(raw, bool):
            raw = [raw]
        if not isinstance(raw, list):
            raise self.error(
                f"'activism.years' must be the first and the last year, {example}, not {_kind(raw)}"
            )
        if not 1 <= len(raw) <= 2:
            raise self.error(
                f"'activism.years' needs the first and the last year, {example}; "
                f"it has {len(raw)} years"
            )
        years = [self.year(y, "an activism year", example) for y in raw]
        first, last = years[0], years[-1]
        if first > last:
            raise self.error(
                f"the activism years are reversed: {first}, {last}: write the first year "
                f"first: years = [{last}, {first}]"
            )
        return (first, last)

    def namesakes(self, raw: Any) -> tuple[Namesake, ...]:
        example = '[[namesakes]] with town = "Oulu", trade = "hammaslääkäri"'
        if not isinstance(raw, list) or not all(isinstance(e, dict) for e in raw):
            raise self.error(f"'namesakes' must be tables, each written {example}")
        out = []
        for i, entry in enumerate(raw, 1):
            where = f"[[namesakes]] {i}"
            texts = {}
            for key in ("town", "trade", "employer", "note"):
                value = entry.get(key, "")
                if not isinstance(value, str):
                    raise self.error(
                        f"'{key}' in {where} must be text in quotes, not {_kind(value)}"
                    )
                texts[key] = self.visible(" ".join(value.split()), f"{key}' in '{where}")
            born = entry.get("birth_year")
            if born is not None:
                born = self.year(born, f"'birth_year' in {where}", "birth_year = 1950")
            age = entry.get("age")
            if age is not None and (not isinstance(age, int) or isinstance(age, bool)
                                    or not 0 < age < 120):  # fmt: skip
                raise self.error(f"'age' in {where} must be a number of years, such as age = 45")
            namesake = Namesake(birth_year=born, age=age, **texts)
            if namesake.empty:
                raise self.error(
                    f"{where} says nothing that tells them apart: give a town, birth_year, "
                    "age, trade or employer"
                )
            out.append(namesake)
        return tuple(out)

    def languages(self, data: dict[str, Any]) -> tuple[str, ...]:
        languages = self.strings(data, "languages", "languages")
        for lang in languages:
            if lang in LANGUAGES:
                continue
            if len(lang) == 2 and lang.isalpha() and lang.islower():  # another language: "se"
                self.warnings.append(
                    f"{self.source}: 'languages' has {lang!r}, which footprint cannot search or "
                    "report in: it is ignored (footprint uses fi, sv and en)"
                )
            else:
                raise self.error(f"'languages' has {lang!r}: use fi, sv or en")
        return tuple(lang for lang in languages if lang in LANGUAGES) or ("fi",)


def parse_profile(text: str, source: str = "profile") -> LoadedProfile:
    """Parse and validate profile TOML text, as the person wrote it."""
    loaded = profile_from_mapping(parse_toml(text, source, ProfileError), source)
    name = loaded.profile.name.casefold()
    if any(name == placeholder.casefold() for placeholder in profile_keys().placeholder_names):
        raise ProfileError(
            f"{source}: 'name' is still the template's example ({loaded.profile.name!r}): "
            'write your own name, such as name = "Laura Hietanen"'
        )
    return loaded


def profile_from_mapping(data: dict[str, Any], source: str = "profile") -> LoadedProfile:
    """Validate an already parsed profile mapping; an unknown key is an error."""
    keys = profile_keys()
    r = _Reader(source)
    name = r.name(data)
    problems = unknown_keys(data, keys)
    if problems:
        raise r.error("; ".join(problems))
    birth_year = data.get("birth_year")
    if birth_year is not None:
        birth_year = r.year(birth_year, "'birth_year'", "birth_year = 1978")
    languages = r.languages(data)

    sections: dict[str, dict[str, Any]] = {}
    for section, section_keys in keys.sections.items():
        table = data.get(section, {})
        if not isinstance(table, dict):
            raise r.error(
                f"'{section}' must be a section: write [{section}] on its own line and its keys "
                f"below it, not {section} = ..."
            )
        sections[section] = {
            k: r.strings(table, k, f"{section}.{k}") for k in section_keys if k != "years"
        }
    years = r.activism_years(data.get("activism", {}).get("years"))
    namesakes = r.namesakes(data.get("namesakes", []))

    profile = Profile(
        name=name,
        aliases=r.strings(data, "aliases", "aliases"),
        birth_year=birth_year,
        locations=r.strings(data, "locations", "locations"),
        languages=languages,
        work=WorkProfile(**sections["work"]),
        private=PrivateProfile(**sections["private"]),
        activism=ActivismProfile(years=years, **sections["activism"]),
        publications=PublicationsProfile(**sections["publications"]),
        namesakes=namesakes,
    )
    return LoadedProfile(profile, tuple(r.warnings))


def for_name(profile: Profile, name: str) -> tuple[Profile, str | None]:
    """The profile used for searching NAME, and what to tell the person if it is another name.

    The profile's details (employers, towns, groups) still help sort the results; its own
    name is kept as another name to search for, and the person is told.
    """
    clean = " ".join(name.split())
    if clean.casefold() == profile.name.casefold():
        return replace(profile, name=clean), None
    aliases = (
        profile.aliases if profile.name in profile.aliases else (*profile.aliases, profile.name)
    )
    aliases = tuple(a for a in aliases if a.casefold() != clean.casefold())
    if clean.casefold() in (a.casefold() for a in profile.aliases):
        notice = (
            f"searching for {clean!r}, one of the other names in the profile of {profile.name!r}"
        )
    else:
        notice = (
            f"the profile is for {profile.name!r}, not {clean!r}: its details are used to sort "
            f"the results and {profile.name!r} is searched too; give the right --profile, "
            "or change its name if this is not your profile"
        )
    return replace(profile, name=clean, aliases=aliases), notice


def load_profile(path: Path) -> LoadedProfile:
    """Read and validate a profile file."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ProfileError(
            f"{path}: no such profile: create one with 'footprint profile init {path}'"
        ) from None
    except IsADirectoryError:
        raise ProfileError(f"{path}: is a folder: give the profile's TOML file") from None
    except UnicodeDecodeError as exc:
        raise ProfileError(
            f"{path}: not UTF-8 text (byte {exc.start}): save the profile as UTF-8"
        ) from None
    except OSError as exc:
        raise ProfileError(f"{path}: cannot read the profile: {exc.strerror or exc}") from None
    return parse_profile(text, str(path))


def profile_template() -> str:
    """The commented profile that `footprint profile init` writes."""
    return resources.files("footprint.data").joinpath("profile_template.toml").read_text("utf-8")
