"""The guide page and "protect your contact details" over real HTTP: the checklist (with the
digital-legacy and client-lookup items) in fi/sv/en with the addresses of links.toml, and the
levers in full on Act only when the audit calls for them, a short link otherwise."""

from __future__ import annotations

import tomllib
from dataclasses import replace
from importlib import resources
from typing import Any

import lxml.html
import pytest
from playwright.sync_api import expect

from footprint.profile import Profile, WorkProfile
from footprint.profile_toml import profile_to_toml
from tests.store_support import save_audit
from tests.webapp.axe import serious_violations
from tests.webapp.conftest import open_app
from tests.webapp.data import NAME, findings, seed
from tests.webapp.support import RunningApp
from tests.webapp.test_pages import UNLABELLED

NEW_ITEMS = ("digital_legacy", "client_lookup")  # issue 17


def _data(name: str) -> dict[str, Any]:
    """A guidance data file read straight from disk, not through the code under test."""
    return tomllib.loads(resources.files("footprint.guidance").joinpath(name).read_text("utf-8"))


def _url(link_id: str, lang: str) -> str:
    (entry,) = [e for e in _data("links.toml")["link"] if e["id"] == link_id]
    return str(entry["url"].get(lang) or entry["url"]["en"])


def _page(app: RunningApp, path: str) -> Any:
    answer = app.session().get(app.url(path), timeout=30)
    assert answer.status_code == 200, answer.text
    return lxml.html.fromstring(answer.text)


def _hrefs(node: Any) -> list[str]:
    return [a.get("href") for a in node.xpath(".//ul[@class='links']//a")]


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_the_whole_checklist_with_its_links(app: RunningApp, lang: str) -> None:
    html = _page(app, f"/guide?lang={lang}")
    assert html.get("lang") == lang
    items = _data("checklist.toml")["item"]
    shown = html.xpath("//section[@id='checklist']//article")
    assert [a.get("id") for a in shown] == [f"item-{i['id']}" for i in items]
    assert {i["id"] for i in items} >= set(NEW_ITEMS)
    for item, article in zip(items, shown, strict=True):
        assert article.xpath(".//h3")[0].text_content() == item["title"][lang]
        assert item["text"][lang] in article.text_content()
        assert _hrefs(article) == [_url(lid, lang) for lid in item.get("links", ())]
    legacy = html.get_element_by_id("item-digital_legacy")
    assert len(_hrefs(legacy)) == 4 and all(h.startswith("https://") for h in _hrefs(legacy))
    nav = [a.get("href") for a in html.xpath("//header//nav//a")]
    assert "/guide" in nav


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_the_guide_always_shows_the_levers(app: RunningApp, lang: str) -> None:
    html = _page(app, f"/guide?lang={lang}")
    _assert_levers(html, lang)


def _lead(html: Any) -> str:
    return str(html.xpath("//section[@id='levers']/p[@class='lead']")[0].text_content())


def _assert_levers(html: Any, lang: str) -> None:
    levers = _data("levers.toml")["lever"]
    shown = html.xpath("//section[@id='levers']//article")
    assert [a.get("id") for a in shown] == [f"lever-{lever['id']}" for lever in levers]
    for lever, article in zip(levers, shown, strict=True):
        text = article.text_content()
        assert article.xpath(".//h3")[0].text_content() == lever["title"][lang]
        assert lever["does"][lang] in text and lever["not_covered"][lang] in text
        assert _hrefs(article) == [_url(lid, lang) for lid in lever["links"]]


def test_act_shows_the_levers_only_when_the_audit_calls_for_them(app: RunningApp) -> None:
    seed(app.state.store())  # no home address or phone; the profile names no exposed work
    app.state.profile_path.write_text(profile_to_toml(Profile(name=NAME)), encoding="utf-8")
    html = _page(app, "/act?lang=en")
    assert html.xpath("//*[@id='levers']") == []
    (short,) = html.xpath("//p[@class='levers-link']/a")
    assert short.get("href") == "/guide#levers"
    assert "Protect your contact details" in short.text_content()

    exposed = Profile(name=NAME, work=WorkProfile(titles=("Lastensuojelun sosiaalityöntekijä",)))
    app.state.profile_path.write_text(profile_to_toml(exposed), encoding="utf-8")
    html = _page(app, "/act?lang=fi")
    _assert_levers(html, "fi")
    assert html.xpath("//p[@class='levers-link']") == []
    assert "Työsi voi altistaa" in _lead(html)


def test_a_phone_number_in_a_result_brings_the_levers(app: RunningApp) -> None:
    first = findings()[0]
    phone = replace(first, result=replace(first.result, snippet=f"{NAME}, puh. 040 123 4567"))
    save_audit(app.state.store(), NAME, [phone])
    html = _page(app, "/act?lang=sv")
    _assert_levers(html, "sv")
    assert "telefonnummer" in _lead(html)


@pytest.mark.browser
def test_act_with_the_levers_is_accessible(app: RunningApp, page: Any) -> None:
    seed(app.state.store())
    exposed = Profile(name=NAME, work=WorkProfile(titles=("child protection social worker",)))
    app.state.profile_path.write_text(profile_to_toml(exposed), encoding="utf-8")
    open_app(page, app, "/act?lang=en")
    section = page.get_by_role("region", name="Protect your contact details")
    expect(section).to_be_visible()
    assert section.get_by_role("link").count() == sum(
        len(lever["links"]) for lever in _data("levers.toml")["lever"]
    )
    assert page.evaluate(UNLABELLED) == []
    assert serious_violations(page) == []
    assert page.js_errors == []
