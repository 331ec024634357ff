"""`footprint classify`: sort result records into categories, with reasons."""

from __future__ import annotations

from pathlib import Path

import typer

from footprint.cli.app import app, warn
from footprint.cli.common import Format, announce_first_run, emit_findings, resolve_profile


@app.command()
def classify(
    results: Path = typer.Argument(
        ..., help="Results file: JSONL, JSON array or CSV ('-' for stdin)."
    ),
    profile: Path | None = typer.Option(None, "--profile", "-p", help="Your profile TOML."),
    name: str | None = typer.Option(None, "--name", help="Your name, when you have no profile."),
    fmt: Format = typer.Option(Format.table, "--format", "-f", help="Output format."),
    offline: bool = typer.Option(
        False, "--offline", help="Do not check the pages over the network."
    ),
    concurrency: int = typer.Option(
        16, "--concurrency", min=1, max=64, help="Pages checked at once."
    ),
) -> None:
    """Sort each result into work, private, activism, defunct or namesake, and say why."""
    from footprint.classify import classify_all
    from footprint.records import read_results

    records = read_results(results)
    if not records:
        warn(f"{results}: no results in it; nothing to sort")
    person = resolve_profile(profile, name, [r.query for r in records])
    checks = None
    if not offline and records:
        from footprint.cli.progress import run_checks

        checks = run_checks(records, concurrency=concurrency)
    announce_first_run()
    emit_findings(classify_all(records, person, checks), fmt)
