"""A report written without page checks says so, and still says what to do (issue 12, item 3)."""

from __future__ import annotations

import io
import re
from datetime import date

import pytest
from pypdf import PdfReader

from footprint.check.nameserver import UNTRUSTED_REASON
from footprint.models import Category, Finding, PageCheck, PageStatus
from footprint.report import i18n
from footprint.report.context import build_report_context
from footprint.report.render import render_report_html, render_report_pdf
from tests.report_support import PERSON, finding

DAY = date(2026, 12, 2)
URLS = {
    "activism": "https://vastarinta.example.fi/2004/a",
    "private": "https://blogi.example.fi/haat",
    "namesake": "https://muistot.example.fi/laura-1931",
}


def results(status: PageStatus | None, reason: str = "") -> list[Finding]:
    """One activism, one private and one namesake result, all with the same page check."""
    out = []
    for category, url in URLS.items():
        f = finding(url, Category(category), None)
        check = PageCheck(status, reason) if status is not None else None
        out.append(Finding(f.result, f.classification, check))
    return out


def _text(pdf: bytes) -> str:
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages))


CASES = {
    "offline": (None, ""),
    "dns": (PageStatus.UNREACHABLE, UNTRUSTED_REASON),
    "network": (PageStatus.UNREACHABLE, "timed out while connecting, also on retry"),
}


@pytest.mark.parametrize("why", list(CASES))
@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_the_summary_says_no_page_was_checked_and_why(why: str, lang: str) -> None:
    status, reason = CASES[why]
    summary = build_report_context(results(status, reason), PERSON, lang=lang, generated=DAY)[
        "summary"
    ]
    assert summary["unchecked"] == i18n.text(lang, f"unchecked.{why}")
    assert summary["intro"] == i18n.text(lang, "summary.intro_unchecked", total=3, name=PERSON.name)


def test_every_way_of_not_checking_has_its_own_words() -> None:
    texts = {why: i18n.text("en", f"unchecked.{why}") for why in (*CASES, "deadline")}
    assert len(set(texts.values())) == len(texts)
    assert "name server" in texts["dns"] and "offline" in texts["offline"]


def test_a_page_not_reached_still_gets_the_erasure_and_delisting_routes() -> None:
    ctx = build_report_context(results(*CASES["dns"]), PERSON, lang="en", generated=DAY)
    cards = {c["url"]: c for s in ctx["sections"] for c in s["cards"]}
    for kind in ("activism", "private"):
        ids = [a["id"] for a in cards[URLS[kind]]["actions"]]
        assert "site_owner_erasure" in ids and "search_delisting" in ids, ids
        assert ids[0] == "recheck"  # and to look again later
    assert ctx["letter"]["addresses"] == [URLS["activism"], URLS["private"]]


@pytest.mark.parametrize("why", list(CASES))
def test_the_pdf_never_claims_a_page_was_checked_nor_keeps_a_placeholder(why: str) -> None:
    ctx = build_report_context(results(*CASES[why]), PERSON, lang="en", generated=DAY)
    text = _text(render_report_pdf(ctx))
    assert "page checked" not in text and "pages checked" not in text
    assert i18n.text("en", f"unchecked.{why}") in text
    assert "[the page's address]" not in text  # the letter's old placeholder
    assert URLS["activism"] in text  # in the letter: its content is known from the search
    assert "offline mode" not in text or why == "offline"


def test_no_letter_with_a_placeholder_when_no_result_calls_for_one() -> None:
    only_namesakes = [
        finding("https://muistot.example.fi/a", Category.NAMESAKE, PageStatus.LIVE),
        finding("https://hiihto.example.fi/b", Category.NAMESAKE, PageStatus.LIVE),
    ]
    ctx = build_report_context(only_namesakes, PERSON, lang="fi", generated=DAY)
    assert ctx["letter"] is None
    html = render_report_html(ctx)
    assert "[sivun osoite]" not in html
    assert i18n.text("fi", "letter.title") not in html  # nor an empty letter


def test_a_checked_report_keeps_its_words() -> None:
    checked = results(PageStatus.LIVE, "the page is served")
    summary = build_report_context(checked, PERSON, lang="en", generated=DAY)["summary"]
    assert summary["unchecked"] is None
    assert summary["intro"] == i18n.text("en", "summary.intro", total=3, name=PERSON.name)
    partly = checked[:2] + results(*CASES["network"])[2:]
    summary = build_report_context(partly, PERSON, lang="en", generated=DAY)["summary"]
    assert summary["unchecked"] is None
    assert summary["intro"] == i18n.text(
        "en", "summary.intro_partly", total=3, name=PERSON.name, checked=2
    )
