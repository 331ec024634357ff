"""`footprint demo`: the whole audit, offline, on a bundled fictional person."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import typer

from footprint.cli.app import app
from footprint.cli.common import FORCE_HELP, announce_first_run, writable
from footprint.settings import Language


@app.command()
def demo(
    lang: Language = typer.Option(Language.fi, "--lang", help="Report language: fi, sv or en."),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="The PDF to write (default: reports/demo-<date>-<lang>.pdf)."
    ),
    html: Path | None = typer.Option(None, "--html", help="Also write the report as HTML."),
    force: bool = typer.Option(False, "--force", help=FORCE_HELP),
) -> None:
    """Run the whole audit offline on a fictional person and write a sample PDF report."""
    from footprint import pipeline

    generated = datetime.now().astimezone()
    pdf = output or pipeline.default_report_path("demo", generated.date(), lang.value)
    writable(pdf, html, force=force)
    announce_first_run()
    person, run = pipeline.run_demo()
    data = pipeline.ReportData(person, run.findings)
    outputs = pipeline.render_files(
        data, lang=lang.value, generated=generated, pdf=pdf, html=html, one_shot=True
    )
    pipeline.write_outputs(outputs, overwrite=force)
    typer.echo(
        f"Demo audit of the fictional {person.name}: {len(run.findings)} results, no network used."
    )
    for path in outputs:
        typer.echo(f"Wrote {path.resolve()}")
