"""The profile TOML: every key optional but name, warnings for unknown keys, errors for types."""

from pathlib import Path

import pytest

from footprint.errors import ProfileError
from footprint.profile import load_profile, parse_profile, profile_template

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


def test_unknown_keys_warn() -> None:
    loaded = parse_profile('name = "A B"\nnickname = "x"\n[work]\nboss = "y"\n', "me.toml")
    assert loaded.warnings == (
        "me.toml: unknown key 'nickname' is ignored",
        "me.toml: unknown key 'work.boss' is ignored",
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('aliases = ["x"]', "'name' is missing"),
        ('name = "A"\nbirth_year = "1978"', "'birth_year' must be a year"),
        ('name = "A"\naliases = [1, 2]', "'aliases' must be a list of strings"),
        ('name = "A"\n[activism]\nyears = [2006, 1996]', "'activism.years' must be two years"),
        ('name = "A"\nlanguages = ["Finnish"]', "'languages' has 'Finnish'"),
        ('name = "A"\nwork = "x"', "'work' must be a table"),
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


def test_template_is_a_valid_profile() -> None:
    loaded = parse_profile(profile_template())
    assert loaded.warnings == ()
    assert loaded.profile.name


def test_unreadable_profiles_say_what_is_wrong(tmp_path: Path) -> None:
    with pytest.raises(ProfileError, match="is a folder"):
        load_profile(tmp_path)
    latin = tmp_path / "me.toml"
    latin.write_bytes('name = "Jyväskylä"'.encode("latin-1"))
    with pytest.raises(ProfileError, match=r"not UTF-8 text .*save the profile as UTF-8"):
        load_profile(latin)
