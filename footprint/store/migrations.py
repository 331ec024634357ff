"""The schema, as an ordered list of migrations recorded in the database.

Each migration runs in one transaction together with the record that it ran, so a
crash leaves the database at one version or the next, never between. Never edit a
migration that has shipped: add a new one at the end.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime


@dataclass(frozen=True)
class Migration:
    name: str
    sql: str


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        "audits",
        """
        CREATE TABLE audits (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            complete INTEGER NOT NULL DEFAULT 0,
            profile TEXT NOT NULL,
            queries TEXT NOT NULL,
            failures TEXT NOT NULL DEFAULT '[]'
        );
        CREATE INDEX audits_by_name ON audits (name, started_at);
        CREATE TABLE results (
            audit_id INTEGER NOT NULL REFERENCES audits (id) ON DELETE CASCADE,
            url TEXT NOT NULL,
            seq INTEGER NOT NULL,
            result TEXT NOT NULL,
            page_status TEXT,
            page_check TEXT,
            category TEXT,
            classification TEXT,
            PRIMARY KEY (audit_id, url)
        );
        """,
    ),
    Migration(
        "corrections_and_removal_requests",
        """
        ALTER TABLE results ADD COLUMN url_key TEXT;
        UPDATE results SET url_key = footprint_url_key(url);
        CREATE INDEX results_by_key ON results (url_key);
        CREATE TABLE labels (
            url_key TEXT PRIMARY KEY,
            url TEXT NOT NULL,
            category TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL
        );
        CREATE TABLE removal_requests (
            id INTEGER PRIMARY KEY,
            url TEXT NOT NULL,
            url_key TEXT NOT NULL,
            channel TEXT NOT NULL,
            sent TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            name TEXT,
            status TEXT NOT NULL DEFAULT 'open',
            status_at TEXT,
            removed_by INTEGER REFERENCES audits (id) ON DELETE SET NULL,
            removed_reason TEXT NOT NULL DEFAULT ''
        );
        CREATE UNIQUE INDEX one_request_per_channel
            ON removal_requests (url_key, channel) WHERE status != 'closed';
        """,
    ),
    Migration(
        # The key became the one `search` merges duplicates by (no scheme, no `www.`, no
        # tracking parameters). Addresses that now share a key keep the newest correction,
        # and the newest of their requests to one channel; the older requests are closed.
        "url_keys_as_search_merges",
        """
        UPDATE results SET url_key = footprint_url_key(url);
        DELETE FROM labels WHERE EXISTS (
            SELECT 1 FROM labels AS newer
            WHERE footprint_url_key(newer.url) = footprint_url_key(labels.url)
              AND (newer.created_at, newer.rowid) > (labels.created_at, labels.rowid)
        );
        UPDATE labels SET url_key = 'migrating:' || rowid;
        UPDATE labels SET url_key = footprint_url_key(url);
        UPDATE removal_requests
            SET status = 'closed', status_at = strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now')
            WHERE status != 'closed' AND EXISTS (
                SELECT 1 FROM removal_requests AS newer
                WHERE newer.status != 'closed' AND newer.channel = removal_requests.channel
                  AND footprint_url_key(newer.url) = footprint_url_key(removal_requests.url)
                  AND newer.id > removal_requests.id
            );
        UPDATE removal_requests SET url_key = 'migrating:' || id;
        UPDATE removal_requests SET url_key = footprint_url_key(url);
        """,
    ),
    Migration(
        # The search providers an audit asked (JSON list; '[]' for audits saved before).
        "audit_providers",
        """
        ALTER TABLE audits ADD COLUMN providers TEXT NOT NULL DEFAULT '[]';
        """,
    ),
    Migration(
        # A facilitator's workshops (footprint.workshop.ledger): a salted slow hash of each
        # one-time participant code (never the code), the share each code was counted with
        # (keyed by the code's secret), and which codes each group report counted.
        "workshop_codes",
        """
        CREATE TABLE workshops (
            id INTEGER PRIMARY KEY,
            tag TEXT NOT NULL UNIQUE,
            created_at TEXT NOT NULL,
            salt BLOB NOT NULL,
            cost INTEGER NOT NULL,
            codes INTEGER NOT NULL
        );
        CREATE TABLE workshop_codes (
            id INTEGER PRIMARY KEY,
            workshop_id INTEGER NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
            verifier BLOB NOT NULL,
            binding TEXT,
            UNIQUE (workshop_id, verifier)
        );
        CREATE TABLE workshop_summaries (
            id INTEGER PRIMARY KEY,
            workshop_id INTEGER NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
            created_at TEXT NOT NULL,
            min_group INTEGER NOT NULL
        );
        CREATE TABLE workshop_summary_codes (
            summary_id INTEGER NOT NULL REFERENCES workshop_summaries (id) ON DELETE CASCADE,
            code_id INTEGER NOT NULL REFERENCES workshop_codes (id) ON DELETE CASCADE,
            PRIMARY KEY (summary_id, code_id)
        );
        """,
    ),
    Migration(
        # Which letter a request was (erasure, objection, access, follow-up, Ombudsman appeal);
        # '' for requests recorded before. A refused request keeps its row, status 'refused'.
        "request_letters",
        """
        ALTER TABLE removal_requests ADD COLUMN letter TEXT NOT NULL DEFAULT '';
        """,
    ),
    Migration(
        # The evidence log (footprint.evidence): a hostile page as fetched, its visible text,
        # when, and the SHA-256 of each, for a package to the police, employer or Ombudsman.
        "evidence_log",
        """
        CREATE TABLE evidence (
            id INTEGER PRIMARY KEY,
            url TEXT NOT NULL,
            final_url TEXT NOT NULL,
            fetched_at TEXT NOT NULL,
            http_status INTEGER NOT NULL,
            content_type TEXT NOT NULL DEFAULT '',
            html BLOB NOT NULL,
            text TEXT NOT NULL,
            sha256_html TEXT NOT NULL,
            sha256_text TEXT NOT NULL,
            truncated INTEGER NOT NULL DEFAULT 0,
            note TEXT NOT NULL DEFAULT ''
        );
        """,
    ),
    Migration(
        # What the person's corrections taught (footprint.corrections): facts of another
        # person with their name ("not me") or of their own ("this is me"), by the audited
        # name, from the result they were taken from.
        "remembered_facts",
        """
        CREATE TABLE remembered (
            id INTEGER PRIMARY KEY,
            name_key TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('namesake', 'self')),
            facts TEXT NOT NULL,
            url TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL
        );
        CREATE INDEX remembered_by_name ON remembered (name_key, kind);
        """,
    ),
    Migration(
        # The providers of the search pass that ran to its end (JSON list); NULL while the
        # searches have not finished. Resuming searches again until they have, and only a
        # finished pass with a real provider lets a missing address count as removed.
        "audit_searched_by",
        """
        ALTER TABLE audits ADD COLUMN searched_by TEXT;
        UPDATE audits SET searched_by = providers WHERE complete = 1 AND providers != '[]';
        """,
    ),
)

SCHEMA_VERSION = len(MIGRATIONS)

_LEDGER = """
CREATE TABLE IF NOT EXISTS schema_migrations (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    applied_at TEXT NOT NULL
)
"""


def statements(sql: str) -> list[str]:
    """Split a script into complete SQL statements."""
    found: list[str] = []
    buffer = ""
    for line in sql.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            found.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        raise ValueError(f"incomplete SQL statement: {buffer.strip()[:60]}")
    return found


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, migrations: tuple[Migration, ...] = MIGRATIONS) -> list[str]:
    """Apply every migration not yet applied, each in its own transaction; return their names.

    The version is read again under the write lock, so two processes opening the same
    database at once apply each migration exactly once.
    """
    applied: list[str] = []
    for number, migration in enumerate(migrations, 1):
        if schema_version(conn) >= number:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            if schema_version(conn) >= number:
                conn.execute("ROLLBACK")
                continue
            conn.execute(_LEDGER)
            for statement in statements(migration.sql):
                conn.execute(statement)
            conn.execute(
                "INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)",
                (number, migration.name, datetime.now(UTC).isoformat(timespec="seconds")),
            )
            conn.execute(f"PRAGMA user_version = {number:d}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        applied.append(migration.name)
    return applied
