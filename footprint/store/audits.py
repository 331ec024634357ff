"""Saving audits step by step, and reading them back.

Every function takes an open connection inside a transaction the caller holds (see
`Store`); each saving step is its own small transaction, so a killed process keeps
everything saved before it.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from footprint.models import Classification, Finding, PageCheck, SearchResult
from footprint.store.urlkey import url_key


@dataclass(frozen=True)
class AuditInfo:
    """One saved audit as `footprint history` lists it."""

    id: int
    name: str
    started_at: str  # ISO timestamp, UTC
    finished_at: str | None
    complete: bool
    queries: tuple[str, ...] = ()
    failures: tuple[str, ...] = ()
    results: int = 0
    counts: Mapping[str, int] = field(default_factory=dict)  # per category, corrections applied
    providers: tuple[str, ...] = ()  # the search providers asked ('file': a saved results file)
    resumable: bool = False  # stopped, and the latest of its name: `audit NAME --resume` can

    @property
    def date(self) -> str:
        return self.started_at[:10]

    @property
    def status(self) -> str:
        """complete; partial (finished, but a search source failed); or incomplete (stopped)."""
        if not self.complete:
            return "incomplete"
        return "partial" if self.failures else "complete"

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "started_at": self.started_at,
            "finished_at": self.finished_at,
            "complete": self.complete,
            "status": self.status,
            "resumable": self.resumable,
            "providers": list(self.providers),
            "queries": list(self.queries),
            "failures": list(self.failures),
            "results": self.results,
            "counts": dict(self.counts),
        }


@dataclass(frozen=True)
class ResumeState:
    """What an interrupted audit already has, so that resuming repeats none of it."""

    audit_id: int
    name: str
    profile: Mapping[str, Any]
    queries: tuple[str, ...]
    results: tuple[SearchResult, ...]
    checks: Mapping[str, PageCheck]  # by url
    findings: Mapping[str, Finding]  # by url, as the classifier left them
    searched_by: tuple[str, ...] | None = None  # None: the searches did not finish

    @property
    def search_done(self) -> bool:
        """The searches ran to their end before the audit stopped: resuming repeats none."""
        return self.searched_by is not None

    @property
    def searched(self) -> frozenset[tuple[str, str]]:
        """The (provider, query) pairs that returned at least one saved result."""
        pairs = {(r.provider, r.query) for r in self.results if r.provider or r.query}
        for result in self.results:
            pairs.update(result.found_by)
        return frozenset(pairs)

    def unchecked(self) -> list[SearchResult]:
        """Saved results whose page has not been checked yet."""
        return [r for r in self.results if r.url not in self.checks]

    def unclassified(self) -> list[SearchResult]:
        """Saved results that have no classification yet."""
        return [r for r in self.results if r.url not in self.findings]


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def create_audit(
    conn: sqlite3.Connection,
    name: str,
    profile: Mapping[str, Any],
    queries: Sequence[str],
    now: str,
    providers: Sequence[str] = (),
) -> int:
    cursor = conn.execute(
        "INSERT INTO audits (name, started_at, profile, queries, providers) VALUES (?, ?, ?, ?, ?)",
        (name, now, _dumps(dict(profile)), _dumps(list(queries)), _dumps(list(providers))),
    )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def _merged(old: str | None, new: Sequence[str]) -> list[str]:
    merged = list(json.loads(old)) if old else []
    return merged + [item for item in new if item not in merged]


def reopen_audit(
    conn: sqlite3.Connection,
    audit_id: int,
    profile: Mapping[str, Any],
    queries: Sequence[str],
    providers: Sequence[str] = (),
) -> None:
    """A resumed audit: mark it unfinished again and add any new queries and providers."""
    row = conn.execute("SELECT queries, providers FROM audits WHERE id = ?", (audit_id,)).fetchone()
    conn.execute(
        "UPDATE audits SET profile = ?, queries = ?, providers = ?, complete = 0, "
        "finished_at = NULL WHERE id = ?",
        (_dumps(dict(profile)), _dumps(_merged(row and row[0], queries)),
         _dumps(_merged(row and row[1], providers)), audit_id),
    )  # fmt: skip


def search_done(conn: sqlite3.Connection, audit_id: int, providers: Sequence[str]) -> None:
    """The searches ran to their end, asking `providers`."""
    conn.execute(
        "UPDATE audits SET searched_by = ? WHERE id = ?", (_dumps(list(providers)), audit_id)
    )


def searched_with(conn: sqlite3.Connection, audit_id: int) -> set[str]:
    """The providers of the audit's finished search pass; for an audit saved without them
    (before they were kept), the providers it asked or, failing those, its results name."""
    row = conn.execute(
        "SELECT searched_by, providers FROM audits WHERE id = ?", (audit_id,)
    ).fetchone()
    if row and row[0] is not None and json.loads(row[0]):
        return set(json.loads(row[0]))
    stored = set(json.loads(row[1])) if row else set()
    if stored:
        return stored
    named: set[str] = set()
    for (result,) in conn.execute("SELECT result FROM results WHERE audit_id = ?", (audit_id,)):
        data = json.loads(result)
        named.update(p for p, _query in data.get("found_by") or () if p)
        if data.get("provider"):
            named.add(data["provider"])
    return named


def _next_seq(conn: sqlite3.Connection, audit_id: int) -> int:
    row = conn.execute("SELECT max(seq) FROM results WHERE audit_id = ?", (audit_id,)).fetchone()
    return (row[0] or 0) + 1


def add_results(conn: sqlite3.Connection, audit_id: int, results: Iterable[SearchResult]) -> None:
    """Save results as they arrive; a result already saved gets the newer record."""
    seq = _next_seq(conn, audit_id)
    for result in results:
        conn.execute(
            "INSERT INTO results (audit_id, url, url_key, seq, result) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (audit_id, url) DO UPDATE SET result = excluded.result",
            (audit_id, result.url, url_key(result.url), seq, _dumps(result.to_dict())),
        )
        seq += 1


def _ensure_result(conn: sqlite3.Connection, audit_id: int, result: SearchResult) -> None:
    conn.execute(
        "INSERT OR IGNORE INTO results (audit_id, url, url_key, seq, result) "
        "VALUES (?, ?, ?, ?, ?)",
        (audit_id, result.url, url_key(result.url), _next_seq(conn, audit_id),
         _dumps(result.to_dict())),
    )  # fmt: skip


def save_check(conn: sqlite3.Connection, audit_id: int, url: str, check: PageCheck) -> None:
    _ensure_result(conn, audit_id, SearchResult(url=url))
    conn.execute(
        "UPDATE results SET page_status = ?, page_check = ? WHERE audit_id = ? AND url = ?",
        (check.status.value, _dumps(check.to_dict()), audit_id, url),
    )


def save_finding(conn: sqlite3.Connection, audit_id: int, finding: Finding) -> None:
    url = finding.result.url
    _ensure_result(conn, audit_id, finding.result)
    conn.execute(
        "UPDATE results SET result = ?, category = ?, classification = ? "
        "WHERE audit_id = ? AND url = ?",
        (_dumps(finding.result.to_dict()), finding.classification.category.value,
         _dumps(finding.classification.to_dict()), audit_id, url),
    )  # fmt: skip
    if finding.check is not None:
        save_check(conn, audit_id, url, finding.check)


def finish_audit(
    conn: sqlite3.Connection, audit_id: int, complete: bool, failures: Sequence[str], now: str
) -> list[str]:
    """Mark the audit (un)finished; the failures of an earlier part of it are kept.

    Returns every failure of the audit, all its parts."""
    row = conn.execute("SELECT failures FROM audits WHERE id = ?", (audit_id,)).fetchone()
    kept = _merged(row and row[0], failures)
    conn.execute(
        "UPDATE audits SET complete = ?, finished_at = ?, failures = ? WHERE id = ?",
        (int(complete), now, _dumps(kept), audit_id),
    )
    return kept


_AUDIT_COLUMNS = "id, name, started_at, finished_at, complete, queries, failures, providers"


def _counts(conn: sqlite3.Connection, ids: Sequence[int]) -> dict[int, dict[str, int]]:
    counts: dict[int, dict[str, int]] = {i: {} for i in ids}
    if not ids:
        return counts
    marks = ",".join("?" * len(ids))
    rows = conn.execute(
        "SELECT r.audit_id, COALESCE(l.category, r.category), count(*) FROM results r "
        "LEFT JOIN labels l ON l.url_key = r.url_key "
        f"WHERE r.category IS NOT NULL AND r.audit_id IN ({marks}) GROUP BY 1, 2",
        tuple(ids),
    )
    for audit_id, category, n in rows:
        counts[audit_id][category] = n
    return counts


def _totals(conn: sqlite3.Connection, ids: Sequence[int]) -> dict[int, int]:
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    rows = conn.execute(
        f"SELECT audit_id, count(*) FROM results WHERE audit_id IN ({marks}) GROUP BY 1", tuple(ids)
    )
    return dict(rows.fetchall())


def audits(
    conn: sqlite3.Connection, where: str = "", params: Sequence[Any] = ()
) -> list[AuditInfo]:
    """Audits, oldest first, with their counts; `where` is a trusted SQL condition."""
    rows = conn.execute(
        f"SELECT {_AUDIT_COLUMNS} FROM audits {'WHERE ' + where if where else ''} "
        "ORDER BY started_at, id",
        tuple(params),
    ).fetchall()
    ids = [row[0] for row in rows]
    counts, totals = _counts(conn, ids), _totals(conn, ids)
    resumable = _resumable(conn)
    return [
        AuditInfo(
            id=row[0],
            name=row[1],
            started_at=row[2],
            finished_at=row[3],
            complete=bool(row[4]),
            queries=tuple(json.loads(row[5])),
            failures=tuple(json.loads(row[6])),
            results=totals.get(row[0], 0),
            counts=counts[row[0]],
            providers=tuple(json.loads(row[7])),
            resumable=row[0] in resumable,
        )
        for row in rows
    ]


def _resumable(conn: sqlite3.Connection) -> set[int]:
    """The audits `audit NAME --resume` finishes: unfinished, and the latest of their name."""
    rows = conn.execute(
        "SELECT a.id FROM audits a WHERE a.complete = 0 AND NOT EXISTS ("
        "SELECT 1 FROM audits b WHERE b.name = a.name "
        "AND (b.started_at > a.started_at OR (b.started_at = a.started_at AND b.id > a.id)))"
    )
    return {row[0] for row in rows}


def raw_findings(conn: sqlite3.Connection, audit_id: int) -> list[Finding]:
    """The classified results of an audit in the order they arrived, as the classifier left them."""
    rows = conn.execute(
        "SELECT result, classification, page_check FROM results "
        "WHERE audit_id = ? AND classification IS NOT NULL ORDER BY seq",
        (audit_id,),
    )
    return [
        Finding(
            result=SearchResult.from_dict(json.loads(result)),
            classification=Classification.from_dict(json.loads(classification)),
            check=PageCheck.from_dict(json.loads(check)) if check else None,
        )
        for result, classification, check in rows
    ]


def resume_state(conn: sqlite3.Connection, audit_id: int) -> ResumeState | None:
    row = conn.execute(
        "SELECT name, profile, queries, searched_by FROM audits WHERE id = ?", (audit_id,)
    ).fetchone()
    if row is None:
        return None
    results: list[SearchResult] = []
    checks: dict[str, PageCheck] = {}
    for result, check in conn.execute(
        "SELECT result, page_check FROM results WHERE audit_id = ? ORDER BY seq", (audit_id,)
    ):
        parsed = SearchResult.from_dict(json.loads(result))
        results.append(parsed)
        if check:
            checks[parsed.url] = PageCheck.from_dict(json.loads(check))
    return ResumeState(
        audit_id=audit_id,
        name=row[0],
        profile=json.loads(row[1]),
        queries=tuple(json.loads(row[2])),
        results=tuple(results),
        checks=checks,
        findings={f.result.url: f for f in raw_findings(conn, audit_id)},
        searched_by=None if row[3] is None else tuple(json.loads(row[3])),
    )


SavedRow = tuple[str | None, PageCheck | None]


def result_rows(conn: sqlite3.Connection, audit_id: int) -> dict[str, SavedRow]:
    """For each saved address (by key): its category and page check."""
    found: dict[str, SavedRow] = {}
    for key, category, check in conn.execute(
        "SELECT url_key, category, page_check FROM results WHERE audit_id = ?", (audit_id,)
    ):
        found[key] = (category, PageCheck.from_dict(json.loads(check)) if check else None)
    return found


def delete_audits(conn: sqlite3.Connection, ids: Sequence[int]) -> tuple[int, int]:
    """Delete audits and their results; return (audits, results) deleted."""
    if not ids:
        return 0, 0
    marks = ",".join("?" * len(ids))
    results = conn.execute(f"DELETE FROM results WHERE audit_id IN ({marks})", tuple(ids)).rowcount
    deleted = conn.execute(f"DELETE FROM audits WHERE id IN ({marks})", tuple(ids)).rowcount
    return deleted, results
