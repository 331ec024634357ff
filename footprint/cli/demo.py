"""`footprint demo`: the whole audit, offline, on a bundled fictional person."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import typer

from footprint.cli.app import app
from footprint.cli.common import announce_first_run, writable
from footprint.cli.report import Lang


@app.command()
def demo(
    lang: Lang = typer.Option(Lang.fi, "--lang", help="Report language: fi, sv or en."),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="The PDF to write (default: reports/demo-<date>.pdf)."
    ),
    html: Path | None = typer.Option(None, "--html", help="Also write the report as HTML."),
) -> None:
    """Run the whole audit offline on a fictional person and write a sample PDF report."""
    from footprint import demo as demo_data
    from footprint.audit import Auditor
    from footprint.cli.report import default_pdf_path, render_outputs, write_outputs
    from footprint.search import make_providers, run_search

    person = demo_data.profile()
    generated = datetime.now().astimezone()
    pdf = output or default_pdf_path("demo", generated.date())
    writable(pdf, html)
    with demo_data.results_file() as results:
        providers = make_providers(["file"], from_file=results)
        announce_first_run()
        auditor = Auditor(person, search=lambda p: run_search(p, providers), check=None)
        outcome = auditor.run(offline=True, known_checks=demo_data.recorded_checks())
    outputs = render_outputs(
        outcome.findings, person, lang=lang.value, generated=generated, pdf=pdf, html=html
    )
    write_outputs(outputs)
    typer.echo(
        f"Demo audit of the fictional {person.name}: {len(outcome.findings)} results, "
        "no network used."
    )
    for path in outputs:
        typer.echo(f"Wrote {path.resolve()}")
