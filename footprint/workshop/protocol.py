"""The kit's draft protocol for offensive writing about staff online, read from its data file.

`protocol.toml` holds the protocol's steps and the facts they rest on, each fact with the
pages it was checked in; the links the kit shows are ids in `footprint/guidance/links.toml`.
`load_protocol` reads and checks the file once; `protocol_context` gives the kit template
one language of it.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from footprint import guidance
from footprint.settings import LANGUAGES

FILE = "protocol.toml"
TEXTS = ("title", "intro", "facts_title", "fill", "who")


@dataclass(frozen=True)
class Fact:
    id: str
    text: dict[str, str]
    sources: tuple[str, ...]
    links: tuple[str, ...]
    note: str


@dataclass(frozen=True)
class Step:
    id: str
    title: dict[str, str]
    who: dict[str, str]
    text: dict[str, str]
    question: dict[str, str]
    facts: tuple[str, ...]
    links: tuple[str, ...]


@dataclass(frozen=True)
class Protocol:
    texts: dict[str, dict[str, str]]  # title, intro, ... per language
    facts: tuple[Fact, ...]
    steps: tuple[Step, ...]


def _languages(value: Any, where: str) -> dict[str, str]:
    if not isinstance(value, dict) or set(value) != set(LANGUAGES):
        raise ValueError(f"{FILE}: {where} needs a text in each of {', '.join(LANGUAGES)}")
    if not all(isinstance(v, str) and v.strip() for v in value.values()):
        raise ValueError(f"{FILE}: {where} has an empty text")
    return dict(value)


def _link_ids(value: Any, where: str) -> tuple[str, ...]:
    known = guidance.links("kit")
    for link_id in value:
        if link_id not in known:
            raise ValueError(
                f"{FILE}: {where} links to {link_id!r}, which links.toml does not list for the kit"
            )
    return tuple(value)


def parse_protocol(data: dict[str, Any]) -> Protocol:
    """Check the protocol data: every text in three languages, every fact sourced, every
    link known to links.toml for the kit, every fact a step names defined."""
    texts = {key: _languages(data[key], key) for key in TEXTS}
    facts = []
    for entry in data["fact"]:
        where = f"fact {entry['id']!r}"
        sources = tuple(entry["sources"])
        if not sources or not all(s.startswith("https://") for s in sources):
            raise ValueError(f"{FILE}: {where} needs https sources it was checked in")
        facts.append(
            Fact(
                entry["id"],
                _languages(entry["text"], where),
                sources,
                _link_ids(entry["links"], where),
                entry["note"],
            )
        )
    ids = {fact.id for fact in facts}
    if len(ids) != len(facts):
        raise ValueError(f"{FILE}: a fact id is used twice")
    steps = []
    for entry in data["step"]:
        where = f"step {entry['id']!r}"
        unknown = set(entry["facts"]) - ids
        if unknown:
            raise ValueError(f"{FILE}: {where} names facts that are not defined: {unknown}")
        steps.append(
            Step(
                id=entry["id"],
                title=_languages(entry["title"], f"{where} title"),
                who=_languages(entry["who"], f"{where} who"),
                text=_languages(entry["text"], f"{where} text"),
                question=_languages(entry["question"], f"{where} question"),
                facts=tuple(entry["facts"]),
                links=_link_ids(entry["links"], where),
            )
        )
    used = {fact_id for step in steps for fact_id in step.facts}
    if used != ids:
        raise ValueError(f"{FILE}: facts no step uses: {sorted(ids - used)}")
    return Protocol(texts, tuple(facts), tuple(steps))


@cache
def load_protocol() -> Protocol:
    text = resources.files("footprint.workshop").joinpath(FILE).read_text("utf-8")
    return parse_protocol(tomllib.loads(text))


def _link(link_id: str, lang: str) -> dict[str, str]:
    link = guidance.link(link_id)
    return {"id": link_id, "url": link.url(lang)}


def protocol_context(lang: str) -> dict[str, Any]:
    """One language of the protocol for the kit template: steps, facts, links."""
    protocol = load_protocol()
    facts = {fact.id: fact for fact in protocol.facts}
    return {
        **{key: texts[lang] for key, texts in protocol.texts.items()},
        "steps": [
            {
                "id": step.id,
                "title": step.title[lang],
                "who": step.who[lang],
                "text": step.text[lang],
                "question": step.question[lang],
                "links": [_link(link_id, lang) for link_id in step.links],
                "facts": [
                    {
                        "id": fact_id,
                        "text": facts[fact_id].text[lang],
                        "links": [_link(link_id, lang) for link_id in facts[fact_id].links],
                    }
                    for fact_id in step.facts
                ],
            }
            for step in protocol.steps
        ],
    }


def protocol_link_ids() -> set[str]:
    """Every link the kit's protocol shows."""
    protocol = load_protocol()
    ids = {link_id for fact in protocol.facts for link_id in fact.links}
    return ids | {link_id for step in protocol.steps for link_id in step.links}
