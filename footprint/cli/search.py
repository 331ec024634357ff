"""`footprint search`: find what the web shows about a person and write result records."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from footprint.cli.app import app, warn
from footprint.cli.common import FORCE_HELP, echo_summary, person_for_search, writable
from footprint.errors import ConfigError, ExitStatus, NetworkError, OutputError

if TYPE_CHECKING:
    from footprint.search import SearchOutcome


def _report(outcome: SearchOutcome) -> None:
    for notice in outcome.notices:
        warn(notice)
    for failure in outcome.failures:
        times = f" ({failure.count} queries)" if failure.count > 1 else ""
        warn(f"{failure.provider} failed ({failure.kind.value}){times}: {failure.message}")


@app.command()
def search(
    name: str = typer.Argument(..., help='Your name, e.g. "Laura Hietanen".'),
    profile: Path | None = typer.Option(None, "--profile", "-p", help="Your profile TOML."),
    provider: list[str] | None = typer.Option(
        None,
        "--provider",
        help="A provider to use (repeatable): brave, searxng, serpapi, google, duckduckgo, "
        "file. Default: every configured one, duckduckgo when none is.",
    ),
    max_results: int = typer.Option(
        50, "--max-results", min=1, max=200, help="Results per query and provider, at most."
    ),
    lang: str | None = typer.Option(
        None, "--lang", help="Languages to search in, e.g. fi,sv,en (default: the profile's)."
    ),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="Write JSONL here (readable only by you) instead of stdout."
    ),
    from_file: Path | None = typer.Option(
        None, "--from", help="Use results saved in a JSON, JSONL or CSV file."
    ),
    no_cache: bool = typer.Option(False, "--no-cache", help="Ask the providers again."),
    force: bool = typer.Option(False, "--force", help=FORCE_HELP),
) -> None:
    """Search the web for yourself and write one result record per page found."""
    from footprint import pipeline, records
    from footprint.cli.progress import progress_bar
    from footprint.paths import atomic_write
    from footprint.search import parse_languages

    writable(output, force=force)
    person = person_for_search(name, profile)
    languages = parse_languages(lang)
    providers = pipeline.providers_for(provider, no_cache=no_cache, from_file=from_file)
    with progress_bar() as sink:
        outcome = pipeline.search(
            person, providers, max_results=max_results, languages=languages, progress=sink
        )
    _report(outcome)
    status = outcome.exit_status()
    if status in (ExitStatus.NETWORK, ExitStatus.CONFIG):
        message = "every provider failed and nothing was found: see the warnings above"
        raise (ConfigError if status is ExitStatus.CONFIG else NetworkError)(message)
    text = records.to_jsonl(r.to_dict() for r in outcome.results)
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        try:
            with atomic_write(output, private=True, overwrite=force) as tmp:
                tmp.write_text(text, encoding="utf-8")
        except OutputError as exc:
            raise OutputError(
                f"{exc}; the answers are cached for a day, so running the search again "
                "with another --output spends no quota"
            ) from None
    echo_summary(outcome.summary() + (f"; written to {output}" if output else ""))
    if status is not ExitStatus.OK:
        raise typer.Exit(int(status))
