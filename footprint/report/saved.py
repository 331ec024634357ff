"""Saved audits: the JSON `footprint audit --json` writes, and reading it (or a
`classify --format json` file) back so that `footprint report` can render again offline.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from footprint.errors import InputError
from footprint.models import Finding
from footprint.profile import Profile, profile_from_mapping
from footprint.reading import kind_of, parse_json
from footprint.settings import LANGUAGES

AUDIT_SCHEMA = 1


@dataclass(frozen=True)
class SavedAudit:
    """An audit read back from a file."""

    profile: Profile
    findings: list[Finding]
    failures: list[str]
    lang: str | None = None
    generated: str | None = None
    complete: bool = True


def audit_document(
    findings: Sequence[Finding],
    profile: Profile,
    *,
    name: str,
    lang: str,
    generated: str,
    failures: Sequence[str] = (),
    complete: bool = True,
    queries_sent: int = 0,
) -> dict[str, Any]:
    """The audit as the JSON document `footprint audit --json` writes (schema 1)."""
    return {
        "schema": AUDIT_SCHEMA,
        "name": name,
        "generated": generated,
        "profile": profile.to_dict(),
        "lang": lang,
        "complete": complete,
        "queries_sent": queries_sent,
        "findings": [f.to_dict() for f in findings],
        "failures": list(failures),
    }


def audit_json(document: Mapping[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def load_saved(path: Path, *, profile: Profile | None = None) -> SavedAudit:
    """An audit JSON file, or a `classify --format json` file with `profile` given."""
    from footprint.records import read_findings, read_text

    text = read_text(path)
    if text.lstrip().startswith("{"):
        data = parse_json(text, str(path), several=True)  # None: JSONL of findings
        if isinstance(data, dict) and "findings" in data:
            return _from_document(data, str(path), profile)
    if profile is None:
        raise InputError(
            f"{path}: a 'classify --format json' file does not say whose results these are: "
            'give --profile FILE or --name "First Last"'
        )
    return SavedAudit(profile=profile, findings=read_findings(path), failures=[])


def _from_document(data: Mapping[str, Any], source: str, profile: Profile | None) -> SavedAudit:
    schema = data.get("schema")
    if schema != AUDIT_SCHEMA:
        raise InputError(
            f"{source}: audit file schema {schema!r} is not supported (this footprint reads "
            f"schema {AUDIT_SCHEMA}): upgrade footprint or run the audit again"
        )
    if profile is None:
        raw = data.get("profile")
        if isinstance(raw, Mapping):
            profile = profile_from_mapping(dict(raw), f"{source}: profile").profile
        elif isinstance(data.get("name"), str) and data["name"].strip():
            profile = Profile(name=" ".join(data["name"].split()))
        else:
            raise InputError(f"{source}: the audit names no person: give --profile or --name")
    raw_findings = data.get("findings")
    if not isinstance(raw_findings, list):
        raise InputError(f"{source}: 'findings' must be a list")
    findings = []
    for i, item in enumerate(raw_findings, 1):
        if not isinstance(item, Mapping) or "category" not in item:
            raise InputError(f"{source}: finding {i} has no 'category'")
        try:
            findings.append(Finding.from_dict(item))
        except (ValueError, KeyError, TypeError) as exc:
            raise InputError(f"{source}: finding {i}: {exc}") from None
    lang, failures = data.get("lang"), data.get("failures") or []
    if not isinstance(failures, list) or not all(isinstance(f, str) for f in failures):
        raise InputError(f"{source}: 'failures' must be a list of texts, not {kind_of(failures)}")
    generated, complete = data.get("generated"), data.get("complete", True)
    if generated is not None and not isinstance(generated, str):
        raise InputError(f"{source}: 'generated' must be a date and time as text")
    if not isinstance(complete, bool):
        raise InputError(f"{source}: 'complete' must be true or false, not {kind_of(complete)}")
    return SavedAudit(
        profile=profile,
        findings=findings,
        failures=list(failures),
        lang=lang if lang in LANGUAGES else None,
        generated=generated or None,
        complete=complete,
    )
