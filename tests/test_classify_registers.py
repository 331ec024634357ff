"""Where a listing's person lives, and what a company register's line of business says.

A Swedish people-search site lists people registered in Sweden: for someone whose towns
are all in Finland its listing is someone else, even when the age fits. A company or trade
register takes its category from the role and the trade it lists: another line of business
is another person, the person's own employer stays work, a housing company's board stays
private.
"""

from __future__ import annotations

import pytest

from footprint.classify import Classifier
from footprint.models import Category
from footprint.profile import parse_profile
from tests.test_classify_rules import codes, result

MIKAELA = parse_profile(
    """
name = "Mikaela Granholm"
birth_year = 1986
locations = ["Jakobstad", "Vasa"]
languages = ["sv", "fi"]
[work]
employers = ["Daghemmet Blåklockan"]
titles = ["barnträdgårdslärare"]
"""
).profile

NO_TOWN = parse_profile(
    """
name = "Mikaela Granholm"
birth_year = 1986
languages = ["sv", "fi"]
"""
).profile

# no job title: the social sector and schools are taken to be her field
SANNA = parse_profile(
    """
name = "Sanna-Liisa Kettunen"
locations = ["Seinäjoki"]
[work]
employers = ["Perheneuvola Aalto"]
"""
).profile

PEKKA = parse_profile(
    """
name = "Pekka Rautio"
birth_year = 1980
locations = ["Kuopio"]
[work]
employers = ["Kuopion Nuorisotalo ry"]
titles = ["nuoriso-ohjaaja"]
"""
).profile


@pytest.fixture(scope="module")
def mikaela() -> Classifier:
    return Classifier(MIKAELA)


@pytest.fixture(scope="module")
def sanna() -> Classifier:
    return Classifier(SANNA)


@pytest.fixture(scope="module")
def pekka() -> Classifier:
    return Classifier(PEKKA)


# --- a Swedish people-search listing ------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "title", "snippet"),
    [
        (
            "https://www.birthday.se/mikaela-granholm",
            "Mikaela Granholm fyller 40 år – Birthday.se",
            "Grattis Mikaela Granholm som fyller 40 år! Skicka en hälsning.",
        ),
        (
            "https://www.ratsit.se/19860412-Mikaela_Granholm_Goteborg/abc123",
            "Mikaela Granholm, 40 år – Ratsit",
            "Mikaela Granholm är 40 år. Se adress, telefonnummer och inkomst.",
        ),
        (
            "https://www.hitta.se/mikaela+granholm/personer",
            "Mikaela Granholm – Hitta.se",
            "Mikaela Granholm, 40 år. Adress, telefonnummer och karta.",
        ),
    ],
)
def test_a_swedish_people_search_listing_is_someone_else_for_a_person_in_finland(
    mikaela: Classifier, url: str, title: str, snippet: str
) -> None:
    c = mikaela.classify(result(url, title, snippet))
    assert c.category is Category.NAMESAKE
    assert "listing_abroad" in codes(c)


def test_the_reason_names_the_site(mikaela: Classifier) -> None:
    c = mikaela.classify(result(
        "https://mrkoll.se/person/mikaela-granholm-stockholm/",
        "Mikaela Granholm – MrKoll",
        "Mikaela Granholm. Se adress, telefonnummer och födelsedatum.",
    ))  # fmt: skip
    assert c.category is Category.NAMESAKE
    reason = next(r for r in c.reasons if r.code == "listing_abroad")
    assert "MrKoll" in reason.text and "Sweden" in reason.text


def test_a_profile_without_towns_is_not_assumed_to_live_in_finland() -> None:
    c = Classifier(NO_TOWN).classify(result(
        "https://www.birthday.se/mikaela-granholm",
        "Mikaela Granholm fyller 40 år – Birthday.se",
        "Grattis Mikaela Granholm som fyller 40 år!",
    ))  # fmt: skip
    assert "listing_abroad" not in codes(c)
    assert c.category is not Category.NAMESAKE


def test_a_finnish_directory_listing_is_not_taken_for_sweden(mikaela: Classifier) -> None:
    c = mikaela.classify(result(
        "https://www.fonecta.fi/haku/Mikaela+Granholm/henkilot/1",
        "Mikaela Granholm, Vasa – Fonecta",
        "Mikaela Granholm, Vasa. Adress och telefonnummer.",
    ))  # fmt: skip
    assert "listing_abroad" not in codes(c)
    assert c.category is not Category.NAMESAKE


# --- a company or trade register ----------------------------------------------------------


def test_a_sole_trader_in_another_trade_in_the_persons_town_is_someone_else(
    sanna: Classifier,
) -> None:
    c = sanna.classify(result(
        "https://www.ytj.fi/yritys/1234567-8",
        "Kauneushuone S. Kettunen – YTJ",
        "Kauneushuone S. Kettunen (1234567-8). Yritysmuoto: Elinkeinonharjoittaja. "
        "Kotipaikka: Seinäjoki. Päätoimiala: Kampaamo- ja kauneudenhoitopalvelut.",
    ))  # fmt: skip
    assert c.category is Category.NAMESAKE
    assert "other_profession" in codes(c)


def test_an_electricians_firm_on_a_company_page_is_someone_else(pekka: Classifier) -> None:
    c = pekka.classify(result(
        "https://www.finder.fi/S%C3%A4hk%C3%B6urakointi/PR-Asennus+Oy/Kuopio/yhteystiedot/1",
        "PR-Asennus Oy – Yhteystiedot | Finder.fi",
        "PR-Asennus Oy, Kuopio. Toimitusjohtaja Pekka Rautio. Toimiala: sähköasennus.",
    ))  # fmt: skip
    assert c.category is Category.NAMESAKE
    assert "other_profession" in codes(c)


def test_a_firm_in_another_trade_in_swedish_is_someone_else(mikaela: Classifier) -> None:
    c = mikaela.classify(result(
        "https://www.ytj.fi/sv/foretag/7654321-0",
        "Salong Granholm – YTJ",
        "Salong Mikaela Granholm (7654321-0). Företagsform: Enskild näringsidkare. "
        "Hemort: Vasa. Huvudbransch: frisersalong och skönhetsvård.",
    ))  # fmt: skip
    assert c.category is Category.NAMESAKE


def test_the_persons_own_employer_on_a_register_stays_work(pekka: Classifier) -> None:
    c = pekka.classify(result(
        "https://www.finder.fi/Yhdistykset/Kuopion+Nuorisotalo+ry/Kuopio/yhteystiedot/2",
        "Kuopion Nuorisotalo ry – Yhteystiedot | Finder.fi",
        "Kuopion Nuorisotalo ry – yhteystiedot ja päättäjät. Toiminnanjohtaja Pekka Rautio.",
    ))  # fmt: skip
    assert c.category is Category.WORK


def test_a_housing_company_board_on_a_register_stays_private(pekka: Classifier) -> None:
    c = pekka.classify(result(
        "https://www.asiakastieto.fi/yritykset/fi/as-oy-kuopion-kuusikko/0000000-1/paattajat",
        "As Oy Kuopion Kuusikko – päättäjät | Asiakastieto",
        "As Oy Kuopion Kuusikko, Kuopio. Hallituksen puheenjohtaja: Pekka Rautio. "
        "Toimitusjohtaja: isännöitsijä.",
    ))  # fmt: skip
    assert c.category is Category.PRIVATE
    assert "civic_role" in codes(c)


def test_who_runs_a_company_is_not_taken_for_its_line_of_business(pekka: Classifier) -> None:
    c = pekka.classify(result(
        "https://www.asiakastieto.fi/yritykset/fi/rautio-yhtiot-oy/0000000-2/paattajat",
        "Rautio Yhtiöt Oy: Pekka Rautio – päättäjät | Asiakastieto",
        "Rautio Yhtiöt Oy (0000000-2) päättäjät ja vastuuhenkilöt. Katso yrityksen hallitus, "
        "toimitusjohtaja ja tilintarkastaja.",
    ))  # fmt: skip
    assert "other_profession" not in codes(c)


def test_a_finnish_directory_is_someone_else_for_a_person_whose_towns_are_in_sweden() -> None:
    in_sweden = Classifier(parse_profile(
        """
name = "Mikaela Granholm"
birth_year = 1986
locations = ["Göteborg", "Mölndal"]
languages = ["sv"]
"""
    ).profile)  # fmt: skip
    c = in_sweden.classify(result(
        "https://www.fonecta.fi/haku/Mikaela+Granholm/henkilot/1",
        "Mikaela Granholm – puhelinnumero ja osoite | Fonecta",
        "Mikaela Granholm, 40 v. Katso puhelinnumero ja osoite.",
    ))  # fmt: skip
    assert c.category is Category.NAMESAKE
    assert "listing_finland" in codes(c)
    # and a Swedish listing for her is not taken for someone else by this rule
    own = in_sweden.classify(result(
        "https://www.ratsit.se/19860412-Mikaela_Granholm_Goteborg/abc123",
        "Mikaela Granholm, 40 år, Göteborg – Ratsit",
        "Mikaela Granholm är 40 år och bor i Göteborg.",
    ))  # fmt: skip
    assert not codes(own) & {"listing_abroad", "listing_finland"}
