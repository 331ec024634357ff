"""The library the CLI and the app share: keys for one run, progress events, cancelling,
reports of saved audits with corrections — against loopback providers and pages."""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from footprint import pipeline
from footprint.errors import Cancelled
from footprint.models import Category
from footprint.profile import Profile
from footprint.progress import (
    Done,
    Event,
    ProviderFailed,
    StageAdvanced,
    StageFinished,
    StageStarted,
)
from footprint.store import Store
from tests.page_server import PageServer, Reply, html
from tests.search_servers import BraveService, serving_brave

KEY = "typed-in-brave-key-5e1d"
PERSON = Profile(name="Laura Hietanen")


@pytest.fixture
def brave(monkeypatch: pytest.MonkeyPatch) -> Iterator[BraveService]:
    with serving_brave(monkeypatch, KEY, 3, env=False) as service:
        yield service


def _files(folder: Path) -> Iterator[bytes]:
    for path in folder.rglob("*"):
        if path.is_file():
            yield path.read_bytes()


def test_a_key_typed_in_is_used_for_one_run_and_kept_nowhere(
    brave: BraveService, _isolated_home: Path
) -> None:
    assert "BRAVE_API_KEY" not in os.environ
    run = pipeline.run_audit(PERSON, providers=["brave"], keys={"BRAVE_API_KEY": KEY},
                             offline=True)  # fmt: skip
    assert run.findings and not run.failures
    assert {log.headers.get("x-subscription-token") for log in brave.log} == {KEY}
    assert "BRAVE_API_KEY" not in os.environ
    assert not any(KEY.encode() in data for data in _files(_isolated_home))


def test_a_key_name_that_is_no_provider_setting_is_refused() -> None:
    from footprint.errors import ConfigError

    with pytest.raises(ConfigError, match="PATH is not a search provider setting"):
        pipeline.run_audit(PERSON, providers=["brave"], keys={"PATH": "/tmp"}, offline=True)


def test_progress_comes_as_events_in_order(brave: BraveService) -> None:
    events: list[Event] = []
    run = pipeline.run_audit(PERSON, providers=["brave"], keys={"BRAVE_API_KEY": KEY},
                             offline=True, progress=events.append)  # fmt: skip
    assert events[0] == StageStarted("search")
    searched = [e for e in events if isinstance(e, StageAdvanced) and e.stage == "search"]
    assert searched and searched[0].detail.startswith("brave: ")
    assert searched[-1].done == searched[-1].total
    stages = [e.stage for e in events if isinstance(e, StageStarted)]
    assert stages == ["search", "classify"]  # offline: no page check
    assert StageFinished("classify", len(run.findings), len(run.findings)) in events
    assert events[-1] == Done(len(run.findings), run.audit_id, ())


def test_a_failing_provider_is_an_event_while_the_others_go_on(
    brave: BraveService, tmp_path: Path
) -> None:
    saved = tmp_path / "saved.jsonl"
    saved.write_text('{"url": "https://a.example/1", "title": "Laura Hietanen"}\n', "utf-8")
    events: list[Event] = []
    wrong = {"BRAVE_API_KEY": "wrong-key"}
    run = pipeline.run_audit(PERSON, providers=["brave"], from_file=saved, offline=True,
                             keys=wrong, progress=events.append)  # fmt: skip
    failed = [e for e in events if isinstance(e, ProviderFailed)]
    assert [(e.provider, e.kind) for e in failed] == [("brave", "auth")]
    assert "BRAVE_API_KEY" in failed[0].message  # the fix names the setting
    assert [f.result.url for f in run.findings] == ["https://a.example/1"]
    assert run.partial


def test_cancel_stops_the_searches_and_the_audit_can_be_resumed(brave: BraveService) -> None:
    cancel = threading.Event()

    def sink(event: Event) -> None:
        if isinstance(event, StageAdvanced) and event.stage == "search":
            cancel.set()

    with pytest.raises(Cancelled, match="resume it"):
        pipeline.run_audit(PERSON, providers=["brave"], keys={"BRAVE_API_KEY": KEY},
                           offline=True, progress=sink, cancel=cancel)  # fmt: skip
    asked = len(brave.log)
    with Store.open() as store:
        [audit] = store.audits()
        assert not audit.complete and audit.results > 0
    run = pipeline.run_audit(PERSON, providers=["brave"], keys={"BRAVE_API_KEY": KEY},
                             offline=True, resume=True)  # fmt: skip
    assert run.audit_id == audit.id and len(brave.log) == asked
    with Store.open() as store:
        assert store.audit(audit.id).complete


@pytest.mark.usefixtures("allow_loopback")
def test_cancel_during_the_page_check_keeps_every_page_checked(tmp_path: Path) -> None:
    with PageServer() as site:
        fast = [site.route(f"/fast{i}", Reply(body=html(f"Laura {i}", "x"))) for i in range(3)]
        slow = [site.route(f"/slow{i}", Reply(body=html("slow", "x"), delay=5)) for i in range(2)]
        saved = tmp_path / "saved.jsonl"
        saved.write_text("".join(json.dumps({"url": u}) + "\n" for u in fast + slow), "utf-8")
        cancel = threading.Event()

        def sink(event: Event) -> None:
            if isinstance(event, StageAdvanced) and event.stage == "check" and event.done >= 3:
                cancel.set()

        with pytest.raises(Cancelled):
            pipeline.run_audit(PERSON, from_file=saved, concurrency=5, progress=sink,
                               cancel=cancel)  # fmt: skip
    with Store.open() as store:
        [audit] = store.audits()
        state = store.resume_state(audit.id)
    assert not audit.complete
    assert set(state.checks) == set(fast)


def test_the_report_of_a_saved_audit_carries_the_corrections(tmp_path: Path) -> None:
    saved = tmp_path / "saved.jsonl"
    saved.write_text('{"url": "https://a.example/1", "title": "Laura Hietanen"}\n', "utf-8")
    run = pipeline.run_audit(PERSON, from_file=saved, offline=True)
    assert run.audit_id is not None
    with Store.open() as store:
        store.set_label("https://a.example/1", Category.NAMESAKE, "another Laura")
    data = pipeline.saved_report_data(run.audit_id)
    assert data.person.name == PERSON.name
    [finding] = data.findings
    assert finding.classification.category is Category.NAMESAKE
    assert finding.classification.corrected
    rendered = pipeline.render_report(data, lang="sv", generated=_now(), formats=("html",))
    assert isinstance(rendered["html"], str) and "another Laura" in rendered["html"]


def test_render_report_refuses_an_unknown_format_or_language() -> None:
    from footprint.errors import InputError

    data = pipeline.ReportData(PERSON, [])
    with pytest.raises(InputError, match="format 'docx'"):
        pipeline.render_report(data, lang="fi", generated=_now(), formats=("docx",))
    with pytest.raises(InputError, match="language 'de'"):
        pipeline.render_report(data, lang="de", generated=_now())


def _now():  # type: ignore[no-untyped-def]
    from datetime import datetime

    return datetime.now().astimezone()
