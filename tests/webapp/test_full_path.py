"""The whole path a person takes in the app, in a real browser, against loopback services:
profile form → audit → review by clicks and keys → letter → "I sent it" → PDF report with
the corrections in it → workshop share → the facilitator's summary of five shares."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from footprint.models import Category, Classification, Finding, SearchResult
from footprint.workshop.share import build_share
from tests.webapp.axe import serious_violations
from tests.webapp.conftest import open_app
from tests.webapp.support import RunningApp
from tests.webapp.web_fakes import fake_web

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("allow_loopback")]

CODE = re.compile(r"\b[0-9A-Z]{4}-[0-9A-Z]{5}-[0-9A-Z]{5}\b")


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def download(page: Any, click: Any) -> bytes:
    with page.expect_download() as info:
        click()
    return Path(info.value.path()).read_bytes()


def test_from_profile_to_group_report(
    app: RunningApp, page: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with fake_web() as web:
        monkeypatch.setenv("FOOTPRINT_ARCHIVE_URL", web.pages.url("").rstrip("/"))
        open_app(page, app, "/profile?lang=en")
        page.get_by_label("Your name").fill("Laura Hietanen")
        page.get_by_label("Home towns").fill("Tampere")
        page.get_by_label("Employers").fill("Uusi Suunta")
        page.get_by_label("Job titles").fill("sosiaaliohjaaja")
        page.get_by_label("Groups and movements").fill("Oikeutta eläimille")
        page.get_by_label("First year").fill("1996")
        page.get_by_label("Last year").fill("2006")
        page.get_by_role("button", name="Save the profile").click()
        expect(page.get_by_role("status").first).to_contain_text("Saved")

        page.get_by_role("link", name="Audit").click()
        page.get_by_label("Your own SearXNG").check()
        page.get_by_label("DuckDuckGo").uncheck()  # checked when nothing else is set up
        page.get_by_label("SEARXNG_URL").fill(web.searx.url)
        page.get_by_role("button", name="Start the audit").click()
        expect(page.locator("#h-progress")).to_have_text("The audit is done", timeout=120_000)
        page.get_by_role("link", name="Review the results").click()

    # review: a click, then the keyboard alone
    dentist = page.locator("article.card", has_text="Hammaslääkäri")
    dentist.get_by_role("button", name="Not me", exact=True).click()
    expect(page.locator("#counter .n-reviewed")).to_have_text("1")
    page.locator("h1").click()  # nothing focused: j goes to the first card
    page.keyboard.press("j")
    page.keyboard.press("p")
    expect(page.locator("#counter .n-reviewed")).to_have_text("2")
    labels = {lb.url.rsplit("/", 1)[-1]: lb.category for lb in app.state.store().labels()}
    assert labels["hammaslaakari"] is Category.NAMESAKE
    assert Category.PRIVATE in labels.values()

    # act: the site's letter, then "I sent it"
    page.get_by_role("link", name="Act").click()
    demo = page.locator("article.card", has_text="Mielenosoitus")
    letter_link = demo.get_by_role("link", name=re.compile("Erasure letter for"))
    letter_link.click()
    assert "/2004/mielenosoitus" in page.get_by_label("The letter").input_value()
    page.get_by_role("link", name="Back to the steps").click()
    demo = page.locator("article.card", has_text="Mielenosoitus")
    demo.get_by_role("button", name="I sent it").click()
    expect(page.get_by_role("status")).to_contain_text("Recorded")
    assert [r.channel.value for r in app.state.store().requests()] == ["site-owner"]

    # the report carries the corrections
    page.get_by_role("link", name="Report & history").click()
    page.get_by_label("Language of the report").select_option("en")
    pdf = download(page, lambda: page.get_by_role("button", name="Download the PDF").click())
    text = pdf_text(pdf)
    assert pdf.startswith(b"%PDF") and "Laura Hietanen" in text
    assert text.count("Your correction") >= 2
    assert "Hammaslääkäri" in text

    # the facilitator makes the kit and the codes (printed slips: the codes are read back)
    page.get_by_role("link", name="Workshop").click()
    page.get_by_label("Participants").fill("8")
    page.get_by_role("button", name="Make the kit and the codes").click()
    slips = download(
        page, lambda: page.get_by_role("link", name="Download the code slips (PDF)").click()
    )
    codes = sorted(set(CODE.findall(pdf_text(slips))))
    assert len(codes) == 8
    kit = download(page, lambda: page.get_by_role("link", name="Download the kit (PDF)").click())
    assert kit.startswith(b"%PDF")

    # a participant: exactly the file that will be shared, then download it
    page.get_by_label("Your participant code").fill(codes[0].lower())
    page.locator("#participant input[type=checkbox]").first.check()
    page.get_by_role("button", name="Show what will be shared").click()
    shown = page.locator("pre.share").inner_text()
    assert "Laura" not in shown and "http" not in shown
    assert serious_violations(page) == []
    share = download(
        page, lambda: page.get_by_role("button", name="Download the share file").click()
    )
    assert json.loads(share) == json.loads(shown)

    # four colleagues' shares, one forged, one copied
    files = [tmp_path / "mine.json"]
    files[0].write_bytes(share)
    for n, code in enumerate(codes[1:5], 1):
        colleague = [
            Finding(SearchResult(url=f"https://x{n}-{i}.example/"),
                    Classification(Category.WORK, 0.9, year=2020))
            for i in range(n + 2)
        ]  # fmt: skip
        path = tmp_path / f"colleague-{n}.json"
        path.write_text(build_share(colleague, [], current_year=2026, code=code).to_json())
        files.append(path)
    forged = json.loads(share)
    forged["code"] = codes[0][:5] + "AAAAA-AAAAA"
    (tmp_path / "forged.json").write_text(json.dumps(forged))
    (tmp_path / "copy.json").write_bytes(share)
    files += [tmp_path / "forged.json", tmp_path / "copy.json"]
    page.get_by_label("Share files (you can choose many at once)").set_input_files(
        [str(f) for f in files]
    )
    page.get_by_role("button", name="Add the files").click()
    expect(page.get_by_role("heading", name="The group summary: 5 participants")).to_be_visible()
    refused = page.locator("ul.refused").inner_text()
    assert "forged.json" in refused and "copy.json" in refused
    assert serious_violations(page) == []
    group = download(
        page, lambda: page.get_by_role("button", name="Download the group report (PDF)").click()
    )
    assert group.startswith(b"%PDF") and "5" in pdf_text(group)
    assert page.js_errors == []
