"""Opening the database: private files, migrations, and refusing what it cannot use."""

from __future__ import annotations

import sqlite3
import stat
import subprocess
import threading
from pathlib import Path

import pytest

from footprint.errors import StoreError
from footprint.models import Category
from footprint.store import Store
from footprint.store.db import connect, default_path, sidecars
from footprint.store.migrations import MIGRATIONS, SCHEMA_VERSION, Migration, migrate, statements
from tests.conftest import DATA
from tests.store_support import PYTHON, REPO, finding, save_audit, subprocess_env


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def fingerprint(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mtime_ns


def test_new_database_is_private_and_in_wal_mode(_isolated_home: Path) -> None:
    with Store.open() as store:
        save_audit(store, "Laura", [finding("https://a.example/1", "work")])
        assert store.path == _isolated_home / "footprint.db" == default_path()
        assert mode(store.path.parent) == 0o700
        assert mode(store.path) == 0o600
        wal, shm = sidecars(store.path)
        assert wal.exists() and shm.exists()
        assert mode(wal) == 0o600 and mode(shm) == 0o600
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000


def test_migrates_an_empty_database_to_the_latest_schema(tmp_path: Path) -> None:
    conn = connect(tmp_path / "new.db")
    names = [row[0] for row in conn.execute("SELECT name FROM schema_migrations ORDER BY id")]
    assert names == [m.name for m in MIGRATIONS]
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"audits", "results", "labels", "removal_requests"} <= tables
    conn.close()
    again = connect(tmp_path / "new.db")  # opening again applies nothing twice
    assert again.execute("SELECT count(*) FROM schema_migrations").fetchone()[0] == len(MIGRATIONS)
    again.close()


def _v1_database(path: Path) -> Path:
    conn = sqlite3.connect(path)
    conn.executescript((DATA / "store_v1.sql").read_text(encoding="utf-8"))
    conn.close()
    return path


def test_first_version_database_is_migrated_and_keeps_its_audit(tmp_path: Path) -> None:
    path = _v1_database(tmp_path / "footprint.db")
    with Store.open(path) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        [audit] = store.audits()
        assert (audit.name, audit.complete, audit.results) == ("Laura Hietanen", True, 3)
        assert audit.counts == {"work": 1, "defunct": 1, "namesake": 1}
        # migration 2 filled the new url_key column from the old rows: a correction given
        # in another spelling of the address applies to the first-version audit
        store.set_label("https://uusisuunta.fi/henkilosto", Category.PRIVATE)
        [work] = [f for f in store.load_findings(audit.id) if "henkilosto" in f.result.url]
        assert work.classification.category is Category.PRIVATE
        assert work.classification.corrected
        assert store.audits()[0].counts == {"private": 1, "defunct": 1, "namesake": 1}


def test_first_version_database_is_migrated_by_the_cli(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    _v1_database(home / "footprint.db")
    env = {**subprocess_env(), "FOOTPRINT_HOME": str(home)}
    done = subprocess.run(
        [PYTHON, "-m", "footprint", "history", "--format", "json"],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert '"Laura Hietanen"' in done.stdout
    conn = sqlite3.connect(home / "footprint.db")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    conn.close()


def test_a_failing_migration_leaves_the_previous_version(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "x.db", isolation_level=None)
    broken = (
        MIGRATIONS[0],
        Migration("half", "CREATE TABLE half_done (x);\nINSERT INTO no_such_table VALUES (1);"),
    )
    with pytest.raises(sqlite3.OperationalError):
        migrate(conn, broken)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "half_done" not in tables  # the failed migration's first statement was rolled back
    conn.close()


def test_two_processes_opening_a_new_database_migrate_it_once(tmp_path: Path) -> None:
    path = tmp_path / "race.db"
    errors: list[BaseException] = []

    def open_it() -> None:
        try:
            connect(path).close()
        except BaseException as exc:  # pragma: no cover - the assertion below shows it
            errors.append(exc)

    threads = [threading.Thread(target=open_it) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM schema_migrations").fetchone()[0] == len(MIGRATIONS)
    conn.close()


def test_statements_splits_on_complete_statements_only() -> None:
    sql = "CREATE TABLE a (x TEXT DEFAULT ';');\nINSERT INTO a VALUES ('1;2');\n"
    assert statements(sql) == [
        "CREATE TABLE a (x TEXT DEFAULT ';');",
        "INSERT INTO a VALUES ('1;2');",
    ]
    with pytest.raises(ValueError):
        statements("CREATE TABLE b (x")


def _newer_database(path: Path) -> None:
    with Store.open(path) as store:
        save_audit(store, "Laura", [finding("https://a.example/1", "work")])
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.close()
    assert not sidecars(path)[0].exists()


def test_newer_database_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "footprint.db"
    _newer_database(path)
    before = fingerprint(path)
    with pytest.raises(StoreError) as info:
        Store.open(path)
    message = str(info.value)
    assert str(path) in message and "newer footprint" in message and "upgrade" in message
    assert fingerprint(path) == before


def test_newer_database_is_refused_by_the_cli_untouched(tmp_path: Path) -> None:
    home = tmp_path / "home"
    path = home / "footprint.db"
    home.mkdir()
    _newer_database(path)
    before = fingerprint(path)
    env = {**subprocess_env(), "FOOTPRINT_HOME": str(home)}
    done = subprocess.run(
        [PYTHON, "-m", "footprint", "history"],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 7
    assert done.stderr.startswith("Error: ") and str(path) in done.stderr
    assert "newer footprint" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert fingerprint(path) == before


@pytest.mark.parametrize(
    "content",
    [b"this is not a database\n" * 200, b"\x00\xff" * 3000],
    ids=["text", "binary"],
)
def test_corrupt_file_is_reported_with_its_path_and_not_overwritten(
    tmp_path: Path, content: bytes
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    path = home / "footprint.db"
    path.write_bytes(content)
    before = fingerprint(path)
    env = {**subprocess_env(), "FOOTPRINT_HOME": str(home)}
    for args in (["history"], ["label", "https://a.example/1", "work"]):
        done = subprocess.run(
            [PYTHON, "-m", "footprint", *args],
            cwd=REPO, env=env, capture_output=True, text=True, timeout=60,
        )  # fmt: skip
        assert done.returncode == 7, done.stderr
        assert str(path) in done.stderr and "untouched" in done.stderr
    assert fingerprint(path) == before
    assert not sidecars(path)[0].exists()


def test_damaged_database_pages_are_reported_with_the_path(tmp_path: Path) -> None:
    path = tmp_path / "footprint.db"
    with Store.open(path) as store:
        save_audit(store, "Laura", [finding(f"https://a.example/{i}", "work") for i in range(50)])
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xa5" * (4096 - 100)  # the schema page, after the valid header
    path.write_bytes(bytes(data))
    before = fingerprint(path)
    with pytest.raises(StoreError) as info:
        Store.open(path)
    assert str(path) in str(info.value)
    assert fingerprint(path) == before


def test_another_programs_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "footprint.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE photos (id INTEGER)")
    conn.commit()
    conn.close()
    before = fingerprint(path)
    with pytest.raises(StoreError, match="not footprint's"):
        Store.open(path)
    assert fingerprint(path) == before


def test_a_writer_waits_for_a_short_lock_and_reports_a_long_one(
    _isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store.open() as store:
        path = store.path
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    release = threading.Timer(0.5, holder.execute, ("COMMIT",))
    release.start()
    with Store.open() as store:  # waits for the other process's write to end
        store.set_label("https://a.example/", Category.WORK)
        assert [lb.url for lb in store.labels()] == ["https://a.example/"]
    release.join()

    monkeypatch.setattr("footprint.store.db.BUSY_TIMEOUT_MS", 200)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with Store.open() as store:
            assert [lb.url for lb in store.labels()] == ["https://a.example/"]  # reads go on
            with pytest.raises(StoreError, match="busy in another footprint process"):
                store.set_label("https://b.example/", Category.WORK)
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def _v2_database(path: Path) -> Path:
    """A database at schema 2, its keys as the second version computed them (with the
    scheme, `www.` and tracking parameters kept): frozen literals, not today's function."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.create_function("footprint_url_key", 1, lambda url: url)  # no rows to key yet
    migrate(conn, MIGRATIONS[:2])
    conn.executescript(
        """
        INSERT INTO audits (id, name, started_at, finished_at, complete, profile, queries)
            VALUES (1, 'Laura', '2026-05-04T09:00:00+00:00', '2026-05-04T09:02:00+00:00', 1,
                    '{"name": "Laura"}', '["\\"Laura\\""]');
        INSERT INTO results (audit_id, url, url_key, seq, result, category, classification)
            VALUES (1, 'https://kehakukka.fi/2001/mielenosoitus?utm_source=x',
                    'https://kehakukka.fi/2001/mielenosoitus?utm_source=x', 1,
                    '{"url": "https://kehakukka.fi/2001/mielenosoitus?utm_source=x",
                      "provider": "brave"}',
                    'activism',
                    '{"category": "activism", "confidence": 0.8, "reasons": []}');
        INSERT INTO labels VALUES ('https://kehakukka.fi/2001/mielenosoitus',
            'https://kehakukka.fi/2001/mielenosoitus', 'work', 'older',
            '2026-05-05T10:00:00+00:00');
        INSERT INTO labels VALUES ('http://www.kehakukka.fi/2001/mielenosoitus',
            'http://www.kehakukka.fi/2001/mielenosoitus/', 'namesake', 'newer',
            '2026-05-06T10:00:00+00:00');
        INSERT INTO removal_requests (id, url, url_key, channel, sent)
            VALUES (1, 'http://uusisuunta.fi/laura/', 'http://uusisuunta.fi/laura', 'bing',
                    '2026-05-05');
        INSERT INTO removal_requests (id, url, url_key, channel, sent)
            VALUES (2, 'https://www.uusisuunta.fi/laura', 'https://www.uusisuunta.fi/laura',
                    'bing', '2026-05-06');
        INSERT INTO removal_requests (id, url, url_key, channel, sent)
            VALUES (3, 'https://www.uusisuunta.fi/laura', 'https://www.uusisuunta.fi/laura',
                    'site-owner', '2026-05-06');
        """
    )
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 2
    conn.close()
    return path


def test_second_version_keys_are_recomputed_as_search_merges_addresses(tmp_path: Path) -> None:
    path = _v2_database(tmp_path / "footprint.db")
    with Store.open(path) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        # the newest of two corrections that are now one address wins, and applies
        [label] = store.labels()
        assert (label.category, label.note) == (Category.NAMESAKE, "newer")
        [found] = store.load_findings(1)
        assert found.classification.category is Category.NAMESAKE
        # two open requests to one channel for one page: the newer is kept open
        kept = {(r.id, r.channel.value) for r in store.requests()}
        assert kept == {(2, "bing"), (3, "site-owner")}
        assert {r.id for r in store.requests(include_closed=True)} == {1, 2, 3}
        assert store.seen("http://uusisuunta.fi/laura") is None
        assert store.seen("http://www.kehakukka.fi/2001/mielenosoitus#x") is not None
        [audit] = store.audits()
        assert (audit.status, audit.providers) == ("complete", ())


def test_first_version_database_gets_search_keys_too(tmp_path: Path) -> None:
    path = _v1_database(tmp_path / "footprint.db")
    with Store.open(path) as store:
        keys = {row[0] for row in store.conn.execute("SELECT url_key FROM results")}
    assert "uusisuunta.fi/henkilosto" in keys
