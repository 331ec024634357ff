"""The one reading layer for files a person gives footprint: results, audits, profiles,
rules, shares.

Each file is untrusted: it may be damaged, from another tool, or made to break footprint.
Everything here is bounded — the size read, the nesting depth, the digits in a number —
and a key given twice is refused, so that `json` and `tomllib` (both recursive, and
`int()`, which refuses more than 4300 digits with a bare ValueError) never see what they
cannot handle. Every failure is a `ReadError` (an `InputError`, exit 3) whose message
names the file, the line where it is known, and what to do.

JSON goes through `search_providers.recordfile.loads_strict`, which the `file` search
provider uses too (that package must not import footprint, so the JSON half lives there).
"""

from __future__ import annotations

import re
import sys
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from footprint.errors import InputError
from search_providers.recordfile import (
    MAX_DIGITS,
    RecordFileError,
    SeveralDocuments,
    scan_json,
)
from search_providers.recordfile import loads_strict as _loads_json

MAX_BYTES = 64 * 1024 * 1024  # a results or audit file; 300 results are about 300 KB
MAX_TOML_BYTES = 1024 * 1024  # a profile or rules file is a few KB

# Skipped whole: strings of each TOML kind and comments; counted: brackets and long numbers.
_TOML_TOKENS = re.compile(
    r'"""(?:[^"\\]|\\[\s\S]|"(?!""))*"""'
    r"|'''[\s\S]*?'''"
    r'|"[^"\\\n]*(?:\\.[^"\\\n]*)*"'
    r"|'[^'\n]*'"
    r"|#[^\n]*"
    r"|[\[\]{}]"
    r"|[0-9][0-9A-Za-z_.:+-]{" + str(MAX_DIGITS) + ",}"
)
_DATE_LIKE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}[T ]?[0-9:.+Z-]*", re.I)


class ReadError(InputError):
    """A file cannot be read or is malformed; the message names it and says what to do."""


def source_name(path: Path) -> str:
    return "<stdin>" if str(path) == "-" else str(path)


def read_text(path: Path, *, max_bytes: int = MAX_BYTES, what: str = "file") -> str:
    """A UTF-8 file (a BOM is dropped), or standard input for `-`, at most `max_bytes`."""
    name = source_name(path)
    too_big = ReadError(
        f"{name}: larger than {max_bytes // (1024 * 1024) or 1} MB: this is not a {what} "
        "footprint can read; give the original file"
    )
    if str(path) == "-":
        text = sys.stdin.read(max_bytes + 1)
        if len(text) > max_bytes:
            raise too_big
        return text.removeprefix("\ufeff")
    try:
        if path.stat().st_size > max_bytes:
            raise too_big
        with path.open("rb") as handle:  # the size may change after stat: read at most this
            data = handle.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise too_big
        return data.decode("utf-8-sig")
    except FileNotFoundError:
        raise ReadError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise ReadError(f"{name}: is a folder, not a {what}") from None
    except UnicodeDecodeError as exc:
        raise ReadError(f"{name}: not UTF-8 text (byte {exc.start}): save it as UTF-8") from None
    except OSError as exc:
        raise ReadError(f"{name}: cannot read: {exc.strerror or exc}") from None


def parse_json(text: str, source: str, *, several: bool = False) -> Any:
    """Untrusted JSON text within the limits; ReadError names `source` and the line.

    With `several`, a text of more than one document (JSONL) gives None instead.
    """
    try:
        return _loads_json(text)
    except SeveralDocuments as exc:
        if several:
            return None
        raise ReadError(f"{source}: {exc}") from None
    except RecordFileError as exc:
        raise ReadError(f"{source}: {exc}") from None


def parse_toml(text: str, source: str, error: type[InputError] = ReadError) -> dict[str, Any]:
    """Untrusted TOML text within the limits; `error` names `source` and the line.

    tomllib itself refuses a key given twice ("Cannot overwrite a value").
    """
    if len(text) > MAX_TOML_BYTES:
        raise error(f"{source}: larger than 1 MB: start from the template")
    try:
        scan_json(text, _TOML_TOKENS, skip="\"'#", long_ok=_DATE_LIKE)  # tomllib recurses
        return tomllib.loads(text)
    except RecordFileError as exc:
        raise error(f"{source}: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise error(f"{source}: invalid TOML: {exc}") from None
    except (RecursionError, ValueError) as exc:  # not reached after the scan; no traceback
        raise error(f"{source}: cannot be read as TOML ({type(exc).__name__})") from None


def kind_of(value: Any) -> str:
    """A JSON or TOML value's kind in plain words, for messages (never the value itself)."""
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int):
        return "a whole number"
    if isinstance(value, float):
        return "a number with a fraction"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, Mapping):
        return "an object"
    if value is None:
        return "null"
    return type(value).__name__


def quoted(text: str, limit: int = 60) -> str:
    """`text` in quotes for a one-line message: control and format characters (a newline,
    ESC, a right-to-left override) escaped, and cut to `limit` characters."""
    inner = "".join(c if c.isprintable() else repr(c)[1:-1] for c in text[:limit])
    return f"'{inner}{'…' if len(text) > limit else ''}'"
