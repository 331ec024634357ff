"""`footprint app`: the local web app, on 127.0.0.1 only, opened in the person's browser."""

from __future__ import annotations

import contextlib
from pathlib import Path

import typer

from footprint.cli.app import app


@app.command("app")
def web_app(
    port: int = typer.Option(0, "--port", min=0, max=65535, help="Port (default: a free one)."),
    no_browser: bool = typer.Option(
        False, "--no-browser", help="Only print the address; do not open a browser."
    ),
    profile: Path | None = typer.Option(
        None, "--profile", "-p", help="The profile TOML the app reads and writes."
    ),
    demo: bool = typer.Option(
        False, "--demo", help="Use the bundled fictional person, offline (what make app runs)."
    ),
) -> None:
    """Open footprint in your browser: profile, audit, review, what to do, reports, workshop."""
    import webbrowser

    from footprint.web import AppConfig, serve

    config = AppConfig(port=port, profile_path=profile, demo=demo)

    def ready(started: AppConfig) -> None:
        typer.echo(f"footprint is running at {started.start_url}")
        typer.echo(
            "Open that address only on this computer: it is the key to your data. Stop with Ctrl-C."
        )
        if not no_browser:
            webbrowser.open(started.start_url)

    with contextlib.suppress(KeyboardInterrupt):  # the server itself returns on Ctrl-C
        serve(config, ready=ready)
    typer.echo("Stopped. Everything you saved is kept.", err=True)
