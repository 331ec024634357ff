"""The evidence package: a folder to hand to the police, an employer or the Ombudsman.

For each saved page `NNN/page.html` (as received) and `NNN/text.txt` (its visible text);
`manifest.json` with the address, the time, the HTTP status and the SHA-256 of each file;
`SHA256SUMS` in the form `sha256sum -c` reads; and `README.txt` saying how to check it.
`files()` is pure (name → bytes); `verify()` reads a folder back and lists what is wrong.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path, PurePosixPath
from typing import Any

from footprint.errors import InputError
from footprint.evidence import Evidence, sha256
from footprint.reading import parse_json, read_text
from footprint.report import i18n

SUMS = "SHA256SUMS"
MANIFEST = "manifest.json"


def _item_files(number: int, item: Evidence) -> dict[str, bytes]:
    folder = f"{number:03d}"
    if sha256(item.html) != item.sha256_html or sha256(item.text) != item.sha256_text:
        raise InputError(
            f"evidence {item.id}: what is stored no longer matches its checksum; "
            "the database may be damaged"
        )
    return {f"{folder}/page.html": item.html, f"{folder}/text.txt": item.text.encode("utf-8")}


def files(items: Sequence[Evidence], *, lang: str, generated: str) -> dict[str, bytes]:
    """Every file of the package (relative name → content), the checksums last."""
    if not items:
        raise InputError("no evidence saved yet: 'footprint evidence add URL' saves a page")
    out: dict[str, bytes] = {}
    entries = []
    for number, item in enumerate(items, 1):
        saved = _item_files(number, item)
        out.update(saved)
        entries.append(
            {
                "id": item.id,
                "url": item.url,
                "final_url": item.final_url,
                "fetched_at": item.fetched_at,
                "http_status": item.http_status,
                "content_type": item.content_type,
                "truncated": item.truncated,
                "note": item.note,
                "files": {name: sha256(data) for name, data in saved.items()},
            }
        )
    manifest = {"tool": "footprint", "generated": generated, "hash": "sha256", "items": entries}
    out[MANIFEST] = (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    out["README.txt"] = (i18n.text(lang, "evidence.readme", count=len(items)) + "\n").encode()
    out[SUMS] = "".join(f"{sha256(data)}  {name}\n" for name, data in out.items()).encode()
    return out


def _member(folder: Path, name: str) -> Path | None:
    """`name` as a file inside `folder`, or None when it would lead anywhere else.

    A package may come from someone else: an absolute name, `..`, a backslash or a link
    out of the folder must not make verify read (and so reveal a checksum of) other files.
    """
    parts = PurePosixPath(name).parts
    if not parts or name.startswith("/") or "\\" in name or {"..", "."} & set(parts):
        return None
    path = folder.joinpath(*parts)
    if path.resolve() != folder.resolve().joinpath(*parts):
        return None
    return path


def verify(folder: Path) -> list[str]:
    """What does not match in an exported package (empty when every checksum holds)."""
    sums = folder / SUMS
    if not sums.is_file():
        return [f"no {SUMS} in it: give the folder 'footprint evidence export' wrote"]
    problems = []
    listed = set()
    for line in read_text(sums, what="checksum list").splitlines():
        digest, _, name = line.partition("  ")
        path = _member(folder, name)
        if path is None:
            problems.append(f"{name}: not a file of this package")
            continue
        listed.add(name)
        if not path.is_file():
            problems.append(f"{name}: missing")
        elif sha256(path.read_bytes()) != digest:
            problems.append(f"{name}: changed since it was saved")
    manifest: Any = None
    if MANIFEST in listed:  # the bounded reader: a damaged or made-up manifest is exit 3
        manifest = parse_json(read_text(folder / MANIFEST), str(folder / MANIFEST))
    items = manifest.get("items") if isinstance(manifest, dict) else None
    if not isinstance(items, list) or not all(
        isinstance(i, dict) and isinstance(i.get("files", {}), dict) for i in items
    ):
        return [*problems, f"{MANIFEST}: not the manifest footprint writes"]
    for item in items:
        for name, digest in item.get("files", {}).items():
            path = _member(folder, name)
            if path is None:
                problems.append(f"{name}: not a file of this package")
            elif path.is_file() and sha256(path.read_bytes()) != digest:
                problems.append(f"{name}: does not match the manifest")
    return problems
