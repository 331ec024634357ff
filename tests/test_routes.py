"""Nordic removal routes: the sources file, recognising the sites, the routes and the PDF."""

from __future__ import annotations

import io
import re
from datetime import date
from typing import Any

import pytest
from pypdf import PdfReader

from footprint import guidance
from footprint.guidance import levers
from footprint.guidance.sources import SourcesError, lookup, parse_sources, source_kind, sources
from footprint.models import Category, PageStatus
from footprint.profile import Profile, WorkProfile
from footprint.report import actions, i18n, routes
from footprint.report.actions import actions_for
from footprint.report.context import build_report_context
from footprint.report.render import render_report_pdf
from tests.report_support import PERSON, finding

DAY = date(2026, 12, 2)

# (url, title, snippet, source id, kind): realistic addresses and titles in fi, sv and en.
RESULTS = [
    ("https://www.fonecta.fi/haku/Laura%20Hietanen/Tampere", "Laura Hietanen, Tampere | Fonecta",
     "Laura Hietanen, Hämeenkatu 10 A 5, 33100 Tampere. Puh. 040 123 4567", "fonecta", "directory"),
    ("https://www.020202.fi/henkilot/laura-hietanen-tampere", "Laura Hietanen – 020202",
     "Laura Hietanen, Tammerfors. Telefon 040 123 4567", "020202", "directory"),
    ("https://www.finder.fi/Yhdistys/Tampereen+Nuorisoseura+ry/Tampere/yhteystiedot/123",
     "Tampereen Nuorisoseura ry – Finder", "Hallituksen jäsen: Laura Hietanen", "finder",
     "company-info"),
    ("https://www.asiakastieto.fi/yritykset/fi/uusi-suunta-saatio-sr/12345678/paattajat",
     "Uusi Suunta -säätiö sr – päättäjät – Asiakastieto", "Board member Laura Hietanen",
     "asiakastieto", "company-info"),
    ("https://www.kauppalehti.fi/yritykset/yritys/uusi-suunta-saatio-sr/12345678",
     "Uusi Suunta -säätiö sr | Kauppalehti", "Styrelseledamot Laura Hietanen", "kauppalehti",
     "company-info"),
    ("https://virre.prh.fi/novus/company/12345678", "Kaupparekisteriote – PRH",
     "Hallituksen jäsen Hietanen, Laura", "prh", "register"),
    ("https://tietopalvelu.ytj.fi/yritys/1234567-8", "Tampereen Nuorisoseura ry – YTJ",
     "Yhdistys, Tampere", "ytj", "register"),
    ("https://bolagsverket.se/foretag/5560001234", "Föreningen Gemenskap – Bolagsverket",
     "Styrelseledamot: Laura Hietanen", "bolagsverket", "register"),
    ("https://www.ratsit.se/19780412-Laura_Hietanen_Stockholm/abc123",
     "Laura Hietanen, 48 år, Stockholm – Ratsit", "Laura Hietanen bor på Sveavägen 1.",
     "ratsit", "people-search"),
    ("https://www.merinfo.se/person/Stockholm/Laura-Hietanen/abc", "Laura Hietanen (48) – Merinfo",
     "Adress och telefonnummer", "merinfo", "people-search"),
    ("https://www.hitta.se/laura+hietanen/stockholm/person/abc", "Laura Hietanen – Hitta.se",
     "Adress, telefonnummer och karta", "hitta", "people-search"),
    ("https://www.eniro.se/laura+hietanen/personer", "Laura Hietanen – Eniro",
     "Telefonnummer och adress", "eniro", "people-search"),
    ("https://mrkoll.se/person/Laura-Hietanen-Stockholm/abc", "Laura Hietanen, 48 år – MrKoll",
     "Bor i Stockholm", "mrkoll", "people-search"),
    ("https://www.birthday.se/sok/?who=laura+hietanen", "Laura Hietanen fyller år – Birthday.se",
     "Laura Hietanen, Stockholm, fyller 48 år", "birthday", "people-search"),
    ("https://www.upplysning.se/person/laura-hietanen/abc", "Laura Hietanen – Upplysning.se",
     "Laura Hietanen, 48 år", "upplysning", "people-search"),
]  # fmt: skip


def test_every_source_has_a_route_a_source_and_https_links() -> None:
    known = sources()
    assert {s.id for s in known} == {r[3] for r in RESULTS}
    for source in known:
        assert source.route in {"fi_directory", "company_info", "register", "se_people_search"}
        assert source.sources and all(u.startswith("https://") for u in source.sources)
        for lid in source.links:
            for lang in guidance.LANGUAGES:
                assert guidance.link(lid).url(lang).startswith("https://"), lid
        for lang in guidance.LANGUAGES:
            for field in ("shows", "data_from", "legal_basis"):
                assert source.text(field, lang)
            assert bool(source.unverified[lang]) is not source.verified, source.id


def test_the_sources_file_rejects_bad_entries_naming_them() -> None:
    good = dict(guidance.load("sources.toml")["source"][0])
    bad_cases = [
        ({"kind": "blog"}, "'kind' must be one of"),
        ({"sources": ["http://example.fi/"]}, "'sources' must list"),
        ({"links": ["no_such_link"]}, "links not in links.toml"),
        ({"recheck_months": 0}, "'recheck_months'"),
        ({"domains": ["www.fonecta.fi"]}, "registered domains"),
        ({"route": "write_a_letter"}, "'route' must be one of"),
        ({"verified": False}, "'unverified' needs"),
        ({"extra": 1}, "unknown key"),
    ]
    for change, message in bad_cases:
        with pytest.raises(SourcesError, match=re.escape(message)) as caught:
            parse_sources({"source": [{**good, **change}]})
        assert "sources.toml: fonecta:" in str(caught.value)
    with pytest.raises(SourcesError, match="listed twice"):
        parse_sources({"source": [good, good]})


@pytest.mark.parametrize(("url", "title", "snippet", "site", "kind"), RESULTS)
def test_each_site_is_recognised_with_its_route(
    url: str, title: str, snippet: str, site: str, kind: str
) -> None:
    found = lookup(url)
    assert found is not None and found.id == site
    assert source_kind(url) == kind
    steps = [a.id for a in actions_for(Category.PRIVATE, PageStatus.LIVE, False, url)]
    first = {
        "directory": actions.OPERATOR_UNLISTED,
        "people-search": actions.SE_HIDE,
        "company-info": actions.REGISTER_ROLE,
        "register": actions.REGISTER_ROLE,
    }[kind]
    assert steps[0] == first
    for lang in guidance.LANGUAGES:
        card = routes.card_fields(url, lang)
        assert card["source_kind"] == kind
        assert card["source_kind_label"] == i18n.text(lang, f"routes.kind_{kind}")


def test_a_news_article_on_a_company_site_is_not_company_info() -> None:
    assert source_kind("https://www.kauppalehti.fi/uutiset/laura-hietanen-palkittiin/abc") is None
    assert source_kind("https://www.asiakastieto.fi/web/fi/blogi") is None
    assert source_kind("https://example.fi/ratsit.se") is None
    assert source_kind("not a url") is None


@pytest.mark.parametrize("site", [s for s in sources() if s.route == "se_people_search"])
def test_a_swedish_people_search_result_never_gets_an_erasure_letter_first(site: Any) -> None:
    url = f"https://www.{site.domains[0]}/person/laura-hietanen"
    for category in (Category.PRIVATE, Category.ACTIVISM, Category.WORK):
        for status in (PageStatus.LIVE, PageStatus.SKIPPED, None):
            steps = actions_for(category, status, False, url)
            steps = tuple(a for a in steps if a is not actions.NOT_CHECKED)
            assert steps[0].id == actions.SE_HIDE
            assert not {a.id for a in steps} & actions.LETTER_ACTIONS
            assert actions.SE_NO_ERASURE in {a.id for a in steps}
    ctx = build_report_context(
        [finding(url, Category.PRIVATE, PageStatus.LIVE)], PERSON, lang="sv", generated=DAY
    )
    assert ctx["letter"] is None or url not in ctx["letter"]["addresses"]


def test_the_levers_are_shown_for_contact_details_or_exposed_work_only() -> None:
    article = finding("https://lehti.example.fi/juttu", Category.WORK, PageStatus.LIVE)
    listing = finding(RESULTS[0][0], Category.PRIVATE, PageStatus.LIVE)
    phone = finding("https://blogi.example.fi/x", Category.PRIVATE, PageStatus.LIVE,
                    snippet="Soita minulle: 040 123 4567")  # fmt: skip
    namesake = finding(RESULTS[0][0], Category.NAMESAKE, PageStatus.LIVE)
    assert not levers.needed([article, namesake], PERSON)
    assert levers.needed([listing], PERSON)
    assert levers.needed([phone], PERSON)
    exposed = Profile(
        name="Laura Hietanen", work=WorkProfile(titles=("lastensuojelun sosiaalityöntekijä",))
    )
    assert levers.needed([article], exposed)
    for lang in guidance.LANGUAGES:
        items = levers.levers(lang)
        assert {i["id"] for i in items} >= {"dvv_bans", "turvakielto", "vehicle", "credit_ban"}
        assert all(i["not_covered"] and i["links"] for i in items)


def test_the_phone_pattern_is_linear_on_long_snippets() -> None:
    assert levers.PHONE.search("puh. +358 40 123 4567") is not None
    assert levers.PHONE.search("vuosina 1996 2006 ja 2010") is None


@pytest.fixture(scope="module", params=["fi", "sv", "en"])
def social_worker_pdf(request: pytest.FixtureRequest) -> dict[str, Any]:
    """The issue's case: a Ratsit page, a Fonecta listing and an old association board role."""
    lang = request.param
    found = [
        finding(RESULTS[8][0], Category.PRIVATE, PageStatus.LIVE, title=RESULTS[8][1]),
        finding(RESULTS[0][0], Category.PRIVATE, PageStatus.LIVE, title=RESULTS[0][1],
                snippet=RESULTS[0][2]),
        finding(RESULTS[2][0], Category.ACTIVISM, PageStatus.LIVE, title=RESULTS[2][1]),
    ]  # fmt: skip
    ctx = build_report_context(found, PERSON, lang=lang, generated=DAY)
    reader = PdfReader(io.BytesIO(render_report_pdf(ctx)))
    text = " ".join(page.extract_text() or "" for page in reader.pages)
    uris = {
        str(a["/URI"])
        for page in reader.pages
        for annot in page.get("/Annots") or []
        if (a := annot.get_object().get("/A")) is not None and "/URI" in a
    }
    return {"lang": lang, "ctx": ctx, "text": " ".join(text.split()), "uris": uris}


def test_each_route_appears_in_the_pdf_with_working_links(
    social_worker_pdf: dict[str, Any],
) -> None:
    lang, text, uris = (
        social_worker_pdf["lang"],
        social_worker_pdf["text"],
        social_worker_pdf["uris"],
    )
    found_sites = {"ratsit", "fonecta", "finder"}
    shown = [s for s in sources() if s.id in found_sites]
    expected = set(routes.SEARCH_LINKS) | set(routes.SE_LAW_LINKS) | set(routes.HELP_LINKS)
    expected |= {lid for s in shown for lid in s.links}
    expected |= {lid for lever in levers.all_levers() for lid in lever.links}
    for lid in expected:
        assert guidance.link(lid).url(lang) in uris, lid
    for source in sources():  # only the sites in the results get their route
        assert (source.text("data_from", lang)[:40] in text) is (source.id in found_sites)
    assert " ".join(i18n.text(lang, "routes.all_routes", count=len(sources())).split()) in text
    for key, params in (
        ("action_short.se_hide", {"site": "Ratsit", "months": "12"}),
        ("action_short.operator_unlisted", {}),
        ("action_short.register_role", {}),
        ("levers.title", {}),
        ("routes.title", {}),
        ("help.title", {}),
    ):
        assert " ".join(i18n.text(lang, key, **params).split()) in text, key
    cards = [c for s in social_worker_pdf["ctx"]["sections"] for c in s["cards"]]
    assert {c["source_kind"] for c in cards} == {"people-search", "directory", "company-info"}
    assert all(c["source_kind_label"] in text for c in cards)


@pytest.mark.parametrize("lang", guidance.LANGUAGES)
def test_every_route_appears_in_the_pdf_when_its_site_is_in_the_results(lang: str) -> None:
    found = [finding(url, Category.PRIVATE, PageStatus.LIVE, title=title, snippet=snippet)
             for url, title, snippet, _, _ in RESULTS]  # fmt: skip
    ctx = build_report_context(found, PERSON, lang=lang, generated=DAY)
    assert [s["id"] for s in ctx["routes"]["sites"]] == [
        s.id for s in sorted(sources(), key=lambda s: (s.country != "FI", s.name.lower()))
    ]
    reader = PdfReader(io.BytesIO(render_report_pdf(ctx)))
    text = " ".join(" ".join(page.extract_text() or "" for page in reader.pages).split())
    uris = {
        str(a["/URI"])
        for page in reader.pages
        for annot in page.get("/Annots") or []
        if (a := annot.get_object().get("/A")) is not None and "/URI" in a
    }
    for lid in routes.link_ids():
        assert guidance.link(lid).url(lang) in uris, lid
    for source in sources():
        assert " ".join(source.text("legal_basis", lang).split())[:60] in text, source.id


def test_no_site_route_when_no_known_site_is_in_the_results() -> None:
    article = finding("https://lehti.example.fi/juttu", Category.PRIVATE, PageStatus.LIVE)
    namesake = finding(RESULTS[8][0], Category.NAMESAKE, PageStatus.LIVE)  # someone else's
    for lang in guidance.LANGUAGES:
        chapter = build_report_context([article, namesake], PERSON, lang=lang,
                                       generated=DAY)["routes"]  # fmt: skip
        assert chapter["sites"] == [] and chapter["se_law"] is None
        assert chapter["intro"] == i18n.text(lang, "routes.intro_none")
        assert str(len(sources())) in chapter["all_routes"]
        assert [link["id"] for link in chapter["search"]["links"]] == list(routes.SEARCH_LINKS)
    fonecta = finding(RESULTS[0][0], Category.PRIVATE, PageStatus.LIVE)
    chapter = routes.routes_section(
        build_report_context([fonecta], PERSON, lang="fi", generated=DAY)["sections"][0]["cards"],
        "fi",
    )
    assert [(s["id"], s["found"]) for s in chapter["sites"]] == [("fonecta", 1)]
    assert chapter["se_law"] is None  # the Swedish certificate note needs a Swedish site


def test_the_namesake_checks_apply_to_directory_entries() -> None:
    from footprint.classify import Classifier
    from footprint.models import SearchResult

    me = Profile(name="Laura Hietanen", birth_year=1978, locations=("Tampere",))
    classifier = Classifier(me)
    listings = {
        # another town in the listing
        ("https://www.fonecta.fi/haku/Laura%20Hietanen/Oulu", "Laura Hietanen, Oulu | Fonecta",
         "Laura Hietanen, Kirkkokatu 3, 90100 Oulu. Puh. 040 765 4321"): Category.NAMESAKE,
        # another age in the listing
        ("https://www.020202.fi/henkilot/laura-hietanen-62", "Laura Hietanen, 62 v – 020202",
         "Laura Hietanen 62 v. Tampere, puh. 050 111 2222"): Category.NAMESAKE,
        ("https://www.ratsit.se/19600101-Laura_Hietanen/x", "Laura Hietanen, 66 år – Ratsit",
         "Laura Hietanen, 66 år, Tammerfors."): Category.NAMESAKE,
        # the person's own listing
        ("https://www.fonecta.fi/haku/Laura%20Hietanen/Tampere",
         "Laura Hietanen, Tampere | Fonecta",
         "Laura Hietanen, Hämeenkatu 10 A 5, 33100 Tampere. Puh. 040 123 4567"): Category.PRIVATE,
    }  # fmt: skip
    for (url, title, snippet), expected in listings.items():
        got = classifier.classify(SearchResult(url=url, title=title, snippet=snippet))
        assert got.category is expected, (url, got.reasons)
