"""The rules TOML: the default set, validation that names the key, the example file."""

from __future__ import annotations

import re
import stat
import tomllib
from pathlib import Path

import pytest

from footprint.errors import ExitStatus, InputError
from footprint.workshop.catalogue import catalogue, topic_label
from footprint.workshop.rules import (
    LANGUAGES,
    default_rules_text,
    load_rules,
    parse_rules,
    rules_template,
    topic_key,
)
from tests.workshop_support import cli

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
WORKSHOP = Path(__file__).resolve().parents[1] / "footprint" / "workshop"


def test_default_rules_have_every_language_and_known_topics() -> None:
    rules = load_rules()
    assert len(rules.rules) >= 8
    assert len(set(rules.ids)) == len(rules.ids)
    for lang in LANGUAGES:
        assert rules.title_for(lang)
        t = catalogue(lang)
        for rule in rules.rules:
            assert rule.text.get(lang), f"{rule.id} has no {lang} text"
            assert rule.relates_to, f"{rule.id} relates to nothing"
            for topic in rule.relates_to:  # every default topic has a label in every language
                assert topic_key(topic) in t["categories"] or topic_key(topic) in t["topics"]


def test_texts_differ_per_language() -> None:
    rule = load_rules().get("client-photos")
    assert rule is not None
    texts = {rule.text_for(lang) for lang in LANGUAGES}
    assert len(texts) == 3


def test_single_text_and_fallbacks() -> None:
    rules = parse_rules(
        '[[rules]]\nid = "a"\ntext = "Only one text"\n'
        '[[rules]]\nid = "b"\ntext.fi = "Vain suomeksi"\n'
    )
    a, b = rules.rules
    assert {a.text_for(lang) for lang in LANGUAGES} == {"Only one text"}
    assert b.text_for("sv") == "Vain suomeksi"
    assert rules.title_for("en") is None


def test_topic_labels() -> None:
    en = catalogue("en")
    assert topic_label("Client photos", en) == "client photos"
    assert topic_label("work", catalogue("fi")) == "Työ"  # the personal report's name
    assert topic_label("our own words", en) == "our own words"


@pytest.mark.parametrize(
    ("toml", "key"),
    [
        ('[[rules]]\nid = "a"\n', "'rules[0].text'"),
        ('[[rules]]\ntext = "x"\n', "'rules[0].id'"),
        ('[[rules]]\nid = "Client Photos"\ntext = "x"\n', "'rules[0].id'"),
        ('[[rules]]\nid = "a"\ntext = "x"\n[[rules]]\nid = "a"\ntext = "y"\n', "'rules[1].id'"),
        ('[[rules]]\nid = "a"\ntext.de = "x"\n', "'rules[0].text.de'"),
        ('[[rules]]\nid = "a"\ntext.sv = 3\n', "'rules[0].text.sv'"),
        ('[[rules]]\nid = "a"\ntext = ["x"]\n', "'rules[0].text'"),
        ('[[rules]]\nid = "a"\ntext = "  "\n', "'rules[0].text'"),
        ('[[rules]]\nid = "a"\ntext = "x"\nrelates_to = [1]\n', "'rules[0].relates_to[0]'"),
        ('[[rules]]\nid = "a"\ntext = "x"\nrelates = ["work"]\n', "'rules[0].relates'"),
        ('titel = "x"\n[[rules]]\nid = "a"\ntext = "x"\n', "'titel'"),
        ('rules = "x"\n', "'rules'"),
        (f'[[rules]]\nid = "a"\ntext = "{"x" * 700}"\n', "'rules[0].text'"),
    ],
)
def test_errors_name_the_key(toml: str, key: str) -> None:
    with pytest.raises(InputError) as excinfo:
        parse_rules(toml, "org.toml")
    message = str(excinfo.value)
    assert message.startswith("org.toml: ")
    assert key in message


def test_no_rules_and_bad_toml() -> None:
    with pytest.raises(InputError, match="no rules"):
        parse_rules('title = "x"\n', "org.toml")
    with pytest.raises(InputError, match="invalid TOML"):
        parse_rules("[[rules]\n", "org.toml")


def test_missing_file_says_how_to_make_one(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="rules init"):
        load_rules(tmp_path / "nope.toml")


def test_template_is_valid_and_commented() -> None:
    rules = parse_rules(rules_template(), "template")
    assert rules.ids == ("speak-in-one-role", "no-client-photos", "work-account-for-clients")
    assert rules_template().count("\n#") >= 10


def test_template_rules_speak_every_kit_language() -> None:
    """A Finnish kit made from the template once showed one rule in English only."""
    rules = parse_rules(rules_template(), "template")
    for lang in ("fi", "sv", "en"):
        assert rules.title_for(lang)
        for rule in rules.rules:
            assert set(rule.text) == {"fi", "sv", "en"}, rule.id
    texts = [rule.text_for("fi") for rule in rules.rules]
    assert len(set(texts)) == 3 and not set(texts) & {rule.text_for("en") for rule in rules.rules}


def test_rules_init_and_check(tmp_path: Path) -> None:
    path = tmp_path / "rules.toml"
    result = cli("workshop", "rules", "init", str(path))
    assert result.exit_code == 0, result.output
    assert path.read_text(encoding="utf-8") == rules_template()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    again = cli("workshop", "rules", "init", str(path))
    assert again.exit_code == ExitStatus.INPUT
    assert "--force" in again.stderr
    check = cli("workshop", "rules", "check", str(path))
    assert check.exit_code == 0
    assert "3 rules" in check.stdout and "no-client-photos" in check.stdout


def test_rules_check_reports_a_bad_key(tmp_path: Path) -> None:
    path = tmp_path / "rules.toml"
    path.write_text('[[rules]]\nid = "a"\ntext.xx = "x"\n', encoding="utf-8")
    result = cli("workshop", "rules", "check", str(path))
    assert result.exit_code == ExitStatus.INPUT
    assert "'rules[0].text.xx'" in result.stderr


def test_locale_catalogues_have_the_same_keys() -> None:
    def shape(value: object) -> object:
        if isinstance(value, dict):
            return {k: shape(v) for k, v in value.items()}
        if isinstance(value, list):
            return [shape(v) for v in value]
        return type(value).__name__

    shapes = {
        lang: shape({k: v for k, v in catalogue(lang).items() if k != "meta"}) for lang in LANGUAGES
    }
    assert shapes["fi"] == shapes["en"] == shapes["sv"]
    placeholders = {
        lang: sorted(re.findall(r"\{\w+\}", str(catalogue(lang)))) for lang in LANGUAGES
    }
    assert placeholders["fi"] == placeholders["en"] == placeholders["sv"]


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def _ngrams(words: list[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed texts (../shared/seeds) are not here")
def test_default_texts_are_the_projects_own_words() -> None:
    seeds: set[tuple[str, ...]] = set()
    for seed in SEEDS.glob("*.txt"):
        seeds |= _ngrams(_words(seed.read_text(encoding="utf-8")), 8)
    assert seeds, "no seed text was read"
    ours = [WORKSHOP / name for name in ("default_rules.toml", "rules_template.toml",
                                         "protocol.toml")]  # fmt: skip
    ours += sorted((WORKSHOP / "locale").glob("*.toml"))
    for path in ours:
        tomllib.loads(path.read_text(encoding="utf-8"))  # the files we check are the real ones
        copied = _ngrams(_words(path.read_text(encoding="utf-8")), 8) & seeds
        assert not copied, f"{path.name} repeats the seed text: {' '.join(next(iter(copied)))}"


def test_the_own_words_check_can_fail() -> None:
    """The n-gram check finds a sentence that is copied, even with other case and spacing."""
    seed = _ngrams(_words("Asiakkaiden kuvia ei saa jakaa sosiaaliseen mediaan, ei koskaan."), 8)
    copied = _ngrams(
        _words('text = "ASIAKKAIDEN kuvia ei saa  jakaa sosiaaliseen mediaan, ei."'), 8
    )
    assert seed & copied


def test_default_rules_text_is_the_shipped_file() -> None:
    assert default_rules_text() == (WORKSHOP / "default_rules.toml").read_text(encoding="utf-8")


def test_a_rules_file_that_is_not_text_or_too_big_is_one_plain_line(tmp_path: Path) -> None:
    """Rules are read with the strict reader every file goes through (1 MB, UTF-8)."""
    binary = tmp_path / "rules.toml"
    binary.write_bytes(b"\xff\xfe\x00")
    result = cli("workshop", "rules", "check", str(binary))
    assert result.exit_code == ExitStatus.INPUT
    assert "UTF-8" in result.stderr and "codec" not in result.stderr
    huge = tmp_path / "huge.toml"
    huge.write_text("# " + "x" * (2 * 1024 * 1024), "utf-8")
    assert "larger than 1 MB" in cli("workshop", "rules", "check", str(huge)).stderr
