"""Opening the local database: private files, WAL, a short wait for locks, and refusals.

A database footprint cannot use — a newer schema, another program's file, a damaged
file — is reported with its path and left exactly as it was.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from pathlib import Path

from footprint import paths
from footprint.errors import StoreError
from footprint.store.migrations import SCHEMA_VERSION, migrate, schema_version
from footprint.store.urlkey import url_key

FILENAME = "footprint.db"
BUSY_TIMEOUT_MS = 10_000
WAL_RETRY_SECONDS = 0.01
SQLITE_HEADER = b"SQLite format 3\x00"


def default_path() -> Path:
    """`footprint.db` in footprint's data folder."""
    return paths.home() / FILENAME


def sidecars(path: Path) -> tuple[Path, Path]:
    """The WAL and shared-memory files SQLite keeps beside the database."""
    return Path(f"{path}-wal"), Path(f"{path}-shm")


def _check_header(path: Path) -> None:
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        return
    except OSError as exc:
        raise StoreError(f"{path}: cannot read the database: {exc.strerror}") from None
    if header and header != SQLITE_HEADER:
        raise StoreError(
            f"{path}: not a footprint database (damaged, or another program's file); "
            "it was left untouched: move it aside to start a new one"
        )


def _refuse_dangling_link(path: Path) -> None:
    """A symbolic link to nothing is not followed: creating the database would plant it
    wherever the link points."""
    if path.is_symlink() and not path.exists():
        raise StoreError(
            f"{path}: a symbolic link to {os.readlink(path)}, which does not exist; footprint "
            "does not follow it: remove the link, or set FOOTPRINT_HOME to another folder"
        )


def _create_private(path: Path) -> None:
    """Create the folder (0700) and an empty database file (0600) if missing."""
    try:
        paths.private_dir(path.parent)
        if not path.exists():
            fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY | os.O_NOFOLLOW, 0o600)
            os.close(fd)
    except FileExistsError:
        pass  # another process created it at the same moment
    except OSError as exc:
        raise StoreError(
            f"{path}: cannot create the database ({exc.strerror or exc}): "
            "set FOOTPRINT_HOME to a folder you can write"
        ) from None


# Files found whole in this process, by (path, inode, size, mtime): checked once, not per open.
_VERIFIED: set[tuple[str, int, int, int]] = set()


def _refuse_damaged(conn: sqlite3.Connection, path: Path) -> None:
    """Read every page once (`quick_check`) before anything is written: a damaged database
    is reported and left as it is, instead of taking a write and failing on the next read."""
    try:
        info = path.stat()
    except OSError:
        return
    key = (str(path), info.st_ino, info.st_size, info.st_mtime_ns)
    if key in _VERIFIED or info.st_size == 0:
        return
    problems = [row[0] for row in conn.execute("PRAGMA quick_check(1)")]
    if problems != ["ok"]:
        first = " ".join(problems[0].split())[:120]
        raise StoreError(
            f"{path}: the database is damaged ({first}); it was left untouched: "
            "move it aside to start a new one"
        )
    _VERIFIED.add(key)


def _make_private(path: Path) -> None:
    for file in (path, *sidecars(path)):
        with contextlib.suppress(FileNotFoundError):
            os.chmod(file, 0o600)


def damaged(path: Path, exc: sqlite3.Error) -> StoreError:
    """The message for a SQLite error: locked, or a damaged file named by its path."""
    text = str(exc)
    if "locked" in text or "busy" in text:
        return StoreError(
            f"{path}: the database is busy in another footprint process; try again when it ends"
        )
    if isinstance(exc, sqlite3.DatabaseError) and not isinstance(exc, sqlite3.OperationalError):
        return StoreError(
            f"{path}: the database is damaged ({text}); it was left untouched: "
            "move it aside to start a new one"
        )
    return StoreError(f"{path}: database error: {text}")


def _use_wal(conn: sqlite3.Connection) -> None:
    """Switch the database to WAL. When two connections switch a new database at the same
    moment, SQLite answers "locked" at once instead of calling the busy handler: wait and
    try again, as the handler would, up to the same timeout."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(WAL_RETRY_SECONDS)


def _refuse_foreign_or_newer(conn: sqlite3.Connection, path: Path) -> None:
    version = schema_version(conn)
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{path}: written by a newer footprint (schema {version}, this one knows "
            f"{SCHEMA_VERSION}); it was left untouched: upgrade footprint to use it"
        )
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if tables and "schema_migrations" not in tables:
        raise StoreError(
            f"{path}: a SQLite file that is not footprint's; it was left untouched: "
            "move it aside or set FOOTPRINT_HOME to another folder"
        )


def connect(path: Path | None = None) -> sqlite3.Connection:
    """Open (creating and migrating if needed) the database at `path`."""
    path = path or default_path()
    _refuse_dangling_link(path)
    _check_header(path)
    _create_private(path)
    try:
        conn = sqlite3.connect(
            path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
        )
    except sqlite3.Error as exc:
        raise damaged(path, exc) from None
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS:d}")
        _refuse_foreign_or_newer(conn, path)
        _refuse_damaged(conn, path)
        _use_wal(conn)
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA secure_delete = ON")
        conn.create_function("footprint_url_key", 1, url_key, deterministic=True)
        migrate(conn)
    except StoreError:
        conn.close()
        raise
    except sqlite3.Error as exc:
        conn.close()
        raise damaged(path, exc) from None
    _make_private(path)
    return conn
