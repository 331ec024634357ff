"""Names and places beyond the profile: a surname that is also a town, middle names,
double-barrelled surnames, names split by a list, towns the profile names only inside an
employer or a group, old or activist results from other towns, and ages that no adult
user can have."""

from __future__ import annotations

import pytest

from footprint.classify import Classifier, dates
from footprint.classify.names import NameMatcher
from footprint.classify.text import Lemmas
from footprint.models import Category
from footprint.profile import parse_profile
from tests.test_classify_rules import codes, result

# A surname that is also a town, and a town (Jyväskylä) named only in a group's name.
VILLE = parse_profile(
    """
name = "Ville Kurikka"
birth_year = 1989
locations = ["Seinäjoki"]
[work]
employers = ["Seinäjoen kaupunki"]
titles = ["erityisopettaja"]
[activism]
organizations = ["Jyväskylän Eläinoikeusryhmä"]
"""
).profile

SARI = parse_profile('name = "Sari Mäkinen"\nlocations = ["Tampere"]').profile


@pytest.fixture(scope="module")
def ville() -> Classifier:
    return Classifier(VILLE)


@pytest.fixture(scope="module")
def sari() -> Classifier:
    return Classifier(SARI)


def test_the_town_that_shares_the_surname_is_not_the_person(ville: Classifier) -> None:
    for title, snippet in (
        ("Avoin työpaikka: erityisopettaja", "Kurikan kaupunki hakee erityisopettajaa …"),
        ("Pizzeria Ville", "Pizzeria Ville, Kurikka. Lounas arkisin …"),
        ("Rastiviikko – tulokset", "2. Ville Hautamäki, Kurikka 49.55 …"),
    ):
        c = ville.classify(result("https://example.invalid/a", title, snippet))
        assert c.category is Category.NAMESAKE, title
        assert "surname_as_place" in codes(c), title


def test_the_person_with_a_town_surname_is_still_found(ville: Classifier) -> None:
    c = ville.classify(result(
        "https://example.invalid/b", "Pohjanhovin koulu – henkilökunta",
        "Erityisopettaja Ville Kurikka, p. 040 123 …",
    ))  # fmt: skip
    assert c.category is Category.WORK
    assert "surname_as_place" not in codes(c)


def test_a_list_break_splits_a_name() -> None:
    matcher = NameMatcher(VILLE, lemmas := Lemmas())
    found = matcher.find([("title", lemmas.tokens("Pizzeria Ville, Kurikka"))])
    assert found.level != "full"
    reversed_ = matcher.find([("title", lemmas.tokens("Kurikka, Ville: pro gradu"))])
    assert reversed_.level == "full"


def test_a_middle_name_and_an_initial_after_the_surname() -> None:
    matcher = NameMatcher(VILLE, lemmas := Lemmas())
    middle = matcher.find([("snippet", lemmas.tokens("vihittiin Ville Petteri Kurikka ja"))])
    assert middle.level == "full"
    initial = matcher.find([("snippet", lemmas.tokens("ETU: Kurikka V. / Lepistö J."))])
    assert initial.level == "full"


def test_a_double_barrelled_surname_is_someone_elses() -> None:
    matcher = NameMatcher(VILLE, lemmas := Lemmas())
    other = matcher.find([("title", lemmas.tokens("Ville Rinta-Kurikka: Pienluokat säilyvät"))])
    assert other.level != "full"
    laura = parse_profile('name = "Laura Hietanen"').profile
    married = NameMatcher(laura, lemmas).find(
        [("title", lemmas.tokens("Laura Hietanen-Koski, sosiaaliohjaaja"))]
    )
    assert married.level == "full"


def test_a_name_in_the_address_must_be_whole_words() -> None:
    matcher = NameMatcher(VILLE, Lemmas())
    assert matcher.in_url("https://www.example.invalid/people/ville-kurikka-3a81")
    assert not matcher.in_url("https://www.pizzeriaville-kurikka.invalid/")


def test_a_name_without_its_accents(sari: Classifier) -> None:
    c = sari.classify(result("https://example.invalid/c", "Sari Makinen | Facebook", ""))
    assert "name_missing" not in codes(c)


def test_a_town_inside_a_group_name_is_the_persons(ville: Classifier) -> None:
    c = ville.classify(result(
        "https://example.invalid/d", "Turkistarhausta vastustettiin",
        "Mielenosoituksessa puhui jyväskyläläinen Ville Kurikka …",
    ))  # fmt: skip
    assert c.category is Category.ACTIVISM
    assert "other_town" not in codes(c)


def test_an_old_or_activist_result_from_another_town(sari: Classifier) -> None:
    old = sari.classify(result(
        "https://example.invalid/1997/03/e", "Kirjasto avattiin",
        "Oululainen Sari Mäkinen kertoi kirjaston uusista tiloista …", published="1997-03-02",
    ))  # fmt: skip
    assert old.category is not Category.NAMESAKE
    now = sari.classify(result(
        "https://example.invalid/2025/e", "Kirjasto avattiin",
        "Oululainen Sari Mäkinen kertoi kirjaston uusista tiloista …", published="2025-03-02",
    ))  # fmt: skip
    assert now.category is Category.NAMESAKE
    march = sari.classify(result(
        "https://example.invalid/f", "Mielenosoitus turkistarhausta vastaan",
        "Mielenosoituksen järjestäneen Oulun eläinoikeusryhmän Sari Mäkinen vaati …",
    ))  # fmt: skip
    assert march.category is Category.ACTIVISM


def test_a_death_word_far_from_the_name_is_no_death_notice(sari: Classifier) -> None:
    c = sari.classify(result(
        "https://example.invalid/g", "Pimeä Puoli #7 – arkisto",
        "Sari Mäkinen: Miksi en osta turkkia. Jari K.: Punk ei ole kuollut, se vain asuu …",
    ))  # fmt: skip
    assert "death_notice" not in codes(c)


def test_nobody_born_under_eighteen_years_ago_is_the_user(sari: Classifier) -> None:
    c = sari.classify(result(
        "https://example.invalid/h", "Tytöt U16 – pelaajatilastot",
        "17 Mäkinen Sari, Ilves, s. 2010, 14 O, 6+9 …",
    ))  # fmt: skip
    assert c.category is Category.NAMESAKE
    assert "born_minor" in codes(c)


def test_a_retirement_or_a_career_too_early_for_the_birth_year() -> None:
    kirsi = Classifier(parse_profile('name = "Kirsi Heikkinen"\nbirth_year = 1981').profile)
    retiring = kirsi.classify(result(
        "https://example.invalid/2024/i", "Kirsi Heikkinen jää eläkkeelle",
        "Sosiaalityöntekijä Kirsi Heikkinen jää eläkkeelle pitkän uran jälkeen …",
        published="2024-05-01",
    ))  # fmt: skip
    assert "retiring_young" in codes(retiring)
    assert dates.career_years("vuodesta 1986 työskennellyt Kirsi Heikkinen") == [1986]
    assert dates.career_years("has worked at the clinic since 1990") == [1990]


def test_a_swedish_identity_number(sari: Classifier) -> None:
    c = sari.classify(result(
        "https://example.invalid/j", "Sari Mäkinen, 49 år – adress",
        "Sari Mäkinen bor på Storgatan 1. Född 1975-03-12 (19750312-xxxx).",
    ))  # fmt: skip
    assert c.category is Category.NAMESAKE
    assert "swedish_id" in codes(c)
    assert not dates.swedish_id_number("henkilötunnus 120375-123A")


def test_photos_of_a_demonstration_on_a_photo_site_are_activism(ville: Classifier) -> None:
    c = ville.classify(result(
        "https://www.flickr.com/photos/someone/albums/72157658891203",
        "Ilmastomarssi 2015 – kuvat | Flickr",
        "Kuvassa Ville Kurikka kantamassa banderollia mielenosoituksessa …",
    ))  # fmt: skip
    assert c.category is Category.ACTIVISM


def test_names_in_other_scripts_and_spellings() -> None:
    aleksandra = parse_profile('name = "Aleksandra Voronova"').profile
    matcher = NameMatcher(aleksandra, lemmas := Lemmas())
    for text in ("Александра Воронова переехала", "said Alexandra Voronova, 29"):
        assert matcher.find([("snippet", lemmas.tokens(text))]).level == "full", text


def test_an_age_fits_the_year_the_story_tells() -> None:
    anna = Classifier(parse_profile('name = "Anna Lindroos"\nbirth_year = 1965').profile)
    c = anna.classify(result(
        "https://example.invalid/arkiv/2012/a", "Fredsmarschen – arkivet",
        "Bland dem fanns Anna Lindroos, 17, från Borgå, i inslaget från juli 1982 …",
        published="2012-06-01",
    ))  # fmt: skip
    assert "other_age" not in codes(c)
    assert "own_age" in codes(c)
    anniversary = anna.classify(result(
        "https://example.invalid/b", "Tjernobyl 30 år: regnet i Lovisa",
        "Anna Lindroos åkte med bussen till demonstrationen …", published="2016-04-26",
    ))  # fmt: skip
    assert "other_age" not in codes(anniversary)


def test_a_child_by_age_or_age_class_is_not_the_user(sari: Classifier) -> None:
    child = sari.classify(result(
        "https://example.invalid/2025/c", "Kevätcup – tulokset",
        "Junioreiden sarjassa 13 v. Sari Mäkinen sijoittui toiseksi", published="2025-04-01",
    ))  # fmt: skip
    assert child.category is Category.NAMESAKE
    junior = sari.classify(result(
        "https://example.invalid/2025/d", "Hiihto T15 5 km – tulokset",
        "1. Aino Kähkönen 16.02,4 2. Sari Mäkinen 16.40,9", published="2025-01-19",
    ))  # fmt: skip
    assert "junior_class" in codes(junior)
    old = sari.classify(result(
        "https://example.invalid/1992/e", "Hiihto T15 5 km – tulokset",
        "1. Aino Kähkönen 16.02,4 2. Sari Mäkinen 16.40,9", published="1992-01-19",
    ))  # fmt: skip
    assert "junior_class" not in codes(old)  # a child then, an adult now: may be her


def test_a_researchers_page_abroad(sari: Classifier) -> None:
    c = sari.classify(result(
        "https://www.researchgate.net/profile/Sari-Makinen-2", "Sari Mäkinen | ResearchGate",
        "Sari Mäkinen. Department of Biology, University of Oslo, Norway. 23 publications",
    ))  # fmt: skip
    assert c.category is Category.NAMESAKE


def test_a_ceased_magazine_said_in_its_own_words(sari: Classifier) -> None:
    c = sari.classify(result(
        "https://example.invalid/arkisto", "Vastavirta – arkisto",
        "HUOM: Vastavirta on lakannut ilmestymästä vuonna 2001. Sari Mäkinen: Miksi …",
    ))  # fmt: skip
    assert c.category is Category.DEFUNCT


def test_without_a_job_title_another_trade_points_to_a_namesake(sari: Classifier) -> None:
    # SARI lists no title: footprint assumes the social sector or a school
    c = sari.classify(result(
        "https://example.invalid/k", "Vaalikone – ehdokkaat",
        "Sari Mäkinen, SDP, Nokia. Ikä 58. Ammatti: putkiasentaja. Teemat: …",
    ))  # fmt: skip
    assert "other_profession" in codes(c)
    assert c.category is Category.NAMESAKE
    own = sari.classify(result(
        "https://example.invalid/l", "Koulun henkilökunta",
        "Koulukuraattori Sari Mäkinen, p. 040 …",
    ))  # fmt: skip
    assert own.category is Category.WORK


def test_a_reference_year_is_no_birth_year(sari: Classifier) -> None:
    c = sari.classify(result(
        "https://example.invalid/m", "Ilmastoahdistus nuorten arjessa",
        "Mäkinen, Sari (2022). Pro gradu -tutkielma, sosiaalityö. Tutkielmassa …",
    ))  # fmt: skip
    assert "born_minor" not in codes(c)
    assert dates.birth_years_in_parens("mukana Juho Kemppainen (2007), Otto L (2008)")


def test_the_first_name_with_another_surname(sari: Classifier) -> None:
    c = sari.classify(result(
        "https://example.invalid/n", "Mäkinen Oy – yhteystiedot",
        "Asiakaspalvelussa Sari Heikkilä palvelee arkisin …",
    ))  # fmt: skip
    assert "other_surname" in codes(c)


def test_an_archives_year_span_is_no_life_span(sari: Classifier) -> None:
    c = sari.classify(result(
        "https://example.invalid/o", "Rauhanarkisto – vetoomus 2003",
        "Rauhanliikkeen arkisto 1980–2010. Allekirjoittajat: … Sari Mäkinen (Tampere) …",
    ))  # fmt: skip
    assert "death_notice" not in codes(c)
    obituary = sari.classify(result(
        "https://example.invalid/p", "Muistot", "Sari Mäkinen 1931–2019 nukkui pois …"
    ))  # fmt: skip
    assert "death_notice" in codes(obituary)


def test_a_date_of_birth_field(sari: Classifier) -> None:
    c = sari.classify(result(
        "https://example.invalid/q", "Sari Mäkinen – player profile",
        "Sari Mäkinen. Position: winger. Date of birth: 03/05/2010. Club: …",
    ))  # fmt: skip
    assert "born_minor" in codes(c)


def test_someone_from_abroad_has_a_past_there() -> None:
    profile = 'name = "Declan Hartigan"\nlocations = ["Kuopio"]\nlanguages = ["en", "fi"]'
    declan = Classifier(parse_profile(profile).profile)
    c = declan.classify(result(
        "https://www.example.org.uk/2003/blockade", "Blockade – report and pics",
        "about forty of us from Leeds got to the gate. Declan Hartigan and two others "
        "locked on for three hours before the police came …",
    ))  # fmt: skip
    assert c.category is Category.ACTIVISM


def test_a_birth_year_does_not_date_the_page(sari: Classifier) -> None:
    c = sari.classify(result(
        "https://example.invalid/r", "Sari Mäkinen – adress",
        "Sari Mäkinen, 64 år, bor i Eskilstuna. Född 1962. Telefonnummer …",
    ))  # fmt: skip
    assert c.year != 1962
    assert c.category is Category.NAMESAKE


def test_another_trade_beside_the_name_outweighs_the_same_town(sari: Classifier) -> None:
    c = sari.classify(result(
        "https://example.invalid/s", "Hammaslääkäri Sari Mäkinen – Hammasklinikka Tampere",
        "Vastaanotto ma–to Tampereen keskustassa. Varaa aika verkossa …",
    ))  # fmt: skip
    assert c.category is Category.NAMESAKE
    assert "other_profession" in codes(c)
