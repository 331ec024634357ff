"""`footprint forget`: delete saved audits (or everything, with the cache folder)."""

from __future__ import annotations

import typer

from footprint.cli.app import app
from footprint.cli.terminal import stdin_is_terminal
from footprint.errors import InputError, UsageError


def plural(n: int, noun: str) -> str:
    return f"{n} {noun if n == 1 else noun + 's'}"


@app.command()
def forget(
    all_: bool = typer.Option(False, "--all", help="Everything, with the cache folder."),
    audit: str | None = typer.Option(None, "--audit", metavar="ID", help="One audit."),
    name: str | None = typer.Option(None, "--name", help="Every audit of this name."),
    yes: bool = typer.Option(False, "--yes", "-y", help="Do not ask first."),
) -> None:
    """Delete stored data for good; asks first."""
    from footprint import paths
    from footprint.store import Store

    if sum((all_, audit is not None, name is not None)) != 1:
        raise UsageError("say what to forget: one of --all, --audit ID or --name NAME")
    if not yes and not stdin_is_terminal():
        raise UsageError("footprint forget asks before deleting: run it in a terminal or add --yes")
    with Store.open() as store:
        if all_:
            what = (
                f"every saved audit, correction and removal request in {store.path}, "
                f"and the cache folder {paths.cache_dir()} (the HTTP cache and the prepared "
                "word lists, rebuilt in about 30 seconds when next needed)"
            )
            ids: list[int] = []
        elif audit is not None:
            info = store.find_audit(audit)
            ids = [info.id]
            what = f"audit {info.id} ({info.name}, {info.date}, {info.results} results)"
        else:
            ids = [a.id for a in store.audits(name)]
            if not ids:
                raise InputError(f"no saved audits of {name!r}: 'footprint history' lists them")
            what = f"{plural(len(ids), 'audit')} of {name!r}"
        if not yes and not typer.confirm(f"Delete {what}?", default=False):
            typer.echo("Nothing deleted.", err=True)
            raise typer.Exit(0)
        if all_:
            gone = store.forget_all()
            typer.echo(
                f"Deleted {plural(gone.audits, 'audit')} ({plural(gone.results, 'result')}), "
                f"{plural(gone.corrections, 'correction')}, "
                f"{plural(gone.requests, 'removal request')}"
                + (", the workshop share key" if gone.share_key else "")
                + (f" and the cache folder ({paths.cache_dir()})." if gone.cache else "."),
                err=True,
            )
        else:
            n_audits, n_results = store.forget_audits(ids)
            typer.echo(
                f"Deleted {plural(n_audits, 'audit')} ({plural(n_results, 'result')}). "
                "Corrections and removal requests are kept.",
                err=True,
            )
