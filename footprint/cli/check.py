"""`footprint check`: is each result's page live, gone, parked or ceased — and archived?"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path
from typing import Any

import typer

from footprint.cli.app import app
from footprint.cli.common import Format, echo_summary
from footprint.models import PageCheck, SearchResult

CHECK_COLUMNS = (
    "url", "title", "status", "reason", "http_status", "final_url", "page_title",
    "archive_available", "archive_url", "first_capture", "last_capture", "checked_at",
)  # fmt: skip

STATUS_STYLES = {
    "live": "green",
    "gone": "red",
    "parked": "magenta",
    "ceased": "yellow",
    "unreachable": "dim",
    "skipped": "dim",
}


class ArchiveMode(StrEnum):
    auto = "auto"
    all = "all"
    none = "none"


@app.command()
def check(
    results: Path = typer.Argument(
        ..., help="Results file: JSONL, JSON array or CSV ('-' for stdin)."
    ),
    fmt: Format = typer.Option(Format.table, "--format", "-f", help="Output format."),
    concurrency: int = typer.Option(
        16, "--concurrency", min=1, max=64, help="Pages checked at once."
    ),
    archive: ArchiveMode = typer.Option(
        ArchiveMode.auto,
        "--archive",
        help="Ask the Internet Archive: auto (pages gone, parked or ceased), all, or none.",
    ),
) -> None:
    """Check each result's page: live, gone, parked, ceased, unreachable or skipped."""
    from footprint.cli.progress import run_checks
    from footprint.records import read_results

    records = read_results(results)
    checks = run_checks(records, concurrency=concurrency, archive=archive.value)
    emit_checks(records, checks, fmt)
    counts = Counter(c.status.value for c in checks)
    summary = ", ".join(f"{n} {status}" for status, n in counts.most_common())
    echo_summary(f"{len(checks)} pages: {summary or 'none'}")


def flat_row(result: SearchResult, check: PageCheck) -> dict[str, Any]:
    """One CSV row: the result's address and title with the check's fields."""
    archive = check.archive
    return {
        "url": result.url,
        "title": result.title,
        "status": check.status.value,
        "reason": check.reason,
        "http_status": check.http_status,
        "final_url": check.final_url,
        "page_title": check.title,
        "archive_available": None if archive is None else archive.available,
        "archive_url": archive.url if archive else None,
        "first_capture": archive.first_capture if archive else None,
        "last_capture": archive.last_capture if archive else None,
        "checked_at": check.checked_at,
    }


def emit_checks(results: Sequence[SearchResult], checks: Sequence[PageCheck], fmt: Format) -> None:
    """Print the checks: json/jsonl give each result's fields plus "check": {...}."""
    from footprint import records

    if fmt is Format.table:
        checks_table(results, checks)
        return
    if fmt is Format.csv:
        rows = [flat_row(r, c) for r, c in zip(results, checks, strict=True)]
        sys.stdout.write(records.to_csv(rows, CHECK_COLUMNS))
        return
    dicts = [{**r.to_dict(), "check": c.to_dict()} for r, c in zip(results, checks, strict=True)]
    if fmt is Format.json:
        sys.stdout.write(records.to_json(dicts))
    else:
        sys.stdout.write(records.to_jsonl(dicts))


def checks_table(results: Sequence[SearchResult], checks: Sequence[PageCheck]) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(expand=True, pad_edge=False)
    table.add_column("#", justify="right", no_wrap=True, width=3)
    table.add_column("status", no_wrap=True, width=11)
    table.add_column("page and why", ratio=1, overflow="fold")
    for i, (result, page) in enumerate(zip(results, checks, strict=True), 1):
        body = Text(result.url, style="blue")
        body.append(f"\n{page.reason}", style="dim")
        if page.archive and page.archive.available:
            body.append(f"\narchived: {page.archive.url}", style="dim")
        table.add_row(str(i), Text(page.status.value, style=STATUS_STYLES[page.status.value]), body)
    Console().print(table)
