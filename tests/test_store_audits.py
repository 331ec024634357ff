"""Saving audits step by step, resuming them, and two processes at once."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import time
from collections.abc import Sequence
from pathlib import Path

import pytest

from footprint.errors import InputError
from footprint.models import Category, Classification, PageCheck, PageStatus, SearchResult
from footprint.profile import Profile
from footprint.store import Store, StoreSink, open_audit_sink
from tests.store_support import PYTHON, REPO, Clock, finding, save_audit, subprocess_env

WRITER = """
import sys, time
from footprint.models import Category, Classification, Finding, PageCheck, PageStatus, SearchResult
from footprint.store import Store, StoreSink

name, count, pause = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
with Store.open() as store:
    sink = StoreSink(store)
    sink.started(name, {"name": name}, [name])
    print("audit", sink.audit_id, flush=True)
    for i in range(count):
        result = SearchResult(url=f"https://{name.lower()}.example/{i}", title=f"result {i}")
        sink.results_found([result])
        sink.page_checked(result.url, PageCheck(PageStatus.LIVE))
        sink.classified(Finding(result, Classification(Category.WORK, 0.5)))
        print("saved", i, flush=True)
        time.sleep(pause)
    sink.finished(True, [])
    print("done", flush=True)
"""


def start_writer(name: str, count: int, pause: float) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [PYTHON, "-c", WRITER, name, str(count), str(pause)],
        cwd=REPO, env=subprocess_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def test_each_step_is_saved_before_the_call_returns(_isolated_home: Path) -> None:
    store = Store.open()
    sink = StoreSink(store)
    other = sqlite3.connect(store.path)  # another reader sees each step at once

    def saved(column: str = "url") -> list[tuple[str, ...]]:
        return other.execute(f"SELECT {column} FROM results ORDER BY seq").fetchall()

    sink.started("Laura Hietanen", Profile(name="Laura Hietanen"), ['"Laura Hietanen"'])
    assert other.execute("SELECT name, complete FROM audits").fetchall() == [("Laura Hietanen", 0)]
    results = [
        SearchResult(url="https://a.example/1", title="A"),
        SearchResult(url="https://b.example/"),
    ]
    sink.results_found(results)
    assert saved() == [("https://a.example/1",), ("https://b.example/",)]
    sink.page_checked("https://a.example/1", PageCheck(PageStatus.GONE, reason="404"))
    assert saved("page_status") == [("gone",), (None,)]
    sink.classified(finding("https://a.example/1", "defunct", "gone"))
    assert saved("category") == [("defunct",), (None,)]
    sink.finished(False, ["brave: quota exceeded"])
    assert other.execute("SELECT complete, failures FROM audits").fetchone() == (
        0,
        '["brave: quota exceeded"]',
    )
    other.close()
    [audit] = store.audits()
    assert audit.results == 2 and audit.counts == {"defunct": 1} and not audit.complete
    assert audit.failures == ("brave: quota exceeded",)
    store.close()


def test_a_result_found_twice_is_one_row_with_the_newer_record(_isolated_home: Path) -> None:
    with Store.open() as store:
        sink = StoreSink(store)
        sink.started("Laura", {"name": "Laura"}, ["q1", "q2"])
        sink.results_found([SearchResult(url="https://a.example/", provider="brave", query="q1")])
        sink.results_found(
            [
                SearchResult(
                    url="https://a.example/",
                    provider="brave",
                    query="q1",
                    found_by=(("brave", "q1"), ("searxng", "q2")),
                ),
                SearchResult(url="https://b.example/", provider="searxng", query="q2"),
            ]
        )
        state = store.resume_state(sink.audit_id or 0)
        assert [r.url for r in state.results] == ["https://a.example/", "https://b.example/"]
        assert state.results[0].found_by == (("brave", "q1"), ("searxng", "q2"))
        assert state.searched == {("brave", "q1"), ("searxng", "q2")}


def test_load_findings_keeps_the_order_results_arrived_in(_isolated_home: Path) -> None:
    urls = [f"https://site{i}.example/" for i in (3, 1, 2)]
    with Store.open() as store:
        audit_id = save_audit(store, "Laura", [finding(u, "work", "live") for u in urls])
        loaded = store.load_findings(audit_id)
    assert [f.result.url for f in loaded] == urls
    assert all(f.check and f.check.status is PageStatus.LIVE for f in loaded)


def test_interrupted_audit_is_resumed_without_repeating_finished_work(_isolated_home: Path) -> None:
    profile = Profile(name="Laura Hietanen", locations=("Tampere",))
    sink = open_audit_sink("Laura Hietanen", profile)
    sink.started("Laura Hietanen", profile, ["q1"])
    results = [
        SearchResult(url=f"https://r.example/{i}", provider="brave", query="q1") for i in range(4)
    ]
    sink.results_found(results)
    for r in results[:3]:
        sink.page_checked(r.url, PageCheck(PageStatus.LIVE))
    sink.classified(finding(results[0].url, "work", "live"))
    sink.close()  # the process dies here: finished() is never called

    with Store.open() as store:
        assert [a.complete for a in store.audits()] == [False]

    resumed = open_audit_sink("Laura Hietanen", profile, resume=True)
    state = resumed.resume
    assert state is not None and state.audit_id == resumed.audit_id
    assert state.profile["locations"] == ["Tampere"]
    assert [r.url for r in state.unchecked()] == [results[3].url]
    assert [r.url for r in state.unclassified()] == [r.url for r in results[1:]]
    assert state.searched == {("brave", "q1")}

    resumed.started("Laura Hietanen", profile, ["q1", "q2"])
    resumed.page_checked(results[3].url, PageCheck(PageStatus.GONE))
    for r in results[1:]:
        resumed.classified(finding(r.url, "private"))
    resumed.finished(True, [])
    resumed.close()

    with Store.open() as store:
        [audit] = store.audits()
        assert audit.complete and audit.results == 4
        assert audit.queries == ("q1", "q2")
        assert audit.counts == {"work": 1, "private": 3}


def test_resume_with_nothing_unfinished_says_so(_isolated_home: Path) -> None:
    with Store.open() as store:
        save_audit(store, "Laura", [finding("https://a.example/", "work")])
    with pytest.raises(InputError, match="no unfinished audit of 'Laura'"):
        open_audit_sink("Laura", {"name": "Laura"}, resume=True)


def test_latest_audit_and_previous_context(_isolated_home: Path) -> None:
    clock = Clock()
    with Store.open(clock=clock) as store:
        assert store.latest_audit() is None
        first = save_audit(
            store,
            "Laura",
            [
                finding("https://stays.example/", "work", "live", "Stays"),
                finding("https://goes.example/", "private", "live", "Goes"),
                finding("https://moves.example/", "activism", "live", "Moves"),
            ],
        )
        assert store.previous_context(first) is None
        clock.advance(days=1)
        save_audit(store, "Someone Else", [finding("https://other.example/", "work")])
        clock.advance(days=30)
        second = save_audit(
            store,
            "Laura",
            [
                finding("https://stays.example/", "work", "live", "Stays"),
                finding("https://moves.example/", "defunct", "gone", "Moves"),
                finding("https://new.example/", "namesake", "live", "New"),
            ],
        )
        latest = store.latest_audit("Laura")
        assert latest is not None and latest.id == second
        assert store.latest_audit().id == second  # type: ignore[union-attr]
        context = store.previous_context(second)
    assert context is not None
    assert context["date"] == "2026-03-02"
    assert [f.result.url for f in context["new"]] == ["https://new.example/"]
    assert context["gone"] == [
        {"url": "https://goes.example/", "title": "Goes", "category": "private"}
    ]
    assert context["changed"] == [
        {
            "url": "https://moves.example/",
            "title": "Moves",
            "old_category": "activism",
            "new_category": "defunct",
            "old_status": "live",
            "new_status": "gone",
        }
    ]


def test_previous_context_prefers_the_last_complete_audit(_isolated_home: Path) -> None:
    clock = Clock()
    with Store.open(clock=clock) as store:
        save_audit(store, "Laura", [finding("https://a.example/", "work")])
        clock.advance(days=1)
        save_audit(store, "Laura", [], complete=False)  # stopped at once: not a fair comparison
        clock.advance(days=1)
        third = save_audit(store, "Laura", [finding("https://a.example/", "work")])
        context = store.previous_context(third)
    assert context is not None
    assert context["date"] == "2026-03-02"
    assert context["new"] == [] and context["gone"] == [] and context["changed"] == []


@pytest.mark.slow
def test_writer_and_reader_processes_do_not_block_each_other(_isolated_home: Path) -> None:
    writers = [start_writer("Alpha", 300, 0.02), start_writer("Beta", 300, 0.02)]
    assert writers[0].stdout is not None
    assert writers[0].stdout.readline().startswith("audit")
    seen: list[int] = []
    try:
        while writers[0].poll() is None or writers[1].poll() is None:
            began = time.monotonic()
            done = subprocess.run(
                [PYTHON, "-m", "footprint", "history", "--format", "json"],
                cwd=REPO, env=subprocess_env(), capture_output=True, text=True, timeout=30,
            )  # fmt: skip
            elapsed = time.monotonic() - began
            assert done.returncode == 0, done.stderr
            assert elapsed < 10, f"history waited {elapsed:.1f}s"
            seen.append(sum(a["results"] for a in json.loads(done.stdout)))
    finally:
        outputs = [w.communicate(timeout=60) for w in writers]
    for writer, (out, err) in zip(writers, outputs, strict=True):
        assert writer.returncode == 0, err
        assert out.rstrip().endswith("done")
    assert seen == sorted(seen)  # every reader saw a consistent, growing store
    assert len([n for n in seen if 0 < n < 600]) >= 2  # ... while both writers were writing
    with Store.open() as store:
        audits = store.audits()
        assert {(a.name, a.results, a.complete) for a in audits} == {
            ("Alpha", 300, True),
            ("Beta", 300, True),
        }
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_sigkill_mid_audit_loses_nothing_committed(_isolated_home: Path) -> None:
    writer = start_writer("Killed", 100_000, 0.0)
    assert writer.stdout is not None
    last = -1
    for line in writer.stdout:
        if line.startswith("saved"):
            last = int(line.split()[1])
            if last >= 40:
                break
    os.kill(writer.pid, signal.SIGKILL)
    rest, _ = writer.communicate(timeout=30)
    for line in rest.splitlines():  # lines printed after their commit, before the kill
        if line.startswith("saved"):
            last = int(line.split()[1])
    assert writer.returncode == -signal.SIGKILL

    with Store.open() as store:
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        [audit] = store.audits()
        assert not audit.complete
        findings = store.load_findings(audit.id)
        urls = {f.result.url for f in findings}
        assert {f"https://killed.example/{i}" for i in range(last + 1)} <= urls
        assert audit.results in (len(findings), len(findings) + 1)  # the step in flight
        state = store.resume_state(audit.id)
        assert len(state.unclassified()) == audit.results - len(findings)

    resumed = open_audit_sink("Killed", {"name": "Killed"}, resume=True)
    resumed.started("Killed", {"name": "Killed"}, ["Killed"])
    for result in resumed.resume.unclassified() if resumed.resume else []:
        resumed.classified(finding(result.url, Category.WORK))
    resumed.finished(True, [])
    resumed.close()
    with Store.open() as store:
        [audit] = store.audits()
        assert audit.complete and audit.counts == {"work": audit.results}


class _Classifier:
    """Sorts by the address; stops (as Ctrl-C would) at the address named `stop`."""

    def __init__(self, stop: str | None = None) -> None:
        self.stop = stop

    def classify(self, result: SearchResult, check: PageCheck | None = None) -> Classification:
        if result.url == self.stop:
            raise KeyboardInterrupt
        category = Category.WORK if "work" in result.url else Category.PRIVATE
        return Classification(category, 0.6, page_status=check.status if check else None)


def test_the_auditor_saves_into_the_store_and_resumes(_isolated_home: Path) -> None:
    from footprint.audit import Auditor

    profile = Profile(name="Laura Hietanen")
    results = [SearchResult(url=f"https://{kind}{i}.example/", provider="file", query="q")
               for i, kind in enumerate(["work", "home", "work", "home"])]  # fmt: skip
    checked: list[str] = []

    def check(todo: Sequence[SearchResult], on_check: object = None) -> list[PageCheck]:
        checked.extend(r.url for r in todo)
        return [PageCheck(PageStatus.LIVE) for _ in todo]

    sink = open_audit_sink(profile.name, profile)
    with pytest.raises(KeyboardInterrupt):
        Auditor(
            profile, search=lambda p: results, check=check, sink=sink,
            classifier_factory=lambda p: _Classifier(stop=results[2].url),
        ).run()  # fmt: skip
    sink.close()
    assert len(checked) == 4

    resumed = open_audit_sink(profile.name, profile, resume=True)
    state = resumed.resume
    assert state is not None and len(state.unclassified()) == 2 and not state.unchecked()
    outcome = Auditor(
        profile, search=None, check=check, sink=resumed, classifier_factory=lambda p: _Classifier()
    ).run(known_results=list(state.results), known_checks=state.checks)
    assert len(checked) == 4  # no page was checked twice
    assert outcome.complete and len(outcome.findings) == 4
    store = resumed.store
    [audit] = store.audits()
    assert audit.complete and audit.counts == {"work": 2, "private": 2}
    assert [f.result.url for f in store.load_findings(audit.id)] == [r.url for r in results]
    resumed.close()
