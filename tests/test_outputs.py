"""Output paths that cannot be written fail early, in one line, with exit code 8."""

import stat
from pathlib import Path

import pytest
from typer.testing import CliRunner

from footprint.cli import app
from footprint.errors import ExitStatus, OutputError
from footprint.paths import atomic_write, ensure_writable, private_dir


def run(*args: str, input: str | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, list(args), input=input)


def test_private_dir_makes_every_new_folder_private(tmp_path: Path) -> None:
    private_dir(tmp_path / "a" / "b" / "c")
    for folder in (tmp_path / "a", tmp_path / "a" / "b", tmp_path / "a" / "b" / "c"):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_ensure_writable_refuses_folders_and_unwritable_places(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="is a folder"):
        ensure_writable(tmp_path)
    with pytest.raises(OutputError, match="cannot write in /proc"):
        ensure_writable(Path("/proc/footprint-report.pdf"))
    ensure_writable(tmp_path / "new" / "folder" / "report.pdf")  # created when written


def test_atomic_write_turns_os_errors_into_output_errors() -> None:
    with (
        pytest.raises(OutputError, match=r"/proc/x\.pdf: cannot write there"),
        atomic_write(Path("/proc/x.pdf")),
    ):
        pass


@pytest.mark.parametrize(
    "args",
    [
        ("profile", "init", "/proc/me.toml"),
        ("search", "Laura Hietanen", "--from", "{results}", "-o", "/proc/x.jsonl"),
        ("report", "{findings}", "--name", "Laura Hietanen", "-o", "/proc/x.pdf"),
        ("workshop", "kit", "-o", "{folder}"),
        ("workshop", "rules", "init", "/proc/rules.toml"),
    ],
)
def test_commands_fail_early_with_exit_8(tmp_path: Path, args: tuple[str, ...]) -> None:
    results = tmp_path / "r.jsonl"
    results.write_text('{"url": "https://a.invalid/x", "title": "Laura Hietanen"}\n', "utf-8")
    findings = tmp_path / "f.json"
    findings.write_text('[{"url": "https://a.invalid/x", "category": "work"}]', "utf-8")
    filled = [a.format(results=results, findings=findings, folder=tmp_path) for a in args]
    result = run(*filled)
    assert result.exit_code == ExitStatus.OUTPUT, result.output
    assert result.stderr.startswith("Error: ") and result.stderr.count("\n") == 1
    assert "Traceback" not in result.output


def test_a_share_with_no_terminal_to_ask_writes_nothing_and_says_why(tmp_path: Path) -> None:
    """Issue 12 item 8: like `forget`, a question nobody can answer is a usage mistake."""
    audit = tmp_path / "a.json"
    audit.write_text('[{"url": "https://a.invalid/x", "category": "work"}]', "utf-8")
    out = tmp_path / "share.json"
    result = run("workshop", "share", str(audit), "-o", str(out), "-n", "old-content",
                 "--code", "K7Q2-ABCDE-FGHJZ", input="")  # fmt: skip
    assert result.exit_code == ExitStatus.USAGE, result.output
    assert "run it in a terminal, or add --yes" in result.stderr
    assert not out.exists()


# --- nothing is silently overwritten (issue 12, item 5) ---------------------------------

FINDINGS = '[{"url": "https://a.invalid/x", "category": "work", "title": "Laura Hietanen"}]'


def _findings(tmp_path: Path) -> Path:
    path = tmp_path / "f.json"
    path.write_text(FINDINGS, "utf-8")
    return path


@pytest.mark.parametrize(
    "args",
    [
        ("report", "{findings}", "--name", "Laura Hietanen", "-o", "{existing}"),
        ("report", "{findings}", "--name", "Laura Hietanen", "-o", "{new}", "--html", "{existing}"),
        ("audit", "Laura Hietanen", "--from", "{results}", "--offline", "-o", "{new}",
         "--json", "{existing}"),
        ("search", "Laura Hietanen", "--from", "{results}", "-o", "{existing}"),
        ("export", "latest", "-o", "{existing}"),
        ("demo", "-o", "{existing}"),
    ],
)  # fmt: skip
def test_an_existing_output_is_kept_without_force(tmp_path: Path, args: tuple[str, ...]) -> None:
    from footprint.store import Store
    from tests.store_support import finding, save_audit

    with Store.open() as store:
        save_audit(store, "Laura Hietanen", [finding("https://a.invalid/x", "work")])
    results = tmp_path / "r.jsonl"
    results.write_text('{"url": "https://a.invalid/x", "title": "Laura Hietanen"}\n', "utf-8")
    existing = tmp_path / "mine.txt"
    existing.write_text("the person's own file", "utf-8")
    new = tmp_path / "new.pdf"
    filled = [a.format(findings=_findings(tmp_path), existing=existing, new=new, results=results)
              for a in args]  # fmt: skip
    result = run(*filled)
    assert result.exit_code == ExitStatus.OUTPUT, result.output
    assert result.stderr.startswith("Error: ") and result.stderr.count("\n") == 1
    assert str(existing) in result.stderr and "--force" in result.stderr
    assert existing.read_text("utf-8") == "the person's own file"
    assert not new.exists()
    with Store.open() as store:
        assert len(store.audits()) == 1  # failed before any work


def test_force_replaces_an_existing_report(tmp_path: Path) -> None:
    existing = tmp_path / "r.pdf"
    existing.write_text("old", "utf-8")
    result = run("report", str(_findings(tmp_path)), "--name", "Laura Hietanen", "-o",
                 str(existing), "--force")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert existing.read_bytes().startswith(b"%PDF")


def test_the_default_report_name_carries_the_language_and_is_unique(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import date

    monkeypatch.chdir(tmp_path)
    findings = str(_findings(tmp_path))
    day = date.today().isoformat()
    written = []
    for lang in ("fi", "sv", "fi"):
        result = run("report", findings, "--name", "Laura Hietanen", "--lang", lang)
        assert result.exit_code == 0, result.output
        written.append(result.stdout.split("Wrote ", 1)[1].strip())
    assert written == [
        f"reports/laura-hietanen-{day}-fi.pdf",
        f"reports/laura-hietanen-{day}-sv.pdf",
        f"reports/laura-hietanen-{day}-fi-2.pdf",
    ]
    assert all((tmp_path / w).read_bytes().startswith(b"%PDF") for w in written)


def test_write_outputs_never_replaces_a_file_made_meanwhile(tmp_path: Path) -> None:
    from footprint.pipeline import write_outputs

    target = tmp_path / "report.pdf"
    target.write_text("made by someone else after the check", "utf-8")
    with pytest.raises(OutputError, match="already exists"):
        write_outputs({target: b"%PDF new"})
    assert target.read_text("utf-8") == "made by someone else after the check"
    assert [p.name for p in tmp_path.iterdir()] == ["report.pdf"]  # no temporary left
    write_outputs({target: b"%PDF new"}, overwrite=True)
    assert target.read_bytes() == b"%PDF new"
