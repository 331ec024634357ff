"""The `footprint` command line: the only layer that prints, prompts or exits.

Each command group lives in its own module and registers itself on `app`;
heavy libraries are imported inside the commands so that `--help` is instant.
"""

from __future__ import annotations

import gc
import importlib
import pkgutil

from footprint.cli.app import app

_HELPERS = {"app", "common", "table", "progress", "terminal"}

for _module in pkgutil.iter_modules(__path__):
    if _module.name not in _HELPERS:
        importlib.import_module(f"{__name__}.{_module.name}")


def main() -> None:
    """Entry point of the `footprint` console script."""
    try:
        app()
    finally:
        # The run is over and its files are closed. Without this, the interpreter's last
        # collection walks every object typer, pydantic, requests and lxml made: a
        # quarter of a second of every run (benchmarks/check_speed.py).
        gc.freeze()


__all__ = ["app", "main"]
