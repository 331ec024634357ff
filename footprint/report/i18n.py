"""The report's message catalogue: every fixed text in Finnish, Swedish and English.

Texts live in `locale/{fi,sv,en}.toml`, one table per part of the report, and the removal
routes' texts in `locale/routes.{fi,sv,en}.toml`, merged into the same tables. Keys are
`section.name`; `{name}` placeholders are filled with `str.format`.
"""

from __future__ import annotations

import tomllib
from datetime import date
from functools import cache
from importlib import resources
from typing import Any

from footprint.settings import LANGUAGES


@cache
def catalogue(lang: str) -> dict[str, dict[str, Any]]:
    """The whole catalogue of a language, as parsed from its TOML file."""
    if lang not in LANGUAGES:
        raise ValueError(f"no report language {lang!r}: use fi, sv or en")
    folder = resources.files("footprint.report").joinpath("locale")
    merged = tomllib.loads(folder.joinpath(f"{lang}.toml").read_text("utf-8"))
    extra = tomllib.loads(folder.joinpath(f"routes.{lang}.toml").read_text("utf-8"))
    for name, table in extra.items():
        clash = set(merged.get(name, {})) & set(table)
        if clash:
            raise ValueError(f"routes.{lang}.toml repeats {name}.{sorted(clash)[0]}")
        merged.setdefault(name, {}).update(table)
    return merged


def text(lang: str, key: str, **params: Any) -> str:
    """The message `section.name` in `lang`, with its placeholders filled."""
    section, _, name = key.partition(".")
    message = catalogue(lang)[section][name]
    return str(message).format(**params) if params else str(message)


def section(lang: str, name: str) -> dict[str, Any]:
    """One table of the catalogue (e.g. all category labels)."""
    return dict(catalogue(lang)[name])


def format_date(value: date | str | None, lang: str) -> str:
    """A date as people write it in the language; text that is not an ISO date is kept."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        try:
            day = date.fromisoformat(value[:10])
        except ValueError:
            return value
    else:
        day = value
    meta = catalogue(lang)["meta"]
    month = meta["months"][day.month - 1]
    return str(meta["date_format"]).format(d=day.day, m=day.month, y=day.year, month=month)
