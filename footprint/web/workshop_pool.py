"""Share files a facilitator dropped in, kept in memory for this run only."""

from __future__ import annotations


class SharePool:
    def __init__(self) -> None:
        self.items: list[tuple[str, str]] = []
