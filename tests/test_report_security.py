"""Search results are attacker-controlled: the report escapes them and fetches nothing.

A loopback server stands in for the attacker's host. The control test proves it would
notice a fetch; the report tests prove that no hostile title, snippet, address or reason
makes the renderer reach it, embed a file or draw an image.
"""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader
from pytest_httpserver import HTTPServer

from footprint.models import Category, PageStatus, Reason
from footprint.profile import Profile
from footprint.report.context import build_report_context
from footprint.report.render import render_report_html, render_report_pdf
from tests.report_support import finding


def hostile_findings(base: str) -> list:  # type: ignore[type-arg]
    payloads = [
        f'<img src="{base}/img.png"> <img src="file:///etc/passwd">',
        f'<link rel="attachment" href="{base}/attachment.txt">',
        f"<style>body {{ background: url({base}/css.png) }}</style>",
        f'" style="background-image: url({base}/attr.png)" x="',
        f'<svg><image href="{base}/svg.png"/></svg><object data="{base}/obj"></object>',
        f"<script>fetch('{base}/script')</script>",
        f'<iframe src="{base}/frame"></iframe><a href="javascript:alert(1)">x</a>',
    ]
    found = []
    for i, text in enumerate(payloads):
        category = list(Category)[i % len(Category)]
        status = [PageStatus.LIVE, PageStatus.GONE, PageStatus.CEASED][i % 3]
        found.append(finding(
            f"https://hostile{i}.example.fi/a", category, status, title=text, snippet=text,
            reasons=(Reason("text", text),), archived=i % 2 == 0,
        ))  # fmt: skip
    found.append(finding("file:///etc/passwd", Category.PRIVATE, PageStatus.LIVE,
                         title="<b>file url</b>"))  # fmt: skip
    found.append(
        finding(f'{base}/"><img src={base}/in-url.png>', Category.ACTIVISM, PageStatus.LIVE)
    )
    return found


@pytest.fixture
def attacker(httpserver: HTTPServer) -> HTTPServer:
    httpserver.expect_request("").respond_with_data("x", content_type="image/png")
    return httpserver


def render(base: str, lang: str = "en") -> tuple[str, bytes]:
    person = Profile(name=f'Laura <img src="{base}/name.png"> Hietanen')
    ctx = build_report_context(
        hostile_findings(base), person, lang=lang, generated=date(2026, 1, 5)
    )
    return render_report_html(ctx), render_report_pdf(ctx)


def test_control_an_unguarded_renderer_would_reach_the_server(attacker: HTTPServer) -> None:
    from weasyprint import HTML

    base = attacker.url_for("").rstrip("/")
    HTML(string=f'<p><img src="{base}/control.png"></p>').write_pdf()
    assert [r.path for r, _ in attacker.log] == ["/control.png"]


def test_hostile_text_is_escaped_in_the_html(attacker: HTTPServer) -> None:
    base = attacker.url_for("").rstrip("/")
    html, _ = render(base)
    body = html.split("</style>", 1)[1]
    for tag in ("<img", "<link", "<script", "<iframe", "<object", "<image", "<b>"):
        assert tag not in body, tag
    assert "<svg" not in body.replace('<svg xmlns="http://www.w3.org/2000/svg" class="chart"', "")
    assert "&lt;img src=&#34;" in body or "&lt;img src=&quot;" in body
    assert 'style="background-image' not in body
    assert 'href="javascript:' not in body and 'href="file:' not in body
    assert f'href="{base}/&#34;&gt;' in body or f'href="{base}/&quot;&gt;' in body


def test_the_pdf_fetches_nothing_and_embeds_nothing(attacker: HTTPServer) -> None:
    base = attacker.url_for("").rstrip("/")
    _, pdf = render(base, "fi")
    assert attacker.log == []
    assert b"/EmbeddedFile" not in pdf and b"/EmbeddedFiles" not in pdf
    reader = PdfReader(io.BytesIO(pdf))
    for page in reader.pages:
        xobjects = (page["/Resources"].get("/XObject") or {}) if "/Resources" in page else {}
        for ref in xobjects.values():
            assert ref.get_object().get("/Subtype") != "/Image"
    assert "/EmbeddedFiles" not in reader.trailer["/Root"].get("/Names", {})
    text = " ".join(p.extract_text() or "" for p in reader.pages)
    assert f'<link rel="attachment" href="{base}/attachment.txt">' in text.replace("\n", " ")
    assert "<script>fetch(" in text


def test_a_hostile_address_becomes_no_link_but_stays_readable(attacker: HTTPServer) -> None:
    base = attacker.url_for("").rstrip("/")
    _, pdf = render(base)
    reader = PdfReader(io.BytesIO(pdf))
    uris = [
        str(a.get_object()["/A"]["/URI"])
        for page in reader.pages
        for a in page.get("/Annots") or []
        if "/A" in a.get_object() and "/URI" in a.get_object()["/A"]
    ]
    assert not any(u.startswith(("file:", "javascript:")) for u in uris)
    assert "file:///etc/passwd" in " ".join(p.extract_text() or "" for p in reader.pages)
