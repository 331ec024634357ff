"""Tables for people, drawn with rich and readable in an 80-column terminal."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from urllib.parse import urlsplit

from footprint.models import Finding

STYLES = {
    "namesake": "dim",
    "defunct": "magenta",
    "activism": "yellow",
    "work": "cyan",
    "private": "green",
}


def findings_table(findings: Sequence[Finding]) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console()
    table = Table(show_lines=False, expand=True, pad_edge=False)
    table.add_column("#", justify="right", no_wrap=True, width=3)
    table.add_column("category", no_wrap=True, width=9)
    table.add_column("year", no_wrap=True, width=4)
    table.add_column("result and why", ratio=1, overflow="fold")
    for i, finding in enumerate(findings, 1):
        c = finding.classification
        body = Text()
        body.append(finding.result.title or finding.result.url, style="bold")
        body.append(f"\n{urlsplit(finding.result.url).netloc}", style="blue")
        if finding.check is not None:
            body.append(f" · page {finding.check.status.value}", style="dim")
        for reason in c.reasons[:3]:
            body.append(f"\n· {reason.text}", style="dim")
        label = Text(c.category.value, style=STYLES.get(c.category.value, ""))
        if c.corrected:
            label.append("*")
        table.add_row(str(i), label, str(c.year or ""), body)
    console.print(table)
    counts = Counter(f.classification.category.value for f in findings)
    summary = ", ".join(f"{n} {cat}" for cat, n in counts.most_common())
    console.print(f"{len(findings)} results: {summary or 'none'}")
