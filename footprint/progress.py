"""Progress of an audit as events: the CLI draws them as one bar, the app as live updates.

A progress sink is any callable taking one `Event`. The pipeline sends, in order:
`StageStarted` once per stage (search, check, classify, report), `StageAdvanced` as work
is done (with counts), `ProviderFailed` when a search source fails while the others go
on (with the fix), `StageFinished`, and `Done` at the very end. A sink must be quick and
must not raise; it may be called from the thread that runs the audit only.

Cancelling is the other direction: the caller hands the pipeline a `threading.Event` and
sets it; the pipeline stops between queries, page checks and classifications, keeps what
was saved, and raises `footprint.errors.Cancelled` (the audit can be resumed).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

Stage = Literal["search", "check", "classify", "report"]

STAGES: tuple[Stage, ...] = ("search", "check", "classify", "report")


@dataclass(frozen=True)
class StageStarted:
    stage: Stage
    total: int = 0  # 0: not known yet


@dataclass(frozen=True)
class StageAdvanced:
    stage: Stage
    done: int
    total: int
    detail: str = ""  # e.g. the provider and query just asked (untrusted text: escape it)


@dataclass(frozen=True)
class StageFinished:
    stage: Stage
    done: int = 0
    total: int = 0


@dataclass(frozen=True)
class ProviderFailed:
    provider: str
    kind: str  # auth, quota, rate_limited, unavailable, …
    message: str  # what happened and how to fix it


@dataclass(frozen=True)
class Done:
    results: int
    audit_id: int | None = None
    failures: tuple[str, ...] = ()


Event = StageStarted | StageAdvanced | StageFinished | ProviderFailed | Done
ProgressSink = Callable[[Event], None]


def ignore(_event: Event) -> None:
    """A sink that shows nothing."""
