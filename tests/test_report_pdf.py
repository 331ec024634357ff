"""The PDF report read back with pypdf in three languages: text, links, outline, metadata."""

from __future__ import annotations

import io
import re
from datetime import date
from typing import Any

import pytest
from pypdf import PdfReader

from footprint import guidance
from footprint.guidance.levers import all_levers
from footprint.guidance.sources import sources
from footprint.report import i18n
from footprint.report.context import build_report_context
from footprint.report.render import render_report_html, render_report_pdf
from footprint.report.routes import SE_LAW_LINKS
from tests.report_support import PERSON, sample_findings

DAY = date(2026, 11, 21)
PREVIOUS = {
    "date": "2026-10-01",
    "new": [],
    "gone": [{"url": "https://old.example.fi/a", "title": "Vanha juttu", "category": "activism"}],
    "changed": [],
}
TRACKED = [
    {"url": "https://b.example.fi", "channel": "site-owner", "sent": "2026-09-01",
     "deadline": "2026-10-01", "overdue": True, "status": "open"},
]  # fmt: skip


@pytest.fixture(scope="module", params=["fi", "sv", "en"])
def rendered(request: pytest.FixtureRequest) -> dict[str, Any]:
    lang = request.param
    ctx = build_report_context(
        sample_findings(), PERSON, lang=lang, generated=DAY, previous=PREVIOUS, tracked=TRACKED
    )
    pdf = render_report_pdf(ctx)
    reader = PdfReader(io.BytesIO(pdf))
    pages = [page.extract_text() or "" for page in reader.pages]
    return {"lang": lang, "ctx": ctx, "pdf": pdf, "reader": reader, "pages": pages}


def _links(reader: PdfReader) -> list[Any]:
    """Every link annotation of the document."""
    annots = (annot.get_object() for page in reader.pages for annot in page.get("/Annots") or [])
    return [obj for obj in annots if obj.get("/Subtype") == "/Link"]


def _uris(reader: PdfReader) -> list[str]:
    actions = (link.get("/A") for link in _links(reader))
    return [str(a["/URI"]) for a in actions if a is not None and "/URI" in a]


def _outline_titles(outline: list[Any]) -> list[str]:
    titles: list[str] = []
    for item in outline:
        if isinstance(item, list):
            titles += _outline_titles(item)
        else:
            titles.append(str(item.title))
    return titles


def test_metadata_title_author_and_language(rendered: dict[str, Any]) -> None:
    reader, lang = rendered["reader"], rendered["lang"]
    meta = reader.metadata
    assert meta is not None
    assert meta.title == rendered["ctx"]["title"]
    assert "Laura Hietanen" in (meta.title or "")
    assert meta.author == "footprint"
    assert str(reader.trailer["/Root"]["/Lang"]) == lang


def test_the_pdf_is_tagged(rendered: dict[str, Any]) -> None:
    root = rendered["reader"].trailer["/Root"]
    assert "/StructTreeRoot" in root
    assert root["/MarkInfo"]["/Marked"]
    # declared PDF/UA-1 in its XMP metadata
    xmp = root["/Metadata"].get_object().get_data()
    assert b'pdfuaid:part="1"' in xmp or b"<pdfuaid:part>1</pdfuaid:part>" in xmp


def test_page_numbers_in_the_report_language(rendered: dict[str, Any]) -> None:
    pages, lang = rendered["pages"], rendered["lang"]
    total = len(pages)
    assert total >= 10
    label = {"fi": f"Sivu 2 / {total}", "sv": f"Sida 2 / {total}", "en": f"Page 2 of {total}"}[lang]
    assert label in pages[1]
    last = {"fi": f"Sivu {total} / {total}", "sv": f"Sida {total} / {total}",
            "en": f"Page {total} of {total}"}[lang]  # fmt: skip
    assert last in pages[-1]


def test_all_fixed_text_is_in_the_report_language(rendered: dict[str, Any]) -> None:
    text = re.sub(r"\s+", " ", " ".join(rendered["pages"]))
    lang = rendered["lang"]
    t = i18n.catalogue(lang)
    for key in ("summary.title", "summary.first_steps", "guidance.title", "letters.title",
                "checklist.title", "since.title", "tracked.title", "category.defunct",
                "status.parked", "card.why"):  # fmt: skip
        section, name = key.split(".")
        assert t[section][name] in text, key
    assert t["tracked"]["overdue"] in text
    assert guidance.letter(lang)["subject"] in text
    for item in guidance.checklist(lang):
        assert item.title in text
    other = {"fi": "en", "sv": "fi", "en": "sv"}[lang]
    assert i18n.text(other, "guidance.title") not in text


def test_finnish_and_swedish_letters_survive(rendered: dict[str, Any]) -> None:
    text = " ".join(rendered["pages"])
    assert "Kehäkukka 3/2001" in text
    assert "Henkilöstö – Uusi Suunta" in text
    if rendered["lang"] == "sv":
        assert "Så får du uppgifter borttagna" in text


def test_every_guidance_link_is_a_working_https_link(rendered: dict[str, Any]) -> None:
    uris = set(_uris(rendered["reader"]))
    lang = rendered["lang"]
    # the levers chapter is shown only when the results call for it, and a site's removal
    # route (with the Swedish certificate note) only when the site is in them (test_routes.py)
    levers_only = {lid for lever in all_levers() for lid in lever.links}
    routes_only = {lid for source in sources() for lid in source.links} | set(SE_LAW_LINKS)
    wanted = {
        link.url(lang)
        for lid, link in guidance.links().items()
        if lid not in levers_only | routes_only
    }
    assert wanted <= uris, wanted - uris
    assert all(u.startswith("https://") for u in wanted)
    # the results' own addresses are links too
    assert "https://vastarinta.example.fi/2004/a" in uris


def _internal_targets(reader: PdfReader) -> list[str]:
    targets = []
    for link in _links(reader):
        action = link.get("/A")
        dest = link.get("/Dest") or (action.get("/D") if action is not None else None)
        if isinstance(dest, str):
            targets.append(dest)
    return targets


def test_each_card_links_its_steps_to_the_section_list(rendered: dict[str, Any]) -> None:
    targets = _internal_targets(rendered["reader"])
    named = rendered["reader"].named_destinations
    for section in rendered["ctx"]["sections"]:
        for card in section["cards"]:
            for action in card["actions"]:
                assert action["anchor"] in targets and action["anchor"] in named
    pages = " ".join(rendered["pages"])
    erasure = i18n.text(rendered["lang"], "action_short.site_owner_erasure")
    assert erasure in pages


def test_bookmarks_from_the_headings(rendered: dict[str, Any]) -> None:
    titles = _outline_titles(rendered["reader"].outline)
    t = i18n.catalogue(rendered["lang"])
    for expected in (t["summary"]["title"], t["guidance"]["title"], t["letters"]["title"],
                     t["checklist"]["title"], t["since"]["title"]):  # fmt: skip
        assert expected in titles
    for category in ("activism", "private", "defunct", "work", "namesake"):
        assert any(title.startswith(t["category"][category]) for title in titles)
    assert not any(title.startswith("Haastattelussa") for title in titles)  # cards are not chapters


def test_fonts_are_embedded(rendered: dict[str, Any]) -> None:
    seen = 0
    for page in rendered["reader"].pages:
        fonts = page["/Resources"].get("/Font") or {}
        for ref in fonts.values():
            font = ref.get_object()
            descendants = font.get("/DescendantFonts")
            target = descendants[0].get_object() if descendants else font
            descriptor = target["/FontDescriptor"].get_object()
            assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            seen += 1
    assert seen


def test_html_declares_language_title_and_author() -> None:
    ctx = build_report_context(sample_findings(), PERSON, lang="sv", generated=DAY)
    html = render_report_html(ctx)
    assert html.startswith("<!DOCTYPE html>")
    assert '<html lang="sv">' in html
    assert "<title>Digitala fotspår – Laura Hietanen</title>" in html
    assert '<meta name="author" content="footprint">' in html
    style = html.split("<style>")[1].split("</style>")[0]
    assert "url(" not in style and "@import" not in style  # the CSS points at nothing outside


def _overflowing_boxes(html: str) -> list[str]:
    """Every laid-out box that reaches past its page's right margin."""
    from weasyprint import HTML
    from weasyprint.formatting_structure import boxes

    found = []
    for number, page in enumerate(HTML(string=html).render().pages, 1):
        page_box = page._page_box
        limit = page_box.margin_width() - page_box.margin_right
        for box in page_box.descendants():
            if isinstance(box, boxes.PageBox | boxes.MarginBox):
                continue
            x = getattr(box, "position_x", None)
            if x is not None and x + box.margin_width() > limit + 0.5:
                found.append(f"page {number}: <{box.element_tag}> {getattr(box, 'text', '')[:30]}")
    return found


def test_long_unbroken_addresses_and_titles_stay_on_the_page() -> None:
    from footprint.models import Category, PageStatus, Reason
    from tests.report_support import finding

    long_url = "https://example.fi/" + "a" * 280
    wide = finding(long_url, Category.ACTIVISM, PageStatus.LIVE, title="T" * 250,
                   snippet="S" * 300, reasons=(Reason("x", "R" * 200),), archived=True)  # fmt: skip
    ctx = build_report_context([wide], PERSON, lang="en", generated=DAY)
    html = render_report_html(ctx)
    assert _overflowing_boxes(html) == []
    assert _overflowing_boxes(html.replace("overflow-wrap: break-word;", ""))  # the check bites
