"""The README and the behaviour agree (issue 12, item 8): exit codes for choices, `-o` into a
missing folder, what `--from` does to the searches, and what `forget --all` deletes."""

from __future__ import annotations

import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from footprint.errors import ExitStatus
from footprint.store import Store
from tests.search_servers import BraveService, serving_brave
from tests.store_support import cli, finding, save_audit

README = (Path(__file__).resolve().parent.parent / "README.md").read_text("utf-8")
RESULTS = '{"url": "https://a.invalid/x", "title": "Laura Hietanen"}\n'


@pytest.mark.parametrize(
    "args",
    [
        ["label", "https://a.example/page", "hobby"],
        ["track", "https://a.example/page", "--channel", "email"],
        ["track", "https://a.example/page", "--channel", "bing", "--letter", "poem"],
        ["export", "latest", "--format", "xml"],
        ["history", "--format", "xml"],
        ["check", "{results}", "--format", "xml"],
    ],
)
def test_a_value_that_is_not_one_of_the_choices_is_a_usage_mistake(
    tmp_path: Path, args: list[str]
) -> None:
    results = tmp_path / "r.jsonl"
    results.write_text(RESULTS, "utf-8")
    with Store.open() as store:
        save_audit(store, "Laura Hietanen", [finding("https://a.invalid/x", "work")])
    done = cli(*[a.format(results=results) for a in args])
    assert done.exit_code == ExitStatus.USAGE, done.output
    assert "Traceback" not in done.output
    with Store.open() as store:
        assert store.labels() == [] and store.requests() == []
    assert "a value that is not one of its choices" in README


def test_output_into_a_missing_folder_creates_it_private(tmp_path: Path) -> None:
    findings = tmp_path / "f.json"
    findings.write_text('[{"url": "https://a.invalid/x", "category": "work"}]', "utf-8")
    pdf = tmp_path / "new" / "report.pdf"
    done = cli("report", str(findings), "--name", "Laura Hietanen", "-o", str(pdf))
    assert done.exit_code == 0, done.output
    assert pdf.is_file() and stat.S_IMODE(pdf.parent.stat().st_mode) == 0o700
    assert "folders missing on the way are created, readable only by you" in README


@pytest.fixture
def brave(monkeypatch: pytest.MonkeyPatch) -> Iterator[BraveService]:
    with serving_brave(monkeypatch, "brave-key-for-from", 2) as service:
        yield service


def test_from_alone_asks_no_provider_and_with_provider_adds_to_it(
    brave: BraveService, tmp_path: Path
) -> None:
    saved = tmp_path / "saved.jsonl"
    saved.write_text(RESULTS, "utf-8")
    alone = cli("audit", "Laura Hietanen", "--from", str(saved), "--offline",
                "-o", str(tmp_path / "a.pdf"))  # fmt: skip
    assert alone.exit_code == 0, alone.output
    assert brave.log == []  # BRAVE_API_KEY is set, yet --from alone asks nobody
    both = cli("audit", "Laura Hietanen", "--from", str(saved), "--provider", "brave",
               "--offline", "-o", str(tmp_path / "b.pdf"))  # fmt: skip
    assert both.exit_code == 0, both.output
    assert brave.log
    with Store.open() as store:
        first, second = store.audits()
    assert first.providers == ("file",) and first.results == 1
    assert set(second.providers) == {"brave", "file"} and second.results == 3
    assert "alone it asks no search provider, with\n`--provider` it adds them" in README


def test_forget_all_also_deletes_the_workshop_share_key(_isolated_home: Path) -> None:
    key = _isolated_home / "workshop-share.key"  # the device secret of earlier versions
    key.write_bytes(b"k" * 32)
    with Store.open() as store:
        save_audit(store, "Laura Hietanen", [finding("https://a.invalid/x", "work")])
    done = cli("forget", "--all", "--yes")
    assert done.exit_code == 0, done.output
    assert not key.exists()
    assert "workshop share key" in done.stderr
    assert "the workshop share key" in README
