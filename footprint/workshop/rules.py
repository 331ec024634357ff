"""The organisation's social media rules: a TOML file read into a checklist.

Each rule has an id (what a share records when a participant marks it "needs action"),
its text in one or more languages, and `relates_to`: what in an audit the rule concerns —
a category such as `work`, an audit figure such as `old-results`, or a topic such as
`client-photos`. Errors name the key and the fix; unknown keys are errors too, so that a
typo cannot silently drop a rule's text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from footprint.errors import InputError
from footprint.reading import MAX_TOML_BYTES, parse_toml, quoted, read_text
from footprint.settings import LANGUAGES

RULE_ID = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$")
MAX_RULES = 60
MAX_TEXT = 600
MAX_TOPIC = 80

_TOP_KEYS = ("title", "rules")
_RULE_KEYS = ("id", "text", "relates_to")


@dataclass(frozen=True)
class Rule:
    """One rule of the checklist."""

    id: str
    text: Mapping[str, str]  # language -> text; the key "" holds a single-language text
    relates_to: tuple[str, ...] = ()

    def text_for(self, lang: str) -> str:
        """The text in `lang`, else in English, Finnish, Swedish, else the single text."""
        return _pick(self.text, lang)


@dataclass(frozen=True)
class RuleSet:
    """The rules of one organisation, in the order the file gives them."""

    rules: tuple[Rule, ...]
    title: Mapping[str, str] = field(default_factory=dict)
    source: str = "rules"

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(rule.id for rule in self.rules)

    def get(self, rule_id: str) -> Rule | None:
        return next((rule for rule in self.rules if rule.id == rule_id), None)

    def title_for(self, lang: str) -> str | None:
        """The rule set's own title in `lang`, or None when the file gives none."""
        return _pick(self.title, lang) or None


def topic_key(topic: str) -> str:
    """The catalogue key of a `relates_to` entry: "Client photos" -> "client-photos"."""
    return "-".join(topic.lower().replace("_", " ").split())


def _pick(texts: Mapping[str, str], lang: str) -> str:
    for key in (lang, "en", "fi", "sv", ""):
        if texts.get(key):
            return texts[key]
    return ""


def _type_name(value: Any) -> str:
    return {str: "a string", int: "a number", float: "a number", bool: "true/false",
            list: "a list", dict: "a table"}.get(type(value), type(value).__name__)  # fmt: skip


class _Reader:
    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, key: str, message: str) -> InputError:
        return InputError(f"{self.source}: {quoted(key)} {message}")

    def unknown(self, table: Mapping[str, Any], known: tuple[str, ...], prefix: str) -> None:
        for key in table:
            if key not in known:
                raise self.fail(f"{prefix}{key}", f"is not a known key: use {', '.join(known)}")

    def texts(self, value: Any, key: str, *, required: bool) -> dict[str, str]:
        """A string, or a table of strings per language."""
        if value is None and not required:
            return {}
        if isinstance(value, str):
            texts = {"": value.strip()}
        elif isinstance(value, dict):
            texts = {}
            for lang, text in value.items():
                if lang not in LANGUAGES:
                    raise self.fail(f"{key}.{lang}", "is not a language: use fi, sv or en")
                if not isinstance(text, str):
                    raise self.fail(f"{key}.{lang}", f"must be a string, not {_type_name(text)}")
                texts[lang] = text.strip()
        else:
            raise self.fail(
                key, f'must be a string or a table such as {key}.fi = "…", not {_type_name(value)}'
            )
        texts = {lang: " ".join(text.split()) for lang, text in texts.items() if text.strip()}
        if required and not texts:
            raise self.fail(key, "is empty: write the rule's text")
        for lang, text in texts.items():
            if len(text) > MAX_TEXT:
                where = f"{key}.{lang}" if lang else key
                raise self.fail(where, f"is {len(text)} characters: keep a rule under {MAX_TEXT}")
        return texts

    def topics(self, value: Any, key: str) -> tuple[str, ...]:
        if value is None:
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            raise self.fail(key, f"must be a list of strings, not {_type_name(value)}")
        topics: list[str] = []
        for i, item in enumerate(value):
            if not isinstance(item, str):
                raise self.fail(f"{key}[{i}]", f"must be a string, not {_type_name(item)}")
            text = " ".join(item.split())
            if not text:
                raise self.fail(f"{key}[{i}]", "is empty")
            if len(text) > MAX_TOPIC:
                raise self.fail(f"{key}[{i}]", f"is longer than {MAX_TOPIC} characters")
            if text not in topics:
                topics.append(text)
        return tuple(topics)


def parse_rules(text: str, source: str = "rules") -> RuleSet:
    """Parse and validate rules TOML text."""
    return rules_from_mapping(parse_toml(text, source), source)


def rules_from_mapping(data: Mapping[str, Any], source: str = "rules") -> RuleSet:
    """Validate an already parsed rules mapping."""
    r = _Reader(source)
    r.unknown(data, _TOP_KEYS, "")
    title = r.texts(data.get("title"), "title", required=False)
    raw_rules = data.get("rules")
    if raw_rules is None:
        raise InputError(f"{source}: no rules: add one with a [[rules]] table (see 'rules init')")
    if not isinstance(raw_rules, list) or not all(isinstance(x, dict) for x in raw_rules):
        raise r.fail("rules", "must be [[rules]] tables, each with an id and a text")
    if not raw_rules:
        raise InputError(f"{source}: no rules: add one with a [[rules]] table (see 'rules init')")
    if len(raw_rules) > MAX_RULES:
        raise r.fail("rules", f"has {len(raw_rules)} rules: a checklist holds at most {MAX_RULES}")
    rules: list[Rule] = []
    seen: set[str] = set()
    for i, raw in enumerate(raw_rules):
        key = f"rules[{i}]"
        r.unknown(raw, _RULE_KEYS, f"{key}.")
        rule_id = raw.get("id")
        if rule_id is None:
            raise r.fail(f"{key}.id", 'is missing: add a short id such as id = "client-photos"')
        if not isinstance(rule_id, str) or not RULE_ID.match(rule_id):
            raise r.fail(
                f"{key}.id",
                f"must be lowercase letters, digits and hyphens (at most 40), not {rule_id!r}",
            )
        if rule_id in seen:
            raise r.fail(f"{key}.id", f"repeats {rule_id!r}: every rule needs its own id")
        seen.add(rule_id)
        rules.append(
            Rule(
                id=rule_id,
                text=r.texts(raw.get("text"), f"{key}.text", required=True),
                relates_to=r.topics(raw.get("relates_to"), f"{key}.relates_to"),
            )
        )
    return RuleSet(rules=tuple(rules), title=title, source=source)


def load_rules(path: Path | None = None) -> RuleSet:
    """Read a rules file, or footprint's default rules when `path` is None."""
    if path is None:
        return parse_rules(default_rules_text(), "default rules")
    if not path.exists():
        raise InputError(
            f"{path}: no such rules file: write one with 'footprint workshop rules init {path}'"
        )
    try:  # the strict reader: at most 1 MB, UTF-8, a plain line when it is not
        text = read_text(path, max_bytes=MAX_TOML_BYTES, what="rules file")
    except OSError as exc:
        raise InputError(f"{path}: cannot read the rules file: {exc.strerror or exc}") from None
    return parse_rules(text, str(path))


def _package_text(name: str) -> str:
    return resources.files("footprint.workshop").joinpath(name).read_text("utf-8")


def default_rules_text() -> str:
    """The default rules for social-sector professionals, as shipped."""
    return _package_text("default_rules.toml")


def rules_template() -> str:
    """The commented example that `footprint workshop rules init` writes."""
    return _package_text("rules_template.toml")
