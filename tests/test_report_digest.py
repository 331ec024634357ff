"""A large report: full cards for what needs action, one line for every other result (issue 15)."""

from __future__ import annotations

import io
import re
from collections.abc import Collection
from dataclasses import replace
from datetime import date
from html.parser import HTMLParser
from typing import Any

import pytest
from pypdf import PdfReader

from footprint.models import Category, Finding, PageStatus, Reason
from footprint.report import context as context_module
from footprint.report import i18n
from footprint.report.context import build_report_context
from footprint.report.digest import FULL_UP_TO, MOST_FULL, choose_full
from footprint.report.render import render_report_html, render_report_pdf
from tests.report_support import PERSON, finding

DAY = date(2026, 12, 2)
CATEGORIES = [Category.NAMESAKE] * 4 + [Category.WORK] * 2 + [
    Category.PRIVATE, Category.ACTIVISM, Category.DEFUNCT, Category.PRIVATE,
]  # fmt: skip
STATUSES = [PageStatus.LIVE, PageStatus.GONE, PageStatus.PARKED, PageStatus.CEASED,
            PageStatus.UNREACHABLE, PageStatus.SKIPPED]  # fmt: skip


def many(n: int, corrected: Collection[int] = (5, 44, 123)) -> list[Finding]:
    """n results of every category and status, ranked in order; some corrected."""
    out = []
    for i in range(n):
        category = CATEGORIES[i % len(CATEGORIES)]
        status = STATUSES[i % len(STATUSES)]
        if category is Category.DEFUNCT and status is PageStatus.LIVE:
            status = PageStatus.GONE
        f = finding(
            f"https://site{i % 37}.example.fi/arkisto/juttu-{i}", category, status,
            title=f"Result {i} about Laura", year=1998 + i % 28, archived=i % 4 == 0,
            corrected=i in corrected,
            reasons=(Reason("x", f"reason one of {i}"), Reason("x", f"reason two of {i}")),
        )  # fmt: skip
        out.append(replace(f, result=replace(f.result, rank=i + 1)))
    return out


TRACKED = [
    {"url": "https://site1.example.fi/arkisto/juttu-297", "channel": "site-owner",
     "sent": "2026-11-01", "deadline": "2026-12-01", "overdue": True, "status": "open"},
    # the same address spelt otherwise: tracked requests match by the address's key
    {"url": "http://www.site32.example.fi/arkisto/juttu-254/", "channel": "archive",
     "sent": "2026-11-01", "deadline": "2026-12-01", "overdue": True, "status": "open"},
]  # fmt: skip


def test_up_to_forty_results_every_result_keeps_its_card() -> None:
    assert choose_full(many(FULL_UP_TO)) == frozenset(range(FULL_UP_TO))
    data = many(FULL_UP_TO + 1)
    chosen = choose_full(data)
    # fewer than thirty need action: they all get cards, namesakes become lines
    needing = {i for i, f in enumerate(data) if f.classification.category is not Category.NAMESAKE}
    assert len(needing) < MOST_FULL
    assert chosen == needing  # (results 5 and 44, corrected, are work results)


def test_the_chosen_cards_are_those_that_need_action_most() -> None:
    data = many(300)
    chosen = choose_full(data, tracked_urls=[t["url"] for t in TRACKED])
    corrected = {i for i, f in enumerate(data) if f.classification.corrected}
    tracked = {297, 254}
    assert corrected | tracked <= chosen
    assert len(chosen) == MOST_FULL  # corrections and requests count toward the thirty
    picked = [data[i] for i in sorted(chosen - corrected - tracked)]
    assert all(f.classification.category is not Category.NAMESAKE for f in picked)
    needing = {Category.ACTIVISM, Category.PRIVATE, Category.DEFUNCT}
    # every live activism or private page comes before any work result or gone page
    live = [i for i, f in enumerate(data) if f.classification.category in needing
            and f.check is not None and f.check.status is PageStatus.LIVE]  # fmt: skip
    assert set(live) <= chosen
    assert not any(f.classification.category is Category.WORK for f in picked)
    # among results alike, the better ranked (seen first in a search) wins
    skipped = {i for i, f in enumerate(data) if f.check and f.check.status is PageStatus.SKIPPED}
    unchecked = sorted((chosen - corrected - tracked) & skipped)
    if unchecked:
        worst = max(unchecked)
        assert all(
            i in chosen
            for i in range(worst)
            if data[i].classification.category in needing
            and data[i].check is not None
            and data[i].check.status is PageStatus.SKIPPED
        )


def test_corrections_and_requests_get_cards_even_beyond_the_thirty() -> None:
    data = many(300, corrected=range(40))
    chosen = choose_full(data)
    assert set(range(40)) <= chosen and len(chosen) >= 40


class _Report(HTMLParser):
    """Cards (h3 titles), one-line entries and every link of the HTML report."""

    def __init__(self) -> None:
        super().__init__()
        self.cards: list[str] = []
        self.lines: list[str] = []
        self.hrefs: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "h3":
            self._in, self._text = "card", ""
        elif tag == "p" and a.get("class") == "line":
            self._in, self._text = "line", ""
        elif tag == "a" and a.get("href"):
            self.hrefs.append(str(a["href"]))

    def handle_data(self, data: str) -> None:
        if self._in:
            self._text += data

    def handle_endtag(self, tag: str) -> None:
        if self._in == "card" and tag == "h3":
            self.cards.append(self._text)
            self._in = None
        elif self._in == "line" and tag == "p":
            self.lines.append(self._text)
            self._in = None


def _parse(html: str) -> _Report:
    parser = _Report()
    parser.feed(html)
    return parser


@pytest.fixture(scope="module")
def large() -> dict[str, Any]:
    data = many(300)
    ctx = build_report_context(data, PERSON, lang="en", generated=DAY, tracked=TRACKED)
    html = render_report_html(ctx)
    pdf = render_report_pdf(ctx)
    return {"data": data, "ctx": ctx, "html": html, "reader": PdfReader(io.BytesIO(pdf))}


def test_a_300_result_report_has_cards_for_the_chosen_and_a_line_for_every_other(
    large: dict[str, Any],
) -> None:
    data, report = large["data"], _parse(large["html"])
    chosen = choose_full(data, tracked_urls=[t["url"] for t in TRACKED])
    titles = {data[i].result.title for i in chosen}
    assert sorted(report.cards) == sorted(titles)
    assert len(report.lines) == 300 - len(chosen)
    lined = {re.split(r" · ", line)[0] for line in report.lines}
    assert lined == {f.result.title for f in data} - titles
    for i in (5, 44, 123, 297, 254):  # every correction and tracked request in full
        assert data[i].result.title in report.cards
    namesake_line = next(line for line in report.lines if "reason one of" in line)
    assert "reason two of" not in namesake_line  # a namesake's line gives its reason
    steps = i18n.text("en", "action_short.site_owner_erasure")
    assert any("→" in line and steps in line for line in report.lines)


def test_the_summary_says_how_many_are_in_full_and_where_the_rest_are(
    large: dict[str, Any],
) -> None:
    text = re.sub(r"\s+", " ", large["reader"].pages[1].extract_text())
    assert "30 of the 300 results are shown in full" in text
    assert "The other 270 are listed one line each" in text
    assert "Other results in this category" in text


def test_the_digest_keeps_every_link_of_the_full_report(
    large: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(context_module, "choose_full",
                        lambda findings, **_: frozenset(range(len(findings))))  # fmt: skip
    full = build_report_context(large["data"], PERSON, lang="en", generated=DAY, tracked=TRACKED)
    before = {h for h in _parse(render_report_html(full)).hrefs if not h.startswith("#")}
    now = {h for h in _parse(large["html"]).hrefs if not h.startswith("#")}
    assert now == before
    uris = set()
    for page in large["reader"].pages:
        for annot in page.get("/Annots") or []:
            action = annot.get_object().get("/A")
            if action is not None and "/URI" in action:
                uris.add(str(action["/URI"]))
    assert uris == before  # the PDF: every result's address (and archived copy) is a link
    assert {f.result.url for f in large["data"]} <= uris


def test_the_large_pdf_stays_tagged_with_bookmarks_that_read_right(
    large: dict[str, Any],
) -> None:
    root = large["reader"].trailer["/Root"]
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
    titles = [str(item.title) for item in large["reader"].outline if not isinstance(item, list)]
    assert "Activism 30" in titles and "Namesake 120" in titles  # not "Activism30"
    assert len(large["reader"].pages) < 40
