"""`Store`: the local database as footprint uses it — audits, corrections, removal requests.

Every method is one short transaction; SQLite errors become `StoreError`s that name the
database file. The clock is a constructor argument so tests can move time.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from footprint import paths
from footprint.errors import InputError
from footprint.evidence import Evidence
from footprint.models import Category, Finding, PageCheck, SearchResult
from footprint.store import audits, labels, tracking
from footprint.store import evidence as evidence_log
from footprint.store.audits import AuditInfo, ResumeState
from footprint.store.db import connect, damaged, default_path
from footprint.store.diff import AuditDiff, diff_findings, since_last_audit
from footprint.store.labels import Label, apply_labels
from footprint.store.tracking import Channel, RemovalRequest, Status

Clock = Callable[[], datetime]
SHARE_KEY = "workshop-share.key"  # the device secret earlier workshop shares were made with


@dataclass(frozen=True)
class Forgotten:
    """What `forget_all` deleted."""

    audits: int
    results: int
    corrections: int
    requests: int
    cache: bool
    share_key: bool = False  # the workshop share key of earlier versions


def utc_now() -> datetime:
    return datetime.now(UTC)


class Store:
    """footprint's database. Open with `Store.open()`; use as a context manager to close."""

    def __init__(self, conn: sqlite3.Connection, path: Path, clock: Clock = utc_now) -> None:
        self.conn = conn
        self.path = path
        self.clock = clock
        self._lock = threading.RLock()

    @classmethod
    def open(cls, path: Path | None = None, *, clock: Clock = utc_now) -> Store:
        path = path or default_path()
        return cls(connect(path), path, clock)

    def close(self) -> None:
        with self._lock:
            self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def now(self) -> str:
        return self.clock().astimezone(UTC).isoformat(timespec="seconds")

    @contextmanager
    def _transaction(self, begin: str) -> Iterator[sqlite3.Connection]:
        with self._lock:
            try:
                self.conn.execute(begin)
                try:
                    yield self.conn
                except BaseException:
                    self.conn.execute("ROLLBACK")
                    raise
                self.conn.execute("COMMIT")
            except sqlite3.Error as exc:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise damaged(self.path, exc) from None

    def _read(self) -> AbstractContextManager[sqlite3.Connection]:
        return self._transaction("BEGIN")

    def _write(self) -> AbstractContextManager[sqlite3.Connection]:
        return self._transaction("BEGIN IMMEDIATE")

    def reading(self) -> AbstractContextManager[sqlite3.Connection]:
        """A read transaction, for library modules that keep their own tables here."""
        return self._read()

    def writing(self) -> AbstractContextManager[sqlite3.Connection]:
        """A write transaction, for library modules that keep their own tables here."""
        return self._write()

    # --- saving an audit, step by step -------------------------------------------------

    def start_audit(
        self,
        name: str,
        profile: dict[str, Any],
        queries: Sequence[str],
        providers: Sequence[str] = (),
    ) -> int:
        with self._write() as conn:
            return audits.create_audit(conn, name, profile, queries, self.now(), providers)

    def reopen_audit(
        self,
        audit_id: int,
        profile: dict[str, Any],
        queries: Sequence[str],
        providers: Sequence[str] = (),
    ) -> None:
        with self._write() as conn:
            audits.reopen_audit(conn, audit_id, profile, queries, providers)

    def add_results(self, audit_id: int, results: Sequence[SearchResult]) -> None:
        with self._write() as conn:
            audits.add_results(conn, audit_id, results)

    def search_done(self, audit_id: int, providers: Sequence[str]) -> None:
        """The audit's searches ran to their end, asking `providers`."""
        with self._write() as conn:
            audits.search_done(conn, audit_id, providers)

    def save_check(self, audit_id: int, url: str, check: PageCheck) -> None:
        with self._write() as conn:
            audits.save_check(conn, audit_id, url, check)

    def save_finding(self, audit_id: int, finding: Finding) -> None:
        with self._write() as conn:
            audits.save_finding(conn, audit_id, finding)

    def finish_audit(
        self, audit_id: int, complete: bool, failures: Sequence[str] = ()
    ) -> list[RemovalRequest]:
        """Mark the audit complete or not, and the removal requests it shows have worked.

        An address missing from the results counts as removed only after a complete audit
        with no failed search source in any of its parts, whose searches ran to their end
        with a real search provider, not only a file. Failures of an earlier part are kept.
        """
        with self._write() as conn:
            now = self.now()
            every_failure = audits.finish_audit(conn, audit_id, complete, failures, now)
            found = audits.result_rows(conn, audit_id)
            providers = audits.searched_with(conn, audit_id)
            counts = tracking.absence_counts(complete, every_failure, providers)
            return tracking.mark_removed(conn, audit_id, found, now, counts)

    # --- reading audits -------------------------------------------------------------------

    def audits(self, name: str | None = None) -> list[AuditInfo]:
        """Saved audits, oldest first (of one name, if given)."""
        with self._read() as conn:
            if name is None:
                return audits.audits(conn)
            return audits.audits(conn, "name = ?", (name,))

    def audit(self, audit_id: int) -> AuditInfo:
        """One audit, or an error that says where to find the ids."""
        with self._read() as conn:
            found = audits.audits(conn, "id = ?", (audit_id,))
        if not found:
            raise InputError(f"no audit {audit_id}: 'footprint history' lists the saved audits")
        return found[0]

    def latest_audit(self, name: str | None = None) -> AuditInfo | None:
        found = self.audits(name)
        return found[-1] if found else None

    def find_audit(self, ref: str) -> AuditInfo:
        """An audit by id, or `latest`, as typed on the command line."""
        if ref.strip().lower() == "latest":
            latest = self.latest_audit()
            if latest is None:
                raise InputError("no saved audits yet: run 'footprint audit \"Your Name\"' first")
            return latest
        try:
            return self.audit(int(ref))
        except ValueError:
            raise InputError(
                f"audit {ref!r} is not an audit id: give a number from 'footprint history' "
                "or 'latest'"
            ) from None

    def previous_audit(self, audit_id: int) -> AuditInfo | None:
        """The audit of the same name before this one (a complete one if there is any)."""
        current = self.audit(audit_id)
        earlier = [
            a
            for a in self.audits(current.name)
            if (a.started_at, a.id) < (current.started_at, current.id)
        ]
        complete = [a for a in earlier if a.complete]
        candidates = complete or earlier
        return candidates[-1] if candidates else None

    def diff_pair(self, old: str | None, new: str | None) -> tuple[AuditInfo, AuditInfo]:
        """The audits `footprint diff OLD NEW` compares: both as given; OLD and the latest
        complete audit of its name; or the last two complete audits of the name audited last.
        An audit stopped before the end is compared only when asked for by its id."""
        if old is not None and new is not None:
            return self.find_audit(old), self.find_audit(new)
        if old is not None:
            first = self.find_audit(old)
            later = [a for a in self.audits(first.name) if a.complete and a.id != first.id]
            later = [a for a in later if (a.started_at, a.id) > (first.started_at, first.id)]
            if not later:
                raise InputError(
                    f"no complete audit of {first.name!r} after audit {first.id}: "
                    "give two ids to compare"
                )
            return first, later[-1]
        complete = [a for a in self.audits() if a.complete]
        if not complete:
            raise InputError(
                "no complete audit yet: run 'footprint audit \"Your Name\"' (or finish one "
                "with --resume) first"
            )
        same_name = [a for a in complete if a.name == complete[-1].name]
        if len(same_name) < 2:
            raise InputError(
                f"only one complete audit of {complete[-1].name!r} is saved: run another one "
                "later, then compare"
            )
        return same_name[-2], same_name[-1]

    def unfinished_audit(self, name: str) -> AuditInfo | None:
        """The latest audit of `name` if it did not finish."""
        latest = self.latest_audit(name)
        return latest if latest is not None and not latest.complete else None

    def load_findings(self, audit_id: int) -> list[Finding]:
        """An audit's classified results, with the person's corrections applied."""
        self.audit(audit_id)
        with self._read() as conn:
            return apply_labels(audits.raw_findings(conn, audit_id), labels.list_labels(conn))

    def resume_state(self, audit_id: int) -> ResumeState:
        with self._read() as conn:
            state = audits.resume_state(conn, audit_id)
        if state is None:
            raise InputError(f"no audit {audit_id}: 'footprint history' lists the saved audits")
        return state

    def diff(self, old_id: int, new_id: int) -> AuditDiff:
        return diff_findings(self.load_findings(old_id), self.load_findings(new_id))

    def previous_context(self, audit_id: int) -> dict[str, Any] | None:
        """The report's "since your last audit" section, or None for a first audit."""
        previous = self.previous_audit(audit_id)
        if previous is None:
            return None
        return since_last_audit(previous.date, self.diff(previous.id, audit_id))

    # --- corrections --------------------------------------------------------------------

    def labels(self) -> list[Label]:
        with self._read() as conn:
            return labels.list_labels(conn)

    def set_label(self, url: str, category: Category, note: str = "") -> Label:
        label = Label(labels.check_url(url), category, note.strip(), self.now())
        with self._write() as conn:
            labels.save_label(conn, label)
        return label

    def remove_label(self, url: str) -> None:
        with self._write() as conn:
            removed = labels.remove_label(conn, url)
        if not removed:
            raise InputError(f"no correction for {url}: 'footprint label --list' shows them")

    def remember(self, name: str, kind: str, facts: Mapping[str, Any], url: str = "") -> None:
        """Keep facts a correction taught: of a namesake ('namesake') or the person ('self')."""
        with self._write() as conn:
            conn.execute(
                "INSERT INTO remembered (name_key, kind, facts, url, created_at) "
                "VALUES (?, ?, ?, ?, ?)",
                (_name_key(name), kind, json.dumps(dict(facts), ensure_ascii=False), url,
                 self.now()),
            )  # fmt: skip

    def remembered(self, name: str) -> list[tuple[str, dict[str, Any], str]]:
        """Every (kind, facts, url) remembered for `name`, oldest first."""
        with self._read() as conn:
            rows = conn.execute(
                "SELECT kind, facts, url FROM remembered WHERE name_key = ? ORDER BY id",
                (_name_key(name),),
            ).fetchall()
        return [(kind, json.loads(facts), url) for kind, facts, url in rows]

    def seen(self, url: str) -> AuditInfo | None:
        """The latest audit that found this address."""
        from footprint.store.urlkey import url_key

        with self._read() as conn:
            row = conn.execute(
                "SELECT a.id FROM results r JOIN audits a ON a.id = r.audit_id "
                "WHERE r.url_key = ? ORDER BY a.started_at DESC, a.id DESC LIMIT 1",
                (url_key(url),),
            ).fetchone()
        return self.audit(row[0]) if row else None

    # --- removal requests ---------------------------------------------------------------

    def today(self) -> date:
        return self.clock().astimezone().date()

    def track(
        self,
        url: str,
        channel: Channel,
        sent: date | None = None,
        note: str = "",
        letter: str = "",
    ) -> tuple[RemovalRequest, bool]:
        """Record a request (and which letter it was) sent today or on `sent`; -> (it, new)."""
        url = labels.check_url(url)
        seen = self.seen(url)
        name = seen.name if seen else None
        with self._write() as conn:
            return tracking.add_request(
                conn, url, channel, sent or self.today(), note.strip(), name, letter
            )

    def requests(self, include_closed: bool = False) -> list[RemovalRequest]:
        """Requests, overdue first."""
        with self._read() as conn:
            found = tracking.list_requests(conn, include_closed)
        return tracking.ordered(found, self.today())

    def close_requests(
        self, url: str, channel: Channel | None = None, status: Status = Status.CLOSED
    ) -> int:
        """Close the address's requests, or mark them refused (the Ombudsman is next)."""
        with self._write() as conn:
            closed = tracking.close_requests(conn, url, channel, self.now(), status)
        if not closed:
            raise InputError(f"no open request for {url}: 'footprint track --list' shows them")
        return closed

    def tracked_context(self, now: datetime | date | None = None) -> list[dict[str, Any]]:
        """The report's tracked requests (not closed), overdue first."""
        if now is None:
            today = self.today()
        elif isinstance(now, datetime):
            today = now.astimezone().date() if now.tzinfo else now.date()
        else:
            today = now
        with self._read() as conn:
            found = tracking.list_requests(conn)
        return [r.to_dict(today) for r in tracking.ordered(found, today)]

    # --- forgetting ---------------------------------------------------------------------

    def forget_audits(self, ids: Sequence[int]) -> tuple[int, int]:
        """Delete audits and their results; -> (audits, results) deleted."""
        with self._write() as conn:
            deleted = audits.delete_audits(conn, ids)
        self._compact()
        return deleted

    # --- the evidence log ---------------------------------------------------------------

    def add_evidence(self, item: Evidence) -> Evidence:
        """Keep a saved page; returns it with its id."""
        with self._write() as conn:
            return evidence_log.add(conn, item)

    def evidence(self, ids: Sequence[int] = ()) -> list[Evidence]:
        """Saved pages, oldest first (only `ids` when given; an unknown id is an error)."""
        with self._read() as conn:
            found = evidence_log.items(conn, ids)
        missing = set(ids) - {item.id for item in found}
        if missing:
            raise InputError(
                f"no saved evidence with id {min(missing)}: 'footprint evidence list' shows them"
            )
        return found

    def forget_all(self) -> Forgotten:
        """Delete every audit, correction and removal request, the workshops' codes, the
        evidence log, the cache folder and the workshop share key of earlier versions."""
        with self._write() as conn:
            ids = [row[0] for row in conn.execute("SELECT id FROM audits")]
            n_audits, n_results = audits.delete_audits(conn, ids)
            n_labels = conn.execute("DELETE FROM labels").rowcount
            conn.execute("DELETE FROM remembered")  # what the corrections taught
            n_requests = conn.execute("DELETE FROM removal_requests").rowcount
            conn.execute("DELETE FROM workshops")  # a facilitator's code verifiers, cascading
            conn.execute("DELETE FROM evidence")  # the evidence log
        self._compact()
        cache = paths.cache_dir()
        had_cache = cache.exists()
        shutil.rmtree(cache, ignore_errors=True)
        key = self.path.parent / SHARE_KEY
        had_key = key.is_file() or key.is_symlink()
        key.unlink(missing_ok=True)
        return Forgotten(n_audits, n_results, n_labels, n_requests, had_cache, had_key)

    def _compact(self) -> None:
        """Leave no copy of deleted rows in free pages or the write-ahead log."""
        with self._lock:
            try:
                self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                self.conn.execute("VACUUM")
                self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            except sqlite3.OperationalError:
                pass  # another process is reading: secure_delete already zeroed the rows


def _name_key(name: str) -> str:
    return " ".join(name.split()).casefold()
