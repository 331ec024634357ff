"""The report context: pure data, built without rendering, in three languages."""

from __future__ import annotations

import re
import string
from datetime import date

import pytest

from footprint import guidance
from footprint.models import Category, PageStatus, Reason
from footprint.report import i18n, routes
from footprint.report.actions import actions_for, platform_of, priorities
from footprint.report.chart import Bar, bar_chart
from footprint.report.context import GUIDANCE_SECTIONS, add_month, build_report_context
from tests.report_support import PERSON, finding, sample_findings

DAY = date(2026, 11, 21)


def context(lang: str = "fi", **kwargs):  # type: ignore[no-untyped-def]
    return build_report_context(sample_findings(), PERSON, lang=lang, generated=DAY, **kwargs)


def test_sections_follow_the_order_of_what_needs_doing_with_counts() -> None:
    ctx = context()
    assert [s["key"] for s in ctx["sections"]] == [
        "activism",
        "private",
        "defunct",
        "work",
        "namesake",
    ]
    assert [s["count"] for s in ctx["sections"]] == [2, 2, 3, 2, 2]
    assert sum(len(s["cards"]) for s in ctx["sections"]) == ctx["summary"]["total"] == 11
    counts = {c["key"]: c["count"] for c in ctx["summary"]["statuses"]}
    assert counts == {
        "live": 5,
        "gone": 1,
        "parked": 1,
        "ceased": 1,
        "unreachable": 1,
        "skipped": 2,
    }


def test_an_empty_audit_has_no_sections_but_still_the_guidance() -> None:
    ctx = build_report_context([], PERSON, lang="en", generated=DAY)
    assert ctx["sections"] == []
    assert ctx["summary"]["intro"] == "The searches found no results for the name Laura Hietanen."
    assert ctx["guidance"]["sections"] and ctx["checklist"]
    assert ctx["summary"]["priorities"] == [
        i18n.text("en", "priority.checklist"), i18n.text("en", "priority.reaudit"),
    ]  # fmt: skip


def test_cards_carry_the_result_its_status_archive_reasons_and_actions() -> None:
    ctx = context("en")
    activism = ctx["sections"][0]["cards"][0]
    assert activism["title"] == "Haastattelussa aktivisti"
    assert activism["status_label"] == "Page is live"
    assert activism["archive"]["available"] and activism["archive"]["url"].startswith("https://")
    assert activism["archive"]["span"] == "captured 1 February 2003 – 6 May 2009"
    assert activism["reasons"] == ["employer 'Uusi Suunta' named in the snippet"]
    assert [a["id"] for a in activism["actions"]] == [
        "site_owner_erasure", "search_delisting", "archive_removal",
    ]  # fmt: skip
    for action in activism["actions"]:
        for link in action["links"]:
            assert link["url"].startswith("https://") and link["label"]
    defunct = {c["url"]: c for c in ctx["sections"][2]["cards"]}
    gone = defunct["http://kehakukka.example.fi/2001/3.html"]
    assert gone["topic"] == "Activism"
    assert [a["id"] for a in gone["actions"]] == ["google_outdated", "archive_removal"]


def test_each_section_states_its_steps_once_and_every_card_points_at_them() -> None:
    ctx = context("en")
    anchors = set()
    for section in ctx["sections"]:
        listed = [a["anchor"] for a in section["actions"]]
        assert len(listed) == len(set(listed))
        used = {a["anchor"] for card in section["cards"] for a in card["actions"]}
        assert used == set(listed)
        assert all(a.startswith(f"act-{section['key']}-") for a in listed)
        assert not anchors & set(listed)
        anchors |= set(listed)
    activism = ctx["sections"][0]
    erasure = next(a for a in activism["actions"] if a["id"] == "site_owner_erasure")
    assert erasure["short"] == i18n.text("en", "action_short.site_owner_erasure")
    assert erasure["text"] == i18n.text("en", "action.site_owner_erasure")
    assert erasure["links"]


def test_reasons_are_said_in_the_report_language() -> None:
    said = []

    def reason_text(reason: Reason, lang: str) -> str:
        said.append(lang)
        return f"[{lang}] {reason.text}"

    ctx = context("sv", reason_text=reason_text)
    assert set(said) == {"sv"}
    assert ctx["sections"][0]["cards"][0]["reasons"][0].startswith("[sv] ")


def test_the_real_classifier_translates_reason_codes() -> None:
    reason = Reason("employer", "employer 'Uusi Suunta' named in the snippet",
                    {"term": "Uusi Suunta", "where": "snippet"})  # fmt: skip
    f = finding("https://x.example.fi/a", Category.WORK, PageStatus.LIVE, reasons=(reason,))
    texts = {
        lang: build_report_context([f], PERSON, lang=lang, generated=DAY)["sections"][0]["cards"][
            0
        ]["reasons"][0]
        for lang in ("fi", "sv", "en")
    }
    assert all("Uusi Suunta" in text for text in texts.values())
    assert len(set(texts.values())) == 3, texts


def test_a_correction_is_said_in_the_report_language() -> None:
    reason = Reason("user_correction", "your correction: my sister",
                    {"note": "my sister", "classifier_category": "private"})  # fmt: skip
    f = finding("https://x.example.fi/a", Category.NAMESAKE, PageStatus.LIVE, reasons=(reason,),
                corrected=True)  # fmt: skip
    card = build_report_context([f], PERSON, lang="fi", generated=DAY)["sections"][0]["cards"][0]
    assert card["corrected"]
    assert card["reasons"] == ["Oma korjauksesi: my sister – footprintin oma arvio oli: Yksityinen"]


def test_the_persons_correction_is_marked() -> None:
    ctx = context("fi")
    namesakes = ctx["sections"][-1]["cards"]
    assert [c["corrected"] for c in namesakes].count(True) == 1
    assert ctx["summary"]["corrected"] == 1
    assert "1" in ctx["summary"]["corrected_note"]


def test_three_to_five_things_to_do_first() -> None:
    ctx = context("en")
    steps = ctx["summary"]["priorities"]
    assert 3 <= len(steps) <= 5
    assert steps[0] == (
        "Send an erasure request to the sites that show your past activism or private life (4)."
    )
    assert "Ask Google to refresh the results for pages that are gone (2)." in steps
    assert "Ask the Internet Archive to remove its archived copies (2)." in steps
    assert "Check the visibility settings of your accounts: Facebook, LinkedIn." in steps


def test_few_findings_still_give_three_steps() -> None:
    only = [finding("https://muistot.example.fi/x", Category.NAMESAKE, PageStatus.LIVE)]
    steps = build_report_context(only, PERSON, lang="fi", generated=DAY)["summary"]["priorities"]
    assert len(steps) == 3
    assert steps[1:] == [i18n.text("fi", "priority.checklist"), i18n.text("fi", "priority.reaudit")]


def test_the_letter_is_filled_in_with_the_name_addresses_and_deadline() -> None:
    letter = context("fi")["letter"]
    assert "Laura Hietanen" in letter["before"]
    assert letter["addresses"] == [
        "https://vastarinta.example.fi/2004/a",
        "https://blogi.example.fi/haat",
        "https://lehti.example.fi/arkisto/2003",
        "https://yhdistys.example.fi/historia",  # not reached, but known from the search
    ]
    assert any("21.12.2026" in p for p in letter["after"])
    assert "17" in letter["subject"]
    # no result calls for it: no letter, rather than one with a placeholder address
    assert build_report_context([], PERSON, lang="en", generated=DAY)["letter"] is None


@pytest.mark.parametrize(
    ("day", "deadline"),
    [(date(2026, 1, 31), date(2026, 2, 28)), (date(2024, 1, 30), date(2024, 2, 29)),
     (date(2026, 12, 15), date(2027, 1, 15)), (date(2026, 3, 31), date(2026, 4, 30))],
)  # fmt: skip
def test_one_month_deadline(day: date, deadline: date) -> None:
    assert add_month(day) == deadline


def test_since_last_audit_and_tracked_requests() -> None:
    previous = {
        "date": "2026-10-01",
        "new": [sample_findings()[0]],
        "gone": [{"url": "https://old.example.fi/a", "title": "Old", "category": "activism"}],
        "changed": [{"url": "https://c.example.fi", "title": "C", "old_category": "activism",
                     "new_category": "defunct", "old_status": "live", "new_status": "gone"}],
    }  # fmt: skip
    tracked = [
        {"url": "https://a.example.fi", "channel": "google-outdated", "sent": "2026-11-01",
         "deadline": None, "overdue": False, "status": "open"},
        {"url": "https://b.example.fi", "channel": "site-owner", "sent": "2026-09-01",
         "deadline": "2026-10-01", "overdue": True, "status": "open"},
    ]  # fmt: skip
    ctx = context("fi", previous=previous, tracked=tracked)
    since = ctx["previous"]
    assert since["intro"] == "Edellinen haku tehtiin 1.10.2026."
    assert since["new"][0]["category"] == "Aktivismi"
    assert since["gone"][0]["category"] == "Aktivismi"
    assert since["changed"][0]["note"] == (
        "luokka Aktivismi → Poistunut lähde; tila Sivu toimii → Sivu on poistunut"
    )
    rows = ctx["tracked"]
    assert [r["overdue"] for r in rows] == [True, False]
    assert rows[0]["channel"] == "Sivuston ylläpitäjä" and rows[0]["deadline"] == "1.10.2026"
    assert rows[1]["deadline"] == "–" and rows[1]["status"] == "Avoin"
    assert context("fi")["previous"] is None and context("fi")["tracked"] is None


def test_only_web_addresses_become_links() -> None:
    bad = finding("javascript:alert(1)", Category.PRIVATE, PageStatus.LIVE)
    file_url = finding("file:///etc/passwd", Category.PRIVATE, PageStatus.LIVE)
    ctx = build_report_context([bad, file_url], PERSON, lang="en", generated=DAY)
    assert [c["href"] for c in ctx["sections"][0]["cards"]] == [None, None]


def test_page_numbers_are_said_in_each_language() -> None:
    assert context("fi")["page_counter"] == '"Sivu " counter(page) " / " counter(pages) ""'
    assert context("sv")["page_counter"] == '"Sida " counter(page) " / " counter(pages) ""'
    assert context("en")["page_counter"] == '"Page " counter(page) " of " counter(pages) ""'


def _keys(tree: dict, prefix: str = "") -> dict[str, object]:  # type: ignore[type-arg]
    out: dict[str, object] = {}
    for key, value in tree.items():
        if isinstance(value, dict):
            out.update(_keys(value, f"{prefix}{key}."))
        else:
            out[prefix + key] = value
    return out


def _fields(value: object) -> set[str]:
    if not isinstance(value, str):
        return set()
    return {f for _, f, _, _ in string.Formatter().parse(value) if f}


def test_every_message_exists_in_every_language_with_the_same_placeholders() -> None:
    fi, sv, en = (_keys(i18n.catalogue(lang)) for lang in ("fi", "sv", "en"))
    assert fi.keys() == sv.keys() == en.keys()
    for key in fi:
        if key != "meta.date_format":  # each language writes dates its own way
            assert _fields(fi[key]) == _fields(sv[key]) == _fields(en[key]), key
    assert sum(1 for key in fi if fi[key] != en[key]) > 0.8 * len(fi)


def test_swedish_and_english_are_translations_not_copies() -> None:
    for key in ("summary.title", "guidance.site_owner_body", "action.google_outdated"):
        assert len({i18n.text(lang, key) for lang in ("fi", "sv", "en")}) == 3


def test_every_guidance_link_is_https_and_used_in_the_report() -> None:
    used = {lid for _, ids in GUIDANCE_SECTIONS for lid in ids} | routes.link_ids()
    used |= {lid for item in guidance.checklist("en") for lid in item.links}  # the checklist's
    assert used == set(guidance.links())
    for link in guidance.links().values():
        for lang in ("fi", "sv", "en"):
            assert re.match(r"https://[a-z0-9.-]+\.[a-z]{2,}/", link.url(lang)), link
    for lang in ("fi", "sv", "en"):
        assert set(i18n.section(lang, "link")) == used


def test_the_checklist_covers_the_professionals_topics_in_three_languages() -> None:
    for lang in ("fi", "sv", "en"):
        ids = [item.id for item in guidance.checklist(lang)]
        assert {"roles", "confidentiality", "client_photos", "employer_criticism"} <= set(ids)
    assert guidance.checklist("sv")[0].title == "Yrkesroll och privat roll"


def test_the_chart_escapes_its_labels() -> None:
    svg = bar_chart([Bar('<script>alert("x")</script>', 3, "#123456")], title="a & b")
    assert "<script>" not in svg and "&lt;script&gt;" in svg and "a &amp; b" in svg
    assert svg.startswith("<svg") and svg.endswith("</svg>")


# --- the rules that map a result to actions ----------------------------------------------


def ids(category: Category, status: PageStatus | None, archived: bool = False,
        url: str = "https://site.example.com/page") -> list[str]:  # fmt: skip
    return [a.id for a in actions_for(category, status, archived, url)]


def test_a_namesake_needs_nothing_whatever_its_page() -> None:
    for status in (*PageStatus, None):
        assert ids(Category.NAMESAKE, status, archived=True) == ["namesake_none"]


def test_pages_that_are_gone_get_the_outdated_content_tools() -> None:
    assert ids(Category.DEFUNCT, PageStatus.GONE) == ["google_outdated"]
    assert ids(Category.DEFUNCT, PageStatus.GONE, archived=True) == [
        "google_outdated",
        "archive_removal",
    ]
    assert ids(Category.DEFUNCT, PageStatus.PARKED, url="https://lehti.fi/x") == [
        "google_outdated", "domain_holder",
    ]  # fmt: skip
    assert ids(Category.DEFUNCT, PageStatus.PARKED, url="https://lehti.com/x") == [
        "google_outdated"
    ]


def test_a_ceased_publication_needs_its_archive_keeper_and_the_search_engines() -> None:
    assert ids(Category.DEFUNCT, PageStatus.CEASED, url="https://lehti.fi/a") == [
        "ceased_publisher", "domain_holder", "search_delisting",
    ]  # fmt: skip


def test_live_pages_by_category() -> None:
    assert ids(Category.ACTIVISM, PageStatus.LIVE) == ["site_owner_erasure", "search_delisting"]
    assert ids(Category.PRIVATE, PageStatus.LIVE) == [
        "private_review", "site_owner_erasure", "search_delisting",
    ]  # fmt: skip
    assert ids(Category.WORK, PageStatus.LIVE) == ["work_review"]
    assert ids(Category.WORK, PageStatus.LIVE, archived=True) == ["work_review"]
    assert ids(Category.WORK, PageStatus.GONE, archived=True) == [
        "google_outdated",
        "archive_removal",
    ]
    assert ids(Category.ACTIVISM, PageStatus.UNREACHABLE) == [
        "recheck", "site_owner_erasure", "search_delisting",
    ]  # fmt: skip
    assert ids(Category.ACTIVISM, None)[0] == "not_checked"
    assert ids(Category.ACTIVISM, PageStatus.SKIPPED)[0] == "not_checked"


def test_own_accounts_on_platforms_get_the_platforms_settings() -> None:
    actions = actions_for(Category.PRIVATE, PageStatus.LIVE, False, "https://www.instagram.com/x/")
    assert [a.id for a in actions] == ["platform_settings"]
    assert actions[0].params == {"platform": "Instagram"}
    assert actions[0].links == ("instagram_privacy", "instagram_delete")
    assert platform_of("https://fi.linkedin.com/in/x").name == "LinkedIn"  # type: ignore[union-attr]
    assert platform_of("https://twitter.com/x").name == "X"  # type: ignore[union-attr]
    assert platform_of("https://notfacebook.com/x") is None
    work = [a.id for a in actions_for(Category.WORK, PageStatus.LIVE, False, "https://youtu.be/x")]
    assert work == ["platform_settings", "work_review"]


def test_every_action_and_priority_has_text_in_every_language() -> None:
    every = {
        a.id
        for category in Category
        for status in (*PageStatus, None)
        for archived in (False, True)
        for url in ("https://a.fi/x", "https://www.facebook.com/x", "https://a.com/x")
        for a in actions_for(category, status, archived, url)
    }
    for lang in ("fi", "sv", "en"):
        assert every <= set(i18n.section(lang, "action"))
        assert every <= set(i18n.section(lang, "action_short"))
        for link_id in guidance.links():
            assert i18n.text(lang, f"link.{link_id}")
    chosen = priorities([actions_for(Category.ACTIVISM, PageStatus.LIVE, True, "https://a.fi")] * 2)
    assert [p.id for p in chosen] == ["erasure", "archive", "checklist"]
    assert chosen[0].params == {"count": 2}
