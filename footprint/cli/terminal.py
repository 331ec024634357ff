"""Whether the CLI talks to a person: the one place that asks `isatty`."""

from __future__ import annotations

import sys
from typing import TextIO


def is_terminal(stream: TextIO | None) -> bool:
    """Whether `stream` is an open terminal."""
    try:
        return stream is not None and stream.isatty()
    except ValueError:  # closed
        return False


def stderr_is_terminal() -> bool:
    """Whether progress bars can be drawn (standard error is a terminal)."""
    return is_terminal(sys.stderr)


def stdin_is_terminal() -> bool:
    """Whether a question can be asked and answered (standard input is a terminal)."""
    return is_terminal(sys.stdin)
