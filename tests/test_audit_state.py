"""Truthful audit state (issue 12, items 1 and 2): a resumed audit keeps what its first
part went through, a removal is claimed only on the README's evidence, interrupted audits
never get stuck, and page checks survive a kill."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from footprint import pipeline
from footprint.errors import Cancelled
from footprint.profile import Profile
from footprint.progress import Event, StageAdvanced
from footprint.store import Store
from tests.page_server import PageServer, Reply, html
from tests.search_servers import BraveService, serving_brave
from tests.store_support import PYTHON, REPO, cli, finding, save_audit, subprocess_env

NAME = "Laura Hietanen"
KEY = "brave-key-audit-state"
TRACKED = "https://site1.example/laura-hietanen/page-1"  # what the fake Brave finds first


@pytest.fixture
def brave(monkeypatch: pytest.MonkeyPatch) -> Iterator[BraveService]:
    with serving_brave(monkeypatch, KEY, 3) as service:
        yield service


def _saved_results(tmp_path: Path) -> Path:
    path = tmp_path / "saved.jsonl"
    path.write_text('{"url": "https://other.example/x", "title": "Laura Hietanen"}\n', "utf-8")
    return path


def _requests() -> list[dict]:  # type: ignore[type-arg]
    return json.loads(cli("track", "--list", "--all", "-f", "json").stdout)


# --- item 1: a resumed audit keeps its first part; removal only on evidence ---------------


def test_failed_searches_finished_from_a_file_stay_partial_and_prove_no_removal(
    brave: BraveService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert cli("track", TRACKED, "--channel", "site-owner").exit_code == 0
    monkeypatch.setenv("BRAVE_API_KEY", "a-wrong-key")
    failed = cli("audit", NAME, "--provider", "brave", "--offline", "-o", str(tmp_path / "1.pdf"))
    assert failed.exit_code == 5, failed.output  # every source failed: nothing to report
    resumed = cli("audit", NAME, "--resume", "--from", str(_saved_results(tmp_path)),
                  "--offline", "-o", str(tmp_path / "2.pdf"))  # fmt: skip
    assert resumed.exit_code == 4, resumed.output  # partial: the first part's source failed
    assert "brave" in resumed.stderr
    [audit] = json.loads(cli("history", "-f", "json").stdout)
    assert audit["status"] == "partial" and audit["complete"]
    assert any(f.startswith("brave") for f in audit["failures"])
    assert set(audit["providers"]) == {"brave", "file"}
    assert [r["status"] for r in _requests()] == ["open"]


def test_an_interrupted_search_finished_from_a_file_proves_no_removal(
    brave: BraveService, tmp_path: Path
) -> None:
    absent = "https://site9.example/laura-hietanen/page-9"  # a later query might have found it
    assert cli("track", absent, "--channel", "site-owner").exit_code == 0
    person = Profile(name=NAME, locations=("Tampere", "Oulu"))
    cancel = threading.Event()

    def stop_after_one_query(event: Event) -> None:
        if isinstance(event, StageAdvanced) and event.stage == "search":
            cancel.set()

    with pytest.raises(Cancelled):
        pipeline.run_audit(person, providers=["brave"], offline=True,
                           progress=stop_after_one_query, cancel=cancel)  # fmt: skip
    run = pipeline.run_audit(person, from_file=_saved_results(tmp_path), offline=True,
                             resume=True)  # fmt: skip
    urls = {f.result.url for f in run.findings}
    assert "https://other.example/x" in urls and TRACKED in urls  # both parts are kept
    [audit] = json.loads(cli("history", "-f", "json").stdout)
    assert audit["status"] == "complete" and set(audit["providers"]) == {"brave", "file"}
    # the searches with a real provider never ran to the end: absence proves nothing
    assert [r["status"] for r in _requests()] == ["open"]


def test_resuming_after_the_searches_asks_no_provider_and_names_none(
    brave: BraveService, tmp_path: Path
) -> None:
    def interrupted(results, on_check=None):  # type: ignore[no-untyped-def]
        raise KeyboardInterrupt

    from footprint.audit import Auditor
    from footprint.models import SearchResult
    from footprint.store.sink import open_audit_sink

    person = Profile(name=NAME)
    saved = [SearchResult(url="https://a.example/1", title=NAME, provider="brave")]
    with (
        open_audit_sink(NAME, person, providers=["brave"]) as sink,
        pytest.raises(KeyboardInterrupt),
    ):
        Auditor(person, search=lambda p: saved, check=interrupted, sink=sink).run()
    run = pipeline.run_audit(person, from_file=_saved_results(tmp_path), offline=True,
                             resume=True)  # fmt: skip
    assert [f.result.url for f in run.findings] == ["https://a.example/1"]
    assert any("--from" in notice for notice in run.notices)
    with Store.open() as store:
        [audit] = store.audits()
    assert audit.providers == ("brave",) and brave.log == []


# --- item 2: interrupted audits never get stuck -------------------------------------------


def test_history_offers_only_the_resume_that_resume_can_do(_isolated_home: Path) -> None:
    with Store.open() as store:
        stuck = save_audit(store, NAME, [finding("https://a.example/1", "work")], complete=False)
        later = save_audit(store, NAME, [finding("https://a.example/1", "work")], complete=True)
    nothing = cli("audit", NAME, "--resume", "--offline")
    assert nothing.exit_code == 3 and "no unfinished audit" in nothing.stderr
    listed = cli("history")
    assert listed.exit_code == 0
    assert "--resume" not in listed.stderr
    by_id = {a["id"]: a for a in json.loads(cli("history", "-f", "json").stdout)}
    assert by_id[stuck]["resumable"] is False and by_id[later]["resumable"] is False
    with Store.open() as store:
        resumable = save_audit(store, NAME, [finding("https://a.example/2", "work")], False)
    listed = cli("history")
    assert f'footprint audit "{NAME}" --resume' in listed.stderr
    assert json.loads(cli("history", "-f", "json").stdout)[-1]["resumable"] is True
    assert resumable > later


def test_diff_without_ids_compares_the_last_two_complete_audits(_isolated_home: Path) -> None:
    with Store.open() as store:
        first = save_audit(store, NAME, [finding("https://a.example/1", "work")])
        second = save_audit(store, NAME, [finding("https://a.example/1", "work"),
                                          finding("https://a.example/2", "private")])  # fmt: skip
        save_audit(store, NAME, [], complete=False)  # stopped before it found anything
    done = cli("diff", "--format", "json")
    assert done.exit_code == 0, done.output
    data = json.loads(done.stdout)
    assert (data["old_audit"]["id"], data["new_audit"]["id"]) == (first, second)
    assert [f["url"] for f in data["new"]] == ["https://a.example/2"] and data["gone"] == []
    one = json.loads(cli("diff", str(first), "--format", "json").stdout)
    assert one["new_audit"]["id"] == second


@pytest.mark.usefixtures("allow_loopback")
def test_page_checks_are_saved_as_they_finish_and_survive_a_kill(
    tmp_path: Path, _isolated_home: Path
) -> None:
    with PageServer() as site:
        fast = [site.route(f"/fast{i}", Reply(body=html(f"Laura {i}", "x"))) for i in range(3)]
        slow = site.route("/slow", Reply(body=html("slow", "x"), delay=8))
        saved = tmp_path / "saved.jsonl"
        saved.write_text(
            "".join(json.dumps({"url": u, "title": NAME}) + "\n" for u in [*fast, slow]), "utf-8"
        )
        env = {**subprocess_env(), "FOOTPRINT_ALLOW_PRIVATE": "1"}
        child = subprocess.Popen(
            [PYTHON, "-m", "footprint", "audit", NAME, "--from", str(saved),
             "-o", str(tmp_path / "r.pdf")],
            cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )  # fmt: skip
        try:
            checked = _wait_for_checks(_isolated_home / "footprint.db", 3, child)
        finally:
            os.kill(child.pid, signal.SIGKILL)
            child.wait(timeout=30)
        assert checked == set(fast)
        hits = {path: site.hits[path] for path in ("/fast0", "/fast1", "/fast2")}
        run = pipeline.run_audit(Profile(name=NAME), resume=True, concurrency=4)
        assert {path: site.hits[path] for path in hits} == hits  # not fetched again
    assert {f.result.url for f in run.findings} == {*fast, slow}


def _wait_for_checks(db: Path, count: int, child: subprocess.Popen) -> set[str]:  # type: ignore[type-arg]
    """The URLs whose check the running audit has saved, once there are `count` of them."""
    ends = time.monotonic() + 60
    while time.monotonic() < ends:
        if child.poll() is not None:
            raise AssertionError(f"the audit ended early: {child.stderr.read()!r}")  # type: ignore[union-attr]
        if db.exists():
            with Store.open(db) as store:
                unfinished = store.unfinished_audit(NAME)
                if unfinished is not None:
                    state = store.resume_state(unfinished.id)
                    if len(state.checks) >= count:
                        return set(state.checks)
        time.sleep(0.1)
    raise AssertionError("no page check was saved while the audit ran")
