"""The page check with a progress bar: on a terminal only, on standard error."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from footprint.models import PageCheck, SearchResult

if TYPE_CHECKING:
    from footprint.check import NameServerCheck

UNTRUSTED_DNS_WARNING = (
    "your name server says even well-known sites do not exist, so pages it could not find "
    "are marked 'unreachable', not 'gone': check your network or DNS and run again."
)


def run_checks(
    results: Sequence[SearchResult], *, concurrency: int = 16, archive: str = "auto"
) -> list[PageCheck]:
    """Check every result's page; a rich progress bar shows while it runs on a terminal.

    When standard error is not a terminal (piped, redirected, under a test) nothing
    extra is printed, except one warning when the name server denied even well-known
    names (every "no such name" answer then counts as `unreachable`).
    """
    from footprint.check import NameServerCheck

    names = NameServerCheck()
    checks = _checks(results, concurrency, archive, names)
    if names.untrusted:
        from footprint.cli.app import warn

        warn(UNTRUSTED_DNS_WARNING)
    return checks


def _checks(
    results: Sequence[SearchResult], concurrency: int, archive: str, names: NameServerCheck
) -> list[PageCheck]:
    from footprint.check import check_results

    if not results or not sys.stderr.isatty():
        return check_results(results, concurrency=concurrency, archive=archive, names=names)
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn("checking pages"), BarColumn(), MofNCompleteColumn(),
               TimeElapsedColumn())  # fmt: skip
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("check", total=len({r.url for r in results}))

        def advance(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        return check_results(results, concurrency=concurrency, archive=archive,
                             progress=advance, names=names)  # fmt: skip
