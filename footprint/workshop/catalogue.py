"""The fixed text of the workshop documents, one TOML catalogue per language.

The category names are not in these files: they are the personal report's
(`footprint/report/locale`), so a participant sees the same words in their own report, the
kit and the group report.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any

from footprint.errors import InputError
from footprint.workshop.rules import LANGUAGES, topic_key


@cache
def catalogue(lang: str) -> dict[str, Any]:
    """The catalogue for `lang` (fi, sv or en), as nested tables."""
    if lang not in LANGUAGES:
        raise InputError(f"--lang {lang!r}: use fi, sv or en")
    from footprint.report import i18n

    path = resources.files("footprint.workshop").joinpath("locale", f"{lang}.toml")
    texts = tomllib.loads(path.read_text("utf-8"))
    texts["categories"] = i18n.section(lang, "category")
    return texts


def topic_label(topic: str, t: dict[str, Any]) -> str:
    """A `relates_to` entry in words: a category, an audit figure, a topic, or as written."""
    key = topic_key(topic)
    for table in ("categories", "topics"):
        if key in t[table]:
            return str(t[table][key])
    return topic
