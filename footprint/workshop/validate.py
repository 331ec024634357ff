"""Reading shares strictly: an allow-list schema, and each bad share rejected on its own.

A share is untrusted input twice over: it may be damaged on the way (a truncated copy),
come from another footprint version, or have been edited, by mistake or to smuggle text
into the group report. Only the keys `share.py` writes are accepted, every figure must be
a whole number, the parts must add up, and a marked rule must be a rule id. Messages never
echo a rejected value, only its key and what was wrong.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from footprint.errors import FootprintError, InputError
from footprint.workshop.codes import EXAMPLE, parse_code
from footprint.workshop.rules import MAX_RULES, RULE_ID
from footprint.workshop.share import AGE_KEYS, CATEGORY_KEYS, KIND, SCHEMA, STATUS_KEYS, Share
from search_providers.recordfile import RecordFileError, loads_strict

MAX_BYTES = 16_384
MAX_COUNT = 100_000
TOP_KEYS = ("schema", "kind", "code", "results", "categories", "page_status", "age", "archived",
            "needs_action")  # fmt: skip
SECTIONS: Mapping[str, tuple[str, ...]] = {
    "categories": CATEGORY_KEYS,
    "page_status": STATUS_KEYS,
    "age": AGE_KEYS,
}
_PLAIN_KEY = re.compile(r"^[a-z_]{1,30}$")


class ShareError(InputError):
    """One share cannot be used; the message says why without echoing its content."""


@dataclass(frozen=True)
class Rejected:
    source: str
    reason: str


@dataclass(frozen=True)
class Duplicate:
    source: str
    first: str  # the source of the copy that was kept


@dataclass(frozen=True)
class ReadShares:
    """The usable shares, and what was left out and why."""

    shares: tuple[Share, ...]
    sources: tuple[str, ...]  # the source of each usable share, in the same order
    rejected: tuple[Rejected, ...] = ()
    duplicates: tuple[Duplicate, ...] = ()
    order: tuple[str, ...] = ()  # every source, in the order given


def _kind_of(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, float):
        return "a number with a fraction"
    return {str: "text", list: "a list", dict: "an object", type(None): "null"}.get(
        type(value), type(value).__name__
    )


def _key_name(key: str) -> str:
    return f"'{key}'" if _PLAIN_KEY.match(key) else "a key with unexpected characters"


def _load_json(text: str) -> Any:
    try:
        return loads_strict(text)  # bounded: depth, digits, repeated keys (no value echoed)
    except RecordFileError as exc:
        raise ShareError(str(exc)) from None


def _count(value: Any, key: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise ShareError(f"'{key}' must be a whole number, not {_kind_of(value)}")
    if not 0 <= value <= MAX_COUNT:
        raise ShareError(f"'{key}' must be between 0 and {MAX_COUNT}")
    return value


def _exact_keys(data: Mapping[str, Any], allowed: Sequence[str], where: str) -> None:
    for key in data:
        if key not in allowed:
            place = f" in '{where}'" if where else ""
            raise ShareError(
                f"unexpected key {_key_name(key)}{place}: a share holds only {', '.join(allowed)}"
            )
    for key in allowed:
        if key not in data:
            raise ShareError(f"the key '{where + '.' if where else ''}{key}' is missing")


def _section(data: Mapping[str, Any], name: str, total: int) -> dict[str, int]:
    value = data[name]
    if not isinstance(value, dict):
        raise ShareError(f"'{name}' must be an object of counts, not {_kind_of(value)}")
    _exact_keys(value, SECTIONS[name], name)
    counts = {key: _count(value[key], f"{name}.{key}") for key in SECTIONS[name]}
    if sum(counts.values()) != total:
        raise ShareError(f"the counts in '{name}' add up to {sum(counts.values())}, not {total}")
    return counts


def _schema(data: Mapping[str, Any]) -> None:
    if "schema" not in data:
        raise ShareError("no 'schema' key: this is not a footprint workshop share")
    schema = data["schema"]
    if not isinstance(schema, int) or isinstance(schema, bool):
        raise ShareError(f"'schema' must be a whole number, not {_kind_of(schema)}")
    if schema > SCHEMA:
        raise ShareError(
            f"written by a newer footprint (share schema {schema}; this one reads {SCHEMA}): "
            "update footprint to include it"
        )
    if schema == 1:
        raise ShareError(
            "written by an older footprint, without a participant code: write the share again "
            "with the code from your slip (footprint workshop share --code ...)"
        )
    if schema != SCHEMA:
        raise ShareError(f"share schema {schema} is not one footprint ever wrote")
    if data.get("kind") != KIND:
        raise ShareError(f"'kind' must be \"{KIND}\": this is not a footprint workshop share")


def _needs_action(value: Any, known_rules: Collection[str] | None) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise ShareError(f"'needs_action' must be a list of rule ids, not {_kind_of(value)}")
    if len(value) > MAX_RULES:
        raise ShareError(f"'needs_action' has more than {MAX_RULES} rule ids")
    for i, rule_id in enumerate(value):
        key = f"needs_action[{i}]"
        if not isinstance(rule_id, str):
            raise ShareError(f"'{key}' must be a rule id, not {_kind_of(rule_id)}")
        if not RULE_ID.match(rule_id):
            raise ShareError(
                f"'{key}' is not a rule id (lowercase letters, digits and hyphens): "
                "a share holds no free text"
            )
        if known_rules is not None and rule_id not in known_rules:
            raise ShareError(
                f"'{key}' is rule '{rule_id}', which is not in the workshop's rules: "
                "give the same --rules file the kit was made with"
            )
    if len(set(value)) != len(value):
        raise ShareError("'needs_action' names a rule twice")
    return tuple(value)


def _code(value: Any) -> str:
    if not isinstance(value, str) or len(value) > 40:
        raise ShareError(f"'code' must be the participant code from a slip, such as {EXAMPLE}")
    try:
        return str(parse_code(value))
    except InputError:
        raise ShareError(
            f"'code' is not a participant code from a workshop kit (such as {EXAMPLE}): "
            "it is mistyped or made up"
        ) from None


def parse_share(text: str, known_rules: Collection[str] | None = None) -> Share:
    """Validate one share's JSON text; raise ShareError with the reason."""
    if len(text.encode("utf-8")) > MAX_BYTES:
        raise ShareError(f"larger than {MAX_BYTES // 1024} KB: a share is a few hundred bytes")
    data = _load_json(text)
    if not isinstance(data, dict):
        raise ShareError(f"a share is a JSON object, not {_kind_of(data)}")
    _schema(data)
    _exact_keys(data, TOP_KEYS, "")
    code = _code(data["code"])
    results = _count(data["results"], "results")
    archived = _count(data["archived"], "archived")
    if archived > results:
        raise ShareError(f"'archived' ({archived}) is more than 'results' ({results})")
    return Share(
        code=code,
        results=results,
        categories=_section(data, "categories", results),
        page_status=_section(data, "page_status", results),
        age=_section(data, "age", results),
        archived=archived,
        needs_action=_needs_action(data["needs_action"], known_rules),
    )


class _Tally:
    """Collects shares in input order; one share per participant code.

    A second file with the same share is a copy and dropped; a second, different share with
    the same code is rejected: a code counts one share, so one person counts once.
    """

    def __init__(self, known_rules: Collection[str] | None) -> None:
        self.known_rules = known_rules
        self.shares: list[Share] = []
        self.sources: list[str] = []
        self.rejected: list[Rejected] = []
        self.duplicates: list[Duplicate] = []
        self.first_source: dict[str, str] = {}
        self.order: list[str] = []

    def add(self, source: str, text: str) -> None:
        self.order.append(source)
        try:
            share = parse_share(text, self.known_rules)
        except FootprintError as exc:  # a ShareError, or a shared reader's InputError
            self.rejected.append(Rejected(source, str(exc)))
            return
        except (ValueError, TypeError, RecursionError, MemoryError) as exc:
            # Not expected after the checks above; one bad file still must not end the summary.
            self.rejected.append(Rejected(source, f"cannot be read ({type(exc).__name__})"))
            return
        first = self.first_source.get(share.code)
        if first is not None:
            kept = self.shares[self.sources.index(first)]
            if kept.canonical() == share.canonical():
                self.duplicates.append(Duplicate(source, first))
            else:
                self.rejected.append(
                    Rejected(
                        source,
                        f"another share with the same participant code as {first}: "
                        "a code counts once, so only the first is used",
                    )
                )
            return
        self.first_source[share.code] = source
        self.shares.append(share)
        self.sources.append(source)

    def result(self) -> ReadShares:
        return ReadShares(
            tuple(self.shares),
            tuple(self.sources),
            tuple(self.rejected),
            tuple(self.duplicates),
            tuple(self.order),
        )


def check_shares(
    items: Iterable[tuple[str, str]], known_rules: Collection[str] | None = None
) -> ReadShares:
    """Validate (source, text) pairs; keep the good ones, say why each other one is out."""
    tally = _Tally(known_rules)
    for source, text in items:
        tally.add(source, text)
    return tally.result()


def _read(path: Path) -> str:
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ShareError(f"larger than {MAX_BYTES // 1024} KB: a share is a few hundred bytes")
        return path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise ShareError("no such file") from None
    except IsADirectoryError:
        raise ShareError("is a folder, not a share file") from None
    except UnicodeDecodeError:
        raise ShareError("not UTF-8 text: this is not a footprint workshop share") from None
    except OSError as exc:
        raise ShareError(f"cannot read: {exc.strerror}") from None


def read_shares(paths: Iterable[Path], known_rules: Collection[str] | None = None) -> ReadShares:
    """Read and validate share files; an unreadable file is rejected like a bad one."""
    tally = _Tally(known_rules)
    for path in paths:
        try:
            text = _read(path)
        except ShareError as exc:
            tally.order.append(str(path))
            tally.rejected.append(Rejected(str(path), str(exc)))
            continue
        tally.add(str(path), text)
    return tally.result()
