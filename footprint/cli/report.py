"""`footprint report`: render a saved audit again as PDF (and HTML), without the network."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import typer

from footprint.cli.app import app
from footprint.cli.common import FORCE_HELP
from footprint.settings import Language


@app.command()
def report(
    source: Path = typer.Argument(
        ..., help="An audit JSON file (footprint audit --json) or a 'classify --format json' file."
    ),
    profile: Path | None = typer.Option(None, "--profile", "-p", help="Your profile TOML."),
    name: str | None = typer.Option(None, "--name", help="Your name, for a classify file."),
    lang: Language | None = typer.Option(None, "--lang", help="Report language: fi, sv or en."),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="The PDF to write (default: reports/<name>-<date>-<lang>.pdf)."
    ),
    html: Path | None = typer.Option(None, "--html", help="Also write the report as HTML."),
    letters: Path | None = typer.Option(
        None,
        "--letters",
        metavar="FOLDER",
        help="Also save every letter as its own text file in FOLDER (one per site and step).",
    ),
    force: bool = typer.Option(False, "--force", help=FORCE_HELP),
) -> None:
    """Render a saved audit again as a PDF report, without touching the network."""
    from footprint import pipeline
    from footprint.cli.common import resolve_profile, writable

    writable(output, html, force=force)
    person = resolve_profile(profile, name) if (profile or name) else None
    data = pipeline.report_data_from_file(source, person=person)
    generated = data.generated or datetime.now()
    chosen = lang.value if lang else data.lang or pipeline.report_language(None, data.person)
    stem = pipeline.slug(data.person.name)
    pdf = output or pipeline.default_report_path(stem, generated.date(), chosen)
    outputs = pipeline.render_files(
        data, lang=chosen, generated=generated, pdf=pdf, html=html, one_shot=True
    )
    letter_files = {}
    if letters is not None:
        letter_files = pipeline.letter_files(letters, data, lang=chosen, day=generated.date())
        writable(*letter_files, force=force)  # before anything is written
    pipeline.write_outputs({**outputs, **letter_files}, overwrite=force)
    for path in outputs:
        typer.echo(f"Wrote {path}")
    if letters is not None:
        typer.echo(f"Wrote {len(letter_files)} letters to {letters}")
