"""Helpers shared by the command modules: profiles from options, output formats."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from footprint.cli.app import warn
from footprint.errors import UsageError

if TYPE_CHECKING:
    from footprint.models import Finding
    from footprint.profile import Profile


class Format(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


FINDING_COLUMNS = (
    "url", "title", "category", "confidence", "year", "topic", "page_status", "reasons",
    "snippet", "published", "rank", "provider", "query",
)  # fmt: skip


def resolve_profile(path: Path | None, name: str | None, queries: Sequence[str] = ()) -> Profile:
    """The profile from `--profile`, else a bare one from `--name` or the results' queries."""
    from footprint.profile import Profile, load_profile

    if path is not None:
        loaded = load_profile(path)
        for message in loaded.warnings:
            warn(message)
        return loaded.profile
    if name:
        return Profile(name=" ".join(name.split()))
    quoted = Counter(q.strip().split('"')[1] for q in queries if q.count('"') >= 2)
    if quoted:
        guess = quoted.most_common(1)[0][0]
        warn(f"no --profile given: sorting results for {guess!r} (from the queries)")
        return Profile(name=guess)
    raise UsageError('whose results are these? give --profile FILE or --name "First Last"')


def person_for_search(name: str, profile_path: Path | None) -> Profile:
    """The profile, searched under NAME; a different profile name is said and kept as an alias."""
    from footprint.profile import for_name

    person, notice = for_name(resolve_profile(profile_path, name), name)
    if notice and profile_path is not None:
        warn(f"{profile_path}: {notice}")
    return person


def emit_findings(findings: Sequence[Finding], fmt: Format) -> None:
    """Print findings in the chosen format to standard output."""
    from footprint import records

    dicts = [f.to_dict() for f in findings]
    if fmt is Format.json:
        sys.stdout.write(records.to_json(dicts))
    elif fmt is Format.jsonl:
        sys.stdout.write(records.to_jsonl(dicts))
    elif fmt is Format.csv:
        sys.stdout.write(records.to_csv(dicts, FINDING_COLUMNS))
    else:
        from footprint.cli.table import findings_table

        findings_table(findings)


FORCE_HELP = "Replace output files that already exist."


def writable(*paths: Path | None, force: bool = False) -> None:
    """Fail before any work when an output path cannot be written, or exists without --force."""
    from footprint.paths import ensure_writable

    for path in paths:
        if path is not None and str(path) != "-":
            ensure_writable(path, overwrite=force)


def announce_first_run() -> None:
    """Say why the very first classification on a machine takes half a minute."""
    from footprint.classify.lemmas import tables_ready

    if not tables_ready():
        echo_summary(
            "Preparing the Finnish, Swedish and English word lists; this happens once "
            "and takes about half a minute…"
        )


def echo_summary(text: str) -> None:
    """A summary line for people: on standard error, so piped output stays clean."""
    typer.echo(text, err=True)
