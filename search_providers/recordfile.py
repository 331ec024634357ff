"""Parsing a file of result records: a JSON array, JSONL, or CSV with a header row.

One parser for the `file` provider and for footprint's own readers (`footprint.records`),
so that both accept the same files and say the same about a bad one. Standard library
only; the messages name the line or item but not the file, which the caller adds.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Sequence
from typing import Any


class RecordFileError(ValueError):
    """The text is not a file of records; the message says where and what to fix."""


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
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise RecordFileError(
            f"line {exc.lineno} column {exc.colno}: not valid JSON: {exc.msg}"
        ) from None
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
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise RecordFileError(
                f"line {lineno}: not valid JSON ({exc.msg}): fix or remove that line"
            ) from None
        if not isinstance(item, dict):
            raise RecordFileError(f"line {lineno}: expected a JSON object")
        yield item


def _parse_csv(
    text: str, url_columns: Sequence[str], optional_columns: Sequence[str]
) -> list[dict[str, Any]]:
    reader = csv.DictReader(io.StringIO(text))
    columns = [(c or "").strip().lower() for c in reader.fieldnames or []]
    if not set(columns) & set(url_columns):
        optional = f" (and optionally {', '.join(optional_columns)})" if optional_columns else ""
        found = ", ".join(columns) or "none"
        raise RecordFileError(
            f"a CSV file needs a header row with a 'url' column{optional}; found: {found}"
        )
    reader.fieldnames = columns
    return [{k: v for k, v in row.items() if k} for row in reader]
