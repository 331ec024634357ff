"""Reading and writing result records: JSONL, a JSON array, or CSV.

The same readers take plain search results and the output of `classify`
(a finding is a result with more fields), so every stage can feed the next.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from footprint.errors import InputError
from footprint.models import Finding, SearchResult

RESULT_COLUMNS = ("url", "title", "snippet", "published", "rank", "provider", "query")


def read_text(path: Path) -> str:
    """Read a UTF-8 input file, or standard input for `-`."""
    if str(path) == "-":
        return sys.stdin.read()
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder, not a results file") from None
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text (byte {exc.start}): save it as UTF-8") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror}") from None


def parse_records(text: str, source: str, *, csv_hint: bool = False) -> list[dict[str, Any]]:
    """Parse JSONL, a JSON array or CSV text into raw mappings."""
    stripped = text.lstrip()
    if not stripped:
        return []
    if csv_hint or not stripped.startswith(("{", "[")):
        return _parse_csv(text, source)
    if stripped.startswith("["):
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(
                f"{source}: line {exc.lineno} column {exc.colno}: not valid JSON: {exc.msg}"
            ) from None
        if not isinstance(data, list):
            raise InputError(f"{source}: expected a JSON array of result objects")
        for i, item in enumerate(data, 1):
            if not isinstance(item, dict):
                raise InputError(f"{source}: item {i} of the array is not a JSON object")
        return data
    return list(_parse_jsonl(text, source))


def _parse_jsonl(text: str, source: str) -> Iterator[dict[str, Any]]:
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(
                f"{source}: line {lineno}: not valid JSON ({exc.msg}): fix or remove that line"
            ) from None
        if not isinstance(item, dict):
            raise InputError(f"{source}: line {lineno}: expected a JSON object")
        yield item


def _parse_csv(text: str, source: str) -> list[dict[str, Any]]:
    reader = csv.DictReader(io.StringIO(text))
    columns = [c.strip().lower() for c in reader.fieldnames or []]
    if "url" not in columns:
        optional = ", ".join(RESULT_COLUMNS[1:])
        found = ", ".join(columns) or "none"
        raise InputError(
            f"{source}: a CSV file needs a header row with a 'url' column "
            f"(and optionally {optional}); found: {found}"
        )
    reader.fieldnames = columns
    return [{k: v for k, v in row.items() if k} for row in reader]


def _source_name(path: Path) -> str:
    return "<stdin>" if str(path) == "-" else str(path)


def load_raw(path: Path) -> list[dict[str, Any]]:
    """Read a file of records as raw mappings."""
    return parse_records(
        read_text(path), _source_name(path), csv_hint=path.suffix.lower() == ".csv"
    )


def _build(raw: list[dict[str, Any]], source: str, build: Any) -> list[Any]:
    items = []
    for i, item in enumerate(raw, 1):
        try:
            items.append(build(item))
        except (ValueError, KeyError, TypeError) as exc:
            raise InputError(f"{source}: record {i}: {exc}") from None
    return items


def read_results(path: Path) -> list[SearchResult]:
    """Read search results from a JSONL, JSON or CSV file (or `-`)."""
    return _build(load_raw(path), _source_name(path), SearchResult.from_dict)


def read_findings(path: Path) -> list[Finding]:
    """Read classified findings (the output of `classify --format json`)."""
    raw = load_raw(path)
    for i, item in enumerate(raw, 1):
        if "category" not in item:
            raise InputError(
                f"{_source_name(path)}: record {i} has no 'category': "
                "give the output of 'footprint classify --format json'"
            )
    return _build(raw, _source_name(path), Finding.from_dict)


def to_json(records: Iterable[Mapping[str, Any]]) -> str:
    return json.dumps(list(records), ensure_ascii=False, indent=2) + "\n"


def to_jsonl(records: Iterable[Mapping[str, Any]]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def to_csv(records: Iterable[Mapping[str, Any]], columns: tuple[str, ...]) -> str:
    """CSV with the given columns; lists are joined with ' | ', nested values as JSON."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore")
    writer.writeheader()
    for record in records:
        row = {}
        for key in columns:
            value = record.get(key)
            if isinstance(value, list):
                value = " | ".join(str(v) for v in value)
            elif isinstance(value, dict):
                value = json.dumps(value, ensure_ascii=False)
            row[key] = "" if value is None else value
        writer.writerow(row)
    return out.getvalue()
