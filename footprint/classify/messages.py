"""Reasons in the report's language: one template per reason code in en, fi and sv, read
from `data/reasons.toml`.

`Reason.text` is the English sentence, rendered from the same template when classifying;
a report in Finnish or Swedish renders the code and params again in its language. A code
without a template (or a template whose params are missing) falls back to the text.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from footprint.classify import knowledge
from footprint.models import Reason

_REASONS = knowledge.reasons()
WORDS: dict[str, dict[str, str]] = _REASONS.where  # how "where" params read in each language
TEMPLATES: dict[str, dict[str, str]] = _REASONS.templates


def _template(code: str, params: Mapping[str, Any], lang: str) -> str | None:
    for param, texts in _REASONS.variants.get(code, {}).items():
        if params.get(param):
            return texts.get(lang)
    return TEMPLATES.get(code, {}).get(lang)


def render(code: str, params: Mapping[str, Any], lang: str = "en") -> str | None:
    """The reason `code` with `params` in `lang`, or None without a template for them."""
    template = _template(code, params, lang)
    if template is None:
        return None
    words = WORDS.get(lang, WORDS["en"])
    shown = {
        key: words.get(value, value) if key == "where" and isinstance(value, str) else value
        for key, value in params.items()
    }
    try:
        return template.format(**shown)
    except (KeyError, IndexError, ValueError):
        return None


def render_reason(reason: Reason, lang: str) -> str:
    """The reason in `lang` (fi, sv or en); the stored English text when there is no template."""
    return render(reason.code, reason.params, lang) or reason.text


def english(code: str, params: Mapping[str, Any]) -> str:
    """The English text of a reason the classifier gives (every code has a template)."""
    text = render(code, params, "en")
    if text is None:
        raise KeyError(f"reasons.toml has no English text for {code!r} with {sorted(params)}")
    return text
