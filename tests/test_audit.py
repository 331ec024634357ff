"""The audit orchestrator with injected collaborators: order, saved steps, failures, offline."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest

from footprint.audit import Auditor, AuditOutcome, NullSink
from footprint.errors import ConfigError, ExitStatus, InputError, NetworkError
from footprint.models import Category, Classification, PageCheck, PageStatus, Reason, SearchResult
from footprint.profile import Profile
from footprint.progress import Event, StageAdvanced, StageFinished, StageStarted
from footprint.search import ProviderFailure, SearchOutcome
from search_providers.base import ErrorKind

PERSON = Profile(name="Laura Hietanen")
RESULTS = [
    SearchResult(url="https://a.example/1", title="Laura Hietanen, sosiaaliohjaaja", rank=1,
                 provider="file", query='"Laura Hietanen"'),
    SearchResult(url="https://b.example/2", title="Laura Hietanen 1931–2020", rank=2,
                 provider="file", query='"Laura Hietanen" Tampere'),
]  # fmt: skip


@dataclass
class RecordingSink:
    calls: list[tuple[str, Any]] = field(default_factory=list)

    def started(self, name: str, profile: Profile, queries: list[str]) -> None:
        self.calls.append(("started", (name, list(queries))))

    def results_found(self, results: list[SearchResult], complete: bool = True) -> None:
        self.calls.append(("results_found", [r.url for r in results]))

    def page_checked(self, url: str, check: PageCheck) -> None:
        self.calls.append(("page_checked", (url, check.status.value)))

    def classified(self, finding: Any) -> None:
        self.calls.append(("classified", finding.result.url))

    def finished(self, complete: bool, failures: list[str]) -> None:
        self.calls.append(("finished", (complete, list(failures))))

    def names(self) -> list[str]:
        return [name for name, _ in self.calls]


class TitleClassifier:
    """Sorts by one word of the title, so the test can tell which check it was given."""

    def __init__(self, profile: Profile) -> None:
        self.seen: list[tuple[str, PageStatus | None]] = []

    def classify(self, result: SearchResult, check: PageCheck | None = None) -> Classification:
        category = Category.WORK if "sosiaaliohjaaja" in result.title else Category.NAMESAKE
        status = check.status if check else None
        return Classification(category, 0.9, (Reason("test", "title word"),), page_status=status)


def checker(statuses: dict[str, PageStatus]):  # type: ignore[no-untyped-def]
    asked: list[list[str]] = []

    def check(results, on_check=None):  # type: ignore[no-untyped-def]
        asked.append([r.url for r in results])
        return [PageCheck(statuses[r.url], "test") for r in results]

    return check, asked


def test_runs_every_stage_in_order_and_saves_each_step() -> None:
    sink = RecordingSink()
    check, asked = checker({RESULTS[0].url: PageStatus.LIVE, RESULTS[1].url: PageStatus.GONE})
    outcome = Auditor(
        PERSON, search=lambda p: list(RESULTS), check=check,
        classifier_factory=TitleClassifier, sink=sink,
    ).run()  # fmt: skip
    assert sink.names() == [
        "started", "results_found", "page_checked", "page_checked",
        "classified", "classified", "finished",
    ]  # fmt: skip
    assert sink.calls[0][1] == ("Laura Hietanen", ['"Laura Hietanen"', '"Laura Hietanen" Tampere'])
    assert sink.calls[-1][1] == (True, [])
    assert asked == [[r.url for r in RESULTS]]
    assert [f.classification.category for f in outcome.findings] == [
        Category.WORK,
        Category.NAMESAKE,
    ]
    assert [f.check.status for f in outcome.findings if f.check] == [
        PageStatus.LIVE,
        PageStatus.GONE,
    ]
    assert outcome.complete and not outcome.partial and outcome.exit_status() is ExitStatus.OK
    assert outcome.started <= outcome.finished


def test_known_checks_are_not_repeated_and_offline_checks_nothing() -> None:
    known = {RESULTS[0].url: PageCheck(PageStatus.CEASED, "recorded")}
    check, asked = checker({RESULTS[1].url: PageStatus.LIVE})
    sink = RecordingSink()
    auditor = Auditor(PERSON, search=lambda p: list(RESULTS), check=check,
                      classifier_factory=TitleClassifier, sink=sink)  # fmt: skip
    outcome = auditor.run(known_checks=known)
    assert asked == [[RESULTS[1].url]]
    assert ("page_checked", (RESULTS[0].url, "ceased")) not in sink.calls
    assert outcome.findings[0].check == known[RESULTS[0].url]

    asked.clear()
    offline = auditor.run(offline=True, known_checks=known)
    assert asked == []
    assert offline.findings[0].check == known[RESULTS[0].url]
    assert offline.findings[1].check is None


def test_known_results_skip_the_search() -> None:
    def search(profile):  # type: ignore[no-untyped-def]
        raise AssertionError("searched again")

    outcome = Auditor(PERSON, search=search, check=None, classifier_factory=TitleClassifier).run(
        known_results=RESULTS[:1]
    )
    assert [f.result.url for f in outcome.findings] == [RESULTS[0].url]


def test_a_failed_provider_is_kept_as_text_and_makes_the_audit_partial() -> None:
    found = SearchOutcome(
        results=list(RESULTS),
        failures=[ProviderFailure("brave", ErrorKind.RATE_LIMITED, "rate limited: try later")],
        queries_sent=5,
        providers=["brave", "file"],
    )
    sink = RecordingSink()
    outcome = Auditor(PERSON, search=lambda p: found, check=None,
                      classifier_factory=TitleClassifier, sink=sink).run()  # fmt: skip
    assert outcome.failures == ("brave: rate limited: try later",)
    assert outcome.queries_sent == 5
    assert outcome.partial and outcome.exit_status() is ExitStatus.PARTIAL
    assert sink.calls[-1] == ("finished", (True, ["brave: rate limited: try later"]))
    assert len(outcome.findings) == 2


@pytest.mark.parametrize(
    ("kind", "error"), [(ErrorKind.AUTH, ConfigError), (ErrorKind.UNAVAILABLE, NetworkError)]
)
def test_every_source_failing_with_nothing_found_is_an_error(kind: ErrorKind, error: type) -> None:
    found = SearchOutcome(
        failures=[ProviderFailure("brave", kind, "it failed")], providers=["brave"]
    )
    sink = RecordingSink()
    with pytest.raises(error, match="brave: it failed"):
        Auditor(PERSON, search=lambda p: found, check=None, sink=sink).run()
    assert sink.calls[-1] == ("finished", (False, ["brave: it failed"]))


def test_an_interrupted_check_marks_the_audit_incomplete_and_keeps_the_results() -> None:
    def check(results, on_check=None):  # type: ignore[no-untyped-def]
        raise KeyboardInterrupt

    sink = RecordingSink()
    with pytest.raises(KeyboardInterrupt):
        Auditor(PERSON, search=lambda p: list(RESULTS), check=check,
                classifier_factory=TitleClassifier, sink=sink).run()  # fmt: skip
    assert sink.names() == ["started", "results_found", "finished"]
    assert sink.calls[-1][1][0] is False


def test_an_interrupted_search_saves_what_it_found_then_stops() -> None:
    found = SearchOutcome(results=list(RESULTS[:1]), interrupted=True, providers=["file"])
    sink = RecordingSink()
    with pytest.raises(KeyboardInterrupt):
        Auditor(PERSON, search=lambda p: found, check=None, sink=sink).run()
    assert ("results_found", [RESULTS[0].url]) in sink.calls
    assert sink.calls[-1] == ("finished", (False, []))


def test_a_checker_that_loses_results_is_a_bug_not_a_silent_gap() -> None:
    with pytest.raises(RuntimeError, match="1 page checks for 2 results"):
        Auditor(PERSON, search=lambda p: list(RESULTS),
                check=lambda rs, on_check: [PageCheck(PageStatus.LIVE)],
                classifier_factory=TitleClassifier).run()  # fmt: skip


def test_progress_reports_each_stage() -> None:
    events: list[Event] = []
    check, _ = checker({r.url: PageStatus.LIVE for r in RESULTS})
    Auditor(PERSON, search=lambda p: list(RESULTS), check=check, classifier_factory=TitleClassifier,
            progress=events.append).run()  # fmt: skip
    assert events[0] == StageStarted("search")
    assert StageStarted("check", 2) in events
    assert StageAdvanced("classify", 1, 2) in events
    assert events[-1] == StageFinished("classify", 2, 2)


def test_no_search_and_no_results_is_an_input_error() -> None:
    with pytest.raises(InputError):
        Auditor(PERSON, search=None, check=None).run()


def test_the_real_classifier_is_the_default() -> None:
    outcome = Auditor(PERSON, search=lambda p: list(RESULTS), check=None, sink=NullSink()).run()
    assert isinstance(outcome, AuditOutcome)
    work = outcome.findings[0].classification
    assert work.category is Category.WORK and work.reasons
