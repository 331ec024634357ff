"""The audit: search → page checks → classification, saved step by step; never prints.

Every collaborator is injected (as in pip-audit's `Auditor(service)`), so the same
orchestrator runs against real providers, a saved results file, recorded page checks, or
plain functions in tests:

    auditor = Auditor(profile, search=..., check=..., sink=StoreSink(...))
    outcome = auditor.run()

`search(profile)` returns a `footprint.search.SearchOutcome` (or just a list of results);
`check(results, on_check)` returns one `PageCheck` per result, in order, and may call
`on_check(url, check)` as each page is done so that it is saved at once;
`classifier_factory(profile)` gives an object with `classify(result, check) -> Classification`.
Progress goes to a `footprint.progress` sink as events; a set `cancel` event stops the run
between steps with `Cancelled`. `footprint.pipeline` builds an Auditor for the CLI and app.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Protocol

from footprint.errors import Cancelled, ConfigError, ExitStatus, InputError, NetworkError
from footprint.models import Classification, Finding, PageCheck, SearchResult
from footprint.profile import Profile
from footprint.progress import ProgressSink, Stage, StageAdvanced, StageFinished, StageStarted

SearchFn = Callable[[Profile], Any]
OnCheck = Callable[[str, PageCheck], None]
CheckFn = Callable[[Sequence[SearchResult], OnCheck], Sequence[PageCheck]]
CANCELLED = "the audit was cancelled; what it found is saved: resume it to finish"


class AuditSink(Protocol):
    """Where an audit's progress is saved as it happens (the store implements one)."""

    def started(self, name: str, profile: Profile, queries: list[str]) -> None: ...
    def results_found(self, results: list[SearchResult], complete: bool = True) -> None: ...
    def page_checked(self, url: str, check: PageCheck) -> None: ...
    def classified(self, finding: Finding) -> None: ...
    def finished(self, complete: bool, failures: list[str]) -> None: ...


class NullSink:
    """A sink that keeps nothing."""

    def started(self, name: str, profile: Profile, queries: list[str]) -> None:
        pass

    def results_found(self, results: list[SearchResult], complete: bool = True) -> None:
        pass

    def page_checked(self, url: str, check: PageCheck) -> None:
        pass

    def classified(self, finding: Finding) -> None:
        pass

    def finished(self, complete: bool, failures: list[str]) -> None:
        pass


class Classifies(Protocol):
    def classify(self, result: SearchResult, check: PageCheck | None = None) -> Classification: ...


def _default_classifier(profile: Profile) -> Classifies:
    from footprint.classify import Classifier

    return Classifier(profile)


@dataclass(frozen=True)
class AuditOutcome:
    """What an audit found, and what went wrong on the way."""

    findings: tuple[Finding, ...]
    failures: tuple[str, ...] = ()  # provider failures, one line each
    queries_sent: int = 0
    complete: bool = True
    started: str = ""  # ISO timestamps (UTC)
    finished: str = ""
    notices: tuple[str, ...] = field(default=())

    @property
    def partial(self) -> bool:
        """Finished, but a source failed; what was found is kept."""
        return bool(self.failures)

    def exit_status(self) -> ExitStatus:
        return ExitStatus.PARTIAL if self.partial else ExitStatus.OK


@dataclass(frozen=True)
class _Found:
    results: list[SearchResult]
    failures: list[str]
    queries: list[str]
    queries_sent: int
    interrupted: bool
    fatal: ExitStatus | None  # every source failed and nothing was found
    notices: list[str]


def _failure_text(failure: Any) -> str:
    provider, message = getattr(failure, "provider", None), getattr(failure, "message", None)
    if provider and message:
        return f"{provider}: {message}"
    return str(failure)


def _queries_of(results: Sequence[SearchResult]) -> list[str]:
    seen: dict[str, None] = {}
    for result in results:
        for _provider, query in result.found_by or ((result.provider, result.query),):
            if query:
                seen.setdefault(query, None)
    return list(seen)


def _normalise(found: Any) -> _Found:
    """A search's answer, whether a `SearchOutcome` or a plain list of results."""
    if isinstance(found, Sequence):
        results = list(found)
        return _Found(results, [], _queries_of(results), 0, False, None, [])
    results = list(found.results)
    failures = [_failure_text(f) for f in getattr(found, "failures", ())]
    fatal = None
    if not results and failures:
        status = found.exit_status() if hasattr(found, "exit_status") else ExitStatus.NETWORK
        fatal = status if status in (ExitStatus.CONFIG, ExitStatus.NETWORK) else ExitStatus.NETWORK
    return _Found(
        results=results,
        failures=failures,
        queries=list(getattr(found, "queries", None) or _queries_of(results)),
        queries_sent=int(getattr(found, "queries_sent", 0) or 0),
        interrupted=bool(getattr(found, "interrupted", False)),
        fatal=fatal,
        notices=list(getattr(found, "notices", ())),
    )


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Auditor:
    """Runs one audit of one person with the collaborators it is given."""

    def __init__(
        self,
        profile: Profile,
        *,
        search: SearchFn | None,
        check: CheckFn | None,
        classifier_factory: Callable[[Profile], Classifies] = _default_classifier,
        sink: AuditSink | None = None,
        progress: ProgressSink | None = None,
        name: str | None = None,
        cancel: threading.Event | None = None,
    ) -> None:
        self.profile = profile
        self.search = search
        self.check = check
        self.classifier_factory = classifier_factory
        self.sink: AuditSink = sink if sink is not None else NullSink()
        self.progress = progress
        self.name = name or profile.name
        self.cancel = cancel

    def _emit(self, event: StageStarted | StageAdvanced | StageFinished) -> None:
        if self.progress is not None:
            self.progress(event)

    def _stop_if_cancelled(self) -> None:
        if self.cancel is not None and self.cancel.is_set():
            raise Cancelled(CANCELLED)

    def run(
        self,
        *,
        offline: bool = False,
        known_checks: Mapping[str, PageCheck] | None = None,
        known_results: Sequence[SearchResult] | None = None,
    ) -> AuditOutcome:
        """Search (unless `known_results` are given), check pages, classify; save each step.

        `known_checks` (by URL) are used instead of checking those pages again: recorded
        checks for the demo, or the checks an interrupted audit already made. With
        `offline`, no page is fetched and the others stay unchecked.
        """
        started = _now()
        found = self._search(known_results)
        self.sink.started(self.name, self.profile, found.queries)
        failures = list(found.failures)
        try:
            if found.fatal is not None:
                raise self._all_failed(found)
            self.sink.results_found(found.results, complete=not found.interrupted)
            if found.interrupted:
                self._stop_if_cancelled()
                raise KeyboardInterrupt
            checks = self._checks(found.results, offline, known_checks or {})
            findings = self._classify(found.results, checks)
        except BaseException:
            self.sink.finished(False, failures)
            raise
        self.sink.finished(True, failures)
        return AuditOutcome(
            findings=tuple(findings),
            failures=tuple(failures),
            queries_sent=found.queries_sent,
            complete=True,
            started=started,
            finished=_now(),
            notices=tuple(found.notices),
        )

    def _search(self, known: Sequence[SearchResult] | None) -> _Found:
        if known is not None:
            return _normalise(list(known))
        if self.search is None:
            raise InputError("nothing to audit: no search source and no saved results")
        self._emit(StageStarted("search"))
        found = _normalise(self.search(self.profile))
        self._emit(StageFinished("search", len(found.results), len(found.results)))
        return found

    @staticmethod
    def _all_failed(found: _Found) -> Exception:
        message = "every search source failed: " + "; ".join(found.failures)
        return ConfigError(message) if found.fatal is ExitStatus.CONFIG else NetworkError(message)

    def _checks(
        self, results: Sequence[SearchResult], offline: bool, known: Mapping[str, PageCheck]
    ) -> list[PageCheck | None]:
        by_url: dict[str, PageCheck] = {r.url: known[r.url] for r in results if r.url in known}
        todo = [r for r in results if r.url not in by_url]
        if todo and not offline and self.check is not None:
            self._stop_if_cancelled()
            self._emit(StageStarted("check", len(todo)))
            saved: set[str] = set()

            def on_check(url: str, check: PageCheck) -> None:
                """Save each page's check as soon as it is done: an interruption keeps it."""
                if url not in saved and url not in by_url:
                    saved.add(url)
                    self.sink.page_checked(url, check)

            checked = list(self.check(todo, on_check))
            if len(checked) != len(todo):
                raise RuntimeError(f"{len(checked)} page checks for {len(todo)} results")
            for result, check in zip(todo, checked, strict=True):
                if result.url not in by_url:
                    on_check(result.url, check)
                    by_url[result.url] = check
            self._emit(StageFinished("check", len(todo), len(todo)))
        return [by_url.get(r.url) for r in results]

    def _classify(
        self, results: Sequence[SearchResult], checks: Sequence[PageCheck | None]
    ) -> list[Finding]:
        if not results:
            return []
        classifier = self.classifier_factory(self.profile)
        findings = []
        total = len(results)
        stage: Stage = "classify"
        self._emit(StageStarted(stage, total))
        for done, (result, check) in enumerate(zip(results, checks, strict=True), 1):
            self._stop_if_cancelled()
            finding = Finding(result, classifier.classify(result, check), check)
            self.sink.classified(finding)
            findings.append(finding)
            self._emit(StageAdvanced(stage, done, total))
        self._emit(StageFinished(stage, total, total))
        return findings
