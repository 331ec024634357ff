"""Words for people in the report (issue 12, item 7) and the new checklist items (issue 17)."""

from __future__ import annotations

import io
import re
import tomllib
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from footprint.models import Category, Finding, PageCheck, PageStatus, Reason
from footprint.report import i18n
from footprint.report.chart import Bar, bar_chart
from footprint.report.context import STATUS_ORDER, build_report_context
from footprint.report.render import render_report_pdf
from tests.report_support import PERSON, finding

DAY = date(2026, 12, 2)
LINKS = Path(__file__).resolve().parents[1] / "footprint" / "guidance" / "links.toml"


def gone(url: str, http_status: int | None, check_reason: str) -> Finding:
    reason = Reason("page_gone", f"the page is gone (HTTP {http_status})",
                    {"http_status": http_status})  # fmt: skip
    f = finding(url, Category.DEFUNCT, None, reasons=(reason,))
    return Finding(f.result, f.classification,
                   PageCheck(PageStatus.GONE, check_reason, http_status=http_status))  # fmt: skip


GONE = [
    gone("https://a.example.fi/1", 410, "HTTP 410: the page does not exist"),
    gone("https://b.example.fi/2", 404, "HTTP 404: the page does not exist"),
    gone("https://c.example.fi/3", None, "the name does not exist (NXDOMAIN)"),
    gone("https://d.example.fi/4", None, "connection refused: nothing serves the site"),
    gone("https://e.example.fi/5", 200, "a 'not found' page served as a normal one"),
]


@pytest.fixture(scope="module", params=["fi", "sv", "en"])
def rendered(request: pytest.FixtureRequest) -> dict[str, Any]:
    ctx = build_report_context(GONE, PERSON, lang=request.param, generated=DAY)
    reader = PdfReader(io.BytesIO(render_report_pdf(ctx)))
    uris = {
        str(a["/A"]["/URI"])
        for page in reader.pages
        for a in (x.get_object() for x in page.get("/Annots") or [])
        if a.get("/A") is not None and "/URI" in a["/A"]
    }
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in reader.pages))
    return {"lang": request.param, "ctx": ctx, "text": text, "uris": uris}


def test_why_a_page_is_gone_is_said_without_http_codes(rendered: dict[str, Any]) -> None:
    lang, text = rendered["lang"], rendered["text"]
    reasons = {c["url"]: c["reasons"] for s in rendered["ctx"]["sections"] for c in s["cards"]}
    expected = ["removed", "not_found", "no_site", "no_server", "not_shown"]
    for f, how in zip(GONE, expected, strict=True):
        assert reasons[f.result.url] == [i18n.text(lang, f"page_gone.{how}")]
    assert "HTTP" not in text and "NXDOMAIN" not in text
    if lang == "en":
        assert "the page says it no longer exists" in text


def test_the_ombudsman_pages_in_the_readers_language(rendered: dict[str, Any]) -> None:
    links = {e["id"]: e for e in tomllib.loads(LINKS.read_text("utf-8"))["link"]}
    lang, uris = rendered["lang"], rendered["uris"]
    assert links["tietosuoja_erasure"]["url"]["en"] == "https://tietosuoja.fi/en/right-to-erasure"
    for lid in ("tietosuoja_erasure", "tietosuoja_notification"):
        assert links[lid]["url"][lang] in uris
    if lang == "en":
        assert "https://tietosuoja.fi/en/right-to-erasure" in uris
        assert "https://tietosuoja.fi/en/notification-to-the-data-protection-ombudsman" in uris
    if lang == "sv":
        assert "https://tietosuoja.fi/sv/har-dina-dataskyddsrattigheter-krankts" in uris
    for entry in links.values():  # a page kept in Finnish for another language says why
        for other in ("sv", "en"):
            if entry["id"].startswith("tietosuoja") and entry["url"][other] == entry["url"]["fi"]:
                assert entry.get("source"), entry["id"]


def test_the_new_checklist_items_and_their_links(rendered: dict[str, Any]) -> None:
    lang, text, uris = rendered["lang"], rendered["text"], rendered["uris"]
    data = tomllib.loads((LINKS.parent / "checklist.toml").read_text("utf-8"))
    items = {i["id"]: i for i in data["item"]}
    links = {e["id"]: e for e in tomllib.loads(LINKS.read_text("utf-8"))["link"]}
    for item_id in ("digital_legacy", "client_lookup"):
        item = items[item_id]
        assert item["source"]  # where the point comes from
        assert item["title"][lang] in text and item["text"][lang][:60] in text
        for lid in item.get("links", ()):
            assert links[lid]["url"][lang] in uris  # the PDF links the data file's address
            assert links[lid].get("source"), lid  # verified, and it says where
            assert i18n.text(lang, f"link.{lid}") in text
    legacy = {lid: links[lid]["url"][lang] for lid in items["digital_legacy"]["links"]}
    assert legacy == {
        "facebook_legacy_contact": "https://www.facebook.com/help/241237032913527",
        "facebook_memorialization": "https://www.facebook.com/help/150486848354038",
        "instagram_memorialization": "https://help.instagram.com/264154560391256/",
        "google_inactive_account": "https://myaccount.google.com/inactive",
    }
    section = next(c for c in rendered["ctx"]["checklist"] if c["id"] == "digital_legacy")
    assert [link["url"] for link in section["links"]] == list(legacy.values())


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_the_summary_chart_labels_fit_their_space(lang: str) -> None:
    """Measured with the font the PDF uses: "Verkkotunnus on pysäköity" was cut at the left."""
    from PIL import ImageFont

    font = ImageFont.truetype(_inter(), 15)
    t = i18n.catalogue(lang)
    labels = [t["status"][s.value] for s in STATUS_ORDER]
    svg = bar_chart([Bar(label, 1, "#000") for label in labels], title="x")
    right_edge = float(re.search(r'<text x="([\d.]+)"[^>]*text-anchor="end"', svg).group(1))
    for label in labels:
        assert font.getlength(label) <= right_edge, label


def _inter() -> str:
    import subprocess

    found = subprocess.run(["fc-match", "-f", "%{file}", "Inter"], capture_output=True, text=True)
    if "nter" not in found.stdout:
        pytest.skip("the Inter font is not installed (make sysdeps)")
    return found.stdout
