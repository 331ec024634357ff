"""Where a participant's findings come from: an audit JSON file, a classify file, or the store."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from footprint.errors import InputError
from footprint.models import Finding
from footprint.reading import parse_json
from footprint.records import parse_records, read_text

AUDIT_SCHEMA = 1  # the version of `footprint audit --json` files this reads


def _findings(items: list[Any], source: str) -> list[Finding]:
    findings = []
    for i, item in enumerate(items, 1):
        if not isinstance(item, dict) or "category" not in item:
            raise InputError(
                f"{source}: finding {i} has no 'category': give the JSON of 'footprint audit "
                "--json' or of 'footprint classify --format json'"
            )
        try:
            findings.append(Finding.from_dict(item))
        except (ValueError, KeyError, TypeError) as exc:
            raise InputError(f"{source}: finding {i}: {exc}") from None
    return findings


def parse_audit(text: str, source: str) -> list[Finding]:
    """Findings from an audit JSON object, a JSON array or JSONL of classified results."""
    data = parse_json(text, source, several=True) if text.lstrip().startswith("{") else None
    if isinstance(data, dict) and ("findings" in data or "category" not in data):
        # else JSONL (or one finding on its own line) or an array: parse_records reads it
        if not isinstance(data.get("findings"), list):
            raise InputError(
                f"{source}: a JSON object without a 'findings' list: give the file of "
                "'footprint audit --json' or of 'footprint classify --format json'"
            )
        schema = data.get("schema", AUDIT_SCHEMA)
        if not isinstance(schema, int) or schema > AUDIT_SCHEMA:
            raise InputError(f"{source}: audit file schema {schema!r} is newer: update footprint")
        return _findings(data["findings"], source)
    if not text.lstrip().startswith(("{", "[")):
        raise InputError(f"{source}: not JSON: give the file of 'footprint audit --json'")
    return _findings(parse_records(text, source), source)


def read_audit_file(path: Path) -> list[Finding]:
    return parse_audit(read_text(path), str(path))


def load_audit(ref: str | None) -> tuple[list[Finding], str]:
    """The findings of an audit file, of a saved audit (an id or `latest`), or of the latest.

    Returns the findings and a few words saying which audit they are from.
    """
    if ref is not None and (Path(ref).exists() or not _looks_like_audit_id(ref)):
        return read_audit_file(Path(ref)), ref
    try:
        from footprint.store import Store
        from footprint.store.db import default_path
    except ImportError:  # pragma: no cover - a build without the store
        raise InputError("give the audit's JSON file (footprint audit --json FILE)") from None
    if not default_path().exists():
        raise InputError(
            "no saved audits yet: run 'footprint audit \"Your Name\"' first, "
            "or give an audit JSON file"
        )
    with Store.open() as store:
        info = store.find_audit(ref or "latest")
        findings = store.load_findings(info.id)
    return findings, f"saved audit {info.id} of {info.date}"


def _looks_like_audit_id(ref: str) -> bool:
    return ref.strip().isdigit() or ref.strip().lower() == "latest"
