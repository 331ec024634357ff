"""The app's words: every language has every key, no key hides a dict method in a
template, and the page language is chosen switched > profile > browser > Finnish."""

from __future__ import annotations

import pytest

from footprint.web import i18n


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_every_catalogue_loads_complete(lang: str) -> None:
    assert i18n.catalogue(lang)["nav"]["review"]


def test_a_key_named_like_a_dict_method_is_refused() -> None:
    assert i18n._shadowing({"act": {"copy": "x", "fine": "y"}, "items": "z"}) == [
        "act.copy",
        "items",
    ]


def test_the_page_language() -> None:
    assert i18n.choose("sv", ("en",), ["fi-FI"]) == "sv"
    assert i18n.choose(None, ("se", "en"), ["fi-FI"]) == "en"
    assert i18n.choose("de", (), ["de-DE", "sv-FI", "en"]) == "sv"
    assert i18n.choose(None, (), ["de"]) == "fi"
