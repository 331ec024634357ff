"""`footprint report`: render a saved audit again as PDF (and HTML), without the network."""

from __future__ import annotations

from collections.abc import Mapping
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
    pipeline.write_outputs(outputs, overwrite=force)
    for path in outputs:
        typer.echo(f"Wrote {path}")
    if letters is not None:
        from footprint.report.letters import all_steps

        files = all_steps(data.findings, name=data.person.name, lang=chosen, day=generated.date())
        write_letters(letters, files)
        typer.echo(f"Wrote {len(files)} letters to {letters}")


def write_letters(folder: Path, files: Mapping[str, str]) -> None:
    """Save each letter in `folder` (created private); never over an existing file."""
    from footprint import pipeline
    from footprint.errors import OutputError
    from footprint.paths import private_dir

    if folder.exists() and not folder.is_dir():
        raise OutputError(f"{folder}: is a file: give --letters a folder")
    for file_name in files:
        if (folder / file_name).exists():
            raise OutputError(f"{folder / file_name}: already exists: choose an empty folder")
    try:
        private_dir(folder)
    except OSError as exc:
        raise OutputError(f"{folder}: cannot create it ({exc.strerror}): choose another") from None
    pipeline.write_outputs({folder / file_name: text for file_name, text in files.items()})
