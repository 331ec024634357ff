"""`footprint check` and the progress wrapper that `classify` uses, through CliRunner."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from footprint.cli import app
from footprint.cli.progress import run_checks
from footprint.models import PageStatus, SearchResult
from tests.page_server import PageServer, Reply, html

pytestmark = pytest.mark.usefixtures("allow_loopback")  # the test servers are on 127.0.0.1


@pytest.fixture
def site() -> Iterator[PageServer]:
    with PageServer() as server:
        server.route("/live", Reply(body=html("Elossa", "<p>" + "sana " * 400 + "</p>")))
        server.route("/gone", Reply(404))
        server.route("/wayback/available", Reply(body="{\"archived_snapshots\": {}}",
                                                 content_type="application/json"))  # fmt: skip
        yield server


def results_file(tmp_path: Path, server: PageServer) -> Path:
    rows = [
        {"url": server.url("/live"), "title": "Live one", "provider": "brave"},
        {"url": server.url("/gone"), "title": "Gone one", "provider": "brave"},
        {"url": "mailto:laura@example.fi", "title": "Mail"},
    ]
    path = tmp_path / "results.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_check_json_gives_result_fields_and_the_check(tmp_path: Path, site: PageServer) -> None:
    path = results_file(tmp_path, site)
    out = CliRunner().invoke(app, ["check", str(path), "--format", "json", "--archive", "none"])
    assert out.exit_code == 0, out.output
    records = json.loads(out.stdout)
    assert [r["title"] for r in records] == ["Live one", "Gone one", "Mail"]
    assert [r["check"]["status"] for r in records] == ["live", "gone", "skipped"]
    assert records[0]["check"]["title"] == "Elossa"
    assert records[1]["check"]["http_status"] == 404
    assert "3 pages: " in out.stderr


def test_check_jsonl_and_csv(tmp_path: Path, site: PageServer) -> None:
    path = results_file(tmp_path, site)
    jsonl = CliRunner().invoke(app, ["check", str(path), "-f", "jsonl", "--archive", "none"])
    lines = [json.loads(line) for line in jsonl.stdout.splitlines()]
    assert [line["check"]["status"] for line in lines] == ["live", "gone", "skipped"]
    table = CliRunner().invoke(app, ["check", str(path), "-f", "csv", "--archive", "none"])
    rows = list(csv.DictReader(io.StringIO(table.stdout)))
    assert [r["status"] for r in rows] == ["live", "gone", "skipped"]
    assert rows[1]["http_status"] == "404"
    assert rows[0]["page_title"] == "Elossa"


def test_check_table_shows_each_url_status_and_reason(tmp_path: Path, site: PageServer) -> None:
    path = results_file(tmp_path, site)
    out = CliRunner().invoke(app, ["check", str(path), "--archive", "none"], env={"COLUMNS": "200"})
    assert out.exit_code == 0, out.output
    for word in ("live", "gone", "skipped", "/live", "HTTP 404", "not a web address"):
        assert word in out.stdout


def test_check_asks_the_archive_for_gone_pages(
    tmp_path: Path, site: PageServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`--archive auto` asks the Archive about the gone page only (here: a local stand-in)."""
    monkeypatch.setenv("FOOTPRINT_ARCHIVE_URL", site.url(""))
    out = CliRunner().invoke(app, ["check", str(results_file(tmp_path, site)), "-f", "json"])
    records = json.loads(out.stdout)
    assert [r["check"]["archive"] for r in records] == [
        None, {"available": False, "url": None, "first_capture": None, "last_capture": None,
               "captures": None}, None,
    ]  # fmt: skip
    assert site.hits["/wayback/available"] == 1


def test_check_reports_a_bad_file(tmp_path: Path) -> None:
    out = CliRunner().invoke(app, ["check", str(tmp_path / "none.jsonl")])
    assert out.exit_code == 3
    assert "no such file" in out.stderr


def test_run_checks_prints_nothing_when_not_a_terminal(
    site: PageServer, capsys: pytest.CaptureFixture[str]
) -> None:
    checks = run_checks([SearchResult(url=site.url("/live"))], concurrency=2, archive="none")
    assert [c.status for c in checks] == [PageStatus.LIVE]
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == ""


def test_run_checks_draws_a_bar_on_a_terminal(
    site: PageServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    stream = io.StringIO()
    stream.isatty = lambda: True  # type: ignore[method-assign]
    monkeypatch.setattr(sys, "stderr", stream)
    monkeypatch.setenv("TERM", "xterm")
    monkeypatch.setenv("FORCE_COLOR", "1")
    checks = run_checks([SearchResult(url=site.url("/live")), SearchResult(url=site.url("/gone"))],
                        archive="none")  # fmt: skip
    assert [c.status for c in checks] == [PageStatus.LIVE, PageStatus.GONE]
    assert "checking pages" in stream.getvalue()
