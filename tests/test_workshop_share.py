"""The participant's share: counts only, shown before it is written, never the person."""

from __future__ import annotations

import json
import stat
import tempfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from footprint.errors import ExitStatus
from footprint.models import Category
from footprint.workshop.audit_source import parse_audit
from footprint.workshop.codes import EXAMPLE
from footprint.workshop.rules import load_rules
from footprint.workshop.share import (
    AGE_KEYS,
    CATEGORY_KEYS,
    KIND,
    STATUS_KEYS,
    age_bucket,
    build_share,
    related_figures,
)
from footprint.workshop.validate import parse_share
from tests.workshop_support import (
    cli,
    finding,
    leaks,
    random_audits,
    secrets_of,
    write_audit,
)

CODE = EXAMPLE


@pytest.mark.parametrize(
    ("year", "bucket"),
    [(2026, "under-2"), (2025, "under-2"), (2024, "2-5"), (2022, "2-5"), (2021, "5-10"),
     (2016, "5-10"), (2015, "over-10"), (1990, "over-10"), (None, "unknown"), (2027, "unknown")],
)  # fmt: skip
def test_age_buckets(year: int | None, bucket: str) -> None:
    assert age_bucket(year, 2026) == bucket


def test_counts_per_category_status_age_and_archive() -> None:
    findings = [
        finding("work", "live", year=2025, archived=True),
        finding("work", "gone", year=2019),
        finding("private", None, year=2010),
        finding("defunct", "ceased", year=None, archived=True),
        finding("namesake", "parked", year=2023),
    ]
    share = build_share(findings, ["b", "a", "b"], current_year=2026, code=CODE)
    data = share.to_dict()
    assert data["results"] == 5
    assert data["categories"] == {
        "namesake": 1,
        "defunct": 1,
        "activism": 0,
        "work": 2,
        "private": 1,
    }
    assert data["page_status"] == {"live": 1, "gone": 1, "parked": 1, "ceased": 1,
                                   "unreachable": 0, "skipped": 0, "unchecked": 1}  # fmt: skip
    assert data["age"] == {"under-2": 1, "2-5": 1, "5-10": 1, "over-10": 1, "unknown": 1}
    assert data["archived"] == 2
    assert data["needs_action"] == ["b", "a"]
    assert list(data) == ["schema", "kind", "code", "results", "categories", "page_status", "age",
                          "archived", "needs_action"]  # fmt: skip


def test_page_status_falls_back_to_the_check() -> None:
    f = finding("work", "gone")
    without_classification_status = type(f)(
        f.result, type(f.classification)(Category.WORK, 0.5), f.check
    )
    share = build_share([without_classification_status], [], current_year=2026, code=CODE)
    assert share.page_status["gone"] == 1


def test_related_figures_follow_relates_to() -> None:
    rule = load_rules().get("old-content")
    assert rule is not None
    findings = [finding("activism", "live", year=2001, archived=True), finding("work", year=2000)]
    share = build_share(findings, [], current_year=2026, code=CODE)
    assert dict(related_figures(rule, share)) == {
        "old-results": 2, "activism": 1, "defunct": 0, "archived-copies": 1,
    }  # fmt: skip


def test_reads_audit_json_classify_json_and_jsonl(tmp_path: Path) -> None:
    findings = [finding("work", "live", year=2024), finding("private", "gone")]
    audit = write_audit(tmp_path / "audit.json", findings)
    from_audit = parse_audit(audit.read_text(encoding="utf-8"), "audit.json")
    as_array = json.dumps([f.to_dict() for f in findings])
    as_lines = "\n".join(json.dumps(f.to_dict()) for f in findings)
    assert from_audit == parse_audit(as_array, "a.json") == parse_audit(as_lines, "a.jsonl")
    assert [f.classification.category for f in from_audit] == [Category.WORK, Category.PRIVATE]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"schema": 1, "name": "x"}', "'findings'"),
        ('{"schema": 9, "findings": []}', "newer"),
        ('[{"url": "https://a.invalid/"}]', "'category'"),
        ("url,title\nhttps://a.invalid/,x\n", "not JSON"),
        ('{"schema": 1, "findings": [', "line 1"),
    ],
)
def test_bad_audit_files_are_named(text: str, message: str) -> None:
    from footprint.errors import InputError

    with pytest.raises(InputError, match=message):
        parse_audit(text, "mine.json")


def _share_cli(tmp_path: Path, *extra: str, input: str | None = None):  # type: ignore[no-untyped-def]
    findings = [finding("work", "live", year=2024), finding("activism", "gone", year=2003)]
    audit = write_audit(tmp_path / "audit.json", findings)
    return cli("workshop", "share", str(audit), "--code", CODE, *extra, input=input)


def test_share_is_shown_then_written_private(tmp_path: Path) -> None:
    out = tmp_path / "share.json"
    result = _share_cli(tmp_path, "-o", str(out), "-n", "client-photos", input="y\n")
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert data["needs_action"] == ["client-photos"]
    assert data["categories"]["activism"] == 1
    assert f'"code": "{data["code"]}"' in result.stdout  # what was shown is what was written
    assert "Write it to" in result.stdout
    parse_share(out.read_text(encoding="utf-8"), load_rules().ids)


def test_declining_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "share.json"
    result = _share_cli(tmp_path, "-o", str(out), input="n\n")
    assert result.exit_code == 0
    assert not out.exists()
    assert "Nothing was written" in result.stderr


def test_yes_skips_the_question(tmp_path: Path) -> None:
    out = tmp_path / "share.json"
    result = _share_cli(tmp_path, "-o", str(out), "--yes")
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["needs_action"] == []


def test_unknown_rule_id_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "share.json"
    result = _share_cli(tmp_path, "-o", str(out), "-n", "Laura Hietanen", "--yes")
    assert result.exit_code == ExitStatus.INPUT
    assert "not a rule" in result.stderr and "client-photos" in result.stderr
    assert not out.exists()


def test_custom_rules_ids(tmp_path: Path) -> None:
    rules = tmp_path / "rules.toml"
    rules.write_text('[[rules]]\nid = "our-rule"\ntext = "x"\n', encoding="utf-8")
    out = tmp_path / "share.json"
    result = _share_cli(tmp_path, "-o", str(out), "--rules", str(rules), "-n", "our-rule", "--yes")
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text(encoding="utf-8"))["needs_action"] == ["our-rule"]


def test_without_saved_audits_asks_for_a_file(tmp_path: Path) -> None:
    result = cli("workshop", "share", "--code", CODE, "-o", str(tmp_path / "s.json"), "--yes")
    assert result.exit_code == ExitStatus.INPUT
    assert "no saved audits" in result.stderr


def test_latest_saved_audit_by_default_and_by_id(tmp_path: Path) -> None:
    from footprint.store import Store, StoreSink

    with Store.open() as store:
        ids = []
        two = [
            finding("private", url="https://a.invalid/1"),
            finding("private", url="https://a.invalid/2"),
        ]
        for findings in ([finding("work")], two):
            sink = StoreSink(store)
            sink.started("Laura Hietanen", {"name": "Laura Hietanen"}, ['"Laura Hietanen"'])
            sink.results_found([f.result for f in findings])
            for f in findings:
                sink.classified(f)
            sink.finished(True, [])
            ids.append(sink.audit_id)
    latest, first = tmp_path / "latest.json", tmp_path / "first.json"
    assert cli("workshop", "share", "--code", CODE, "-o", str(latest), "--yes").exit_code == 0
    assert (
        cli("workshop", "share", "--code", CODE, str(ids[0]), "-o", str(first), "--yes").exit_code
        == 0
    )
    assert json.loads(latest.read_text(encoding="utf-8"))["categories"]["private"] == 2
    assert json.loads(first.read_text(encoding="utf-8"))["categories"]["work"] == 1
    missing = cli("workshop", "share", "--code", CODE, "99", "-o", str(tmp_path / "other.json"),
                  "--yes")  # fmt: skip
    assert missing.exit_code == ExitStatus.INPUT and "no audit 99" in missing.stderr


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(audit=random_audits())
def test_nothing_of_the_person_reaches_the_share(audit: dict) -> None:  # type: ignore[type-arg]
    with tempfile.TemporaryDirectory() as tmp:
        path = write_audit(Path(tmp) / "audit.json", audit["findings"], audit["profile"])
        out = Path(tmp) / "share.json"
        result = cli(
            "workshop",
            "share",
            "--code",
            CODE,
            str(path),
            "-o",
            str(out),
            "-n",
            "old-content",
            "--yes",
        )
        assert result.exit_code == 0, result.output
        text = out.read_text(encoding="utf-8")
    data = json.loads(text)
    assert data["results"] == len(audit["findings"])
    fixed = " ".join([*data, KIND, *CATEGORY_KEYS, *STATUS_KEYS, *AGE_KEYS, "old-content"])
    assert not leaks(secrets_of(audit), text, fixed)
    # only fixed keys, whole numbers, the participant code and rule ids are in it
    assert set(data["categories"]) == set(CATEGORY_KEYS)
    assert set(data["page_status"]) == set(STATUS_KEYS)
    assert set(data["age"]) == set(AGE_KEYS)
    parse_share(text, load_rules().ids)


def test_the_privacy_check_can_fail() -> None:
    """A share that did carry a title or an escaped name would be caught by the same check."""
    f = finding(title="Laura Hietanen sosiaaliohjaaja", url="https://uusisuunta.invalid/laura")
    audit = {"profile": {"name": "Jörö Öhman", "aliases": [], "locations": ["Unknown"],
                         "work": {"employers": [], "domains": []}}, "findings": [f]}  # fmt: skip
    leaky = json.dumps({"title": f.result.title, "who": "Jörö Öhman", "age": {"unknown": 1}})
    assert sorted(leaks(secrets_of(audit), leaky, "unknown")) == [
        "Jörö Öhman", "Laura Hietanen sosiaaliohjaaja"
    ]  # fmt: skip


def test_current_year_comes_from_today(tmp_path: Path) -> None:
    out = tmp_path / "share.json"
    audit = write_audit(tmp_path / "a.json", [finding(year=date.today().year), finding(year=1990)])
    assert (
        cli("workshop", "share", "--code", CODE, str(audit), "-o", str(out), "--yes").exit_code == 0
    )
    age = json.loads(out.read_text(encoding="utf-8"))["age"]
    assert age["under-2"] == 1 and age["over-10"] == 1


def _on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make `workshop share` see a terminal on standard input."""
    import footprint.cli.workshop as workshop_cli

    monkeypatch.setattr(workshop_cli, "stdin_is_terminal", lambda: True)


def test_asks_per_rule_on_a_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _on_a_terminal(monkeypatch)
    rules = load_rules()
    answers = ["y" if rule.id in ("client-photos", "old-content") else "" for rule in rules.rules]
    out = tmp_path / "share.json"
    result = _share_cli(tmp_path, "-o", str(out), "--lang", "en", input="\n".join([*answers, "y"]))
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text(encoding="utf-8"))["needs_action"] == [
        "client-photos",
        "old-content",
    ]
    # the question shows the rule in the chosen language and the audit's related figures
    assert rules.get("old-content").text_for("en") in result.stdout  # type: ignore[union-attr]
    assert "results over 10 years old 1, Activism 1" in result.stdout


def test_the_participant_code_is_required_and_checked(tmp_path: Path) -> None:
    out = tmp_path / "share.json"
    audit = write_audit(tmp_path / "audit.json", [finding("work")])
    no_code = cli("workshop", "share", str(audit), "-o", str(out), "--yes")  # no terminal
    assert no_code.exit_code == ExitStatus.USAGE and "--code" in no_code.stderr
    typo = EXAMPLE[:-2] + ("A" if EXAMPLE[-2] != "A" else "B") + EXAMPLE[-1]
    mistyped = cli("workshop", "share", str(audit), "--code", typo, "-o", str(out), "--yes")
    assert mistyped.exit_code == ExitStatus.INPUT and "mistyped" in mistyped.stderr
    short = cli("workshop", "share", str(audit), "--code", "K7Q2-ABCDE", "-o", str(out), "--yes")
    assert short.exit_code == ExitStatus.INPUT and "not a participant code" in short.stderr
    assert not out.exists()
    # typed in lower case, with O for 0 and spaces for hyphens: read as printed
    typed = EXAMPLE.lower().replace("-", " ")
    ok = cli("workshop", "share", str(audit), "--code", typed, "-o", str(out), "--yes")
    assert ok.exit_code == 0, ok.output
    assert json.loads(out.read_text(encoding="utf-8"))["code"] == EXAMPLE


def test_the_code_is_asked_on_a_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _on_a_terminal(monkeypatch)
    out = tmp_path / "share.json"
    audit = write_audit(tmp_path / "audit.json", [finding("work")])
    result = cli("workshop", "share", str(audit), "-o", str(out), "-n", "client-photos",
                 input=f"{EXAMPLE}\ny\n")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "participant code on your slip" in result.stdout
    assert json.loads(out.read_text(encoding="utf-8"))["code"] == EXAMPLE
