"""`footprint evidence`: save a hostile page as evidence, list what is saved, export a package."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import typer

from footprint.cli.app import sub_app
from footprint.cli.common import echo_summary
from footprint.cli.history import ListFormat, print_json
from footprint.settings import Language

evidence_app = sub_app(
    "evidence",
    "Save a threatening or hostile page as evidence, and export it for the police or employer.",
)


@evidence_app.command("add")
def add(
    url: str = typer.Argument(..., help="The address of the page to save."),
    note: str = typer.Option("", "--note", help="What it is, e.g. 'threat after the hearing'."),
) -> None:
    """Fetch the page now and keep its HTML, visible text, time and SHA-256 checksums."""
    from footprint.evidence import capture
    from footprint.store import Store

    item = capture(url, note=note)
    with Store.open() as store:
        saved = store.add_evidence(item)
    from search_providers.base import inert_url

    echo_summary(
        f"Saved evidence {saved.id}: {inert_url(saved.final_url)} at {saved.fetched_at} "
        f"(HTTP {saved.http_status}, SHA-256 {saved.sha256_html[:16]}…)"
        + ("; the page was longer than 2 MB: only its start is saved" if saved.truncated else "")
        + (
            f"; it is not a web page ({saved.content_type or 'unknown type'}): only its address "
            "and the time are saved, so keep a copy of the file yourself"
            if not saved.html
            else ""
        )
    )


@evidence_app.command("list")
def list_(
    fmt: ListFormat = typer.Option(ListFormat.table, "--format", "-f", help="table or json."),
) -> None:
    """List the saved evidence, oldest first."""
    from footprint.store import Store

    with Store.open() as store:
        found = store.evidence()
    rows = [
        {"id": e.id, "url": e.url, "final_url": e.final_url, "fetched_at": e.fetched_at,
         "http_status": e.http_status, "sha256_html": e.sha256_html,
         "sha256_text": e.sha256_text, "note": e.note}
        for e in found
    ]  # fmt: skip
    if fmt is ListFormat.json:
        print_json(rows)
        return
    if not rows:
        echo_summary("No evidence saved: 'footprint evidence add URL' saves a page.")
        return
    from search_providers.base import inert_text, inert_url

    for row in rows:
        typer.echo(f"{row['id']:>4}  {row['fetched_at']}  {inert_url(str(row['url']))}")
        note = f"  {inert_text(str(row['note']))}" if row["note"] else ""
        typer.echo(f"      sha256 {row['sha256_html']}{note}")


@evidence_app.command("export")
def export(
    output: Path = typer.Option(..., "--output", "-o", help="A new folder for the package."),
    ids: list[int] = typer.Option([], "--id", help="Only these ids (repeatable); default all."),
    lang: Language = typer.Option(Language.fi, "--lang", help="Language of README.txt."),
) -> None:
    """Write a package for the police, the employer or the Ombudsman, with checksums."""
    from footprint.errors import OutputError
    from footprint.evidence.package import files
    from footprint.paths import private_dir, write_private
    from footprint.store import Store

    if output.exists() and (not output.is_dir() or any(output.iterdir())):
        raise OutputError(f"{output}: exists and is not an empty folder: choose a new one")
    with Store.open() as store:
        found = store.evidence(ids)
    generated = datetime.now(UTC).isoformat(timespec="seconds")
    package = files(found, lang=lang.value, generated=generated)
    try:
        private_dir(output)
        for name, data in package.items():
            private_dir((output / name).parent)
            write_private(output / name, data)
    except OSError as exc:
        raise OutputError(f"{output}: cannot write there ({exc.strerror})") from None
    echo_summary(
        f"Wrote {len(found)} saved page(s) to {output}; check with 'sha256sum -c SHA256SUMS'."
    )


@evidence_app.command("verify")
def verify(folder: Path = typer.Argument(..., help="An exported evidence folder.")) -> None:
    """Check every file of an exported package against its SHA-256 checksums."""
    from footprint.errors import InputError
    from footprint.evidence.package import verify as check

    problems = check(folder)
    if problems:
        raise InputError(f"{folder}: " + "; ".join(problems))
    echo_summary(f"{folder}: every checksum matches.")
