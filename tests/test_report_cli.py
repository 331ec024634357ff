"""`footprint audit`, `footprint report` and `footprint demo` through the command line."""

from __future__ import annotations

import io
import json
import stat
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from pytest_httpserver import HTTPServer
from typer.testing import CliRunner

from footprint import demo
from footprint.cli import app
from footprint.errors import ExitStatus, ReportError
from footprint.report.saved import AUDIT_SCHEMA
from tests.report_support import sample_findings

DEMO = Path(demo.__file__).parent


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


def pdf_text(path: Path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return " ".join(page.extract_text() or "" for page in reader.pages)


def private(path: Path) -> bool:
    return stat.S_IMODE(path.stat().st_mode) == 0o600


def test_demo_writes_a_private_pdf_under_reports_and_says_where(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("demo", "--lang", "en", "--html", "demo.html")
    assert result.exit_code == 0, result.output
    pdf = tmp_path / "reports" / f"demo-{date.today().isoformat()}-en.pdf"
    assert pdf.is_file() and private(pdf)
    assert str(pdf.resolve()) in result.output
    assert "35 results" in result.output and "no network" in result.output
    text = pdf_text(pdf)
    assert "REPORT FOR" in text.upper() and "Laura Hietanen" in text
    for label in ("Activism", "Private", "Gone source", "Work", "Namesake"):
        assert label in text
    assert "Kehäkukka" in text
    # words for people (issue 12, item 7): no command-line advice, no HTTP codes
    assert "offline mode" not in text and "HTTP 4" not in text
    assert "the page says it no longer exists" in text  # the demo's HTTP 410 page
    html = (tmp_path / "demo.html").read_text("utf-8")
    assert '<html lang="en">' in html and private(tmp_path / "demo.html")


def test_demo_data_covers_every_category_and_status() -> None:
    checks = demo.recorded_checks()
    lines = (DEMO / "results.jsonl").read_text("utf-8").splitlines()
    urls = [json.loads(line)["url"] for line in lines]
    assert 30 <= len(urls) <= 40 and set(urls) == set(checks)
    assert {c.status.value for c in checks.values()} == {
        "live", "gone", "parked", "ceased", "unreachable", "skipped",
    }  # fmt: skip
    assert any(c.archive and c.archive.available for c in checks.values())
    assert demo.profile().name == "Laura Hietanen"


def test_audit_then_report_again_offline(tmp_path: Path) -> None:
    profile, results = DEMO / "profile.toml", DEMO / "results.jsonl"
    first = run("audit", "Laura Hietanen", "--profile", str(profile), "--from", str(results),
                "--offline", "--lang", "en", "--output", str(tmp_path / "a.pdf"),
                "--json", str(tmp_path / "a.json"))  # fmt: skip
    assert first.exit_code == 0, first.output
    assert f"report written to {tmp_path / 'a.pdf'}" in first.output
    saved = json.loads((tmp_path / "a.json").read_text("utf-8"))
    assert saved["schema"] == AUDIT_SCHEMA and saved["name"] == "Laura Hietanen"
    assert saved["lang"] == "en" and saved["failures"] == []
    assert saved["profile"]["activism"]["years"] == [1996, 2006]
    assert (
        len(saved["findings"]) == 35
        and {"category", "reasons", "url"} <= saved["findings"][0].keys()
    )
    assert private(tmp_path / "a.pdf") and private(tmp_path / "a.json")
    assert "Since your last audit" not in pdf_text(tmp_path / "a.pdf")

    second = run("audit", "Laura Hietanen", "--profile", str(profile), "--from", str(results),
                 "--offline", "--lang", "en", "--output", str(tmp_path / "b.pdf"))  # fmt: skip
    assert second.exit_code == 0, second.output
    assert "Since your last audit" in pdf_text(tmp_path / "b.pdf")

    again = run(
        "report", str(tmp_path / "a.json"), "--lang", "sv", "--output", str(tmp_path / "c.pdf")
    )
    assert again.exit_code == 0, again.output
    text = pdf_text(tmp_path / "c.pdf")
    assert "Sammanfattning" in text and "Laura Hietanen" in text


def test_report_from_a_classify_file_needs_to_know_whose(tmp_path: Path) -> None:
    classified = tmp_path / "classified.json"
    classified.write_text(json.dumps([f.to_dict() for f in sample_findings()]), "utf-8")
    missing = CliRunner().invoke(app, ["report", str(classified)])
    assert missing.exit_code == ExitStatus.INPUT
    assert "--profile" in missing.output and not list(tmp_path.glob("*.pdf"))

    done = run("report", str(classified), "--name", "Laura Hietanen",
               "--output", str(tmp_path / "r.pdf"), "--html", str(tmp_path / "r.html"))  # fmt: skip
    assert done.exit_code == 0, done.output
    assert "Yhteenveto" in pdf_text(tmp_path / "r.pdf")  # Finnish by default


def test_report_rejects_an_audit_file_from_a_newer_footprint(tmp_path: Path) -> None:
    newer = tmp_path / "audit.json"
    newer.write_text(json.dumps({"schema": 99, "name": "X", "findings": []}), "utf-8")
    result = CliRunner().invoke(app, ["report", str(newer)])
    assert result.exit_code == ExitStatus.INPUT
    assert "schema 99" in result.output


def test_a_failed_provider_makes_the_audit_partial_but_keeps_the_results(
    tmp_path: Path, httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    httpserver.expect_request("/search").respond_with_data("down", status=503)
    monkeypatch.setenv("SEARXNG_URL", httpserver.url_for("/").rstrip("/"))
    result = CliRunner().invoke(app, [
        "audit", "Laura Hietanen", "--profile", str(DEMO / "profile.toml"),
        "--provider", "searxng", "--provider", "file", "--from", str(DEMO / "results.jsonl"),
        "--offline", "--output", str(tmp_path / "p.pdf"), "--json", str(tmp_path / "p.json"),
    ])  # fmt: skip
    assert result.exit_code == ExitStatus.PARTIAL, result.output
    assert "searxng" in result.output and (tmp_path / "p.pdf").is_file()
    saved = json.loads((tmp_path / "p.json").read_text("utf-8"))
    assert len(saved["findings"]) == 35
    assert saved["failures"] and saved["failures"][0].startswith("searxng: ")
    assert "searxng" in pdf_text(tmp_path / "p.pdf")


def test_a_failed_render_writes_no_file_at_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(context, **_):  # type: ignore[no-untyped-def]
        raise ReportError("cannot render the PDF (test)")

    monkeypatch.setattr("footprint.report.render.render_report_pdf", broken)
    result = CliRunner().invoke(app, [
        "audit", "Laura Hietanen", "--profile", str(DEMO / "profile.toml"),
        "--from", str(DEMO / "results.jsonl"), "--offline",
        "--output", str(tmp_path / "x.pdf"), "--json", str(tmp_path / "x.json"),
        "--html", str(tmp_path / "x.html"),
    ])  # fmt: skip
    assert result.exit_code == ExitStatus.ERROR
    assert "cannot render the PDF (test)" in result.output
    assert list(tmp_path.iterdir()) == []


def test_commands_have_help() -> None:
    for command in ("audit", "report", "demo"):
        result = run(command, "--help")
        assert result.exit_code == 0 and "--output" in result.output and "--lang" in result.output


def test_readme_documents_the_commands() -> None:
    readme = (Path(__file__).parent.parent / "README.md").read_text("utf-8")
    section = readme.split("<!-- usage:audit -->")[1].split("<!-- /usage:audit -->")[0]
    for usage in ("footprint audit", "footprint report", "footprint demo", "make demo"):
        assert usage in section


def test_resume_finishes_an_interrupted_audit_without_searching_again(tmp_path: Path) -> None:
    from footprint.audit import Auditor
    from footprint.models import SearchResult
    from footprint.store import Store
    from footprint.store.sink import open_audit_sink

    person = demo.profile()
    url = "https://uusisuunta-saatio.fi/a"
    saved = [SearchResult(url=url, title="Laura Hietanen, sosiaaliohjaaja", provider="file")]

    def interrupted(results, on_check=None):  # type: ignore[no-untyped-def]
        raise KeyboardInterrupt

    with open_audit_sink(person.name, person) as sink, pytest.raises(KeyboardInterrupt):
        Auditor(person, search=lambda p: saved, check=interrupted, sink=sink).run()

    # --from names a file the search would read; resuming must not search at all
    result = run("audit", "Laura Hietanen", "--profile", str(DEMO / "profile.toml"), "--resume",
                 "--from", str(DEMO / "results.jsonl"), "--offline", "--lang", "en",
                 "--json", str(tmp_path / "r.json"), "-o", str(tmp_path / "r.pdf"))  # fmt: skip
    assert result.exit_code == 0, result.output
    findings = json.loads((tmp_path / "r.json").read_text("utf-8"))["findings"]
    assert [f["url"] for f in findings] == [url]
    with Store.open() as store:
        assert store.unfinished_audit(person.name) is None
