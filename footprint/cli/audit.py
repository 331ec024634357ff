"""`footprint audit`: search, check, classify, save, and write the PDF report."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from footprint.cli.app import app, warn
from footprint.cli.common import announce_first_run, person_for_search, writable
from footprint.cli.report import Lang

if TYPE_CHECKING:
    from footprint.models import PageCheck, SearchResult
    from footprint.profile import Profile
    from footprint.search import SearchOutcome

Update = Callable[[str, int, int], None]

_STAGES = {"search": "searching", "check": "checking pages", "classify": "sorting results"}


@contextmanager
def progress_display() -> Iterator[Update | None]:
    """One progress bar on standard error for the whole audit; nothing when not a terminal."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn("{task.description}", markup=False), BarColumn(),
               MofNCompleteColumn(), TimeElapsedColumn())  # fmt: skip
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("searching", total=None)

        def update(label: str, done: int, total: int) -> None:
            bar.update(task, description=label[:60], completed=done, total=total or None)

        yield update


@app.command()
def audit(
    name: str = typer.Argument(
        ..., help='Your name as people search for it, e.g. "Laura Hietanen".'
    ),
    profile: Path | None = typer.Option(None, "--profile", "-p", help="Your profile TOML."),
    provider: list[str] | None = typer.Option(
        None,
        "--provider",
        help="A search provider (repeat for more); default: every configured one.",
    ),
    from_file: Path | None = typer.Option(
        None, "--from", help="Saved search results (JSON, JSONL or CSV) for the file provider."
    ),
    lang: Lang | None = typer.Option(None, "--lang", help="Report language: fi, sv or en."),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="The PDF to write (default: reports/<name>-<date>.pdf)."
    ),
    html: Path | None = typer.Option(None, "--html", help="Also write the report as HTML."),
    json_path: Path | None = typer.Option(None, "--json", help="Also write the audit as JSON."),
    offline: bool = typer.Option(
        False, "--offline", help="Do not check the pages over the network."
    ),
    max_results: int = typer.Option(
        50, "--max-results", min=1, max=1000, help="Results per query."
    ),
    concurrency: int = typer.Option(
        16, "--concurrency", min=1, max=64, help="Pages checked at once."
    ),
    resume: bool = typer.Option(
        False, "--resume", help="Finish the last interrupted audit of NAME."
    ),
) -> None:
    """Search the web for yourself, check and sort every result, and write the PDF report."""
    from footprint.audit import Auditor
    from footprint.check import NameServerCheck
    from footprint.cli.progress import UNTRUSTED_DNS_WARNING
    from footprint.cli.report import (
        default_pdf_path,
        render_outputs,
        report_language,
        slug,
        write_outputs,
    )  # fmt: skip
    from footprint.report.saved import audit_document, audit_json
    from footprint.search import make_providers, run_search
    from footprint.store import apply_labels
    from footprint.store.sink import open_audit_sink

    person = person_for_search(name, profile)
    chosen = report_language(lang, person)
    providers = make_providers(provider or None, from_file=from_file)
    generated = datetime.now().astimezone()
    pdf = output or default_pdf_path(slug(person.name), generated.date())
    writable(pdf, html, json_path)

    searched_with = [p.name for p in providers]
    with (
        open_audit_sink(person.name, person, resume, providers=searched_with) as sink,
        progress_display() as update,
    ):

        def search(p: Profile) -> SearchOutcome:
            def relay(label: str, done: int, total: int) -> None:
                if update is not None:
                    update(f"searching: {label}", done, total)

            return run_search(p, providers, max_results=max_results, progress=relay)

        names = NameServerCheck()

        def check(results: Sequence[SearchResult]) -> list[PageCheck]:
            from footprint.check import check_results

            def relay(done: int, total: int) -> None:
                if update is not None:
                    update("checking pages", done, total)

            return check_results(results, concurrency=concurrency, progress=relay, names=names)

        def stage(label: str, done: int, total: int) -> None:
            if update is not None:
                update(_STAGES.get(label, label), done, total)

        state = sink.resume
        announce_first_run()
        auditor = Auditor(person, search=search, check=check, sink=sink, progress=stage)
        outcome = auditor.run(
            offline=offline,
            known_checks=dict(state.checks) if state else None,
            known_results=list(state.results) if state and state.results else None,
        )
        findings = apply_labels(list(outcome.findings), sink.store.labels())
        previous = sink.store.previous_context(sink.audit_id) if sink.audit_id else None
        tracked = sink.store.tracked_context(generated)
        if update is not None:
            update("writing the report", 0, 0)
        outputs = render_outputs(
            findings, person, lang=chosen, generated=generated, pdf=pdf, html=html,
            failures=outcome.failures, previous=previous, tracked=tracked,
        )  # fmt: skip
    if json_path is not None:
        outputs[json_path] = audit_json(audit_document(
            findings, person, name=person.name, lang=chosen, generated=generated.isoformat(),
            failures=outcome.failures, queries_sent=outcome.queries_sent,
        ))  # fmt: skip
    write_outputs(outputs)
    if names.untrusted:
        warn(UNTRUSTED_DNS_WARNING)
    for notice in outcome.notices:
        warn(notice)
    for failure in outcome.failures:
        warn(f"search source failed: {failure}")
    typer.echo(f"{len(findings)} results; report written to {pdf}")
    for path in outputs:
        if path != pdf:
            typer.echo(f"Wrote {path}")
    if outcome.partial:
        raise typer.Exit(int(outcome.exit_status()))
