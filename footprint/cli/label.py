"""`footprint label`: your corrections, which override the classifier from now on."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from footprint.cli.app import app, warn
from footprint.cli.common import echo_summary
from footprint.cli.history import ListFormat, print_json
from footprint.errors import UsageError

if TYPE_CHECKING:
    from footprint.models import Category
    from footprint.store import Label, Store


@app.command()
def label(
    url: str | None = typer.Argument(None, help="The result's address."),
    category: str | None = typer.Argument(
        None, help="work, private, activism, defunct or namesake."
    ),
    note: str = typer.Option("", "--note", help="Why, in your words (shown in reports)."),
    list_: bool = typer.Option(False, "--list", help="List your corrections."),
    remove: str | None = typer.Option(None, "--remove", metavar="URL", help="Drop a correction."),
    remember: bool | None = typer.Option(
        None,
        "--remember/--no-remember",
        help="Keep what the result tells: another person's town, birth year and trade for "
        "'namesake' (strong evidence in every later audit), or your own town or username. "
        "Asked in a terminal when not given.",
    ),
    fmt: ListFormat = typer.Option(ListFormat.table, "--format", "-f", help="Format of --list."),
) -> None:
    """Correct a result's category: your word overrides the classifier in every report."""
    from footprint.store import Store
    from footprint.store.labels import parse_category

    _check_usage(url, category, list_, remove)
    with Store.open() as store:
        if list_:
            _list(store.labels(), fmt)
        elif remove is not None:
            store.remove_label(remove)
            echo_summary(f"Removed your correction for {remove}.")
        else:
            assert url is not None and category is not None
            chosen = parse_category(category)
            saved = store.set_label(url, chosen, note)
            echo_summary(
                f"Saved: {saved.url} is {saved.category.value} (your correction), "
                "in this and every later audit and report."
            )
            if store.seen(saved.url) is None:
                warn("no saved audit has this address yet; the correction waits for one that does")
            elif remember is not False:
                _teach(store, saved.url, chosen, remember)


def _teach(store: Store, url: str, category: Category, remember: bool | None) -> None:
    """Offer to remember what the corrected result tells about the other results."""
    from footprint.cli.terminal import stdin_is_terminal
    from footprint.corrections import NAMESAKE, suggest
    from footprint.corrections import remember as keep

    suggestion = suggest(store, url, category)
    if suggestion.empty:
        return
    who = "the other person" if suggestion.kind == NAMESAKE else "you"
    what = f"{who}: {suggestion.describe()}"
    if remember is None:
        if not stdin_is_terminal():
            echo_summary(f"This result shows {what}. Add --remember to use it in later audits.")
            return
        if not _confirm(f"This result shows {what}. Remember it for later audits?"):
            return
    keep(store, suggestion)
    echo_summary(f"Remembered {what}; later audits sort with it.")


def _confirm(question: str) -> bool:
    """Ask yes/no; no answer at all (closed input) counts as no."""
    try:
        return typer.confirm(question, default=True)
    except typer.Abort:
        return False


def _check_usage(url: str | None, category: str | None, list_: bool, remove: str | None) -> None:
    """Missing or clashing arguments: a usage mistake, before anything is opened."""
    if list_ and (remove is not None or url is not None):
        raise UsageError("--list takes no address: use it alone, or drop it to save a correction")
    if remove is not None and url is not None:
        raise UsageError("--remove URL takes no other address: give one or the other")
    if not list_ and remove is None and (url is None or category is None):
        raise UsageError(
            "give an address and a category, e.g. "
            "'footprint label https://example.fi/page namesake', or use --list / --remove URL"
        )


def _list(labels: list[Label], fmt: ListFormat) -> None:
    if fmt is ListFormat.json:
        print_json([entry.to_dict() for entry in labels])
        return
    if not labels:
        echo_summary("No corrections yet: 'footprint label URL CATEGORY' adds one.")
        return
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from footprint.cli.history import local_time

    table = Table(pad_edge=False, expand=True)
    table.add_column("address", ratio=1, overflow="fold")
    table.add_column("category", no_wrap=True)
    table.add_column("note", ratio=1, overflow="fold")
    table.add_column("since", no_wrap=True)
    for entry in labels:
        table.add_row(
            Text(entry.url, style="blue"),
            entry.category.value,
            Text(entry.note),
            local_time(entry.created_at)[:10],
        )
    Console().print(table)
