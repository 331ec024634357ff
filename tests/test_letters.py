"""Letters for every step, one per controller, in fi/sv/en; saved as files with --letters."""

from __future__ import annotations

import json
import stat
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from footprint import guidance
from footprint.cli import app
from footprint.models import Category, PageStatus
from footprint.report import i18n
from footprint.report.context import build_report_context
from footprint.report.letters import (
    KINDS,
    all_steps,
    appeals,
    compose,
    controller_of,
    letters_for,
    letters_for_site,
    plan,
)
from tests.report_support import PERSON, finding

DAY = date(2026, 12, 2)
# Twelve addresses on eleven sites (issue 12: they used to share one letter).
TWELVE = [
    "https://www.vanhablogi.fi/2004/kuva",
    "https://vanhablogi.fi/2005/toinen",  # the same site as the first
    "https://svenska.yle.fi/artikel/2003/aktivist",
    "https://foorumi.example.com/thread/1",
    "https://kehakukka.fi/juttu",
    "https://arkisto.example.org/1999",
    "https://kuvat.example.net/album/7",
    "https://yhdistys-elainten-puolesta.fi/historia",
    "https://news.example.co.uk/story",
    "https://nuoret.example.se/2001",
    "https://lehti.ax/a",
    "https://muistio.example.de/b",
]


def _findings() -> list:
    return [finding(url, Category.ACTIVISM, PageStatus.LIVE) for url in TWELVE]


def test_one_letter_per_controller_with_only_its_own_addresses() -> None:
    letters = letters_for(_findings(), name="Laura Hietanen", lang="fi", day=DAY)
    assert len(letters) == 11
    by_site = {letter.controller: letter for letter in letters}
    assert len(by_site) == 11
    assert by_site["vanhablogi.fi"].addresses == (TWELVE[0], TWELVE[1])
    for letter in letters:
        text = letter.text()
        for url in TWELVE:
            assert (url in text) is (url in letter.addresses), (letter.controller, url)


def test_addresses_are_grouped_by_registered_domain() -> None:
    assert controller_of("https://svenska.yle.fi/a") == "yle.fi"
    assert controller_of("https://www.yle.fi/b") == "yle.fi"
    assert controller_of("https://bbc.co.uk/x") == "bbc.co.uk"
    assert controller_of("https://news.bbc.co.uk/x") == "bbc.co.uk"
    assert controller_of("not a url") == ""
    found = [
        finding("https://svenska.yle.fi/a", Category.ACTIVISM, PageStatus.LIVE),
        finding("https://yle.fi/b", Category.PRIVATE, PageStatus.LIVE),
        finding("https://hs.fi/c", Category.PRIVATE, PageStatus.LIVE),
    ]
    letters = letters_for(found, name="Laura Hietanen", lang="en", day=DAY)
    assert [(x.controller, x.addresses) for x in letters] == [
        ("yle.fi", ("https://svenska.yle.fi/a", "https://yle.fi/b")),
        ("hs.fi", ("https://hs.fi/c",)),
    ]
    for letter in letters:
        others = [u for u in ("https://svenska.yle.fi/a", "https://yle.fi/b", "https://hs.fi/c")
                  if u not in letter.addresses]  # fmt: skip
        assert not any(u in letter.text() for u in others)


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_letters_per_controller_in_each_language(lang: str) -> None:
    letters = letters_for(_findings(), name="Laura Hietanen", lang=lang, day=DAY)
    assert len(letters) == len({controller_of(u) for u in TWELVE})
    for letter in letters:
        assert letter.kind == "erasure"
        assert letter.subject == guidance.letter(lang)["subject"]
        assert "Laura Hietanen" in letter.before
        assert letter.addresses and all(controller_of(u) == letter.controller
                                        for u in letter.addresses)  # fmt: skip
        assert "[" not in letter.before  # no "[page address]" placeholder
        assert i18n.format_date(date(2027, 1, 2), lang) in letter.text()
    for kind in KINDS:
        other = compose(kind, "example.fi", ["https://example.fi/a"], name="L H", lang=lang,
                        day=DAY, sent=date(2026, 10, 1))  # fmt: skip
        assert other.subject == guidance.letter(lang, kind)["subject"]
        assert "https://example.fi/a" in other.text()
        assert "{" not in other.text()
    with pytest.raises(ValueError, match="no letter kind"):
        compose("complaint", "x.fi", [], name="L", lang=lang, day=DAY)


def test_routes_choose_the_letter_or_none() -> None:
    found = [
        finding("https://www.ratsit.se/19780412-Laura_Hietanen/abc", Category.PRIVATE,
                PageStatus.LIVE),
        finding("https://www.fonecta.fi/haku/laura", Category.PRIVATE, PageStatus.LIVE),
        finding("https://www.asiakastieto.fi/yritykset/fi/x/123/paattajat", Category.WORK,
                PageStatus.LIVE),
        finding("https://blogi.example.fi/x", Category.PRIVATE, PageStatus.LIVE),
        finding("https://muistot.example.fi/laura", Category.NAMESAKE, PageStatus.LIVE),
    ]  # fmt: skip
    assert [(c, k) for c, k, _ in plan(found)] == [
        ("asiakastieto.fi", "objection"),
        ("example.fi", "erasure"),
    ]
    assert letters_for_site(found, "www.asiakastieto.fi", name="L H", lang="sv", day=DAY)[0].kind \
        == "objection"  # fmt: skip
    assert letters_for_site(found, "ratsit.se", name="L H", lang="sv", day=DAY) == []


def test_the_report_prints_one_letter_per_site_and_the_next_steps() -> None:
    ctx = build_report_context(_findings(), PERSON, lang="sv", generated=DAY)
    printed = ctx["letters"]["letters"]
    assert len(printed) == 10 and ctx["letters"]["more"]
    assert {len(letter["addresses"]) for letter in printed} <= {1, 2}
    assert [letter["kind"] for letter in ctx["letters"]["next"]] == ["followup", "ombudsman"]
    none = build_report_context([], PERSON, lang="fi", generated=DAY)["letters"]
    assert none["none"] and not none["letters"] and not none["next"]


def test_appeals_name_the_engine_and_the_addresses_to_delist() -> None:
    found = _findings()[:2]
    engines = appeals(found, name="Laura Hietanen", lang="fi", day=DAY)
    assert [a.controller for a in engines] == ["Google", "Microsoft Bing"]
    assert all("Google" in a.before or "Bing" in a.before for a in engines)
    assert set(engines[0].addresses) == {TWELVE[0], TWELVE[1]}


def test_report_letters_folder_writes_private_files(tmp_path: Path) -> None:
    saved = tmp_path / "audit.json"
    findings = [f.to_dict() for f in _findings()[:3]]
    saved.write_text(json.dumps({"schema": 1, "name": "Laura Hietanen", "lang": "en",
                                 "findings": findings, "failures": []}), "utf-8")  # fmt: skip
    folder = tmp_path / "out" / "letters"
    result = CliRunner().invoke(
        app, ["report", str(saved), "-o", str(tmp_path / "r.pdf"), "--letters", str(folder)]
    )
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in folder.iterdir())
    expected = all_steps(_findings()[:3], name="Laura Hietanen", lang="en", day=DAY)
    assert names == sorted(expected)
    assert "vanhablogi.fi-erasure-en.txt" in names and "google-ombudsman-en.txt" in names
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in folder.iterdir())
    text = (folder / "yle.fi-erasure-en.txt").read_text("utf-8")
    assert TWELVE[2] in text and TWELVE[0] not in text
    again = CliRunner().invoke(
        app, ["report", str(saved), "-o", str(tmp_path / "r2.pdf"), "--letters", str(folder)]
    )
    assert again.exit_code == 8 and "already exists" in again.output


def test_a_follow_up_counts_the_month_from_the_first_letter() -> None:
    sent = date(2026, 10, 31)
    follow = compose("followup", "hs.fi", ["https://hs.fi/a"], name="L H", lang="en", day=DAY,
                     sent=sent)  # fmt: skip
    assert "31 October 2026" in follow.before and "30 November 2026" in follow.text()
    unknown = compose("followup", "hs.fi", ["https://hs.fi/a"], name="L H", lang="fi", day=DAY)
    assert "[lähetyspäivä]" in unknown.before and "[kuukausi lähetyspäivästä]" in unknown.text()
    assert "2.1.2027" not in unknown.text()
