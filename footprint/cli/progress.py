"""The page check with a progress bar: on a terminal only, on standard error."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from footprint.models import PageCheck, SearchResult


def run_checks(
    results: Sequence[SearchResult], *, concurrency: int = 16, archive: str = "auto"
) -> list[PageCheck]:
    """Check every result's page; a rich progress bar shows while it runs on a terminal.

    When standard error is not a terminal (piped, redirected, under a test) nothing
    extra is printed.
    """
    from footprint.check import check_results

    if not results or not sys.stderr.isatty():
        return check_results(results, concurrency=concurrency, archive=archive)
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn("checking pages"), BarColumn(), MofNCompleteColumn(),
               TimeElapsedColumn())  # fmt: skip
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("check", total=len({r.url for r in results}))

        def advance(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        return check_results(results, concurrency=concurrency, archive=archive, progress=advance)
