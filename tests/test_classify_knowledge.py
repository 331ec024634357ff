"""The classifier's data files: each is read through its schema, and a broken entry is
rejected with the file and the entry named."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from footprint.classify import knowledge
from footprint.classify.knowledge import DATA, read
from footprint.errors import DataFileError
from footprint.search.plan import town_name


def test_every_data_file_is_read_through_its_schema() -> None:
    names = knowledge.check_all()
    assert names == sorted(p.name for p in DATA.glob("*.toml"))
    assert {"weights.toml", "vocabulary.toml", "gazetteer.toml", "platforms.toml",
            "trades.toml", "reasons.toml"} <= set(names)  # fmt: skip
    for path in DATA.iterdir():
        assert path.suffix == ".toml", f"{path.name}: every data file needs a schema"


@pytest.fixture()
def copy(tmp_path: Path) -> Path:
    for path in DATA.glob("*.toml"):
        shutil.copy(path, tmp_path / path.name)
    return tmp_path


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_an_out_of_range_weight_is_rejected_with_file_and_entry(copy: Path) -> None:
    edit(copy / "weights.toml", "[employer]\nvalue = 2.0", "[employer]\nvalue = 7.5")
    with pytest.raises(DataFileError, match=r"weights\.toml: employer: weight 7\.5 is outside 0–3"):
        read(copy / "weights.toml")


def test_a_weight_without_why_is_rejected(copy: Path) -> None:
    edit(copy / "weights.toml", 'why = "your employer named: work"', 'why = " "')
    with pytest.raises(DataFileError, match=r"weights\.toml: employer: says nothing in 'why'"):
        read(copy / "weights.toml")


def test_a_weight_given_twice_is_rejected_with_its_line(copy: Path) -> None:
    path = copy / "weights.toml"
    path.write_text(path.read_text(encoding="utf-8") + '\n[employer]\nvalue = 1.0\nwhy = "x"\n')
    with pytest.raises(DataFileError, match=r"weights\.toml: line \d+: 'employer' is listed twice"):
        read(path)


def test_a_word_listed_twice_is_rejected_with_file_and_entry(copy: Path) -> None:
    edit(copy / "vocabulary.toml", '"mielenosoitus", ', '"mielenosoitus", "~Mielenosoitus", ')
    with pytest.raises(
        DataFileError, match=r"vocabulary\.toml: activism\.fi: '~Mielenosoitus' is listed twice"
    ):
        read(copy / "vocabulary.toml")


def test_a_word_in_another_alphabet_is_rejected(copy: Path) -> None:
    edit(copy / "vocabulary.toml", '"protester", ', '"protester", "протест", ')
    with pytest.raises(DataFileError, match=r"activism\.en: 'протест' is not written in en"):
        read(copy / "vocabulary.toml")


def test_a_town_listed_twice_or_out_of_finland_is_rejected(copy: Path) -> None:
    path = copy / "gazetteer.toml"
    edit(path, 'fi = "Kerava"\nsv = "Kervo"', 'fi = "Kerava"\nsv = "Esbo"')
    with pytest.raises(DataFileError, match=r"gazetteer\.toml: town 'Kerava': 'Esbo' is listed"):
        read(path)
    shutil.copy(DATA / "gazetteer.toml", path)
    edit(path, "at = [60.40, 25.10]", "at = [25.10, 60.40]")
    with pytest.raises(DataFileError, match=r"town 'Kerava': 'at' .* is not a place in Finland"):
        read(path)

    shutil.copy(DATA / "gazetteer.toml", path)
    edit(path, 'sweden = [\n    "Stockholm",', 'sweden = [\n    "Stockholmm",')
    with pytest.raises(DataFileError, match=r"abroad: sweden: 'Stockholmm' is not one of"):
        read(path)


def test_a_reason_missing_a_language_is_rejected(copy: Path) -> None:
    edit(copy / "reasons.toml", 'sv = "arbetsgivaren', 'se = "arbetsgivaren')
    with pytest.raises(DataFileError, match=r"reasons\.toml: reasons\.employer: has no sv text"):
        read(copy / "reasons.toml")


def test_a_platform_of_an_unknown_kind_is_rejected(copy: Path) -> None:
    edit(copy / "platforms.toml", '"strava.com" = ["Strava", "hobby"]',
         '"strava.com" = ["Strava", "sports"]')  # fmt: skip
    with pytest.raises(DataFileError, match=r"platforms\.toml: sites\.strava\.com: must be"):
        read(copy / "platforms.toml")


def test_one_gazetteer_for_search_planning_and_the_classifier() -> None:
    places = knowledge.gazetteer()
    assert town_name("Kerava", "sv") == "Kervo"  # the search plan's list lacked it
    assert town_name("Tampere", "sv") == "Tammerfors" and town_name("Tampere", "fi") == "Tampere"
    assert town_name("Kuopio", "sv") == "Kuopio"
    assert places.region_of("Kervo") == "Uusimaa"
    from footprint.classify.names import TOWN_NAMES

    assert {"kerava", "kervo", "kimitoön"} <= TOWN_NAMES


def test_every_evidence_code_has_one_reason_in_three_languages() -> None:
    import re

    source = "".join(
        p.read_text(encoding="utf-8") for p in (DATA.parent).glob("*.py")
    )  # every code the classifier gives is a literal in facts.add / _reason
    codes = set(re.findall(r'(?:facts\.add\([A-Z_]+,\s*[^,]+,\s*|_reason\()"([a-z_]+)"', source))
    codes |= {k.code for k in knowledge.platforms().kinds.values()}
    templates = knowledge.reasons().templates
    assert len(codes) > 40
    assert codes <= set(templates), codes - set(templates)


def test_an_unbounded_or_wrong_pattern_is_rejected(copy: Path) -> None:
    path = copy / "patterns.toml"
    edit(
        path,
        r"pattern = '\b(?:aged|age)\s{1,3}(\d{1,3})\b'",
        r"pattern = '\b(?:aged|age)\s+(\d+)\b'",
    )
    with pytest.raises(DataFileError, match=r"patterns\.toml: age #5: repeats without a limit"):
        read(path)
    shutil.copy(DATA / "patterns.toml", path)
    edit(path, 'example = "aged 34"\nage = 34', 'example = "aged 34"\nage = 43')
    with pytest.raises(DataFileError, match=r"age #5: does not read the age in its example"):
        read(path)


def test_every_pattern_is_bounded_and_reads_its_example() -> None:
    patterns = knowledge.patterns()
    assert len(patterns.ages) >= 10
    from footprint.classify import dates

    assert (45, 16) in dates.ages("Laura Hietanen, 45 v. Tampere")
    assert dates.died("k. 11.1.2016") and not dates.died("k. 2016")
