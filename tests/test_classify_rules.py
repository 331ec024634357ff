"""Each category's rules, the namesake evidence, defunct pages, and the reasons given."""

from __future__ import annotations

import pytest

from footprint.classify import Classifier, classify_all, render_reason
from footprint.models import Category, PageCheck, PageStatus, Reason, SearchResult
from footprint.profile import parse_profile

LAURA = parse_profile(
    """
name = "Laura Hietanen"
aliases = ["lhietanen"]
birth_year = 1978
locations = ["Tampere"]
[work]
employers = ["Uusi Suunta -säätiö"]
titles = ["sosiaaliohjaaja"]
domains = ["uusisuunta.fi"]
[private]
accounts = ["facebook.com/laura.hietanen.7"]
keywords = ["suunnistus"]
[activism]
organizations = ["Häkittömät ry"]
years = [1996, 2006]
[publications]
names = ["Kehäkukka"]
"""
).profile


@pytest.fixture()
def laura() -> Classifier:
    return Classifier(LAURA)


def result(
    url: str, title: str = "", snippet: str = "", published: str | None = None
) -> SearchResult:
    return SearchResult(url=url, title=title, snippet=snippet, published=published)


def codes(classification) -> set[str]:  # type: ignore[no-untyped-def]
    return {r.code for r in classification.reasons}


def test_employer_named_in_inflected_form_is_work(laura: Classifier) -> None:
    c = laura.classify(result(
        "https://example.invalid/uutiset/123",
        "Vapautuvien vankien asumisesta",
        "Laura Hietanen työskentelee Uuden Suunnan säätiöllä Tampereella.",
    ))  # fmt: skip
    assert c.category is Category.WORK
    employer = next(r for r in c.reasons if r.code == "employer")
    assert employer.params["term"] == "Uusi Suunta -säätiö"
    assert employer.text == "employer 'Uusi Suunta -säätiö' named in the snippet"


def test_linkedin_is_work_without_profile_detail() -> None:
    c = Classifier(parse_profile('name = "Pekka Virtanen"').profile).classify(
        result("https://fi.linkedin.com/in/pekka-virtanen-1", "Pekka Virtanen | LinkedIn")
    )
    assert c.category is Category.WORK
    assert "platform_professional" in codes(c)
    assert any("LinkedIn" in r.text for r in c.reasons)


def test_activist_writing_in_the_activism_years(laura: Classifier) -> None:
    c = laura.classify(result(
        "http://kehakukka.invalid/2001/03/turkistarhat.html",
        "Kehäkukka 3/2001",
        "Laura Hietanen kirjoittaa turkistarhojen vastaisesta mielenosoituksesta.",
    ))  # fmt: skip
    assert c.category is Category.ACTIVISM
    assert c.year == 2001
    assert "activism_years" in codes(c)
    years = next(r for r in c.reasons if r.code == "activism_years")
    assert years.text == "year 2001 falls in your activism years 1996–2006"


def test_generic_activist_vocabulary_in_swedish_and_english() -> None:
    classifier = Classifier(parse_profile('name = "Annika Nyman"').profile)
    sv = classifier.classify(result(
        "https://example.invalid/a", "Demonstrationen i Vasa",
        "Annika Nyman och andra aktivister delade ut flygblad.",
    ))  # fmt: skip
    en = classifier.classify(result(
        "https://example.invalid/b", "Protest camp report",
        "Annika Nyman and other activists handed out pamphlets at the blockade.",
    ))  # fmt: skip
    assert sv.category is Category.ACTIVISM
    assert en.category is Category.ACTIVISM


def test_present_day_comment_after_the_activism_years_is_work(laura: Classifier) -> None:
    c = laura.classify(result(
        "https://example.invalid/mielipide/1",
        "Mielipide: asunto ensin",
        "Sosiaaliohjaaja Laura Hietanen vaatii lisää tuettua asumista vapautuville vangeille.",
        published="2023-03-01",
    ))  # fmt: skip
    assert c.category is Category.WORK


def test_personal_accounts_and_hobbies_are_private(laura: Classifier) -> None:
    own = laura.classify(result("https://www.facebook.com/laura.hietanen.7", "Laura Hietanen"))
    hobby = laura.classify(result(
        "https://www.strava.com/athletes/123", "Laura Hietanen | Strava",
        "Suunnistus ja juoksu Tampereella.",
    ))  # fmt: skip
    forum = laura.classify(result(
        "https://keskustelu.suomi24.fi/t/1/kasvisruoka", "Kasvisruokaa?",
        "Kirjoittaja: lhietanen. Meillä on syöty kasvisruokaa vuosia.",
    ))  # fmt: skip
    assert own.category is hobby.category is forum.category is Category.PRIVATE
    assert "private_account" in codes(own)
    assert "platform_hobby" in codes(hobby)
    assert "platform_forum" in codes(forum)


def test_nothing_known_falls_back_to_private_with_a_reason(laura: Classifier) -> None:
    c = laura.classify(result("https://example.invalid/x", "Laura Hietanen", "Laura Hietanen."))
    assert c.category is Category.PRIVATE
    assert c.confidence < 0.5
    assert codes(c) == {"no_evidence"}


def test_namesake_by_age_and_home_town(laura: Classifier) -> None:
    c = laura.classify(result(
        "https://www.kaleva.fi/urheilu/123",
        "Oululainen Laura Hietanen voitti",
        "16-vuotias Laura Hietanen voitti hiihdon SM-kultaa 12.3.2004.",
    ))  # fmt: skip
    assert c.category is Category.NAMESAKE
    assert {"other_age", "other_town"} <= codes(c)
    age = next(r for r in c.reasons if r.code == "other_age")
    assert age.params == {"age": 16, "year": 2004, "yours": 1978}
    assert "different home town (Oulu)" in [r.text for r in c.reasons]


def test_a_childs_age_is_not_the_persons(laura: Classifier) -> None:
    c = laura.classify(result(
        "https://www.vauva.fi/keskustelu/1/ruoka",
        "Kasvisruokaa lapsiperheeseen?",
        "Kirjoittaja: lhietanen 7.3.2010. Meillä on syöty kasvisruokaa, "
        "eikä 4-vuotias ole kärsinyt.",
    ))  # fmt: skip
    assert c.category is Category.PRIVATE


def test_death_notice_of_someone_born_long_before(laura: Classifier) -> None:
    c = laura.classify(result(
        "https://example.invalid/kuolleet/2016/laura-hietanen",
        "Kuolleet: Laura Hietanen",
        "Rakkaamme Laura Hietanen s. 3.2.1931 Ulvila k. 11.1.2016 Pori. "
        "Kaivaten lapset perheineen.",
    ))  # fmt: skip
    assert c.category is Category.NAMESAKE
    assert {"other_birth_year", "death_notice"} <= codes(c)


def test_another_first_name_and_another_profession(laura: Classifier) -> None:
    other_first = laura.classify(result(
        "https://example.invalid/a", "Tulokset", "Maria Hietanen voitti kilpailun."
    ))  # fmt: skip
    profession = laura.classify(result(
        "https://example.invalid/b", "Vastaanotto",
        "Hammaslääkäri Laura Hietanen ottaa vastaan uusia potilaita.",
    ))  # fmt: skip
    assert other_first.category is Category.NAMESAKE
    assert "other_first_name" in codes(other_first)
    assert profession.category is Category.NAMESAKE
    assert "other_profession" in codes(profession)


def test_a_schoolchild_before_the_name_but_not_a_teachers_pupils() -> None:
    mikael = Classifier(parse_profile('name = "Mikael Grönqvist"\nbirth_year = 1975').profile)
    child = mikael.classify(result(
        "https://example.invalid/a", "Skolnytt", "Eleven Mikael Grönqvist vann skrivtävlingen."
    ))  # fmt: skip
    teacher = mikael.classify(result(
        "https://example.invalid/b", "Skolnytt",
        "Läraren Mikael Grönqvist och hans elever besökte museet.",
    ))  # fmt: skip
    assert child.category is Category.NAMESAKE
    assert "minor" in codes(child)
    assert teacher.category is not Category.NAMESAKE


def test_namesake_words_and_missing_name(laura: Classifier) -> None:
    said = laura.classify(result(
        "https://example.invalid/a",
        "Laura Hietanen",
        "Laura Hietanen (ei sukua) kertoo matkastaan.",
    ))  # fmt: skip
    assert said.category is Category.NAMESAKE
    absent = laura.classify(
        result("https://example.invalid/b", "Kevätkonsertti", "Ohjelmassa kuoro.")
    )
    assert (
        "name_missing" in {r.code for r in absent.reasons}
        or absent.category is not Category.NAMESAKE
    )


@pytest.mark.parametrize(
    ("status", "http", "code"),
    [
        (PageStatus.GONE, 404, "page_gone"),
        (PageStatus.PARKED, 200, "page_parked"),
        (PageStatus.CEASED, 200, "page_ceased"),
    ],
)
def test_defunct_from_the_page_check_keeps_the_topic(
    laura: Classifier, status: PageStatus, http: int, code: str
) -> None:
    r = result(
        "http://kehakukka.invalid/2001/03/x.html",
        "Kehäkukka 3/2001",
        "Laura Hietanen kirjoittaa mielenosoituksesta.",
    )
    c = laura.classify(r, PageCheck(status, http_status=http))
    assert c.category is Category.DEFUNCT
    assert c.topic is Category.ACTIVISM
    assert c.page_status is status
    assert c.reasons[0].code == code
    if status is PageStatus.GONE:
        assert c.reasons[0].text == "the page is gone (HTTP 404)"


def test_unreachable_is_not_defunct(laura: Classifier) -> None:
    r = result("http://kehakukka.invalid/2001/03/x.html", "Kehäkukka 3/2001",
               "Laura Hietanen kirjoittaa mielenosoituksesta.")  # fmt: skip
    c = laura.classify(r, PageCheck(PageStatus.UNREACHABLE, reason="timed out"))
    assert c.category is Category.ACTIVISM
    assert c.page_status is PageStatus.UNREACHABLE


def test_a_namesake_stays_a_namesake_when_its_page_is_gone(laura: Classifier) -> None:
    r = result("https://www.kaleva.fi/urheilu/123", "Oululainen Laura Hietanen voitti",
               "16-vuotias Laura Hietanen voitti 12.3.2004.")  # fmt: skip
    c = laura.classify(r, PageCheck(PageStatus.GONE, http_status=404))
    assert c.category is Category.NAMESAKE
    assert c.page_status is PageStatus.GONE


def test_offline_ceased_text_makes_defunct(laura: Classifier) -> None:
    c = laura.classify(result(
        "https://kehakukka.invalid/arkisto/2002",
        "Kehäkukka – arkisto",
        "Lehti lopetti ilmestymisensä 2006. Laura Hietanen kirjoitti eläinten oikeuksista.",
    ))  # fmt: skip
    assert c.category is Category.DEFUNCT
    assert "ceased_text" in codes(c)
    assert c.topic is not None


def test_page_check_text_is_evidence(laura: Classifier) -> None:
    r = result("https://example.invalid/henkilot", "Henkilöt", "")
    check = PageCheck(PageStatus.LIVE, http_status=200, title="Henkilöstö",
                      excerpt="Laura Hietanen, sosiaaliohjaaja, Uusi Suunta -säätiö")  # fmt: skip
    c = laura.classify(r, check)
    assert c.category is Category.WORK
    assert any(r.params.get("where") == "page" for r in c.reasons)


def test_confidence_and_year_are_set(laura: Classifier) -> None:
    title = "Laura Hietanen – Uusi Suunta -säätiö"
    c = laura.classify(result("https://fi.linkedin.com/in/laura", title,
                              published="2019-05-02"))  # fmt: skip
    assert 0.5 < c.confidence <= 1.0
    assert c.year == 2019


def test_classify_all_keeps_order_and_pairs_checks() -> None:
    results = [
        result("https://fi.linkedin.com/in/laura", "Laura Hietanen | LinkedIn"),
        result("https://www.strava.com/athletes/1", "Laura Hietanen | Strava"),
    ]
    checks = [None, PageCheck(PageStatus.GONE, http_status=404)]
    findings = classify_all(results, LAURA, checks)
    assert [f.result for f in findings] == results
    assert findings[0].classification.category is Category.WORK
    assert findings[1].classification.category is Category.DEFUNCT
    assert findings[1].classification.topic is Category.PRIVATE
    assert findings[1].check is checks[1]
    assert classify_all([], LAURA) == []
    with pytest.raises(ValueError):
        classify_all(results, LAURA, [None])


def test_render_reason_in_three_languages() -> None:
    reason = Reason("employer", "employer 'Uusi Suunta' named in the snippet",
                    {"term": "Uusi Suunta", "where": "snippet"})  # fmt: skip
    assert render_reason(reason, "en") == "employer 'Uusi Suunta' named in the snippet"
    assert render_reason(reason, "fi") == "työnantaja 'Uusi Suunta' mainitaan tekstissä"
    assert render_reason(reason, "sv") == "arbetsgivaren 'Uusi Suunta' nämns i utdraget"
    gone = Reason("page_gone", "the page is gone", {"http_status": None})
    assert render_reason(gone, "fi") == "sivu on poistunut"


def test_render_reason_falls_back_to_the_text() -> None:
    assert render_reason(Reason("unknown_code", "as written"), "fi") == "as written"
    missing = Reason("employer", "employer named", {})  # params missing
    assert render_reason(missing, "sv") == "employer named"
    assert render_reason(Reason("employer", "x", {"term": "T", "where": "title"}), "de") == "x"


def test_every_reason_the_classifier_gives_has_templates(laura: Classifier) -> None:
    from footprint.classify.messages import TEMPLATES

    samples = [
        result(
            "https://www.kaleva.fi/a",
            "Oululainen Laura Hietanen",
            "16-vuotias Laura Hietanen 12.3.2004",
        ),
        result("https://fi.linkedin.com/in/laura", "Laura Hietanen – Uusi Suunta -säätiö"),
        result("https://x.invalid/2001/", "Kehäkukka", "Laura Hietanen mielenosoitus"),
        result("https://www.strava.com/athletes/1", "Laura Hietanen", "suunnistus"),
    ]
    for sample in samples:
        for reason in laura.classify(sample).reasons:
            assert reason.code in TEMPLATES, reason.code
            for lang in ("en", "fi", "sv"):
                assert render_reason(reason, lang) != "" and "{" not in render_reason(reason, lang)


def test_every_template_speaks_three_languages_with_the_same_params() -> None:
    import string

    from footprint.classify.messages import TEMPLATES

    for code, by_lang in TEMPLATES.items():
        assert set(by_lang) == {"en", "fi", "sv"}, code
        fields = {
            lang: {f for _, f, _, _ in string.Formatter().parse(t) if f}
            for lang, t in by_lang.items()
        }
        assert fields["fi"] <= fields["en"] and fields["sv"] <= fields["en"], code
