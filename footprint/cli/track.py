"""`footprint track`: removal requests you sent, their deadlines, and what to do next."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from footprint.cli.app import app
from footprint.cli.common import echo_summary
from footprint.cli.history import ListFormat, print_json
from footprint.errors import InputError, UsageError
from footprint.settings import Language

if TYPE_CHECKING:
    from footprint.store import Store

CHANNELS = "site-owner|google-delisting|google-outdated|bing|archive|platform|ombudsman"


@app.command()
def track(
    url: str | None = typer.Argument(None, help="The address you asked to have removed."),
    channel: str | None = typer.Option(None, "--channel", "-c", help=f"Where: {CHANNELS}."),
    sent: str | None = typer.Option(None, "--date", help="When you sent it (YYYY-MM-DD; today)."),
    note: str = typer.Option("", "--note", help="Anything to remember, e.g. a case number."),
    list_: bool = typer.Option(False, "--list", help="List requests, overdue first."),
    all_: bool = typer.Option(False, "--all", help="With --list: closed requests too."),
    done: str | None = typer.Option(
        None, "--done", metavar="URL", help="Close URL's requests (only --channel's if given)."
    ),
    refused: str | None = typer.Option(
        None,
        "--refused",
        metavar="URL",
        help="The request for URL was refused (only --channel's if given): the Ombudsman is next.",
    ),
    letter: str = typer.Option(
        "",
        "--letter",
        metavar="KIND",
        help="Which letter you sent: erasure|objection|access|followup|ombudsman.",
    ),
    followup: str | None = typer.Option(
        None,
        "--followup",
        metavar="URL",
        help="Print the follow-up letter for URL's site, filled in from your requests (--lang).",
    ),
    lang: Language = typer.Option(Language.fi, "--lang", help="Language of --followup."),
    fmt: ListFormat = typer.Option(ListFormat.table, "--format", "-f", help="Format of --list."),
) -> None:
    """Record a removal request, list open ones with deadlines, or close one."""
    from footprint.store import Store
    from footprint.store.tracking import Status, parse_channel, parse_date, parse_letter
    from footprint.store.urlkey import url_key

    if followup is not None:
        with Store.open() as store:
            typer.echo(_followup_letter(store, followup, lang.value), nl=False)
        return
    if refused is not None and (done is not None or url is not None or list_):
        raise UsageError(
            "--refused URL goes alone (with --channel): 'footprint track --refused URL'"
        )
    if refused is not None:
        with Store.open() as store:
            marked = store.close_requests(
                refused, parse_channel(channel) if channel else None, Status.REFUSED
            )
            found = [
                r
                for r in store.requests()
                if r.status is Status.REFUSED and url_key(r.url) == url_key(refused)
            ]
        echo_summary(f"Marked {marked} request{'s' if marked != 1 else ''} for {refused} refused.")
        for request in found[:1]:
            echo_summary(f"Next: {request.next_step(store.today())[1]}.")
        return
    kind = parse_letter(letter) if letter else ""
    _check_usage(url, channel, list_, all_, done)
    with Store.open() as store:
        if list_:
            _list(store, all_, fmt)
            return
        if done is not None:
            closed = store.close_requests(done, parse_channel(channel) if channel else None)
            echo_summary(f"Closed {closed} request{'s' if closed != 1 else ''} for {done}.")
            return
        assert url is not None and channel is not None
        chosen = parse_channel(channel)
        day = parse_date(sent, store.today()) if sent else None
        request, new = store.track(url, chosen, day, note, kind)
    due = request.deadline
    echo_summary(
        f"{'Tracking' if new else 'Updated'}: {request.channel.value} request for {request.url}"
        + (f" ({request.letter} letter)" if request.letter else "")
        + f", sent {request.sent}"
        + (f"; the answer is due by {due}." if due else "; search engines have no deadline.")
    )


def _followup_letter(store: Store, url: str, lang: str) -> str:
    """The follow-up to the site of `url`: its open requests to a controller, the first date."""
    from footprint.report.letters import compose, controller_of
    from footprint.store.tracking import CONTROLLERS, Status

    site = controller_of(url)
    mine = [
        r
        for r in store.requests()
        if r.channel in CONTROLLERS and r.status is Status.OPEN and controller_of(r.url) == site
    ]
    if not site or not mine:
        raise InputError(
            f"no open request to the site of {url}: 'footprint track --list' shows them"
        )
    first = min(mine, key=lambda r: r.sent)
    if not first.overdue(store.today()):
        raise InputError(
            f"the request to the site of {url}, sent {first.sent}, is not overdue: its answer"
            f" is due by {first.deadline}, and the follow-up letter is for a late answer"
        )
    name = first.name or i18n_name(lang)
    letter = compose("followup", site, [r.url for r in mine], name=name, lang=lang,
                     day=store.today(), sent=first.sent)  # fmt: skip
    return letter.text()


def i18n_name(lang: str) -> str:
    """The placeholder for a name footprint does not know."""
    return {"fi": "[nimesi]", "sv": "[ditt namn]", "en": "[your name]"}[lang]


def _check_usage(
    url: str | None, channel: str | None, list_: bool, all_: bool, done: str | None
) -> None:
    """Missing or clashing arguments: a usage mistake, before anything is opened."""
    if list_ and (url is not None or done is not None):
        raise UsageError("--list takes no address: use it alone (with --all for closed ones)")
    if all_ and not list_:
        raise UsageError("--all goes with --list: 'footprint track --list --all'")
    if done is not None and url is not None:
        raise UsageError("--done URL takes no other address: give one or the other")
    if not list_ and done is None and (url is None or channel is None):
        raise UsageError(
            f"give an address and --channel {CHANNELS}, e.g. 'footprint track "
            "https://example.fi/page --channel site-owner', or use --list / --done URL"
        )


def _list(store: Store, all_: bool, fmt: ListFormat) -> None:
    today = store.today()
    found = store.requests(include_closed=all_)
    if fmt is ListFormat.json:
        print_json([r.to_dict(today) for r in found])
        return
    if not found:
        echo_summary("No removal requests tracked: 'footprint track URL --channel …' adds one.")
        return
    from rich.console import Console
    from rich.text import Text

    console = Console()
    for request in found:
        overdue = request.overdue(today)
        flag = "OVERDUE" if overdue else request.status.value
        block = Text(f"{flag:8} ", style="bold red" if overdue else "bold")
        block.append(request.url, style="blue")
        due = f" · answer due by {request.deadline}" if request.deadline else " · no deadline"
        sent_what = f"{request.letter} letter · " if request.letter else ""
        block.append(f"\n         {request.channel.value} · {sent_what}sent {request.sent}{due}")
        if request.note:
            block.append(f"\n         note: {request.note}", style="dim")
        block.append(f"\n         next: {request.next_step(today)[1]}")
        console.print(block)
    late = sum(r.overdue(today) for r in found)
    if late:
        echo_summary(f"{late} overdue: a controller must answer a GDPR request within one month.")
