"""The app's own words in Finnish, Swedish and English, and which language a page uses.

Texts live in `locale/{fi,sv,en}.toml` (the report's catalogue gives category, status and
action texts). The language of a page: the one the person switched to (a cookie), else
their profile's first language, else the browser's `Accept-Language`, else Finnish.
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from functools import cache
from importlib import resources
from typing import Any

from footprint.report.i18n import LANGUAGES

LANG_COOKIE = "footprint_lang"
NAMES = {"fi": "suomi", "sv": "svenska", "en": "English"}


@cache
def catalogue(lang: str) -> dict[str, Any]:
    """The app's catalogue of a language, checked to have every key English has."""
    text = resources.files(__package__).joinpath("locale", f"{lang}.toml").read_text("utf-8")
    data = tomllib.loads(text)
    shadowing = _shadowing(data)
    if shadowing:  # templates read `t.section.key`: `t.act.copy` would be dict.copy
        raise ValueError(f"footprint/web/locale/{lang}.toml: rename {', '.join(shadowing)}")
    if lang != "en":
        missing = _missing(catalogue("en"), data)
        if missing:
            raise ValueError(f"footprint/web/locale/{lang}.toml lacks {', '.join(missing)}")
    return data


def _shadowing(data: dict[str, Any], prefix: str = "") -> list[str]:
    out = []
    for key, value in data.items():
        if hasattr(dict, key):
            out.append(prefix + key)
        if isinstance(value, dict):
            out += _shadowing(value, f"{prefix}{key}.")
    return out


def _missing(reference: dict[str, Any], data: dict[str, Any], prefix: str = "") -> list[str]:
    out = []
    for key, value in reference.items():
        if key not in data:
            out.append(prefix + key)
        elif isinstance(value, dict):
            out += _missing(value, data[key], f"{prefix}{key}.")
    return out


def choose(switched: str | None, profile_languages: Sequence[str], accept: Sequence[str]) -> str:
    """The page language: switched > profile > browser > Finnish."""
    if switched in LANGUAGES:
        return switched
    for lang in profile_languages:
        if lang in LANGUAGES:
            return lang
    for lang in accept:
        base = lang.split("-")[0].lower()
        if base in LANGUAGES:
            return base
    return "fi"
