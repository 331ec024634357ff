"""`footprint profile init|check`: write and validate the profile TOML."""

from __future__ import annotations

from pathlib import Path

import typer

from footprint.cli.app import sub_app, warn
from footprint.cli.common import writable
from footprint.errors import InputError

profile_app = sub_app("profile", "Write and check your profile (who you are, for sorting results).")


@profile_app.command("init")
def init(
    path: Path = typer.Argument(Path("profile.toml"), help="Where to write the profile."),
    force: bool = typer.Option(False, "--force", help="Overwrite an existing file."),
) -> None:
    """Write a commented profile template to fill in."""
    from footprint.paths import write_private
    from footprint.profile import profile_template

    writable(path, force=True)  # an existing file is refused below, as an input mistake
    if path.exists() and not force:
        raise InputError(f"{path}: already exists: edit it, or use --force to start over")
    write_private(path, profile_template())
    typer.echo(f"Wrote {path}: fill in your details, then run 'footprint profile check {path}'.")


@profile_app.command("check")
def check(path: Path = typer.Argument(..., help="The profile TOML file.")) -> None:
    """Validate a profile and show what footprint understood."""
    from footprint.profile import load_profile

    loaded = load_profile(path)
    for message in loaded.warnings:
        warn(message)
    p = loaded.profile
    lines = [
        f"{path}: OK",
        f"  name:          {p.name}" + (f" (also {', '.join(p.aliases)})" if p.aliases else ""),
    ]
    if p.birth_year:
        lines.append(f"  born:          {p.birth_year}")
    if p.locations:
        lines.append(f"  places:        {', '.join(p.locations)}")
    lines.append(f"  languages:     {', '.join(p.languages)}")
    if p.work.employers or p.work.titles:
        lines.append(f"  work:          {', '.join(p.work.titles + p.work.employers)}")
    if p.activism.organizations or p.activism.years:
        years = "–".join(map(str, p.activism.years)) if p.activism.years else ""
        lines.append(f"  activism:      {', '.join(p.activism.organizations)} {years}".rstrip())
    if p.publications.names:
        lines.append(f"  publications:  {', '.join(p.publications.names)}")
    typer.echo("\n".join(lines))
