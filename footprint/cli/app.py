"""The typer application object and the one place errors become messages and exit codes."""

from __future__ import annotations

import sys
from typing import Any

import typer
from typer.core import TyperGroup

from footprint.errors import ExitStatus, FootprintError
from search_providers.base import inert_text, redact


def error(message: str) -> None:
    """Print a one-line error to standard error, credentials in addresses masked.

    A message may quote what a person or a file wrote (a key, a value): line breaks and
    control characters in it would break the one line or drive the terminal.
    """
    typer.echo(f"Error: {inert_text(redact(message))}", err=True)


def warn(message: str) -> None:
    """Print a one-line warning to standard error, credentials in addresses masked."""
    typer.echo(f"Warning: {inert_text(redact(message))}", err=True)


class FootprintGroup(TyperGroup):
    """Turns footprint's own errors and Ctrl-C into a message and a documented exit code."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except FootprintError as exc:
            error(str(exc))
            sys.exit(int(exc.exit_status))
        except KeyboardInterrupt:
            error("interrupted: what was found so far is kept")
            sys.exit(int(ExitStatus.INTERRUPTED))


app = typer.Typer(
    cls=FootprintGroup,
    name="footprint",
    add_completion=False,
    help="Audit your own digital footprint: find, sort and remove what the web shows about you.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def sub_app(name: str, help: str) -> typer.Typer:
    """A command group (e.g. `footprint profile …`) attached to the main app."""
    group = typer.Typer(
        name=name,
        help=help,
        no_args_is_help=True,
        pretty_exceptions_show_locals=False,
        rich_markup_mode=None,
    )
    app.add_typer(group, name=name)
    return group


def _version(value: bool) -> None:
    if value:
        from footprint import __version__

        typer.echo(f"footprint {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    """Audit your own digital footprint: find, sort and remove what the web shows about you."""
