"""`footprint history`, `diff`, `export` and `forget` as a person uses them."""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
import subprocess
from pathlib import Path

import pytest

from footprint.models import Category
from footprint.paths import cache_dir
from footprint.store import Channel, Store
from tests.store_support import PYTHON, REPO, Clock, cli, finding, save_audit, subprocess_env

COMMANDS = ("history", "diff", "export", "label", "track", "forget")


def _two_audits(name: str = "Laura Hietanen") -> tuple[int, int]:
    clock = Clock()
    with Store.open(clock=clock) as store:
        first = save_audit(
            store,
            name,
            [
                finding("https://a.example/", "work", "live"),
                finding("https://b.example/", "private"),
            ],
        )
        clock.advance(days=7)
        second = save_audit(
            store, name, [finding("https://a.example/", "work", "live")], complete=False
        )
    return first, second


def test_history_lists_audits_with_counts_and_completeness(_isolated_home: Path) -> None:
    empty = cli("history")
    assert empty.exit_code == 0 and "No saved audits yet" in empty.stderr
    assert json.loads(cli("history", "--format", "json").stdout) == []

    first, second = _two_audits()
    data = json.loads(cli("history", "-f", "json").stdout)
    assert [(a["id"], a["complete"], a["results"], a["counts"]) for a in data] == [
        (first, True, 2, {"private": 1, "work": 1}),
        (second, False, 1, {"work": 1}),
    ]
    table = cli("history")
    assert table.exit_code == 0
    rows = [line for line in table.stdout.splitlines() if "Laura Hietanen" in line]
    assert len(rows) == 2
    assert "1 work" in rows[0] and "1 private" in rows[0] and "yes" in rows[0]
    assert re.search(r"\bno\b", rows[1])
    assert "--resume" in table.stderr
    assert json.loads(cli("history", "--name", "Nobody", "-f", "json").stdout) == []


def test_diff_defaults_to_the_last_two_audits_of_the_same_name(_isolated_home: Path) -> None:
    only = cli("diff")
    assert only.exit_code == 3 and "no complete audit yet" in only.stderr
    first, second = _two_audits()
    with Store.open() as store:
        save_audit(store, "Other Person", [finding("https://z.example/", "work")])
    one = cli("diff")
    assert one.exit_code == 3 and "only one complete audit of 'Other Person'" in one.stderr
    by_old = cli("diff", str(first), str(second), "-f", "json")
    data = json.loads(by_old.stdout)
    assert (data["old_audit"]["id"], data["new_audit"]["id"]) == (first, second)
    assert [g["url"] for g in data["gone"]] == ["https://b.example/"]
    assert f"audit {second} is incomplete" in by_old.stderr
    last = cli("diff", str(first))  # the later one of the name did not finish
    assert (
        last.exit_code == 3
        and f"no complete audit of 'Laura Hietanen' after audit {first}" in last.stderr
    )


def test_diff_of_audits_of_different_names_says_so(_isolated_home: Path) -> None:
    first, second = _two_audits()
    with Store.open() as store:
        other = save_audit(store, "Other Person", [finding("https://a.example/", "work")])
    done = cli("diff", str(first), str(other), "-f", "json")
    assert done.exit_code == 0, done.output
    warning = (
        f"Warning: audit {first} is of 'Laura Hietanen' and audit {other} of 'Other Person': "
        "the comparison is between different names"
    )
    assert done.stderr.strip().splitlines() == [warning]
    same = cli("diff", str(first), str(second), "-f", "json")
    assert "different names" not in same.stderr


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["diff", "99", "1"], "no audit 99: 'footprint history' lists the saved audits"),
        (["diff", "first", "1"], "audit 'first' is not an audit id"),
        (["export", "42"], "no audit 42"),
        (["forget", "--audit", "42", "--yes"], "no audit 42"),
        (["forget", "--name", "Nobody", "--yes"], "no saved audits of 'Nobody'"),
    ],
)
def test_bad_input_is_one_line_and_keeps_the_data(
    _isolated_home: Path, tmp_path: Path, args: list[str], expected: str
) -> None:
    _two_audits()
    output = tmp_path / "out.json"
    done = cli(*args, "--output", str(output)) if args[0] == "export" else cli(*args)
    assert done.exit_code == 3, done.output
    assert done.stderr.startswith("Error: ") and expected in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert not output.exists()
    with Store.open() as store:
        assert [a.results for a in store.audits()] == [2, 1]


def test_export_csv_and_latest(_isolated_home: Path) -> None:
    _, second = _two_audits()
    done = cli("export", "latest", "--format", "csv")
    assert done.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert [(r["url"], r["category"], r["page_status"], r["corrected"]) for r in rows] == [
        ("https://a.example/", "work", "live", "False")
    ]
    assert f"audit {second}" in done.stderr


def test_export_says_what_was_left_out(_isolated_home: Path) -> None:
    from footprint.models import SearchResult
    from footprint.store import StoreSink

    with Store.open() as store:
        sink = StoreSink(store)
        sink.started("Laura", {"name": "Laura"}, [])
        sink.results_found(
            [SearchResult(url="https://a.example/"), SearchResult(url="https://b.example/")]
        )
        sink.classified(finding("https://a.example/", "work"))
    done = cli("export", "latest")
    assert len(json.loads(done.stdout)) == 1
    assert "1 results were not sorted yet" in done.stderr


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["forget", "--yes"], "say what to forget"),
        (["forget", "--all", "--name", "X", "--yes"], "say what to forget"),
        (["forget", "--audit", "1"], "asks before deleting: run it in a terminal or add --yes"),
        (["label", "https://a.example/"], "give an address and a category"),
        (["label", "--list", "https://a.example/"], "--list takes no address"),
        (["label", "https://a.example/", "work", "--remove", "https://a.example/"], "--remove"),
        (["track", "https://a.example/"], "give an address and --channel"),
        (["track", "--list", "--done", "https://a.example/"], "--list takes no address"),
        (["track", "--all"], "--all goes with --list"),
        (["track", "https://a.example/", "-c", "bing", "--done", "https://a.example/"], "--done"),
    ],
)
def test_missing_or_clashing_arguments_are_usage_mistakes(
    _isolated_home: Path, args: list[str], expected: str
) -> None:
    _two_audits()
    with Store.open() as store:
        store.track("https://a.example/", Channel.BING)
    done = cli(*args)  # CliRunner's standard input is not a terminal
    assert done.exit_code == 2, done.output
    assert done.stderr.startswith("Error: ") and expected in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    with Store.open() as store:
        assert [a.results for a in store.audits()] == [2, 1]
        assert store.labels() == []
        assert [r.url for r in store.requests()] == ["https://a.example/"]


def test_forget_without_a_terminal_asks_nothing_and_deletes_nothing(tmp_path: Path) -> None:
    home = tmp_path / "home"
    env = {**subprocess_env(), "FOOTPRINT_HOME": str(home)}
    with Store.open(home / "footprint.db") as store:
        audit_id = save_audit(store, "Laura", [finding("https://a.example/", "work")])
    done = subprocess.run(
        [PYTHON, "-m", "footprint", "forget", "--audit", str(audit_id)],
        cwd=REPO, env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 2, done.stderr
    assert done.stderr.strip() == (
        "Error: footprint forget asks before deleting: run it in a terminal or add --yes"
    )
    assert "Aborted" not in done.stdout + done.stderr
    with Store.open(home / "footprint.db") as store:
        assert [a.id for a in store.audits()] == [audit_id]


def test_forget_asks_first_and_says_what_it_deleted(
    _isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("footprint.cli.forget.stdin_is_terminal", lambda: True)
    first, second = _two_audits()
    declined = cli("forget", "--audit", str(first), input="n\n")
    assert declined.exit_code == 0 and "Nothing deleted" in declined.stderr
    assert f"Delete audit {first} (Laura Hietanen" in declined.stdout
    with Store.open() as store:
        assert len(store.audits()) == 2

    accepted = cli("forget", "--audit", str(first), input="y\n")
    assert accepted.exit_code == 0
    assert "Deleted 1 audit (2 results)" in accepted.stderr
    with Store.open() as store:
        assert [a.id for a in store.audits()] == [second]

    by_name = cli("forget", "--name", "Laura Hietanen", "--yes")
    assert by_name.exit_code == 0 and "Deleted 1 audit (1 result)" in by_name.stderr


def test_forget_all_deletes_everything_and_the_cache(_isolated_home: Path) -> None:
    _two_audits()
    with Store.open() as store:
        store.set_label("https://a.example/", Category.PRIVATE, "secret note")
        store.track("https://a.example/", Channel.SITE_OWNER)
    cache = cache_dir()
    (cache / "http").mkdir(parents=True)
    (cache / "http" / "cached.sqlite").write_bytes(b"cached page of https://a.example/")
    (cache / "lemmas").mkdir()
    (cache / "lemmas" / "fi.json").write_text("{}")
    done = cli("forget", "--all", "--yes")
    assert done.exit_code == 0, done.output
    assert done.stderr.strip() == (
        "Deleted 2 audits (3 results), 1 correction, 1 removal request "
        f"and the cache folder ({cache})."
    )
    assert not cache.exists()
    with Store.open() as store:
        assert store.audits() == [] and store.labels() == [] and store.requests(True) == []
        db = store.path
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    for file in db.parent.glob("footprint.db*"):
        data = file.read_bytes()
        assert b"secret note" not in data and b"a.example" not in data, file


def test_every_store_command_has_help_and_a_readme_entry() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("<!-- usage:history -->")[1].split("<!-- /usage:history -->")[0]
    for command in COMMANDS:
        done = cli(command, "--help")
        assert done.exit_code == 0 and "Usage:" in done.stdout, command
        assert f"footprint {command}" in section, command
