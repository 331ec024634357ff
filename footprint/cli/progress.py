"""The one progress display of the CLI: a rich bar on standard error, on a terminal only.

It draws the library's progress events (`footprint.progress`); when standard error is
not a terminal (piped, redirected, under a test) nothing extra is printed.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING

from footprint.cli.terminal import stderr_is_terminal
from footprint.progress import (
    Event,
    ProgressSink,
    StageAdvanced,
    StageFinished,
    StageStarted,
)

if TYPE_CHECKING:
    from footprint.models import PageCheck, SearchResult

LABELS = {
    "search": "searching",
    "check": "checking pages",
    "classify": "sorting results",
    "report": "writing the report",
}


@contextmanager
def progress_bar() -> Iterator[ProgressSink | None]:
    """A sink drawing one bar for the whole run; None when standard error is no terminal."""
    if not stderr_is_terminal():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn("{task.description}", markup=False), BarColumn(),
               MofNCompleteColumn(), TimeElapsedColumn())  # fmt: skip
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(LABELS["search"], total=None)

        def show(event: Event) -> None:
            if isinstance(event, StageStarted):
                bar.update(task, description=LABELS[event.stage], completed=0,
                           total=event.total or None)  # fmt: skip
            elif isinstance(event, StageAdvanced):
                label = LABELS[event.stage]
                if event.detail:
                    label = f"{label}: {event.detail}"
                bar.update(task, description=label[:60], completed=event.done,
                           total=event.total or None)  # fmt: skip
            elif isinstance(event, StageFinished) and event.total:
                bar.update(task, completed=event.total, total=event.total)

        yield show


def run_checks(
    results: Sequence[SearchResult], *, concurrency: int = 16, archive: str = "auto"
) -> list[PageCheck]:
    """Check every result's page with the progress bar; warn once if the name server lied."""
    from footprint.cli.app import warn
    from footprint.pipeline import check_pages

    with progress_bar() as sink:
        if sink is not None and results:
            sink(StageStarted("check", len({r.url for r in results})))
        checked = check_pages(results, concurrency=concurrency, archive=archive, progress=sink)
    for notice in checked.notices:
        warn(notice)
    return checked.checks
