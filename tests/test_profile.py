"""The profile TOML: every key optional but name; unknown keys, wrong values and the template's
example name are errors that say in plain words what is wrong and suggest the right key."""

from pathlib import Path

import pytest
from typer.testing import CliRunner

from footprint.cli import app
from footprint.errors import ExitStatus, ProfileError
from footprint.profile import (
    ActivismProfile,
    PrivateProfile,
    Profile,
    PublicationsProfile,
    WorkProfile,
    for_name,
    load_profile,
    parse_profile,
    profile_keys,
    profile_template,
)

FULL = """
name = "Laura Hietanen"
aliases = ["Laura H.", "lhietanen"]
birth_year = 1978
locations = ["Tampere"]
languages = ["fi", "en"]
[work]
employers = ["Uusi Suunta -säätiö"]
titles = ["sosiaaliohjaaja"]
domains = ["uusisuunta.fi"]
keywords = ["kriminaalityö"]
[private]
accounts = ["facebook.com/laura.hietanen.7"]
keywords = ["suunnistus"]
[activism]
organizations = ["Oikeutta eläimille"]
years = [1996, 2006]
keywords = ["eläinoikeudet"]
[publications]
names = ["Kehäkukka"]
"""


def test_full_profile() -> None:
    loaded = parse_profile(FULL)
    p = loaded.profile
    assert loaded.warnings == ()
    assert p.names == ("Laura Hietanen", "Laura H.", "lhietanen")
    assert p.birth_year == 1978
    assert p.work.employers == ("Uusi Suunta -säätiö",)
    assert p.activism.years == (1996, 2006)
    assert p.publications.names == ("Kehäkukka",)
    assert parse_profile(FULL).profile == p


def test_only_name_is_needed() -> None:
    p = parse_profile('name = "  Laura   Hietanen "').profile
    assert p.name == "Laura Hietanen"
    assert p.languages == ("fi",)
    assert p.activism.years is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[wrok]\nemployers = ['X']", "unknown section [wrok]: did you mean [work]?"),
        ("[work]\nemployer = ['X']", "unknown key 'employer' in [work]: did you mean 'employers'?"),
        ("employers = ['X']", "'employers' belongs under [work]: move it below the [work] line"),
        ("alias = ['x']", "unknown key 'alias': did you mean 'aliases'?"),
        ("[work]\ntitles = []\naliases = ['x']", "'aliases' belongs at the top of the file"),
        ("[activism]\norganisations = ['x']", "did you mean 'organizations'?"),
        ("[privat]\naccounts = []", "did you mean [private]?"),
        ("[[namesake]]\nname = 'x'", "unknown table [[namesake]]"),
        ("qwerty = 1", "unknown key 'qwerty': a profile has name, aliases"),
    ],
)
def test_unknown_keys_are_errors_that_suggest_the_right_key(text: str, message: str) -> None:
    """A typo once dropped the whole [work] section with a warning and exit 0."""
    with pytest.raises(ProfileError) as excinfo:
        parse_profile('name = "Laura Hietanen"\n' + text, "me.toml")
    assert str(excinfo.value).startswith("me.toml: ")
    assert message in str(excinfo.value)


def test_every_unknown_key_is_named_at_once() -> None:
    with pytest.raises(ProfileError) as excinfo:
        parse_profile('name = "A B"\nnickname = "x"\n[wrok]\n[work]\nboss = "y"\n', "me.toml")
    message = str(excinfo.value)
    assert "'nickname'" in message and "[wrok]" in message and "'boss' in [work]" in message
    assert "\n" not in message  # one line


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[activism]\nyears = [2006, 1996]",
         "the activism years are reversed: 2006, 1996: write the first year first: "
         "years = [1996, 2006]"),
        ('aliases = "Laura H., lhietanen"',
         "'aliases' is one text, but it must be a list, even with one entry: "
         'write aliases = ["Laura H.", "lhietanen"]'),
        ('aliases = "Laura H."', 'write aliases = ["Laura H."]'),
        ('locations = "Tampere"', 'write locations = ["Tampere"]'),
        ('birth_year = "1978"', "'birth_year' is text (\"1978\"): write the year without quotes"),
        ("birth_year = 1878", "'birth_year' 1878 is not a year footprint can use"),
        ("[activism]\nyears = [1996, 2001, 2006]", "needs the first and the last year"),
        ('[activism]\nyears = ["1996", 2006]', "an activism year is text (\"1996\")"),
        ("aliases = [1, 2]", "'aliases' must be a list of texts in quotes: entry 1 is a number"),
        ('work = "x"', "'work' must be a section: write [work] on its own line"),
    ],
)  # fmt: skip
def test_wrong_values_are_said_in_plain_words(text: str, message: str) -> None:
    with pytest.raises(ProfileError) as excinfo:
        parse_profile('name = "Laura Hietanen"\n' + text, "me.toml")
    assert message in str(excinfo.value)
    assert " str" not in str(excinfo.value) and " int" not in str(excinfo.value)


def test_one_year_of_activism_is_a_year_span() -> None:
    text = 'name = "A B"\n[activism]\nyears = [2001]'
    assert parse_profile(text).profile.activism.years == (2001, 2001)
    assert parse_profile('name = "A B"\n[activism]\nyears = 2001').profile.activism.years == (
        2001,
        2001,
    )


def test_the_untouched_template_is_refused() -> None:
    with pytest.raises(ProfileError, match="'name' is still the template's example"):
        parse_profile(profile_template(), "me.toml")
    for placeholder in profile_keys().placeholder_names:
        with pytest.raises(ProfileError, match="write your own name"):
            parse_profile(f'name = "  {placeholder.upper()} "')


def test_the_known_keys_are_the_profile_fields() -> None:
    """The data file and the dataclasses agree: a key added to one must be read by the other."""
    keys = profile_keys()
    fields = {
        "work": WorkProfile,
        "private": PrivateProfile,
        "activism": ActivismProfile,
        "publications": PublicationsProfile,
    }
    assert set(keys.sections) == set(fields)
    for section, cls in fields.items():
        assert keys.sections[section] == tuple(cls.__dataclass_fields__)
    assert set(keys.top) | set(keys.sections) | set(keys.arrays) == set(
        Profile.__dataclass_fields__
    )


def test_an_audit_for_another_name_says_so() -> None:
    profile = parse_profile('name = "Laura Hietanen"\naliases = ["Laura Virtanen"]').profile
    same, notice = for_name(profile, " laura  hietanen")
    assert notice is None and same.name == "laura hietanen"
    other, notice = for_name(profile, "Maija Mehiläinen")
    assert notice is not None
    assert "the profile is for 'Laura Hietanen', not 'Maija Mehiläinen'" in notice
    assert other.name == "Maija Mehiläinen" and "Laura Hietanen" in other.aliases
    alias, notice = for_name(profile, "Laura Virtanen")
    assert notice is not None and "one of the other names" in notice
    assert alias.aliases == ("Laura Hietanen",)


def test_profile_check_fails_on_unknown_keys_and_the_template(tmp_path: Path) -> None:
    runner = CliRunner()
    path = tmp_path / "me.toml"
    assert runner.invoke(app, ["profile", "init", str(path)]).exit_code == 0
    untouched = runner.invoke(app, ["profile", "check", str(path)])
    assert untouched.exit_code == ExitStatus.INPUT
    assert "still the template's example" in untouched.stderr
    path.write_text('name = "Laura Hietanen"\n[wrok]\nemployers = ["X"]\n', encoding="utf-8")
    typo = runner.invoke(app, ["profile", "check", str(path)])
    assert typo.exit_code == ExitStatus.INPUT
    assert "did you mean [work]?" in typo.stderr and "Traceback" not in typo.output
    path.write_text(
        profile_template().replace("Etunimi Sukunimi", "Laura Hietanen"), encoding="utf-8"
    )
    filled = runner.invoke(app, ["profile", "check", str(path)])
    assert filled.exit_code == 0, filled.output
    assert filled.stderr == ""


def test_search_for_another_name_than_the_profile_warns(tmp_path: Path) -> None:
    path = tmp_path / "me.toml"
    path.write_text('name = "Laura Hietanen"\n', encoding="utf-8")
    results = tmp_path / "r.jsonl"
    results.write_text('{"url": "https://a.invalid/x", "title": "t"}\n', encoding="utf-8")
    args = ["search", "Maija Mehiläinen", "-p", str(path), "--provider", "file",
            "--from", str(results), "-o", str(tmp_path / "o.jsonl")]  # fmt: skip
    out = CliRunner().invoke(app, args)
    assert "the profile is for 'Laura Hietanen', not 'Maija Mehiläinen'" in out.stderr


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('aliases = ["x"]', "'name' is missing"),
        ("name = 3", "'name' must be your name in quotes"),
        ('name = "  "', "'name' is empty"),
        ('name = "A"\nlanguages = ["Finnish"]', "'languages' has 'Finnish'"),
    ],
)
def test_wrong_types_name_the_key(text: str, message: str) -> None:
    with pytest.raises(ProfileError, match=message):
        parse_profile(text, "me.toml")


def test_a_language_footprint_cannot_use_is_a_warning() -> None:
    loaded = parse_profile('name = "A"\nlanguages = ["se", "fi"]', "me.toml")
    assert loaded.profile.languages == ("fi",)
    assert loaded.warnings == (
        "me.toml: 'languages' has 'se', which footprint cannot search or report in: it is "
        "ignored (footprint uses fi, sv and en)",
    )
    assert parse_profile('name = "A"\nlanguages = ["se"]').profile.languages == ("fi",)


def test_invalid_toml_gives_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "me.toml"
    path.write_text('name = "A"\nlocations = [Tampere]\n', encoding="utf-8")
    with pytest.raises(ProfileError, match=r"me\.toml: invalid TOML: .*line 2, column 14"):
        load_profile(path)


def test_missing_profile_says_how_to_create_one(tmp_path: Path) -> None:
    with pytest.raises(ProfileError, match="footprint profile init"):
        load_profile(tmp_path / "me.toml")


def test_template_with_a_name_is_a_valid_profile() -> None:
    loaded = parse_profile(profile_template().replace("Etunimi Sukunimi", "Laura Hietanen"))
    assert loaded.warnings == ()
    assert loaded.profile.name == "Laura Hietanen"


def test_unreadable_profiles_say_what_is_wrong(tmp_path: Path) -> None:
    with pytest.raises(ProfileError, match="is a folder"):
        load_profile(tmp_path)
    latin = tmp_path / "me.toml"
    latin.write_bytes('name = "Jyväskylä"'.encode("latin-1"))
    with pytest.raises(ProfileError, match=r"not UTF-8 text .*save the profile as UTF-8"):
        load_profile(latin)


def test_an_error_quoting_a_hostile_key_stays_one_inert_line(tmp_path: Path) -> None:
    """A key may hold a line break or a terminal escape; the error still is one plain line."""
    path = tmp_path / "me.toml"
    path.write_text('name = "Laura Hietanen"\n[work]\n"\\n" = 1\n"a\\u001b[2Jb" = 2\n')
    result = CliRunner().invoke(app, ["profile", "check", str(path)])
    assert result.exit_code == ExitStatus.INPUT
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ")
    assert "\x1b" not in result.stderr
    assert "unknown key '\\n' in [work]" in lines[0]  # shown as the rules reader shows keys


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ('name = "Laura \u202eHietanen"\n', "'name'"),
        ('name = "Laura Hietanen"\naliases = ["L. \u2067H."]\n', "'aliases'"),
        (
            'name = "Laura Hietanen"\n[work]\nemployers = ["Uusi \u202dSuunta"]\n',
            "'work.employers'",
        ),
        ('name = "Laura Hietanen"\n[[namesakes]]\ntown = "Ou\u202elu"\n', "'town'"),
    ],
)
def test_a_character_that_turns_text_around_is_refused(text: str, where: str) -> None:
    """A profile is a file footprint reads: a bidi control in it would make the name or an
    employer read backwards in the terminal, the app and the PDF; it is named, not kept."""
    with pytest.raises(ProfileError) as caught:
        parse_profile(text, "me.toml")
    message = str(caught.value)
    assert message.startswith("me.toml: ") and where in message and "U+20" in message
    assert not any("\u202a" <= c <= "\u202e" or "\u2066" <= c <= "\u2069" for c in message)


def test_profile_init_into_a_folder_suggests_no_report(tmp_path: Path) -> None:
    """The 'is a folder' answer is shared by every command that writes a file: it may not
    tell someone writing a profile to name it report.pdf."""
    result = CliRunner().invoke(app, ["profile", "init", str(tmp_path)])
    assert result.exit_code == ExitStatus.OUTPUT
    assert "is a folder" in result.stderr and "report.pdf" not in result.stderr
