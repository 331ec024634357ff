"""`footprint audit`: search, check, classify, save, and write the PDF report."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import typer

from footprint.cli.app import app, warn
from footprint.cli.common import FORCE_HELP, announce_first_run, person_for_search, writable
from footprint.errors import ExitStatus
from footprint.settings import Language


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
    lang: Language | None = typer.Option(None, "--lang", help="Report language: fi, sv or en."),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="The PDF to write (default: reports/<name>-<date>-<lang>.pdf)."
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
    force: bool = typer.Option(False, "--force", help=FORCE_HELP),
) -> None:
    """Search the web for yourself, check and sort every result, and write the PDF report."""
    from footprint import pipeline
    from footprint.cli.progress import progress_bar

    person = person_for_search(name, profile)
    chosen = pipeline.report_language(lang, person)
    generated = datetime.now().astimezone()
    stem = pipeline.slug(person.name)
    pdf = output or pipeline.default_report_path(stem, generated.date(), chosen)
    writable(pdf, html, json_path, force=force)

    with progress_bar() as sink:
        announce_first_run()
        run = pipeline.run_audit(
            person, providers=provider, from_file=from_file, offline=offline,
            max_results=max_results, concurrency=concurrency, resume=resume, progress=sink,
        )  # fmt: skip
        assert run.audit_id is not None
        data = pipeline.saved_report_data(
            run.audit_id, person=person, now=generated, queries_sent=run.queries_sent
        )
        outputs = pipeline.render_files(
            data,
            lang=chosen,
            generated=generated,
            pdf=pdf,
            html=html,
            progress=sink,
            one_shot=True,  # the CLI exits soon after
        )
    if json_path is not None:
        outputs[json_path] = pipeline.audit_json_text(data, lang=chosen, generated=generated)
    pipeline.write_outputs(outputs, overwrite=force)
    for notice in run.notices:
        warn(notice)
    for failure in data.failures:
        warn(f"search source failed: {failure}")
    typer.echo(f"{len(data.findings)} results; report written to {pdf}")
    for path in outputs:
        if path != pdf:
            typer.echo(f"Wrote {path}")
    if data.failures:
        raise typer.Exit(int(ExitStatus.PARTIAL))
