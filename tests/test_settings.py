"""Each setting is read in one place, the languages are defined once, the library never prints."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from footprint import paths, settings

REPO = Path(__file__).resolve().parent.parent
SOURCES = sorted((REPO / "footprint").rglob("*.py")) + sorted(
    (REPO / "search_providers").rglob("*.py")
)


def _code(path: Path) -> str:
    """The source without comments and docstring-ish lines that only mention names."""
    return "\n".join(line.split("#", 1)[0] for line in path.read_text("utf-8").splitlines())


def _offenders(pattern: str, allowed: set[str]) -> list[str]:
    regex = re.compile(pattern)
    return [
        str(p.relative_to(REPO))
        for p in SOURCES
        if str(p.relative_to(REPO)) not in allowed and regex.search(_code(p))
    ]


def test_the_environment_is_read_only_in_settings() -> None:
    assert _offenders(r"os\.environ\b(?!`)|getenv\(", {"footprint/settings.py"}) == []


def test_the_languages_are_defined_once() -> None:
    triple = r"""\(\s*["']fi["']\s*,\s*["']sv["']\s*,\s*["']en["']\s*\)"""
    assert _offenders(triple, set()) == []
    assert settings.LANGUAGES == ("fi", "sv", "en")


def test_only_the_cli_asks_whether_it_talks_to_a_terminal() -> None:
    assert _offenders(r"\.isatty\(", {"footprint/cli/terminal.py"}) == []


def test_the_library_never_prints() -> None:
    library = {str(p.relative_to(REPO)) for p in SOURCES if "/cli/" in str(p)}
    assert _offenders(r"\bprint\(|\btyper\.echo|sys\.std(out|err)\.write", library) == []


def test_settings_are_read_when_asked(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("FOOTPRINT_HOME", str(tmp_path))
    assert paths.home() == tmp_path and paths.cache_dir() == tmp_path / "cache"
    monkeypatch.setenv("FOOTPRINT_DNS_CANARIES", " a.example , b.example,")
    assert settings.dns_canaries() == ("a.example", "b.example")
    monkeypatch.setenv("FOOTPRINT_ALLOW_PRIVATE", "yes")
    assert settings.allow_private()
    monkeypatch.setenv("FOOTPRINT_ALLOW_PRIVATE", "0")
    assert not settings.allow_private()


def test_provider_keys_typed_in_go_on_top_of_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("BRAVE_API_KEY", "from-env")
    monkeypatch.setenv("SEARXNG_URL", "http://localhost:8080")
    monkeypatch.setenv("UNRELATED_SECRET", "x")
    env = settings.provider_env({"BRAVE_API_KEY": " typed ", "SERPAPI_API_KEY": ""})
    assert env == {"BRAVE_API_KEY": "typed", "SEARXNG_URL": "http://localhost:8080"}
    import os

    assert os.environ["BRAVE_API_KEY"] == "from-env"


def test_the_readme_lists_every_setting() -> None:
    readme = (REPO / "README.md").read_text("utf-8")
    table = readme.split("## Configuration")[1].split("\n## ")[0]
    constants = [value for name, value in vars(settings).items() if name.isupper()]
    variables = [v for v in constants if isinstance(v, str) and v.startswith("FOOTPRINT_")]
    assert len(variables) >= 7
    for variable in (*variables, *settings.provider_variables()):
        assert table.count(f"| `{variable}` |") == 1, f"{variable}: not once in the README's table"
