"""`footprint history`, `diff`, `export` and `forget` as a person uses them."""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
from pathlib import Path

import pytest

from footprint.models import Category
from footprint.paths import cache_dir
from footprint.store import Channel, Store
from tests.store_support import REPO, Clock, cli, finding, save_audit

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
    assert only.exit_code == 3 and "no saved audits yet" in only.stderr
    first, second = _two_audits()
    with Store.open() as store:
        save_audit(store, "Other Person", [finding("https://z.example/", "work")])
    one = cli("diff")
    assert one.exit_code == 3 and "only one audit of 'Other Person'" in one.stderr
    by_old = cli("diff", str(first), "-f", "json")
    data = json.loads(by_old.stdout)
    assert (data["old_audit"]["id"], data["new_audit"]["id"]) == (first, second)
    assert [g["url"] for g in data["gone"]] == ["https://b.example/"]
    assert f"audit {second} is incomplete" in by_old.stderr
    last = cli("diff", str(second))
    assert last.exit_code == 3 and "is the latest audit" in last.stderr


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["diff", "99", "1"], "no audit 99: 'footprint history' lists the saved audits"),
        (["diff", "first", "1"], "audit 'first' is not an audit id"),
        (["export", "42"], "no audit 42"),
        (["export", "1", "--format", "xml"], "--format 'xml': use json or csv"),
        (["forget", "--audit", "42", "--yes"], "no audit 42"),
        (["forget", "--name", "Nobody", "--yes"], "no saved audits of 'Nobody'"),
        (["forget", "--yes"], "say what to forget"),
        (["forget", "--all", "--name", "X", "--yes"], "say what to forget"),
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


def test_forget_asks_first_and_says_what_it_deleted(_isolated_home: Path) -> None:
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
    done = cli("forget", "--all", "--yes")
    assert done.exit_code == 0, done.output
    assert done.stderr.strip() == (
        "Deleted 2 audits (3 results), 1 correction, 1 removal request "
        f"and the HTTP cache ({cache})."
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
