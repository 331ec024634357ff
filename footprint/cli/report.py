"""`footprint report`: render a saved audit again as PDF (and HTML), without the network.

Also the helpers the `audit` and `demo` commands share: the default report path, the
report language, and writing every output only once all of them are rendered.
"""

from __future__ import annotations

import contextlib
import re
import unicodedata
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from footprint.cli.app import app

if TYPE_CHECKING:
    from footprint.models import Finding
    from footprint.profile import Profile

REPORTS_DIR = Path("reports")


class Lang(StrEnum):
    fi = "fi"
    sv = "sv"
    en = "en"


def slug(name: str) -> str:
    """A file-name-safe form of a name: 'Åsa Hietanen-Öst' → 'asa-hietanen-ost'."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "report"


def default_pdf_path(stem: str, day: date) -> Path:
    return REPORTS_DIR / f"{stem}-{day.isoformat()}.pdf"


def report_language(option: Lang | None, person: Profile) -> str:
    """--lang, else the profile's first language, else Finnish."""
    if option is not None:
        return option.value
    for lang in person.languages:
        if lang in ("fi", "sv", "en"):
            return lang
    return "fi"


def write_outputs(outputs: Mapping[Path, bytes | str]) -> None:
    """Write every rendered output atomically, readable only by the user."""
    from footprint.paths import write_private

    for path, data in outputs.items():
        write_private(path, data)


def render_outputs(
    findings: Sequence[Finding],
    person: Profile,
    *,
    lang: str,
    generated: datetime,
    pdf: Path | None,
    html: Path | None,
    failures: Sequence[str] = (),
    complete: bool = True,
    previous: Mapping[str, Any] | None = None,
    tracked: Sequence[Mapping[str, Any]] | None = None,
) -> dict[Path, bytes | str]:
    """The report rendered for each requested path (nothing written yet)."""
    from footprint.report.context import build_report_context
    from footprint.report.render import render_report_html, render_report_pdf

    context = build_report_context(
        findings, person, lang=lang, generated=generated, previous=previous, tracked=tracked,
        failures=failures, complete=complete,
    )  # fmt: skip
    outputs: dict[Path, bytes | str] = {}
    if html is not None:
        outputs[html] = render_report_html(context)
    if pdf is not None:
        outputs[pdf] = render_report_pdf(context, one_shot=True)  # the CLI exits soon after
    return outputs


@app.command()
def report(
    source: Path = typer.Argument(
        ..., help="An audit JSON file (footprint audit --json) or a 'classify --format json' file."
    ),
    profile: Path | None = typer.Option(None, "--profile", "-p", help="Your profile TOML."),
    name: str | None = typer.Option(None, "--name", help="Your name, for a classify file."),
    lang: Lang | None = typer.Option(None, "--lang", help="Report language: fi, sv or en."),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="The PDF to write (default: reports/<name>-<date>.pdf)."
    ),
    html: Path | None = typer.Option(None, "--html", help="Also write the report as HTML."),
) -> None:
    """Render a saved audit again as a PDF report, without touching the network."""
    from footprint.cli.common import resolve_profile, writable
    from footprint.report.saved import load_saved

    writable(output, html)

    person = resolve_profile(profile, name) if (profile or name) else None
    saved = load_saved(source, profile=person)
    generated = datetime.now()
    if saved.generated:
        with contextlib.suppress(ValueError):
            generated = datetime.fromisoformat(saved.generated)
    chosen = lang.value if lang else saved.lang or report_language(None, saved.profile)
    pdf = output or default_pdf_path(slug(saved.profile.name), generated.date())
    writable(pdf)
    outputs = render_outputs(
        saved.findings, saved.profile, lang=chosen, generated=generated, pdf=pdf, html=html,
        failures=saved.failures, complete=saved.complete,
    )  # fmt: skip
    write_outputs(outputs)
    for path in outputs:
        typer.echo(f"Wrote {path}")
