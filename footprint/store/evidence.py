"""The evidence log's table: saved pages with their checksums (see `footprint.evidence`)."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

from footprint.evidence import Evidence

_COLUMNS = (
    "id, url, final_url, fetched_at, http_status, content_type, html, text, sha256_html, "
    "sha256_text, truncated, note"
)


def _evidence(row: Sequence[Any]) -> Evidence:
    return Evidence(
        id=row[0], url=row[1], final_url=row[2], fetched_at=row[3], http_status=row[4],
        content_type=row[5], html=bytes(row[6]), text=row[7], sha256_html=row[8],
        sha256_text=row[9], truncated=bool(row[10]), note=row[11],
    )  # fmt: skip


def add(conn: sqlite3.Connection, item: Evidence) -> Evidence:
    cursor = conn.execute(
        f"INSERT INTO evidence ({_COLUMNS.partition(', ')[2]}) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (item.url, item.final_url, item.fetched_at, item.http_status, item.content_type,
         item.html, item.text, item.sha256_html, item.sha256_text, int(item.truncated),
         item.note),
    )  # fmt: skip
    row = conn.execute(f"SELECT {_COLUMNS} FROM evidence WHERE id = ?", (cursor.lastrowid,))
    return _evidence(row.fetchone())


def items(conn: sqlite3.Connection, ids: Sequence[int] = ()) -> list[Evidence]:
    """Saved evidence, oldest first; only `ids` when given (each must exist)."""
    rows = conn.execute(f"SELECT {_COLUMNS} FROM evidence ORDER BY id").fetchall()
    found = [_evidence(row) for row in rows]
    if not ids:
        return found
    wanted = set(ids)
    return [item for item in found if item.id in wanted]
