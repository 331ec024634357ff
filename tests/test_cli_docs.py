"""Every command has help text, appears in the README, and `--help` starts fast."""

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from footprint.cli import app

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def all_commands() -> list[tuple[str, Any]]:
    root = typer.main.get_command(app)
    found: list[tuple[str, Any]] = []

    def walk(prefix: str, command: Any) -> None:
        if getattr(command, "commands", None):
            for name, sub in command.commands.items():
                walk(f"{prefix} {name}", sub)
        else:
            found.append((prefix, command))

    walk("footprint", root)
    return found


@pytest.mark.parametrize(("path", "command"), all_commands(), ids=lambda v: str(v))
def test_command_has_help_and_is_in_the_readme(path: str, command: Any) -> None:
    assert (command.help or "").strip(), f"{path} has no help text"
    assert f"{path} " in README or f"{path}\n" in README, f"{path} is not in the README"
    result = CliRunner().invoke(app, [*path.split()[1:], "--help"])
    assert result.exit_code == 0, result.output


def test_exit_codes_are_documented() -> None:
    from footprint.errors import ExitStatus

    for status in ExitStatus:
        assert f"| {int(status)} | `{status.name}` |" in README


def test_version_and_module_entry_point() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "footprint", "--version"], capture_output=True, text=True, cwd=ROOT
    )
    assert out.returncode == 0
    assert out.stdout.startswith("footprint ")


def test_help_does_not_import_heavy_libraries() -> None:
    code = (
        "import sys; from footprint.cli import app; "
        "heavy = [m for m in ('requests', 'weasyprint', 'bs4', 'simplemma', 'jinja2', "
        "'tldextract', 'requests_cache', 'ddgs') if m in sys.modules]; print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.stdout.strip() == "[]", out.stdout + out.stderr
