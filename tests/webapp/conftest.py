"""Fixtures for the app's tests: the app on loopback, and one Chromium for the session.

Playwright drives Debian's Chromium (`scripts/sysdeps.sh test` installs it; Playwright
cannot download a browser here). Chromium resolves no name but loopback, and a failing
browser test leaves a screenshot of its page (the path is printed in the report).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.webapp.support import RunningApp, running_app

CHROMIUM = os.environ.get("FOOTPRINT_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
]


@pytest.fixture
def app(tmp_path: Path) -> Iterator[RunningApp]:
    with running_app(tmp_path) as running:
        yield running


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"{CHROMIUM} is missing: run 'scripts/sysdeps.sh test' (apt-get install chromium)"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    report = yield
    if report.when == "call":
        item.stash.setdefault(_FAILED, False)
        if report.failed:
            item.stash[_FAILED] = True
    return report


_FAILED = pytest.StashKey[bool]()


@pytest.fixture
def page(
    browser: Any, request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Any]:
    """A fresh browser tab; when the test fails, a screenshot of it is kept."""
    context = browser.new_context(accept_downloads=True, locale="en-GB")
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    errors: list[str] = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    tab.on("dialog", lambda dialog: (errors.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    tab.js_errors = errors  # type: ignore[attr-defined]
    yield tab
    if request.node.stash.get(_FAILED, False):
        folder = Path(os.environ.get("FOOTPRINT_SCREENSHOTS") or tmp_path_factory.getbasetemp())
        folder.mkdir(parents=True, exist_ok=True)
        shot = folder / f"{re.sub(r'[^A-Za-z0-9_.-]+', '_', request.node.name)}.png"
        try:
            tab.screenshot(path=str(shot), full_page=True)
            print(f"\nscreenshot of the failing page: {shot}")
        except Exception as exc:  # the page may be gone: the test's own error matters
            print(f"\nno screenshot: {exc}")
    context.close()


def open_app(tab: Any, app: RunningApp, path: str = "/") -> None:
    """Open the printed address (which sets the cookie), then `path`."""
    tab.goto(app.config.start_url)
    if path != "/":
        tab.goto(app.url(path))
