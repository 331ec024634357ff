"""Parsing a file of result records: a JSON array, JSONL, or CSV with a header row.

One parser for the `file` provider and for footprint's own readers (`footprint.records`),
so that both accept the same files and say the same about a bad one. Standard library
only; the messages name the line or item but not the file, which the caller adds.

`loads_strict` is the one JSON parser for untrusted files (footprint's `reading` module
uses it too): the text is scanned once, without recursion, for nesting deeper than
`MAX_DEPTH` and numbers longer than `MAX_DIGITS` before `json` sees it (`json` recurses,
and `int()` refuses more than 4300 digits with a bare ValueError); a key repeated in one
object, NaN and Infinity are refused.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
from collections.abc import Iterator, Sequence
from typing import Any

MAX_DEPTH = 64  # nested arrays and objects; a finding in an audit file is 6 deep
MAX_DIGITS = 30  # digits in one number; no figure in a results file needs more
_JSON_TOKENS = re.compile(rf'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{{}}]|[0-9][0-9.eE+-]{{{MAX_DIGITS},}}')


class RecordFileError(ValueError):
    """The text is not a file of records; the message says where and what to fix."""


class SeveralDocuments(RecordFileError):
    """The text holds more than one JSON document: JSONL, not JSON."""


def line_at(text: str, pos: int) -> int:
    """The 1-based line number of character `pos` of `text`."""
    return text.count("\n", 0, pos) + 1


def scan_json(text: str, tokens: re.Pattern[str] = _JSON_TOKENS, *, skip: str = '"',
              long_ok: re.Pattern[str] | None = None) -> None:  # fmt: skip
    """Refuse nesting deeper than MAX_DEPTH and numbers longer than MAX_DIGITS, with the line.

    Iterative, so any depth is safe to scan. `tokens` matches strings and comments (whole,
    starting with a character of `skip`), brackets and long numbers; footprint's TOML
    reader passes its own, with `long_ok` for dates and times.
    """
    depth = 0
    for match in tokens.finditer(text):
        token = match.group()
        if token[0] in skip:
            continue
        if token in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                raise RecordFileError(
                    f"line {line_at(text, match.start())}: nested more than {MAX_DEPTH} deep, "
                    "which no file footprint reads is: give the original file"
                )
        elif token in "]}":
            depth = max(0, depth - 1)
        elif not (long_ok and long_ok.fullmatch(token)):
            raise RecordFileError(
                f"line {line_at(text, match.start())}: a number with more than {MAX_DIGITS} "
                "digits: write it in quotes as text, or remove it"
            )


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            shown = f"'{key}'" if re.fullmatch(r"[A-Za-z0-9_.-]{1,40}", key) else "a key"
            raise RecordFileError(f"{shown} appears twice in one object: keep one of them")
        result[key] = value
    return result


def _constant(name: str) -> Any:
    raise RecordFileError(f"{name} is not a number JSON allows: write a number or null")


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise RecordFileError(f"the number {text[:20]} is too large")
    return value


def loads_strict(text: str) -> Any:
    """Parse untrusted JSON text within the limits; RecordFileError says where and why."""
    scan_json(text)
    try:
        return json.loads(
            text, object_pairs_hook=_pairs, parse_constant=_constant, parse_float=_finite
        )
    except json.JSONDecodeError as exc:
        if exc.pos >= len(text.rstrip()) or exc.msg.startswith("Unterminated string"):
            raise RecordFileError(
                f"line {exc.lineno}: not valid JSON: it ends too early (the file looks "
                "truncated): copy or save it again"
            ) from None
        kind = SeveralDocuments if exc.msg == "Extra data" else RecordFileError
        raise kind(
            f"line {exc.lineno}: not valid JSON at column {exc.colno} ({exc.msg}): fix that line"
        ) from None
    except RecursionError:  # not reached after scan_json; kept so that no traceback escapes
        raise RecordFileError(f"nested more than {MAX_DEPTH} deep") from None


def parse_record_text(
    text: str, *, csv_hint: bool = False, url_columns: Sequence[str] = ("url",),
    optional_columns: Sequence[str] = (),
) -> list[dict[str, Any]]:  # fmt: skip
    """Parse JSONL, a JSON array or CSV text (by its first character, or `csv_hint`)."""
    stripped = text.lstrip()
    if not stripped:
        return []
    if csv_hint or not stripped.startswith(("{", "[")):
        return _parse_csv(text, url_columns, optional_columns)
    if stripped.startswith("["):
        return _parse_array(text)
    return list(_parse_jsonl(text))


def _parse_array(text: str) -> list[dict[str, Any]]:
    data = loads_strict(text)
    if not isinstance(data, list):
        raise RecordFileError("expected a JSON array of objects, each with a 'url'")
    for i, item in enumerate(data, 1):
        if not isinstance(item, dict):
            raise RecordFileError(
                f"item {i} of the JSON array is not an object: "
                "expected an array of objects, each with a 'url'"
            )
    return data


def _parse_jsonl(text: str) -> Iterator[dict[str, Any]]:
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = loads_strict(line)
        except RecordFileError as exc:
            reason = str(exc)  # each line is parsed on its own: its "line 1" is line `lineno`
            rest = reason[6:] if reason.startswith(("line 1 ", "line 1:")) else f": {reason}"
            raise RecordFileError(f"line {lineno}{rest}") from None
        if not isinstance(item, dict):
            raise RecordFileError(f"line {lineno}: expected a JSON object")
        yield item


def _parse_csv(
    text: str, url_columns: Sequence[str], optional_columns: Sequence[str]
) -> list[dict[str, Any]]:
    reader = csv.DictReader(io.StringIO(text))
    try:
        header = reader.fieldnames or []
    except csv.Error as exc:
        raise RecordFileError(f"line 1: not valid CSV ({exc})") from None
    columns = [(c or "").strip().lower() for c in header]
    if not set(columns) & set(url_columns):
        optional = f" (and optionally {', '.join(optional_columns)})" if optional_columns else ""
        found = ", ".join(columns) or "none"
        raise RecordFileError(
            f"a CSV file needs a header row with a 'url' column{optional}; found: {found}"
        )
    repeated = sorted({c for c in columns if c and columns.count(c) > 1})
    if repeated:
        raise RecordFileError(
            f"line 1: the column '{repeated[0][:40]}' appears twice in the header: keep one"
        )
    reader.fieldnames = columns
    try:
        return [{k: v for k, v in row.items() if k} for row in reader]
    except csv.Error as exc:  # a NUL byte, a field over csv's 128 KB limit
        raise RecordFileError(f"line {reader.line_num}: not valid CSV ({exc})") from None
