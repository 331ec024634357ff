"""Rules that generalise beyond the profile: birth years and ages bounded by the activism
years, birthday notices, veteran age classes, career years, organisation names with a
description, keywords inside compounds, names that look like places, petitions."""

from __future__ import annotations

import pytest

from footprint.classify import Classifier, dates
from footprint.classify.platforms import PETITION, identify
from footprint.models import Category
from footprint.profile import parse_profile
from tests.test_classify_rules import codes, result

EEVA = parse_profile(
    """
name = "Eeva Pesonen"
aliases = ["Eeva Ruotsalainen"]
birth_year = 1974
locations = ["Joensuu"]
[work]
titles = ["koulukuraattori"]
[activism]
organizations = ["Pajunkissat – antimilitaristinen verkosto"]
keywords = ["aseistakieltäytyminen"]
"""
).profile

OSKAR = parse_profile(
    """
name = "Oskar Sjöberg"
locations = ["Esbo"]
[work]
titles = ["ungdomsarbetare"]
[activism]
keywords = ["klimat"]
years = [2008, 2015]
"""
).profile


@pytest.fixture(scope="module")
def eeva() -> Classifier:
    return Classifier(EEVA)


@pytest.fixture(scope="module")
def oskar() -> Classifier:
    return Classifier(OSKAR)


def test_a_birth_year_stated_far_before_the_name_is_not_hers(eeva: Classifier) -> None:
    c = eeva.classify(result(
        "https://example.invalid/historia",
        "Lukupiirin historiaa",
        "Ryhmä syntyi syksyllä 1996 ylioppilaskunnan kellarissa. Perustajina mm. "
        "Eeva Ruotsalainen ja Sari Heikkinen; mielenosoitus naistenpäivänä …",
    ))  # fmt: skip
    assert "other_birth_year" not in codes(c)
    assert c.category is Category.ACTIVISM
    near = eeva.classify(result(
        "https://example.invalid/muistot", "Muistot", "Eeva Pesonen (s. 1931) kuoli …"
    ))  # fmt: skip
    assert near.category is Category.NAMESAKE


def test_a_birth_year_after_the_first_activism_year_is_someone_else(oskar: Classifier) -> None:
    c = oskar.classify(result(
        "https://example.invalid/lag/a", "IFK herrar", "#9 Oskar Sjöberg, mittfältare, född 2003 …"
    ))  # fmt: skip
    assert c.category is Category.NAMESAKE
    assert "born_after_activism" in codes(c)


def test_an_age_too_young_for_the_activism_years(oskar: Classifier) -> None:
    c = oskar.classify(result(
        "https://example.invalid/hockey/2019/03/final",
        "Oskar Sjöberg, 16, matchvinnare",
        "Luleås 16-årige forward Oskar Sjöberg avgjorde finalen …",
    ))  # fmt: skip
    assert c.category is Category.NAMESAKE
    assert "too_young" in codes(c)


def test_an_undated_present_age_that_does_not_fit(eeva: Classifier) -> None:
    c = eeva.classify(result(
        "https://example.invalid/valittajat/eeva-pesonen",
        "Eeva Pesonen | Välittäjät",
        "Eeva Pesonen palvelee asuntokaupoissa. Olen 29-vuotias …",
    ))  # fmt: skip
    assert "other_age" in codes(c)


def test_a_birthday_notice_is_private_despite_the_job_title(eeva: Classifier) -> None:
    c = eeva.classify(result(
        "https://example.invalid/merkkipaivat/2024/03",
        "Pesonen Eeva 50 v. – Merkkipäiviä",
        "… 50 vuotta täyttää 14.3. Eeva Pesonen, koulukuraattori, Joensuu.",
    ))  # fmt: skip
    assert c.category is Category.PRIVATE
    assert "birthday" in codes(c)


def test_a_veteran_age_class_that_does_not_fit(eeva: Classifier) -> None:
    c = eeva.classify(result(
        "https://example.invalid/tulokset/2023/d70",
        "Rastiviikko 2023 – tulokset D70",
        "D70 5,1 km: 1. Aila Korpela 58.12, 2. Eeva Pesonen 61.40, 3. …",
    ))  # fmt: skip
    assert c.category is Category.NAMESAKE
    assert "age_class" in codes(c)
    assert dates.veteran_class("Nikon D70 review", "Nikon D70 review", [0]) is None  # no results


def test_a_career_begun_in_childhood_is_someone_elses(eeva: Classifier) -> None:
    c = eeva.classify(result(
        "https://example.invalid/people/eeva-pesonen",
        "Eeva Pesonen – Partner",
        "Eeva has practised law for over 30 years since qualifying in 1979 …",
    ))  # fmt: skip
    assert c.category is Category.NAMESAKE
    assert "career_before_adult" in codes(c)
    assert dates.career_years("Hän valmistui sosionomiksi 2005.") == [2005]


def test_an_organisation_is_named_without_its_description(eeva: Classifier) -> None:
    c = eeva.classify(result(
        "https://example.invalid/2002/04/10/kirje",
        "Mielipide: Asevelvollisuus on vanhentunut",
        "Kuulijan kirje 10.4.2002. Eeva Ruotsalainen, Pajunkissat, Joensuu",
    ))  # fmt: skip
    assert c.category is Category.ACTIVISM
    assert "activism_group" in codes(c)


def test_a_surname_that_reads_as_a_place_is_not_a_place(eeva: Classifier) -> None:
    c = eeva.classify(result(
        "https://example.invalid/kuvat/1998/",
        "Kuvia: mielenosoitus varuskunnan portilla 1998",
        "Banderollia pitelevät Eeva Ruotsalainen ja Minna …",
    ))  # fmt: skip
    assert "abroad" not in codes(c)
    assert c.category is Category.ACTIVISM


def test_a_keyword_inside_a_compound(oskar: Classifier) -> None:
    c = oskar.classify(result(
        "https://example.invalid/video/2013",
        "Oskar Sjöberg talar på klimatmötet 2013",
        "Oskar Sjöberg: Vi kan inte vänta …",
    ))  # fmt: skip
    assert "activism_keyword" in codes(c)


def test_petition_sites_and_photo_sets() -> None:
    assert identify("https://www.change.org/p/save-the-forest").kind == PETITION
    assert identify("https://www.flickr.com/photos/someone").section == "account"
    assert identify("https://www.flickr.com/photos/someone/sets/721").section == "post"
