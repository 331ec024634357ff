"""`footprint history`, `diff` and `export`: the saved audits, what changed, and a copy."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from footprint.cli.app import app, warn
from footprint.cli.common import FORCE_HELP, echo_summary, writable
from footprint.errors import UsageError

if TYPE_CHECKING:
    from rich.text import Text

    from footprint.store import AuditDiff, AuditInfo

CATEGORIES = ("work", "private", "activism", "defunct", "namesake")


class ListFormat(StrEnum):
    table = "table"
    json = "json"


def local_time(iso: str | None) -> str:
    """An ISO timestamp as the person's local date and time."""
    from datetime import datetime

    if not iso:
        return ""
    return datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M")


def print_json(data: object) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


@app.command()
def history(
    name: str | None = typer.Option(None, "--name", help="Only the audits of this name."),
    fmt: ListFormat = typer.Option(ListFormat.table, "--format", "-f", help="Output format."),
) -> None:
    """List the saved audits: date, name, results per category, complete or not."""
    from footprint.store import Store

    with Store.open() as store:
        found = store.audits(name)
    if fmt is ListFormat.json:
        print_json([a.to_dict() for a in found])
        return
    if not found:
        echo_summary("No saved audits yet." if name is None else f"No saved audits of {name!r}.")
        return
    _history_table(found)


def _history_table(found: list[AuditInfo]) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from footprint.cli.table import STYLES

    table = Table(pad_edge=False, expand=True)
    table.add_column("id", justify="right", no_wrap=True)
    table.add_column("date", no_wrap=True)
    table.add_column("name", ratio=2, min_width=16, overflow="fold")
    table.add_column("results", ratio=3)
    table.add_column("complete", no_wrap=True)
    for audit in found:
        counts = Text(f"{audit.results}")
        for category in CATEGORIES:
            if audit.counts.get(category):
                counts.append(" · ")
                counts.append(f"{audit.counts[category]} {category}", STYLES.get(category, ""))
        table.add_row(
            str(audit.id),
            local_time(audit.started_at),
            Text(audit.name),
            counts,
            _completeness(audit),
        )
    Console().print(table)
    for audit in found:
        if audit.resumable:
            echo_summary(
                f"Audit {audit.id} was stopped before the end: "
                f"'footprint audit \"{audit.name}\" --resume' finishes it."
            )
    stopped = [str(a.id) for a in found if not a.complete and not a.resumable]
    if stopped:
        echo_summary(
            f"Stopped and replaced by a later audit of the same name: {', '.join(stopped)}; "
            "they are not compared by 'footprint diff' ('footprint forget --audit ID' "
            "deletes one)."
        )
    if any(a.status == "partial" for a in found):
        echo_summary(
            "A partial audit finished, but a search source failed: what it did not find "
            "is not counted as removed; run the audit again when the source works."
        )


def _completeness(audit: AuditInfo) -> Text:
    """yes; partial (finished, but a search source failed); no (stopped, can be resumed);
    stopped (stopped, and a later audit of the name replaced it)."""
    from rich.text import Text

    if audit.status == "partial":
        return Text("partial", style="bold yellow")
    if audit.complete:
        return Text("yes")
    return Text("no", style="bold red") if audit.resumable else Text("stopped", style="dim")


@app.command()
def diff(
    old: str | None = typer.Argument(None, help="The earlier audit's id ('footprint history')."),
    new: str | None = typer.Argument(None, help="The later audit's id (default: the latest)."),
    fmt: ListFormat = typer.Option(ListFormat.table, "--format", "-f", help="Output format."),
) -> None:
    """Show what is new, gone, or changed category or page status between two audits."""
    from footprint.store import Store

    with Store.open() as store:
        before, after = store.diff_pair(old, new)
        changes = store.diff(before.id, after.id)
    if before.name != after.name:
        warn(
            f"audit {before.id} is of {before.name!r} and audit {after.id} of {after.name!r}: "
            "the comparison is between different names"
        )
    if not after.complete:
        warn(f"audit {after.id} is incomplete: 'gone' may list results it did not reach")
    elif after.status == "partial":
        warn(f"audit {after.id} is partial (a search source failed): 'gone' may not be gone")
    if fmt is ListFormat.json:
        print_json(
            {"old_audit": before.to_dict(), "new_audit": after.to_dict(), **changes.to_dict()}
        )
        return
    _print_diff(before, after, changes)


def _print_diff(before: AuditInfo, after: AuditInfo, changes: AuditDiff) -> None:
    from rich.console import Console
    from rich.text import Text

    console = Console()
    console.print(
        Text(
            f"Audit {before.id} ({local_time(before.started_at)}) → audit {after.id} "
            f"({local_time(after.started_at)}), {after.name}",
            style="bold",
        )
    )
    if not changes:
        console.print("Nothing changed.")
        return
    for heading, sign, found, style in (
        ("New", "+", changes.new, "bold green"),
        ("Gone", "-", changes.gone, "bold magenta"),
    ):
        if found:
            console.print(Text(f"\n{heading} ({len(found)})", style=style))
        for f in found:
            line = Text(f"  {sign} {f.classification.category.value:9} ")
            line.append(f.result.title or f.result.url)
            line.append(f"\n    {f.result.url}", style="blue")
            console.print(line)
    if changes.changed:
        console.print(Text(f"\nChanged ({len(changes.changed)})", style="bold yellow"))
        for change in changes.changed:
            d = change.to_dict()
            what = []
            if change.category_changed:
                what.append(f"{d['old_category']} → {d['new_category']}")
            if change.status_changed:
                what.append(f"page {d['old_status']} → {d['new_status']}")
            line = Text(f"  ~ {', '.join(what)}: ")
            line.append(d["title"] or d["url"])
            line.append(f"\n    {d['url']}", style="blue")
            console.print(line)


@app.command()
def export(
    audit: str = typer.Argument(..., help="The audit's id (see 'footprint history') or 'latest'."),
    fmt: str = typer.Option("json", "--format", "-f", help="json or csv."),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write here, not to stdout."),
    force: bool = typer.Option(False, "--force", help=FORCE_HELP),
) -> None:
    """Export a saved audit's results, with your corrections, as JSON or CSV."""
    from footprint.paths import write_private
    from footprint.store import Store
    from footprint.store.export import ExportFormat, export_text

    try:
        chosen = ExportFormat(fmt.strip().lower())
    except ValueError:
        raise UsageError(f"--format {fmt!r}: use json or csv") from None
    writable(output, force=force)
    with Store.open() as store:
        info = store.find_audit(audit)
        findings = store.load_findings(info.id)
    text = export_text(findings, chosen)
    if output is None:
        sys.stdout.write(text)
    else:
        write_private(output, text, overwrite=force)
    left = info.results - len(findings)
    where = f" to {output}" if output else ""
    echo_summary(
        f"Exported {len(findings)} results of audit {info.id} ({info.name}, {info.date}){where}"
        + (f"; {left} results were not sorted yet and are left out" if left else "")
    )
