"""Review in a real browser: cards by category, one-click answers, keys, site, counter."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from footprint.models import Category
from tests.webapp.axe import serious_violations
from tests.webapp.conftest import open_app
from tests.webapp.data import seed
from tests.webapp.support import RunningApp

pytestmark = pytest.mark.browser


def counter_is(page: Any, n: int) -> None:
    expect(page.locator("#counter .n-reviewed")).to_have_text(str(n))


def labels(app: RunningApp) -> dict[str, str]:
    return {lb.url: lb.category.value for lb in app.state.store().labels()}


def card(page: Any, title: str) -> Any:
    return page.locator("article.card", has_text=title)


def test_review_by_clicks(app: RunningApp, page: Any) -> None:
    seed(app.state.store())
    open_app(page, app, "/review")
    headings = page.locator("section.group h2").all_inner_texts()
    assert [h.split(" ")[0] for h in headings] == ["Activism", "Private", "Work", "Namesake"]
    assert page.locator("#counter-text").inner_text().startswith("0 / 7")

    oulu = card(page, "Oulu, hammaslääkäri")
    expect(oulu.locator("[data-undo]")).to_be_hidden()  # nothing to undo yet
    oulu.get_by_role("button", name="Not me", exact=True).click()
    counter_is(page, 1)
    expect(oulu.locator("[data-undo]")).to_be_visible()
    assert labels(app) == {"https://oulu.example/laura": "namesake"}
    assert (
        oulu.get_by_role("button", name="Not me", exact=True).get_attribute("aria-pressed")
        == "true"
    )
    assert "Your answer" in oulu.locator("[data-state]").inner_text()

    work = card(page, "sosiaaliohjaaja")
    work.get_by_role("button", name="Me: private").click()
    counter_is(page, 2)
    work.get_by_role("button", name="Undo my answer").click()
    counter_is(page, 1)
    assert labels(app) == {"https://oulu.example/laura": "namesake"}

    # a whole site in one step: both blogi.example.fi results
    card(page, "Mielenosoitus 2004").get_by_role("button", name="Not me: all 2 results").click()
    counter_is(page, 3)
    assert labels(app)["https://blogi.example.fi/2005/toinen"] == "namesake"

    page.reload()  # what was saved is what the page shows
    assert page.locator("#counter-text").inner_text().startswith("3 / 7")
    page.get_by_label("Only the ones not yet reviewed").check()
    page.get_by_role("button", name="Show").click()
    assert page.locator("article.card").count() == 4
    assert page.js_errors == []


def test_review_with_the_keyboard_alone(app: RunningApp, page: Any) -> None:
    seed(app.state.store())
    open_app(page, app, "/review")
    page.keyboard.press("j")  # the first card: the newest activism result
    first = page.locator("article.card").nth(0)
    expect(first).to_be_focused()
    page.keyboard.press("a")
    counter_is(page, 1)
    second = page.locator("article.card").nth(1)
    expect(page.locator("article.card").nth(1)).to_be_focused()
    page.keyboard.press("n")
    counter_is(page, 2)
    page.keyboard.press("k")
    page.keyboard.press("k")
    page.keyboard.press("u")
    counter_is(page, 1)
    assert second.get_attribute("data-reviewed") == "1"
    found = labels(app)
    assert list(found.values()) == [Category.NAMESAKE.value]

    # Tab and Enter alone reach and press an answer button (no shortcut keys)
    page.reload()
    page.locator("article.card").nth(2).locator("button.answer").first.focus()
    page.keyboard.press("Enter")
    counter_is(page, 2)
    assert page.js_errors == []


def test_hostile_results_are_inert_in_the_browser(app: RunningApp, page: Any) -> None:
    seed(app.state.store())
    open_app(page, app, "/review")
    assert page.evaluate("window.__pwned") is None
    hostile = card(page, "A javascript address")
    assert hostile.locator("a").count() == 0  # the address is shown as text, not a link
    for link in page.locator("a[href]").all():
        assert not (link.get_attribute("href") or "").lower().startswith("javascript:")
    assert page.locator("[onerror], [onload], svg, img").count() == 0
    page.locator("article.card", has_text="Laura <img").get_by_role(
        "button", name="Not me", exact=True
    ).click()
    counter_is(page, 1)
    assert page.evaluate("window.__pwned") is None
    assert page.js_errors == []


def test_review_page_is_accessible(app: RunningApp, page: Any) -> None:
    seed(app.state.store())
    open_app(page, app, "/review")
    assert serious_violations(page) == []
    for button in page.locator("main button, main input, main select").all():
        name = button.evaluate("el => el.labels && el.labels.length ? el.labels[0].innerText : ''")
        accessible = name or button.get_attribute("aria-label") or button.text_content() or ""
        assert accessible.strip() or button.get_attribute("type") == "hidden"


def test_review_without_javascript_still_saves(app: RunningApp, browser: Any) -> None:
    seed(app.state.store())
    context = browser.new_context(java_script_enabled=False, locale="fi-FI")
    tab = context.new_page()
    open_app(tab, app, "/review")
    assert tab.locator("h1").inner_text() == "Tarkista tuloksesi"  # the browser's language
    tab.locator("article.card", has_text="Oulu").get_by_role(
        "button", name="En ole minä", exact=True
    ).click()
    assert tab.url.endswith("#" + tab.locator("article.card", has_text="Oulu").get_attribute("id"))
    assert labels(app) == {"https://oulu.example/laura": "namesake"}
    context.close()


def test_filter_by_status_and_the_language_stays_switched(app: RunningApp, page: Any) -> None:
    seed(app.state.store())
    open_app(page, app, "/review")
    page.get_by_label("Page status").select_option("gone")
    page.get_by_role("button", name="Show").click()
    assert page.locator("article.card").count() == 1
    assert "Toinen kirjoitus" in page.locator("article.card").inner_text()
    page.get_by_role("link", name="svenska").click()
    expect(page.locator("h1")).to_have_text("Granska dina resultat")
    assert page.locator("article.card").count() == 1  # the filters are kept
    page.get_by_role("link", name="Åtgärder").click()
    expect(page.locator("h1")).to_have_text("Vad du kan göra")  # remembered
