"""The background audit (placeholder until the pipeline lands)."""

from __future__ import annotations

from typing import Any


class AuditJobs:
    def __init__(self, state: Any) -> None:
        self.state = state

    def cancel_all(self) -> None:
        pass
