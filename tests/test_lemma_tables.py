"""The prepared word lists: built from simplemma's dictionaries, read back the same.

The rest of the suite shares tables kept between runs (tests/conftest.py); this test
builds one afresh every time, so the building itself is always tested.
"""

from __future__ import annotations

from pathlib import Path

from footprint.classify.lemmas import SortedTable, build_table


def test_a_built_table_holds_exactly_simplemmas_dictionary(tmp_path: Path) -> None:
    from simplemma.strategies.dictionaries.dictionary_factory import DEFAULT_DICTIONARY_FACTORY

    original = DEFAULT_DICTIONARY_FACTORY.get_dictionary("en")
    path = tmp_path / "folder" / "en.table"
    build_table("en", path)
    table = SortedTable(path)
    assert len(table) == len(original) > 10_000
    sample = list(original.items())[::20]  # every form would only take longer
    assert all(table[form] == lemma for form, lemma in sample)
    assert "no-such-word-anywhere" not in table
