"""Matching inflected words and names, reading dates, and recognising sites."""

from __future__ import annotations

import pytest

from footprint.classify import dates, platforms
from footprint.classify.lemmas import SortedTable, build_table
from footprint.classify.names import ABSENT, FULL, OTHER_FIRST, SURNAME, NameMatcher
from footprint.classify.text import Lemmas, profile_phrases, stems, vocabulary_phrase
from footprint.profile import Profile


def found(entry: str, text: str) -> bool:
    lemmas = Lemmas()
    phrases = profile_phrases(entry, lemmas)
    tokens = lemmas.tokens(text)
    return any(p.find(tokens) for p in phrases)


@pytest.mark.parametrize(
    ("entry", "text"),
    [
        ("Tampere", "Hän asuu Tampereella."),
        ("Tampere", "Tampereen kaupunki"),
        ("Uusi Suunta -säätiö", "Hän työskentelee Uuden Suunnan säätiöllä."),
        ("Uusi Suunta -säätiö", "Uusi Suunta ry:n toiminnanjohtaja"),
        ("Helsinki", "Helsingissä järjestettiin"),
        ("Kaikkien Kaupunki -verkosto", "Kaikkien Kaupunki -verkoston mielenosoitus"),
        ("Porvoo", "Porvoossa asuva"),
        ("Kettutytöt", "Kettutyttöjen iskuryhmä"),  # unknown to simplemma: by stem
    ],
)
def test_profile_entries_match_inflected_forms(entry: str, text: str) -> None:
    assert found(entry, text)


@pytest.mark.parametrize(
    ("entry", "text"),
    [
        ("Tampere", "Turussa asuva"),
        (
            "Uusi Suunta -säätiö",
            "hallitus otti uuden suunnan politiikassa",
        ),  # not a proper noun here
        ("Oulu", "Oulainen"),
    ],
)
def test_profile_entries_do_not_match_other_words(entry: str, text: str) -> None:
    assert not found(entry, text)


def test_stems_of_unknown_proper_nouns() -> None:
    assert "hietas" in stems("Hietanen")
    assert "lahd" in stems("Lahti")
    assert stems("Oulu") == ("oulu",)


def test_vocabulary_matches_compounds_and_inflection() -> None:
    lemmas = Lemmas()
    head = vocabulary_phrase("*aktivisti", lemmas, ("fi",))
    protest = vocabulary_phrase("mielenosoitus", lemmas, ("fi",))
    ceased = vocabulary_phrase("lopettaa ilmestyminen", lemmas, ("fi",))
    tokens = lemmas.tokens(
        "Ilmastoaktivistit osallistuivat mielenosoitukseen. Lehti lopetti ilmestymisensä."
    )
    assert head.find(tokens) == [0]
    assert protest.find(tokens) == [2]
    assert ceased.find(tokens) == [5]  # after the sentence break
    assert tokens[3].surface == "|"


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("Laura Hietanen kirjoitti", FULL),
        ("Kirjoitus Laura Hietaselle", FULL),
        ("Hietanen, Laura: raportti", FULL),
        ("L. Hietanen (toim.)", FULL),
        ("käyttäjä lhietanen kirjoitti", FULL),
        ("Maria Hietanen voitti", OTHER_FIRST),
        ("Hietasen perhe", SURNAME),
        ("Laura Virtanen", ABSENT),
    ],
)
def test_name_forms(text: str, level: str) -> None:
    lemmas = Lemmas()
    matcher = NameMatcher(Profile("Laura Hietanen", aliases=("lhietanen",)), lemmas)
    assert matcher.find([("snippet", lemmas.tokens(text))]).level == level


def test_name_in_address_and_handles() -> None:
    matcher = NameMatcher(Profile("Mikael Grönqvist"), Lemmas())
    assert matcher.in_url("https://example.fi/mikael-gronqvist/blogi") == "mikaelgronqvist"
    assert matcher.in_url("https://example.fi/jussi-nieminen") == ""
    assert matcher.owns_handle("m.gronqvist75")
    assert not matcher.owns_handle("helsinginkaupunki")


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("Julkaistu 12.3.2004 klo 10", 2004),
        ("Tampereella maaliskuussa 2003 järjestetty", 2003),
        ("Publicerad den 4 maj 2001", 2001),
        ("Posted on June 3, 2002 by admin", 2002),
        ("Updated 2019-05-02", 2019),
        ("vuonna 1998 perustettu", 1998),
    ],
)
def test_years_in_text(text: str, year: int) -> None:
    best = dates.best_year(dates.years_in_text(text, "snippet"))
    assert best is not None and best.year == year


def test_full_dates_outrank_bare_years() -> None:
    found = dates.years_in_text("Perustettu 1995. Päivitetty 12.3.2004.", "snippet")
    assert dates.best_year(found).year == 2004  # type: ignore[union-attr]


def test_years_in_url_and_published() -> None:
    assert [f.year for f in dates.years_in_url("https://x.blogspot.com/2003/05/post.html")] == [
        2003
    ]
    assert dates.years_in_url("https://www.hs.fi/kaupunki/art-2000001234.html") == []
    assert dates.published_year("2019-05-02") == 2019
    assert dates.published_year("1870") is None
    assert dates.published_year("1970-01-01T00:00:00Z") is None  # an epoch placeholder


def test_ages_birth_years_and_lifespans() -> None:
    assert dates.ages("16-vuotias Laura") == [(16, 0)]
    assert [age for age, _ in dates.ages("Laura, 16 år, vann")] == [16]
    assert [age for age, _ in dates.ages("aged 34, she")] == [34]
    assert [age for age, _ in dates.ages("beccasalo_ streams · 19 y/o from Oulu")] == [19]
    assert dates.birth_years("Joogaopettaja | synt. -95 |") == [1995]
    assert dates.birth_years("Annika Westerlund * 12.4.1938 i Nykarleby † 3.2.2021") == [1938]
    assert dates.died("* 12.4.1938 i Nykarleby † 3.2.2021")
    assert dates.birth_years_in_parens("Aleksi Tervo (2007), Juho Kemppainen (2007)") == [
        (2007, 7),
        (2007, 26),
    ]
    assert dates.birth_years("Laura Hietanen (s. 1931)") == [1931]
    assert dates.lifespans_at("Laura Hietanen 1931–2019") == [15]
    assert dates.lifespans_at("toiminnassa 2001–2009") == []  # too short for a life


@pytest.mark.parametrize(
    ("url", "kind", "section"),
    [
        ("https://fi.linkedin.com/in/laura-hietanen-123", platforms.PROFESSIONAL, "profile"),
        ("https://www.facebook.com/profile.php?id=1000", platforms.SOCIAL, "profile"),
        ("https://www.facebook.com/groups/kettutytot", platforms.SOCIAL, "group"),
        ("https://www.facebook.com/uusisuuntasaatio", platforms.SOCIAL, "account"),
        ("https://keskustelu.suomi24.fi/t/123/ketju", platforms.FORUM, ""),
        ("https://laurah.blogspot.com/2003/05/x.html", platforms.BLOG, ""),
        ("https://www.researchgate.net/profile/Laura-Hietanen", platforms.ACADEMIC, ""),
        ("https://www.strava.com/athletes/123", platforms.HOBBY, "account"),
        ("https://www.tuni.fi/fi/ihmiset/laura", platforms.ACADEMIC, ""),
        ("https://www.hs.fi/kaupunki/art-2000001.html", platforms.NEWS, ""),
        ("https://muistot.fi/muistot/laura", platforms.OBITUARY, ""),
    ],
)
def test_sites(url: str, kind: str, section: str) -> None:
    site = platforms.identify(url)
    assert site.kind == kind
    assert site.section == section


def test_profile_domains_are_the_employer() -> None:
    site = platforms.identify("https://www.uusisuunta.fi/yhteystiedot", ("uusisuunta.fi",))
    assert site.kind == platforms.EMPLOYER
    assert platforms.identify("https://example.invalid/").kind is None


def test_lemma_table_round_trip(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "en.table"
    build_table("en", path)
    table = SortedTable(path)
    assert len(table) > 1000
    assert table.get("running") == "run"
    assert table.get("qqqzzz") is None
    assert "running" in table
