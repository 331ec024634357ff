"""`footprint classify` and `footprint profile init|check` from the command line."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from footprint.cli import app
from footprint.errors import ExitStatus

RESULTS = [
    {
        "url": "https://fi.linkedin.com/in/laura-hietanen-1",
        "title": "Laura Hietanen – Sosiaaliohjaaja – Uusi Suunta -säätiö | LinkedIn",
        "snippet": "Tampere · Sosiaaliohjaaja Uuden Suunnan säätiöllä.",
        "query": '"Laura Hietanen"',
    },
    {
        "url": "https://www.kaleva.fi/urheilu/123",
        "title": "Oululainen Laura Hietanen voitti",
        "snippet": "16-vuotias Laura Hietanen voitti hiihdon SM-kultaa 12.3.2004.",
        "query": '"Laura Hietanen"',
    },
]
PROFILE = """name = "Laura Hietanen"
birth_year = 1978
locations = ["Tampere"]
[work]
employers = ["Uusi Suunta -säätiö"]
"""


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture()
def files(tmp_path: Path) -> tuple[Path, Path]:
    results = tmp_path / "results.jsonl"
    results.write_text("".join(json.dumps(r) + "\n" for r in RESULTS), encoding="utf-8")
    profile = tmp_path / "me.toml"
    profile.write_text(PROFILE, encoding="utf-8")
    return results, profile


def classify(runner: CliRunner, *args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, ["classify", *args, "--offline"])


def test_json_output(runner: CliRunner, files: tuple[Path, Path]) -> None:
    results, profile = files
    out = classify(runner, str(results), "--profile", str(profile), "--format", "json")
    assert out.exit_code == 0, out.output
    records = json.loads(out.stdout)
    assert [r["url"] for r in records] == [r["url"] for r in RESULTS]
    assert [r["category"] for r in records] == ["work", "namesake"]
    assert records[0]["reasons"] and records[0]["evidence"][0]["code"]
    assert records[1]["year"] == 2004
    assert records[0]["check"] is None


def test_jsonl_output(runner: CliRunner, files: tuple[Path, Path]) -> None:
    results, profile = files
    out = classify(runner, str(results), "-p", str(profile), "-f", "jsonl")
    assert out.exit_code == 0, out.output
    lines = out.stdout.splitlines()
    assert len(lines) == 2
    assert json.loads(lines[1])["category"] == "namesake"


def test_csv_output(runner: CliRunner, files: tuple[Path, Path]) -> None:
    results, profile = files
    out = classify(runner, str(results), "-p", str(profile), "-f", "csv")
    assert out.exit_code == 0, out.output
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    assert [row["category"] for row in rows] == ["work", "namesake"]
    assert "employer 'Uusi Suunta -säätiö'" in rows[0]["reasons"]


def test_table_output(runner: CliRunner, files: tuple[Path, Path]) -> None:
    results, profile = files
    out = classify(runner, str(results), "-p", str(profile), "-f", "table")
    assert out.exit_code == 0, out.output
    assert "namesake" in out.stdout and "work" in out.stdout
    assert "2 results" in out.stdout


def test_name_from_the_queries_without_a_profile(
    runner: CliRunner, files: tuple[Path, Path]
) -> None:
    results, _ = files
    out = classify(runner, str(results), "-f", "json")
    assert out.exit_code == 0, out.output
    assert "Laura Hietanen" in out.stderr
    assert json.loads(out.stdout)[0]["category"] == "work"


def test_csv_input(runner: CliRunner, tmp_path: Path, files: tuple[Path, Path]) -> None:
    _, profile = files
    path = tmp_path / "results.csv"
    path.write_text("url,title,snippet\nhttps://fi.linkedin.com/in/l,Laura Hietanen | LinkedIn,\n",
                    encoding="utf-8")  # fmt: skip
    out = classify(runner, str(path), "-p", str(profile), "-f", "json")
    assert out.exit_code == 0, out.output
    assert json.loads(out.stdout)[0]["category"] == "work"


def test_malformed_jsonl_names_the_file_and_line(
    runner: CliRunner, tmp_path: Path, files: tuple[Path, Path]
) -> None:
    _, profile = files
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(RESULTS[0]) + "\n{not json\n", encoding="utf-8")
    out = classify(runner, str(path), "-p", str(profile))
    assert out.exit_code == ExitStatus.INPUT
    assert f"{path}: line 2" in out.stderr
    assert out.stdout == ""


def test_csv_without_url_column(
    runner: CliRunner, tmp_path: Path, files: tuple[Path, Path]
) -> None:
    _, profile = files
    path = tmp_path / "bad.csv"
    path.write_text("title,snippet\nx,y\n", encoding="utf-8")
    out = classify(runner, str(path), "-p", str(profile))
    assert out.exit_code == ExitStatus.INPUT
    assert "'url' column" in out.stderr


def test_invalid_profile_gives_line_and_column(
    runner: CliRunner, tmp_path: Path, files: tuple[Path, Path]
) -> None:
    results, _ = files
    bad = tmp_path / "bad.toml"
    bad.write_text('name = "Laura Hietanen"\n\nbirth_year = = 1978\n', encoding="utf-8")
    out = classify(runner, str(results), "-p", str(bad))
    assert out.exit_code == ExitStatus.INPUT
    assert str(bad) in out.stderr
    assert "line 3" in out.stderr and "column" in out.stderr


def test_empty_input_gives_empty_output(
    runner: CliRunner, tmp_path: Path, files: tuple[Path, Path]
) -> None:
    _, profile = files
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    out = classify(runner, str(empty), "-p", str(profile), "-f", "json")
    assert out.exit_code == 0, out.output
    assert json.loads(out.stdout) == []
    out = classify(runner, str(empty), "-p", str(profile), "-f", "jsonl")
    assert out.exit_code == 0 and out.stdout == ""
    assert "empty.jsonl: no results in it" in out.stderr  # said, not silent


def test_missing_results_file(runner: CliRunner, tmp_path: Path, files: tuple[Path, Path]) -> None:
    _, profile = files
    out = classify(runner, str(tmp_path / "nope.jsonl"), "-p", str(profile))
    assert out.exit_code == ExitStatus.INPUT
    assert "no such file" in out.stderr


def test_profile_init_then_check(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "me.toml"
    out = runner.invoke(app, ["profile", "init", str(path)])
    assert out.exit_code == 0, out.output
    assert path.exists() and (path.stat().st_mode & 0o777) == 0o600
    again = runner.invoke(app, ["profile", "init", str(path)])
    assert again.exit_code == ExitStatus.INPUT
    assert "already exists" in again.stderr
    path.write_text(PROFILE + "\n[activism]\nyears = [1996, 2006]\n", encoding="utf-8")
    checked = runner.invoke(app, ["profile", "check", str(path)])
    assert checked.exit_code == 0, checked.output
    assert "Laura Hietanen" in checked.stdout
    assert "1996–2006" in checked.stdout
    path.write_text(PROFILE + "\n[activism]\nyears = [1996, 2006]\ntypo = 1\n", encoding="utf-8")
    typo = runner.invoke(app, ["profile", "check", str(path)])
    assert typo.exit_code == ExitStatus.INPUT
    assert "unknown key 'typo' in [activism]" in typo.stderr


def test_profile_check_rejects_bad_values(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "me.toml"
    path.write_text('name = "Laura"\nbirth_year = "1978"\n', encoding="utf-8")
    out = runner.invoke(app, ["profile", "check", str(path)])
    assert out.exit_code == ExitStatus.INPUT
    assert "birth_year" in out.stderr
    missing = runner.invoke(app, ["profile", "check", str(tmp_path / "none.toml")])
    assert missing.exit_code == ExitStatus.INPUT
    assert "profile init" in missing.stderr


def test_checked_pages_make_gone_results_defunct(
    runner: CliRunner, tmp_path: Path, httpserver, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("FOOTPRINT_ALLOW_PRIVATE", "1")  # the test pages are on 127.0.0.1
    monkeypatch.setenv("FOOTPRINT_ARCHIVE_URL", httpserver.url_for("/"))  # no archived copies
    httpserver.expect_request("/wayback/available").respond_with_json({"archived_snapshots": {}})
    httpserver.expect_request("/cdx/search/cdx").respond_with_json([])
    httpserver.expect_request("/gone").respond_with_data("Not found", status=404)
    httpserver.expect_request("/live").respond_with_data(
        "<html><head><title>Henkilöstö</title></head><body>Laura Hietanen, sosiaaliohjaaja, "
        "Uusi Suunta -säätiö</body></html>",
        content_type="text/html",
    )
    records = [
        {"url": httpserver.url_for("/gone"), "title": "Laura Hietanen – Uusi Suunta -säätiö",
         "snippet": "Sosiaaliohjaaja Laura Hietanen"},
        {"url": httpserver.url_for("/live"), "title": "Henkilöstö", "snippet": ""},
    ]  # fmt: skip
    path = tmp_path / "results.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    profile = tmp_path / "me.toml"
    profile.write_text(PROFILE, encoding="utf-8")
    out = runner.invoke(app, ["classify", str(path), "-p", str(profile), "-f", "json"])
    assert out.exit_code == 0, out.output
    gone, live = json.loads(out.stdout)
    assert gone["category"] == "defunct" and gone["topic"] == "work"
    assert gone["page_status"] == "gone"
    assert live["category"] == "work" and live["page_status"] == "live"
