"""Where footprint keeps its files: `FOOTPRINT_HOME` first, then the platform's dirs.

Every folder footprint creates is readable only by the user (0700), every file 0600.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

APP = "footprint"


def home() -> Path:
    """The data folder: `$FOOTPRINT_HOME`, else the platform's user data dir."""
    env = os.environ.get("FOOTPRINT_HOME")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_path

    return user_data_path(APP, appauthor=False)


def cache_dir() -> Path:
    """The HTTP cache folder: `$FOOTPRINT_HOME/cache`, else the platform's cache dir."""
    env = os.environ.get("FOOTPRINT_HOME")
    if env:
        return Path(env).expanduser() / "cache"
    from platformdirs import user_cache_path

    return user_cache_path(APP, appauthor=False)


def private_dir(path: Path) -> Path:
    """Create `path` (and parents) if needed and make it readable only by the user."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(path, 0o700)
    return path


@contextmanager
def atomic_write(path: Path, *, private: bool = True) -> Iterator[Path]:
    """Yield a temporary path beside `path`; move it into place only on success.

    A failed run leaves no half-written file and keeps any earlier one intact.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        if private:
            os.chmod(tmp_path, 0o600)
        os.replace(tmp_path, path)
    finally:
        tmp_path.unlink(missing_ok=True)


def write_private(path: Path, data: bytes | str) -> None:
    """Write a whole file atomically, readable only by the user."""
    with atomic_write(path) as tmp:
        if isinstance(data, str):
            tmp.write_text(data, encoding="utf-8")
        else:
            tmp.write_bytes(data)
