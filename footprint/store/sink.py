"""`StoreSink`: the audit's listener that saves each step as it happens.

Every call is committed before it returns, so an audit killed at any moment keeps all
it had; `open_audit_sink(..., resume=True)` continues the latest unfinished audit.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from footprint.errors import InputError
from footprint.models import Finding, PageCheck, SearchResult
from footprint.store.audits import ResumeState
from footprint.store.store import Store
from footprint.store.tracking import RemovalRequest


def _profile_dict(profile: Any) -> dict[str, Any]:
    if hasattr(profile, "to_dict"):
        return dict(profile.to_dict())
    return dict(profile or {})


class StoreSink:
    """Saves an audit into `store` (satisfies `footprint.audit.AuditSink`)."""

    def __init__(
        self,
        store: Store,
        *,
        resume: ResumeState | None = None,
        providers: Sequence[str] = (),
    ) -> None:
        self.store = store
        self.resume = resume
        # the search providers asked ('file' for --from FILE); without them the store goes
        # by the provider names the results carry, which a saved file may copy
        self.providers = tuple(providers)
        self.audit_id: int | None = resume.audit_id if resume else None
        self.removed: list[RemovalRequest] = []  # requests this audit showed have worked

    def _id(self) -> int:
        if self.audit_id is None:
            raise RuntimeError("StoreSink: started() must be called first")
        return self.audit_id

    def started(self, name: str, profile: Any, queries: list[str]) -> None:
        if self.audit_id is None:
            self.audit_id = self.store.start_audit(
                name, _profile_dict(profile), queries, self.providers
            )
        else:
            self.store.reopen_audit(self.audit_id, _profile_dict(profile), queries, self.providers)

    def results_found(self, results: list[SearchResult], complete: bool = True) -> None:
        """Save what the searches found; `complete` when they ran to their end."""
        if results:
            self.store.add_results(self._id(), results)
        if complete and not (self.resume is not None and self.resume.search_done):
            self.store.search_done(self._id(), self.providers)

    def page_checked(self, url: str, check: PageCheck) -> None:
        self.store.save_check(self._id(), url, check)

    def classified(self, finding: Finding) -> None:
        self.store.save_finding(self._id(), finding)

    def finished(self, complete: bool, failures: Sequence[str]) -> None:
        self.removed = self.store.finish_audit(self._id(), complete, list(failures))

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> StoreSink:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_audit_sink(
    name: str,
    profile: Any,
    resume: bool = False,
    *,
    path: Path | None = None,
    providers: Sequence[str] = (),
) -> StoreSink:
    """A sink on footprint's database for an audit of `name`, searched with `providers`
    (their names; 'file' is a saved results file).

    With `resume`, the sink continues the latest unfinished audit of `name`, and
    `sink.resume` says what it already has (results, page checks, classifications).
    """
    store = Store.open(path)
    try:
        state = None
        if resume:
            unfinished = store.unfinished_audit(name)
            if unfinished is None:
                raise InputError(
                    f"no unfinished audit of {name!r} to resume: "
                    f"run 'footprint audit \"{name}\"' without --resume"
                )
            state = store.resume_state(unfinished.id)
        return StoreSink(store, resume=state, providers=providers)
    except BaseException:
        store.close()
        raise
