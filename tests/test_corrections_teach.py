"""Corrections that teach: one "not me" with its remembered facts re-sorts the other results
of the audit; "this is me" offers the town or username the profile lacks; a profile's own
[[namesakes]] count the same way."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from footprint import pipeline
from footprint.classify import Classifier
from footprint.classify.remember import namesake_facts, own_facts
from footprint.corrections import remember, suggest, with_remembered
from footprint.errors import ProfileError
from footprint.models import Category, SearchResult
from footprint.profile import Namesake, parse_profile
from footprint.store import Store
from tests.store_support import cli

LAURA = parse_profile(
    """
name = "Laura Hietanen"
birth_year = 1978
locations = ["Tampere"]
[work]
titles = ["sosiaaliohjaaja"]
"""
).profile
# the dentist in Oulu, named with her trade, town and birth year
DENTIST = SearchResult(
    url="https://hammas-oulu.example/henkilokunta",
    title="Henkilökunta – Hammasklinikka Hymy",
    snippet="Hammaslääkäri Laura Hietanen (s. 1961), Oulu. Vastaanotto maanantaisin.",
)
# the same dentist in the news, with nothing by her name that tells her apart
CLINIC_NEWS = SearchResult(
    url="https://uutiset.example/2023/uusi-vastaanotto",
    title="Uusi vastaanotto avautui keskustaan",
    snippet="Laura Hietanen kertoo, että asiakkaita on riittänyt. Hammaslääkärit ja "
    "suuhygienistit palvelevat arkisin.",
)
HER_OWN = SearchResult(
    url="https://fi.linkedin.com/in/laura-hietanen",
    title="Laura Hietanen – sosiaaliohjaaja – Tampereen kaupunki",
    snippet="Tampere · sosiaaliohjaaja",
)


def test_what_tells_the_other_person_apart_is_taken_from_the_result() -> None:
    facts = namesake_facts(LAURA, DENTIST)
    assert facts == Namesake(town="Oulu", birth_year=1961, trade="hammaslääkäri")


def test_a_known_namesake_re_sorts_a_result_that_only_shows_their_trade() -> None:
    before = Classifier(LAURA).classify(CLINIC_NEWS)
    assert before.category is Category.WORK
    taught = Classifier(replace(LAURA, namesakes=(namesake_facts(LAURA, DENTIST),)))
    after = taught.classify(CLINIC_NEWS)
    assert after.category is Category.NAMESAKE
    assert after.reasons[0].code == "known_namesake"
    assert "hammaslääkäri" in after.reasons[0].text
    assert taught.classify(HER_OWN).category is Category.WORK  # her own results stay hers


def test_a_profiles_own_namesakes_count_the_same_way() -> None:
    profile = parse_profile(
        'name = "Laura Hietanen"\nlocations = ["Tampere"]\n'
        '[[namesakes]]\ntrade = "hammaslääkäri"\nnote = "Oulun hammaslääkäri"\n'
    ).profile
    assert profile.namesakes == (Namesake(trade="hammaslääkäri", note="Oulun hammaslääkäri"),)
    assert Classifier(profile).classify(CLINIC_NEWS).category is Category.NAMESAKE
    with pytest.raises(ProfileError, match=r"\[\[namesakes\]\] 1 says nothing that tells"):
        parse_profile('name = "Laura Hietanen"\n[[namesakes]]\nnote = "someone"\n')
    with pytest.raises(ProfileError, match=r"unknown key 'city' in \[\[namesakes\]\] 1"):
        parse_profile('name = "Laura Hietanen"\n[[namesakes]]\ncity = "Oulu"\n')


def test_this_is_me_offers_the_town_and_username_the_profile_lacks() -> None:
    mine = SearchResult(
        url="https://www.instagram.com/lauran_lenkit/",
        title="Laura Hietanen (@lauran_lenkit)",
        snippet="Lenkillä taas, Laura Hietanen Kangasala",
    )
    facts = own_facts(LAURA, mine)
    assert facts.locations == ("Kangasala",) and facts.aliases == ("lauran_lenkit",)


def test_one_not_me_with_its_facts_re_sorts_another_result_of_the_same_audit(
    tmp_path: Path,
) -> None:
    saved = tmp_path / "results.jsonl"
    saved.write_text(
        "".join(json.dumps(r.to_dict()) + "\n" for r in (DENTIST, CLINIC_NEWS, HER_OWN)), "utf-8"
    )
    first = pipeline.run_audit(LAURA, from_file=saved, offline=True)
    sorted_first = {f.result.url: f.classification.category for f in first.findings}
    assert sorted_first[CLINIC_NEWS.url] is Category.WORK

    done = cli("label", DENTIST.url, "namesake", "--remember")
    assert done.exit_code == 0, done.output
    assert "Remembered the other person: town Oulu, born 1961, trade hammaslääkäri" in done.stderr

    again = pipeline.run_audit(LAURA, from_file=saved, offline=True)
    sorted_again = {f.result.url: f.classification for f in again.findings}
    assert sorted_again[CLINIC_NEWS.url].category is Category.NAMESAKE
    assert sorted_again[CLINIC_NEWS.url].reasons[0].code == "known_namesake"
    assert sorted_again[HER_OWN.url].category is Category.WORK


def test_without_a_terminal_the_label_only_says_what_it_could_remember(tmp_path: Path) -> None:
    saved = tmp_path / "results.jsonl"
    saved.write_text(json.dumps(DENTIST.to_dict()) + "\n", "utf-8")
    pipeline.run_audit(LAURA, from_file=saved, offline=True)
    done = cli("label", DENTIST.url, "namesake")
    assert done.exit_code == 0
    assert "Add --remember" in done.stderr
    with Store.open() as store:
        assert store.remembered("Laura Hietanen") == []
        assert with_remembered(LAURA, store) is LAURA
        remember(store, suggest(store, DENTIST.url, Category.NAMESAKE))  # the app's "Not me"
        taught = with_remembered(LAURA, store)
    assert taught.namesakes == (Namesake(town="Oulu", birth_year=1961, trade="hammaslääkäri"),)
    assert cli("forget", "--all", "--yes").exit_code == 0
    with Store.open() as store:
        assert store.remembered("Laura Hietanen") == []
