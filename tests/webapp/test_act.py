"""Act in a real browser: steps and links, the site's letter, "I sent it", overdue first."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from footprint.store import Channel
from tests.webapp.axe import serious_violations
from tests.webapp.conftest import open_app
from tests.webapp.data import seed
from tests.webapp.support import RunningApp

pytestmark = pytest.mark.browser


def test_letter_then_i_sent_it(app: RunningApp, page: Any) -> None:
    store = app.state.store()
    seed(store)
    old = store.today() - timedelta(days=45)
    store.track("https://facebook.com/laura.hietanen.7", Channel.GOOGLE_DELISTING, old)
    store.track("https://oulu.example/laura", Channel.SITE_OWNER, old)  # a month has passed
    open_app(page, app, "/act")
    assert serious_violations(page) == []
    rows = page.locator("#tracked tbody tr")
    assert rows.count() == 2
    assert "overdue" in rows.nth(0).inner_text() and "oulu.example" in rows.nth(0).inner_text()
    assert "Data Protection Ombudsman" in rows.nth(0).inner_text()

    blog = page.locator("article.card", has_text="Mielenosoitus 2004")
    assert blog.get_by_role("link", name="Data Protection Ombudsman: right to erasure").count()
    blog.get_by_role("link", name="Erasure letter for example.fi").click()
    letter = page.get_by_label("The letter").input_value()
    assert "https://blogi.example.fi/2004/kuva" in letter
    assert "Laura Hietanen" in letter and "hostile.example" not in letter
    assert serious_violations(page) == []
    with page.expect_download() as download:
        page.get_by_role("link", name="Download as a text file").click()
    assert Path(download.value.path()).read_text("utf-8") == letter
    page.get_by_role("button", name="Copy the letter").click()
    expect(page.get_by_role("button", name="Copied")).to_be_visible()

    page.get_by_role("link", name="Back to the steps").click()
    blog = page.locator("article.card", has_text="Mielenosoitus 2004")
    expect(blog.get_by_label("Where did you send it?")).to_have_value("site-owner")
    blog.get_by_role("button", name="I sent it").click()
    expect(page.get_by_role("status")).to_contain_text("Recorded")
    sent = {(r.url, r.channel.value, r.letter) for r in store.requests()}
    assert ("https://blogi.example.fi/2004/kuva", "site-owner", "erasure") in sent
    rows = page.locator("#tracked tbody tr")
    assert rows.count() == 3  # overdue, then by deadline, then those without one
    assert "blogi.example.fi/2004/kuva" in rows.nth(1).inner_text()

    rows.nth(0).get_by_role("button", name="Close").click()
    assert page.locator("#tracked tbody tr").count() == 2
    assert page.js_errors == []
