"""Reading and writing result records: JSONL, a JSON array, or CSV.

The same readers take plain search results and the output of `classify`
(a finding is a result with more fields), so every stage can feed the next.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from footprint.errors import InputError
from footprint.models import Finding, SearchResult
from footprint.reading import read_text, source_name
from search_providers.recordfile import RecordFileError, parse_record_text

RESULT_COLUMNS = ("url", "title", "snippet", "published", "rank", "provider", "query")


def parse_records(text: str, source: str, *, csv_hint: bool = False) -> list[dict[str, Any]]:
    """Parse JSONL, a JSON array or CSV text into raw mappings."""
    try:
        return parse_record_text(text, csv_hint=csv_hint, optional_columns=RESULT_COLUMNS[1:])
    except RecordFileError as exc:
        raise InputError(f"{source}: {exc}") from None


def load_raw(path: Path) -> list[dict[str, Any]]:
    """Read a file of records as raw mappings."""
    return parse_records(read_text(path), source_name(path), csv_hint=path.suffix.lower() == ".csv")


def _build(raw: list[dict[str, Any]], source: str, build: Any) -> list[Any]:
    items = []
    for i, item in enumerate(raw, 1):
        try:
            items.append(build(item))
        except (ValueError, KeyError, TypeError) as exc:  # the models name the key
            raise InputError(f"{source}: record {i}: {exc}: fix or remove that record") from None
    return items


def read_results(path: Path) -> list[SearchResult]:
    """Read search results from a JSONL, JSON or CSV file (or `-`)."""
    return _build(load_raw(path), source_name(path), SearchResult.from_dict)


def read_findings(path: Path) -> list[Finding]:
    """Read classified findings (the output of `classify --format json`)."""
    raw = load_raw(path)
    for i, item in enumerate(raw, 1):
        if "category" not in item:
            raise InputError(
                f"{source_name(path)}: record {i} has no 'category': "
                "give the output of 'footprint classify --format json'"
            )
    return _build(raw, source_name(path), Finding.from_dict)


def to_json(records: Iterable[Mapping[str, Any]]) -> str:
    return json.dumps(list(records), ensure_ascii=False, indent=2) + "\n"


def to_jsonl(records: Iterable[Mapping[str, Any]]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


# A spreadsheet runs a cell that starts with one of these as a formula (OWASP, "CSV
# Injection"): `=HYPERLINK(...)`, `+cmd|' /C calc'!A0`, `@SUM(...)`, `-2+3`.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: str) -> str:
    """`value` as a CSV cell a spreadsheet shows as text: a formula start gets a `'` before it."""
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


def to_csv(records: Iterable[Mapping[str, Any]], columns: tuple[str, ...]) -> str:
    """CSV with the given columns; lists are joined with ' | ', nested values as JSON.

    Every text cell goes through `csv_cell`, so nothing from the web runs when the file is
    opened in a spreadsheet; numbers stay numbers. JSON output is never changed this way.
    """
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
            row[key] = csv_cell(value) if isinstance(value, str) else "" if value is None else value
        writer.writerow(row)
    return out.getvalue()
