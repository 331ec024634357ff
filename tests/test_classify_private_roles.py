"""Private life that looks like work: a board role in a housing company or a club (whatever
site lists it), a relative's death notice that names the person, a letter as a parent."""

from __future__ import annotations

import pytest

from footprint.classify import Classifier
from footprint.models import Category
from footprint.profile import parse_profile
from tests.test_classify_rules import codes, result

MARJA = parse_profile(
    """
name = "Marja Koskinen"
birth_year = 1975
locations = ["Lahti"]
[work]
employers = ["Lahden kaupunki"]
titles = ["sosiaalityöntekijä"]
[activism]
years = [1995, 2001]
"""
).profile


@pytest.fixture(scope="module")
def marja() -> Classifier:
    return Classifier(MARJA)


def test_a_housing_company_board_on_a_company_register_is_private(marja: Classifier) -> None:
    c = marja.classify(result(
        "https://www.asiakastieto.fi/yritykset/fi/as-oy-lahden-koivikko/99999999/paattajat",
        "As Oy Lahden Koivikko – päättäjät",
        "As Oy Lahden Koivikko, Lahti. Hallituksen jäsen: Marja Koskinen. Isännöitsijä …",
    ))  # fmt: skip
    assert c.category is Category.PRIVATE
    assert "civic_role" in codes(c)


def test_a_club_role_is_private_in_swedish_and_english(marja: Classifier) -> None:
    sv = marja.classify(result(
        "https://www.example.invalid/styrelse",
        "Styrelse 2024",
        "Hembygdsföreningen i Lahtis: ordförande Marja Koskinen, kassör Pekka Ek.",
    ))  # fmt: skip
    assert sv.category is Category.PRIVATE
    en = marja.classify(result(
        "https://www.example.invalid/about",
        "About our club",
        "Sports club news: Marja Koskinen, treasurer, welcomes new members.",
    ))  # fmt: skip
    assert en.category is Category.PRIVATE


def test_a_role_that_is_the_persons_work_stays_work(marja: Classifier) -> None:
    c = marja.classify(result(
        "https://www.example.invalid/yhteistyo",
        "Asukasyhdistyksen ilta",
        "Lahden kaupunki: sosiaalityöntekijä Marja Koskinen kertoi asukasyhdistyksen "
        "sihteerille palveluista.",
    ))  # fmt: skip
    assert c.category is Category.WORK


def test_a_relatives_death_notice_that_names_the_person_is_private(marja: Classifier) -> None:
    c = marja.classify(result(
        "https://www.muistot.example/veikko-koskinen",
        "Veikko Koskinen – muistot",
        "Rakas isämme Veikko Koskinen s. 1940 k. 2022. Kaivaten Marja ja Timo perheineen.",
    ))  # fmt: skip
    assert c.category is Category.PRIVATE
    assert "family_notice" in codes(c)
    own = marja.classify(result(  # the notice of someone with her name: not hers
        "https://www.muistot.example/marja-koskinen",
        "Marja Koskinen – muistot",
        "Rakas äitimme Marja Koskinen s. 1931 k. 2019. Kaivaten lapset perheineen.",
    ))  # fmt: skip
    assert own.category is Category.NAMESAKE


def test_a_letter_as_a_parent_is_private_not_a_professional_comment(marja: Classifier) -> None:
    c = marja.classify(result(
        "https://www.example.invalid/mielipide/2019/koulutie",
        "Mielipide: koulutie tarvitsee valot",
        "Lapseni kulkevat pimeää tietä kouluun joka aamu. Marja Koskinen, Lahti",
        published="2019-11-02",
    ))  # fmt: skip
    assert c.category is Category.PRIVATE


def test_a_namesakes_trade_or_town_anywhere_in_the_fetched_page_counts(marja: Classifier) -> None:
    from footprint.models import PageCheck, PageStatus

    found = result(
        "https://www.example.invalid/henkilot/marja-koskinen",
        "Marja Koskinen",
        "Marja Koskinen – yhteystiedot ja vastaanottoajat.",
    )
    assert marja.classify(found).category is not Category.NAMESAKE
    page = PageCheck(
        PageStatus.LIVE,
        title="Marja Koskinen",
        excerpt="Marja Koskinen. Vastaanotto arkisin klo 8–16. Olen toiminut "
        "hammaslääkärinä vuodesta 2005, ja asiakkaita palvellaan Rovaniemellä.",
    )
    c = marja.classify(found, page)
    assert c.category is Category.NAMESAKE
    assert {"other_profession", "other_town"} & codes(c)


def test_a_directory_listing_states_where_and_how_old_its_person_is_now() -> None:
    person = Classifier(parse_profile(
        'name = "Johanna Eriksson"\nbirth_year = 1975\nlocations = ["Borgå"]\n'
        'languages = ["sv"]\n[work]\ntitles = ["socialarbetare"]\n'
    ).profile)  # fmt: skip
    older = person.classify(result(
        "https://www.merinfo.se/person/johanna-eriksson-49",
        "Johanna Eriksson (49 år) – Merinfo",
        "Johanna Eriksson är 49 år. Se adress och telefonnummer.",
    ))  # fmt: skip
    assert older.category is Category.NAMESAKE  # 49 now is born 1976–77, not 1975
    elsewhere = person.classify(result(
        "https://www.fonecta.fi/haku/johanna-eriksson",
        "Johanna Eriksson – Fonecta",
        "Johanna Eriksson, Storgatan 3, 65100 Vasa. Se telefonnummer.",
    ))  # fmt: skip
    assert elsewhere.category is Category.NAMESAKE
    assert "other_town" in codes(elsewhere)


def test_a_family_listed_after_the_dates_of_a_death_notice(marja: Classifier) -> None:
    c = marja.classify(result(
        "https://www.example.invalid/dodsannonser/elsa-koskinen",
        "Elsa Koskinen – dödsannons",
        "Vår kära mamma Elsa Koskinen * 2.6.1934 † 14.1.2020 Lahtis … Marja och Timo, Ella",
    ))  # fmt: skip
    assert c.category is Category.PRIVATE


def test_a_board_members_surname_is_no_town(marja: Classifier) -> None:
    c = marja.classify(result(
        "https://www.example.invalid/hallitus",
        "Hallitus – As Oy Lahden Koivu",
        "Hallituksen puheenjohtaja Reijo Salo, jäsenet Marja Koskinen ja Pekka Aalto.",
    ))  # fmt: skip
    assert c.category is Category.PRIVATE
    assert "other_town" not in {e.code for e in c.reasons}
