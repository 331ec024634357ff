"""Every page in every language: axe finds nothing serious, every control has a label,
and two app instances on one store show the same answers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from footprint.profile import Profile
from footprint.profile_toml import profile_to_toml
from tests.webapp.axe import serious_violations
from tests.webapp.conftest import open_app
from tests.webapp.data import NAME, seed
from tests.webapp.support import RunningApp, running_app

pytestmark = pytest.mark.browser

PAGES = ("/profile", "/audit", "/review", "/act", "/act/letter?site=example.fi", "/guide",
         "/report", "/workshop")  # fmt: skip
UNLABELLED = """() => [...document.querySelectorAll('input, select, textarea, button')]
  .filter(el => el.type !== 'hidden' && !el.hidden)
  .filter(el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label')
                && !(el.tagName === 'BUTTON' && el.textContent.trim()))
  .map(el => el.outerHTML.slice(0, 120))"""


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_every_page_is_accessible_in_every_language(app: RunningApp, page: Any, lang: str) -> None:
    seed(app.state.store())
    app.state.profile_path.write_text(profile_to_toml(Profile(name=NAME)), encoding="utf-8")
    open_app(page, app, f"/profile?lang={lang}")
    for path in PAGES:
        page.goto(app.url(path))
        assert page.locator("html").get_attribute("lang") == lang
        assert page.locator("h1").count() == 1, path
        assert page.evaluate(UNLABELLED) == [], path
        assert serious_violations(page) == [], path
    assert page.js_errors == []


def test_two_instances_on_one_store_agree(tmp_path: Path, app: RunningApp) -> None:
    seed(app.state.store())
    with running_app(tmp_path / "other", profile=app.state.profile_path) as other:
        other.config.store_path = app.config.store_path
        other.state.config.store_path = app.config.store_path
        one, two = app.session(), other.session()
        target = {"url": "https://oulu.example/laura", "category": "namesake"}
        assert app.post(one, "/review/label", target).status_code == 303
        page = two.get(other.url("/review?todo=1"), timeout=10).text
        assert "oulu.example/laura" not in page  # reviewed in the other instance
        assert other.post(two, "/review/unlabel", {"url": target["url"]}).status_code == 303
        assert "oulu.example/laura" in one.get(app.url("/review?todo=1"), timeout=10).text
