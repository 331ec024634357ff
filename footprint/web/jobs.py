"""The audit the app runs in a background thread, with live progress, cancel and resume.

One audit at a time per app. It is the library's `run_audit` (the same as `footprint
audit`), given a progress sink that records the counts the page polls, a cancel token,
and provider keys typed in for this run: they live only in this job's memory and are
dropped when it ends. Every step is saved in the store as it happens, so stopping (or
killing) the app mid-audit loses nothing saved, and the page offers to resume.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from footprint.errors import Cancelled, FootprintError
from footprint.progress import Done, Event, ProviderFailed, StageAdvanced, StageStarted

if TYPE_CHECKING:
    from footprint.profile import Profile
    from footprint.web.state import AppState

STAGES = ("search", "check", "classify")


@dataclass
class AuditRequest:
    """What the audit page asked for."""

    person: Profile
    providers: Sequence[str] | None = None  # None: every configured one, else DuckDuckGo
    keys: Mapping[str, str] = field(default_factory=dict)  # typed in, for this run only
    offline: bool = False
    resume: bool = False
    demo: bool = False  # the bundled fictional person's saved results and page checks


class AuditJob:
    def __init__(self, state: AppState, request: AuditRequest) -> None:
        self.state = state
        self.request = request
        self.cancel = threading.Event()
        self._lock = threading.Lock()
        self.counts: dict[str, list[int]] = {stage: [0, 0] for stage in STAGES}
        self.stage = ""
        self.failures: list[dict[str, str]] = []
        self.running = True
        self.outcome = ""  # done, cancelled or failed
        self.error = ""
        self.audit_id: int | None = None
        self.results = 0
        self.notices: list[str] = []
        self.started = time.monotonic()
        self.thread = threading.Thread(target=self._run, name="footprint-audit", daemon=True)

    def start(self) -> None:
        self.thread.start()

    def progress(self, event: Event) -> None:
        with self._lock:
            if isinstance(event, StageStarted) and event.stage in self.counts:
                self.stage = event.stage
                self.counts[event.stage] = [0, event.total]
            elif isinstance(event, StageAdvanced) and event.stage in self.counts:
                self.stage = event.stage
                self.counts[event.stage] = [event.done, event.total]
            elif isinstance(event, ProviderFailed):
                self.failures.append(
                    {"provider": event.provider, "kind": event.kind, "message": event.message}
                )
            elif isinstance(event, Done):
                self.results = event.results
                self.audit_id = event.audit_id

    def _run(self) -> None:
        try:
            if self.request.demo:
                from footprint.demo.saved import save_demo_audit

                self.audit_id = save_demo_audit(
                    self.state.store_path, progress=self.progress, cancel=self.cancel
                )
            else:
                self._audit()
            self.outcome = "done"
        except Cancelled:
            self.outcome = "cancelled"
        except FootprintError as exc:
            self.outcome, self.error = "failed", str(exc)
        except Exception as exc:  # a bug: say so on the page rather than die silently
            self.outcome, self.error = "failed", f"unexpected error: {type(exc).__name__}: {exc}"
        finally:
            self.request.keys = {}  # the typed keys go with the run
            self.running = False

    def _audit(self) -> None:
        from footprint.pipeline import run_audit

        run = run_audit(
            self.request.person,
            providers=self.request.providers,
            keys=self.request.keys,
            offline=self.request.offline,
            resume=self.request.resume,
            progress=self.progress,
            cancel=self.cancel,
            store_path=self.state.store_path,
        )
        self.audit_id = run.audit_id
        self.results = len(run.findings)
        self.notices = list(run.notices)

    def snapshot(self) -> dict[str, Any]:
        with self._lock:
            total = sum(c[1] for c in self.counts.values())
            return {
                "running": self.running,
                "stage": self.stage,
                "counts": {k: {"done": v[0], "total": v[1]} for k, v in self.counts.items()},
                "done": sum(c[0] for c in self.counts.values()),
                "total": total,
                "failures": [dict(f) for f in self.failures],
                "outcome": self.outcome,
                "error": self.error,
                "audit_id": self.audit_id,
                "results": self.results,
                "notices": list(self.notices),
                "seconds": round(time.monotonic() - self.started),
            }


class AuditJobs:
    """The app's current audit (one at a time)."""

    def __init__(self, state: AppState) -> None:
        self.state = state
        self._lock = threading.Lock()
        self.current: AuditJob | None = None

    def start(self, request: AuditRequest) -> AuditJob:
        with self._lock:
            if self.current is not None and self.current.running:
                return self.current  # a second tab joins the running audit
            job = AuditJob(self.state, request)
            self.current = job
        job.start()
        return job

    def cancel(self) -> None:
        job = self.current
        if job is not None:
            job.cancel.set()

    def cancel_all(self, wait: float = 10.0) -> None:
        job = self.current
        if job is not None and job.running:
            job.cancel.set()
            job.thread.join(timeout=wait)
