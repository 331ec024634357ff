"""Where footprint keeps its files: `FOOTPRINT_HOME` first, then the platform's dirs.

Every folder footprint creates is readable only by the user (0700), every file 0600.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from footprint import settings
from footprint.errors import OutputError

APP = "footprint"


def home() -> Path:
    """The data folder: `$FOOTPRINT_HOME`, else the platform's user data dir."""
    override = settings.home_override()
    if override is not None:
        return override
    from platformdirs import user_data_path

    return user_data_path(APP, appauthor=False)


def cache_dir() -> Path:
    """The HTTP cache folder: `$FOOTPRINT_HOME/cache`, else the platform's cache dir."""
    override = settings.home_override()
    if override is not None:
        return override / "cache"
    from platformdirs import user_cache_path

    return user_cache_path(APP, appauthor=False)


def private_dir(path: Path) -> Path:
    """Create `path` if needed, and every folder it creates on the way, readable only by the user.

    (`Path.mkdir(parents=True)` would create the parents with the default 0755.)
    """
    missing = []
    for folder in (path, *path.parents):
        if folder.exists():
            break
        missing.append(folder)
    for folder in reversed(missing):
        folder.mkdir(mode=0o700, exist_ok=True)
        os.chmod(folder, 0o700)
    os.chmod(path, 0o700)
    return path


def private_dir_for(folder: Path) -> None:
    """The folders missing on the way to `folder` created 0700; existing ones left as they are."""
    if not folder.exists():
        private_dir(folder)


def _output_error(path: Path, exc: OSError) -> OutputError:
    reason = exc.strerror or str(exc)
    return OutputError(f"{path}: cannot write there ({reason}): choose another output path")


def exists_error(path: Path) -> OutputError:
    return OutputError(
        f"{path}: already exists: add --force to replace it, or choose another file name"
    )


def ensure_writable(path: Path, *, overwrite: bool = True) -> None:
    """Fail early, before any work, when `path` cannot be written (or exists, unless
    `overwrite`)."""
    if not overwrite and path.exists() and not path.is_dir():
        raise exists_error(path)
    if path.is_dir():
        raise OutputError(f"{path}: is a folder: give the file's name too ({path / '<name>'})")
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    try:
        if not folder.is_dir():
            raise NotADirectoryError(0, "not a folder")
        with tempfile.TemporaryFile(dir=folder):  # the only sure test, also for root
            pass
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise OutputError(
            f"{path}: cannot write in {folder} ({reason}): choose another output path"
        ) from None


@contextmanager
def atomic_write(path: Path, *, private: bool = True, overwrite: bool = True) -> Iterator[Path]:
    """Yield a temporary path beside `path`; move it into place only on success.

    A failed run leaves no half-written file and keeps any earlier one intact. Without
    `overwrite`, a file at `path` — also one made by someone else meanwhile — is kept and
    the write fails with an OutputError (the move is a hard link, which never replaces).
    """
    try:
        private_dir_for(path.parent)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except OSError as exc:
        raise _output_error(path, exc) from None
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        if private:
            os.chmod(tmp_path, 0o600)
        if overwrite:
            os.replace(tmp_path, path)
        else:
            _move_without_replacing(tmp_path, path)
    except FileExistsError:
        raise exists_error(path) from None
    except OSError as exc:
        raise _output_error(path, exc) from None
    finally:
        tmp_path.unlink(missing_ok=True)


def _move_without_replacing(tmp: Path, path: Path) -> None:
    try:
        os.link(tmp, path)  # fails with FileExistsError instead of replacing
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links: check, then move
        if path.exists():
            raise FileExistsError(path) from None
        os.replace(tmp, path)


def write_private(path: Path, data: bytes | str, *, overwrite: bool = True) -> None:
    """Write a whole file atomically, readable only by the user; an existing file is
    replaced only with `overwrite`."""
    with atomic_write(path, overwrite=overwrite) as tmp:
        if isinstance(data, str):
            tmp.write_text(data, encoding="utf-8")
        else:
            tmp.write_bytes(data)
