"""The person's profile: who they are, so footprint can tell them from namesakes.

The profile is a TOML file the person writes; every key but `name` is optional.
Unknown keys are warnings (a typo should not stop an audit); a wrong type is an
error that names the key.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from footprint.errors import ProfileError

LANGUAGES = ("fi", "sv", "en")


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
        }


@dataclass(frozen=True)
class LoadedProfile:
    profile: Profile
    warnings: tuple[str, ...] = ()


_SECTIONS: dict[str, tuple[str, ...]] = {
    "work": ("employers", "titles", "domains", "keywords"),
    "private": ("accounts", "keywords"),
    "activism": ("organizations", "years", "keywords"),
    "publications": ("names",),
}
_TOP = ("name", "aliases", "birth_year", "locations", "languages")


class _Reader:
    """Reads typed values out of the parsed TOML, collecting warnings."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.warnings: list[str] = []

    def fail(self, key: str, expected: str, value: Any) -> ProfileError:
        got = type(value).__name__
        return ProfileError(f"{self.source}: '{key}' must be {expected}, not {got} ({value!r})")

    def strings(self, table: dict[str, Any], key: str, path: str) -> tuple[str, ...]:
        value = table.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(path, "a list of strings", value)
        return tuple(v.strip() for v in value if v.strip())

    def unknown(self, table: dict[str, Any], known: tuple[str, ...], prefix: str) -> None:
        for key in table:
            if key not in known:
                self.warnings.append(f"{self.source}: unknown key '{prefix}{key}' is ignored")


def parse_profile(text: str, source: str = "profile") -> LoadedProfile:
    """Parse and validate profile TOML text."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(f"{source}: invalid TOML: {exc}") from None
    return profile_from_mapping(data, source)


def profile_from_mapping(data: dict[str, Any], source: str = "profile") -> LoadedProfile:
    """Validate an already parsed profile mapping."""
    r = _Reader(source)
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        if name is None:
            raise ProfileError(
                f"{source}: 'name' is missing: add a line such as name = \"Laura Hietanen\""
            )
        raise r.fail("name", "a non-empty string", name)
    r.unknown(data, _TOP + tuple(_SECTIONS), "")

    birth_year = data.get("birth_year")
    if birth_year is not None and (
        not isinstance(birth_year, int)
        or isinstance(birth_year, bool)
        or not 1900 <= birth_year <= 2030
    ):
        raise r.fail("birth_year", "a year such as 1978", birth_year)

    languages = r.strings(data, "languages", "languages")
    for lang in languages:
        if lang in LANGUAGES:
            continue
        if len(lang) == 2 and lang.isalpha() and lang.islower():  # another language: "se"
            r.warnings.append(
                f"{source}: 'languages' has {lang!r}, which footprint cannot search or report "
                "in: it is ignored (footprint uses fi, sv and en)"
            )
        else:
            raise ProfileError(f"{source}: 'languages' has {lang!r}: use fi, sv or en")
    languages = tuple(lang for lang in languages if lang in LANGUAGES) or ("fi",)

    sections: dict[str, dict[str, Any]] = {}
    for section, keys in _SECTIONS.items():
        table = data.get(section, {})
        if not isinstance(table, dict):
            raise r.fail(section, f"a table ([{section}])", table)
        r.unknown(table, keys, f"{section}.")
        sections[section] = {k: r.strings(table, k, f"{section}.{k}") for k in keys if k != "years"}

    years_raw = data.get("activism", {}).get("years")
    years: tuple[int, int] | None = None
    if years_raw is not None:
        if isinstance(years_raw, int) and not isinstance(years_raw, bool):
            years_raw = [years_raw, years_raw]
        if (
            not isinstance(years_raw, list)
            or len(years_raw) != 2
            or not all(isinstance(y, int) and not isinstance(y, bool) for y in years_raw)
            or years_raw[0] > years_raw[1]
        ):
            raise r.fail(
                "activism.years", "two years, first and last, such as [1996, 2006]", years_raw
            )
        years = (years_raw[0], years_raw[1])

    profile = Profile(
        name=" ".join(name.split()),
        aliases=r.strings(data, "aliases", "aliases"),
        birth_year=birth_year,
        locations=r.strings(data, "locations", "locations"),
        languages=languages,
        work=WorkProfile(**sections["work"]),
        private=PrivateProfile(**sections["private"]),
        activism=ActivismProfile(years=years, **sections["activism"]),
        publications=PublicationsProfile(**sections["publications"]),
    )
    return LoadedProfile(profile, tuple(r.warnings))


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
