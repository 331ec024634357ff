"""The audit page in a real browser: the demo, a real audit against loopback services with a
key typed in for the run, cancel and resume, and a failing service shown with its fix."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from footprint.profile import Profile, WorkProfile
from footprint.profile_toml import profile_to_toml
from tests.webapp.axe import serious_violations
from tests.webapp.conftest import open_app
from tests.webapp.support import RunningApp, running_app
from tests.webapp.web_fakes import Web, fake_web

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("allow_loopback")]

PERSON = Profile(
    name="Laura Hietanen",
    locations=("Tampere",),
    work=WorkProfile(employers=("Uusi Suunta",), titles=("sosiaaliohjaaja",)),
)


@pytest.fixture
def web(monkeypatch: pytest.MonkeyPatch) -> Iterator[Web]:
    with fake_web() as fake:
        monkeypatch.setenv("FOOTPRINT_ARCHIVE_URL", fake.pages.url("").rstrip("/"))
        yield fake


def wait_until_finished(page: Any, timeout: float = 120_000) -> None:
    expect(page.locator("#h-progress")).not_to_have_text("The audit is running", timeout=timeout)


def test_demo_runs_by_itself_and_is_reviewable(tmp_path: Path, page: Any) -> None:
    with running_app(tmp_path, demo=True) as app:
        app.state.start_demo()
        open_app(page, app, "/audit?lang=en")  # the demo person's profile is in Finnish
        wait_until_finished(page)
        expect(page.locator("#h-progress")).to_have_text("The audit is done")
        assert serious_violations(page) == []
        page.get_by_role("link", name="Review the results").click()
        assert page.locator("article.card").count() == 35
        assert "demo" in page.locator(".demo-tag").inner_text()


def test_audit_with_a_key_typed_in_for_this_run(app: RunningApp, web: Web, page: Any) -> None:
    app.state.profile_path.write_text(profile_to_toml(PERSON), encoding="utf-8")
    open_app(page, app, "/audit?lang=en")
    assert serious_violations(page) == []
    page.get_by_label("Your own SearXNG").check()
    expect(page.get_by_label("DuckDuckGo")).to_be_checked()  # nothing else is set up
    page.get_by_label("DuckDuckGo").uncheck()
    typed = web.searx.url.replace("http://", "http://me:s3cret-typed-in@")
    page.get_by_label("SEARXNG_URL").fill(typed)
    page.get_by_role("button", name="Start the audit").click()
    wait_until_finished(page)
    expect(page.locator("#h-progress")).to_have_text("The audit is done")
    assert "5 results" in page.get_by_role("status").inner_text()
    assert web.service.log, "the typed-in address was used"
    for stored in app.state.folder.rglob("*"):  # the key is written nowhere
        if stored.is_file():
            assert b"s3cret-typed-in" not in stored.read_bytes(), stored
    assert app.state.jobs().current is not None and app.state.jobs().current.request.keys == {}
    page.get_by_role("link", name="Review the results").click()
    assert page.locator("article.card").count() == 5
    gone = page.locator("article.card", has_text="Kehäkukka 1999")
    assert "gone" in gone.inner_text().lower()


def test_cancel_then_resume(app: RunningApp, page: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    app.state.profile_path.write_text(profile_to_toml(PERSON), encoding="utf-8")
    with fake_web(delay=0.4) as slow:
        monkeypatch.setenv("FOOTPRINT_ARCHIVE_URL", slow.pages.url("").rstrip("/"))
        monkeypatch.setenv("SEARXNG_URL", slow.searx.url)
        open_app(page, app, "/audit?lang=en")
        expect(page.get_by_label("Your own SearXNG")).to_be_checked()  # set up on this computer
        page.get_by_role("button", name="Start the audit").click()
        expect(page.locator("[data-k=search-done]")).not_to_have_text("0", timeout=20_000)
        page.get_by_role("button", name="Stop the audit").click()
        wait_until_finished(page)
        expect(page.locator("#h-progress")).to_have_text("The audit was stopped")
        unfinished = app.state.store().audits()[-1]
        assert not unfinished.complete
        page.get_by_role("button", name="Resume it").click()
        wait_until_finished(page)
        expect(page.locator("#h-progress")).to_have_text("The audit is done")
        audits = app.state.store().audits()
        assert len(audits) == 1 and audits[0].complete and audits[0].results == 5


def test_a_failing_service_is_shown_with_its_fix(
    app: RunningApp, page: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    app.state.profile_path.write_text(profile_to_toml(PERSON), encoding="utf-8")
    with fake_web(mode="json_disabled") as broken:
        monkeypatch.setenv("SEARXNG_URL", broken.searx.url)
        open_app(page, app, "/audit?lang=en")
        page.get_by_role("button", name="Start the audit").click()
        wait_until_finished(page)
        expect(page.locator("#h-progress")).to_have_text("The audit could not run")
        assert "settings.yml" in page.get_by_role("alert").inner_text()
