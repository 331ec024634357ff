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


def test_a_share_question_with_no_answer_writes_nothing(tmp_path: Path) -> None:
    audit = tmp_path / "a.json"
    audit.write_text('[{"url": "https://a.invalid/x", "category": "work"}]', "utf-8")
    out = tmp_path / "share.json"
    result = run("workshop", "share", str(audit), "-o", str(out), "-n", "old-content", input="")
    assert result.exit_code == 0, result.output
    assert "Nothing was written." in result.stderr
    assert not out.exists()
