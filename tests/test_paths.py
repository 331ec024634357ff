"""Where files go, and that they are private and written atomically."""

import stat
from pathlib import Path

import pytest

from footprint import paths


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_home_honours_footprint_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FOOTPRINT_HOME", str(tmp_path / "fp"))
    assert paths.home() == tmp_path / "fp"
    assert paths.cache_dir() == tmp_path / "fp" / "cache"


def test_platform_dirs_without_footprint_home(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("FOOTPRINT_HOME")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert paths.home() == tmp_path / "data" / "footprint"
    assert paths.cache_dir() == tmp_path / "cache" / "footprint"


def test_private_dir_and_file_modes(tmp_path: Path) -> None:
    folder = paths.private_dir(tmp_path / "a" / "b")
    assert mode(folder) == 0o700
    paths.write_private(folder / "x.json", "{}")
    assert mode(folder / "x.json") == 0o600


def test_atomic_write_keeps_the_old_file_on_failure(tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError), paths.atomic_write(target) as tmp:
        tmp.write_bytes(b"half")
        raise RuntimeError("render failed")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.pdf"]


def test_atomic_write_leaves_no_file_when_none_existed(tmp_path: Path) -> None:
    target = tmp_path / "new.pdf"
    with pytest.raises(RuntimeError), paths.atomic_write(target):
        raise RuntimeError
    assert list(tmp_path.iterdir()) == []
