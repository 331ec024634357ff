"""The store fails safe (issue 12, item 16): a damaged database, a home footprint cannot
write, a dangling symlink and new output folders — one line, exit 7 or 8, nothing written."""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

import pytest

from footprint.store import Store
from footprint.store.db import sidecars
from tests.store_support import cli, finding, save_audit


def _damage_table(path: Path, table: str) -> None:
    """Overwrite the first page of `table` (its b-tree root) with garbage."""
    conn = sqlite3.connect(path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    [(root,)] = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,))
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray(path.read_bytes())
    start = (root - 1) * page_size
    data[start : start + page_size] = b"\xa5" * page_size
    path.write_bytes(bytes(data))


def test_label_on_a_damaged_database_saves_nothing_and_says_so_once(
    _isolated_home: Path,
) -> None:
    path = _isolated_home / "footprint.db"
    with Store.open() as store:
        save_audit(store, "Laura", [finding(f"https://a.example/{i}", "work") for i in range(40)])
    _damage_table(path, "results")
    before = path.read_bytes()
    done = cli("label", "https://a.example/new", "namesake")
    assert done.exit_code == 7, done.output
    assert "Saved" not in done.output
    assert done.stderr.startswith("Error: ") and len(done.stderr.strip().splitlines()) == 1
    assert str(path) in done.stderr and "damaged" in done.stderr
    assert path.read_bytes() == before
    assert not sidecars(path)[0].exists()


@pytest.mark.parametrize("home", ["/proc/footprint-home", "/sys/footprint-home"])
@pytest.mark.parametrize("args", [["history"], ["label", "https://a.example/1", "work"]])
def test_a_home_footprint_cannot_write_is_one_line_and_exit_7(
    monkeypatch: pytest.MonkeyPatch, home: str, args: list[str]
) -> None:
    monkeypatch.setenv("FOOTPRINT_HOME", home)
    done = cli(*args)
    assert done.exit_code == 7, done.output
    assert done.stderr.startswith("Error: ") and len(done.stderr.strip().splitlines()) == 1
    assert home in done.stderr and "FOOTPRINT_HOME" in done.stderr
    assert "Traceback" not in done.output


def test_a_dangling_symlink_as_the_database_is_not_followed(
    _isolated_home: Path, tmp_path: Path
) -> None:
    target = tmp_path / "elsewhere" / "planted.db"
    target.parent.mkdir()
    (_isolated_home / "footprint.db").symlink_to(target)
    for args in (["history"], ["label", "https://a.example/1", "work"]):
        done = cli(*args)
        assert done.exit_code == 7, done.output
        assert "symbolic link" in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert not target.exists()
    assert not Path(f"{target}-wal").exists()


def test_folders_made_for_an_output_are_private(tmp_path: Path) -> None:
    findings = tmp_path / "f.json"
    findings.write_text('[{"url": "https://a.example/x", "category": "work"}]', "utf-8")
    out = tmp_path / "new" / "deeper" / "laura.json"
    with Store.open() as store:
        save_audit(store, "Laura", [finding("https://a.example/1", "work")])
    done = cli("export", "latest", "--output", str(out))
    assert done.exit_code == 0, done.output
    for folder in (tmp_path / "new", tmp_path / "new" / "deeper"):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


@pytest.mark.parametrize("home", ["/proc/footprint-home", "/sys/footprint-home"])
def test_a_search_whose_cache_folder_cannot_be_made_is_one_line(
    monkeypatch: pytest.MonkeyPatch, home: str
) -> None:
    monkeypatch.setenv("FOOTPRINT_HOME", home)
    monkeypatch.setenv("BRAVE_API_KEY", "any-key")
    done = cli("search", "Laura Hietanen", "--provider", "brave")
    assert done.exit_code == 8, done.output
    assert done.stderr.startswith("Error: ") and len(done.stderr.strip().splitlines()) == 1
    assert home in done.stderr and "--no-cache" in done.stderr
    assert "Traceback" not in done.output
