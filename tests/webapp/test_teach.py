"""Corrections that teach, in the app: after "Not me" (or "Me: …" on a result showing a town
or username the profile lacks) the review page offers to remember what the result tells;
remembering it re-sorts other results in the next audit. Served with and without JavaScript.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from footprint import pipeline
from footprint.models import Category, SearchResult
from footprint.web.views.review import card_id
from tests.test_corrections_teach import CLINIC_NEWS, DENTIST, HER_OWN, LAURA
from tests.webapp.axe import serious_violations
from tests.webapp.conftest import open_app
from tests.webapp.support import RunningApp

INSTAGRAM = SearchResult(
    url="https://www.instagram.com/lauran_lenkit/",
    title="Laura Hietanen (@lauran_lenkit)",
    snippet="Lenkillä taas, Laura Hietanen Kangasala",
)
JSON = {"Accept": "application/json", "Accept-Language": "en"}


def answer(app: RunningApp, session: Any, url: str, category: str, lang: str = "en") -> Any:
    """Answer a card as app.js does; the offer to remember that comes back (or None)."""
    headers = {**JSON, "Accept-Language": lang}
    sent = app.post(session, "/review/label", {"url": url, "category": category}, headers=headers)
    assert sent.status_code == 200, sent.text
    return sent.json()["offer"]


def audit(app: RunningApp, tmp_path: Path) -> dict[str, Category]:
    """An audit of Laura's results, saved in the app's store; what it sorted where."""
    saved = tmp_path / "results.jsonl"
    results = (DENTIST, CLINIC_NEWS, HER_OWN, INSTAGRAM)
    saved.write_text("".join(json.dumps(r.to_dict()) + "\n" for r in results), "utf-8")
    run = pipeline.run_audit(LAURA, from_file=saved, offline=True, store_path=app.config.store_path)
    return {f.result.url: f.classification.category for f in run.findings}


def test_not_me_offers_the_other_persons_facts_and_remembering_re_sorts(
    app: RunningApp, tmp_path: Path
) -> None:
    assert audit(app, tmp_path)[CLINIC_NEWS.url] is Category.WORK
    session = app.session()
    session.headers["Accept-Language"] = "en"
    offer = answer(app, session, DENTIST.url, "namesake")
    assert offer["kind"] == "namesake"
    assert [f["text"] for f in offer["facts"]] == [
        "town: Oulu",
        "born 1961",
        "trade: hammaslääkäri",
    ]

    # without JavaScript: the answer leads back to the card, which shows the same offer
    sent = app.post(
        session,
        "/review/label",
        {"url": DENTIST.url, "category": "namesake", "next": "/review?category=namesake"},
    )
    assert sent.status_code == 303
    cid = card_id(DENTIST.url)
    assert sent.headers["Location"] == f"/review?category=namesake&teach={cid}#{cid}"
    page = session.get(app.url(sent.headers["Location"]), timeout=10).text
    assert "Remember these to recognise this other person" in page
    assert re.search(r'<input type="checkbox" name="fact" value="trade=hammaslääkäri"', page)

    # the person keeps the trade and the town, not the birth year
    kept = app.post(
        session,
        "/review/remember",
        {"url": DENTIST.url, "category": "namesake", "fact": ["town=Oulu", "trade=hammaslääkäri"]},
    )
    assert kept.status_code == 303 and f"taught={cid}" in kept.headers["Location"]
    remembered = app.state.store().remembered(LAURA.name)
    assert remembered == [("namesake", {"town": "Oulu", "trade": "hammaslääkäri"}, DENTIST.url)]
    assert "Remembered." in session.get(app.url(kept.headers["Location"]), timeout=10).text

    # only what is not remembered yet is offered again; the next audit sorts the clinic's
    # news as the other person's
    again = answer(app, session, DENTIST.url, "namesake")
    assert [f["value"] for f in again["facts"]] == ["birth_year=1961"]
    sorted_again = audit(app, tmp_path)
    assert sorted_again[CLINIC_NEWS.url] is Category.NAMESAKE
    assert sorted_again[HER_OWN.url] is Category.WORK


def test_this_is_me_offers_the_town_and_username_the_profile_lacks(
    app: RunningApp, tmp_path: Path
) -> None:
    audit(app, tmp_path)
    session = app.session()
    offer = answer(app, session, INSTAGRAM.url, "private", lang="fi")
    assert offer["kind"] == "self"
    assert [f["text"] for f in offer["facts"]] == [
        "paikkakunta: Kangasala",
        "käyttäjänimi: lauran_lenkit",
    ]
    assert offer["button"] == "Muista nämä minun tietoinani"
    done = app.post(
        session,
        "/review/remember",
        {"url": INSTAGRAM.url, "category": "private", "fact": ["aliases=lauran_lenkit"]},
        headers=JSON,
    )
    assert done.json()["ok"] is True
    assert app.state.store().remembered(LAURA.name) == [
        ("self", {"locations": [], "aliases": ["lauran_lenkit"]}, INSTAGRAM.url)
    ]


def test_remembering_nothing_or_a_fact_the_result_does_not_show_is_refused(
    app: RunningApp, tmp_path: Path
) -> None:
    audit(app, tmp_path)
    session = app.session()
    for facts in ([], ["town=Tampere"]):  # a forged fact is not the result's own
        refused = app.post(
            session,
            "/review/remember",
            {"url": DENTIST.url, "category": "namesake", "fact": facts},
            headers=JSON,
        )
        assert refused.status_code == 400
        assert "no fact chosen to remember" in refused.json()["error"]
    assert app.state.store().remembered(LAURA.name) == []


@pytest.mark.browser
def test_remember_after_not_me_in_the_browser(app: RunningApp, page: Any, tmp_path: Path) -> None:
    audit(app, tmp_path)
    open_app(page, app, "/review")
    dentist = page.locator("article.card", has_text=DENTIST.title)
    not_me = dentist.get_by_role("button", name="Not me", exact=True)
    not_me.click()
    offer = dentist.locator("form.teach")
    expect(offer).to_be_visible()
    expect(offer.get_by_label("trade: hammaslääkäri")).to_be_checked()
    expect(not_me).to_be_focused()  # the offer does not take the focus
    assert serious_violations(page) == []

    offer.get_by_label("born 1961").uncheck()
    page.keyboard.press("k")  # j/k still move between cards from inside the offer
    expect(dentist.locator("xpath=preceding::article[1]")).to_be_focused()
    page.keyboard.press("j")
    expect(dentist).to_be_focused()
    offer.get_by_role("button", name="Remember these to recognise this other person").click()
    expect(dentist.locator(".taught")).to_have_text(re.compile("^Remembered"))
    assert app.state.store().remembered(LAURA.name) == [
        ("namesake", {"town": "Oulu", "trade": "hammaslääkäri"}, DENTIST.url)
    ]

    audit(app, tmp_path)  # the next audit
    page.reload()
    namesakes = page.locator("section.cat-namesake article.card")
    expect(namesakes.filter(has_text=CLINIC_NEWS.title)).to_have_count(1)
    assert page.js_errors == []
