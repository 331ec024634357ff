"""The profile form in a real browser: same TOML as the CLI, errors by the field, nothing lost."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from footprint.profile import load_profile
from tests.webapp.axe import serious_violations
from tests.webapp.conftest import open_app
from tests.webapp.support import RunningApp

pytestmark = pytest.mark.browser


def test_fill_in_fix_an_error_and_save(app: RunningApp, page: Any) -> None:
    open_app(page, app, "/profile")
    assert serious_violations(page) == []
    page.get_by_label("Your name").fill("Laura Hietanen")
    page.get_by_label("Other names").fill("Laura H.\nlhietanen")
    page.get_by_label("Year of birth").fill("78")
    page.get_by_label("Home towns").fill("Tampere")
    page.get_by_label("Employers").fill("Uusi Suunta -säätiö")
    page.get_by_label("Job titles").fill("sosiaaliohjaaja")
    page.get_by_label("First year").fill("2006")
    page.get_by_label("Last year").fill("1996")
    page.get_by_role("button", name="Save the profile").click()

    year = page.get_by_label("Year of birth")
    expect(year).to_have_attribute("aria-invalid", "true")
    assert "four digits" in page.locator("#err-birth_year").inner_text()
    assert page.get_by_label("Other names").input_value() == "Laura H.\nlhietanen"  # kept
    assert page.get_by_label("Employers").input_value() == "Uusi Suunta -säätiö"
    assert not app.state.profile_path.exists()

    year.fill("1978")
    page.get_by_role("button", name="Save the profile").click()
    reversed_years = page.locator("#err-activism-years").inner_text()
    assert reversed_years.startswith("the activism years are reversed")
    assert page.get_by_label("First year").input_value() == "2006"
    page.get_by_label("First year").fill("1996")
    page.get_by_label("Last year").fill("2006")
    page.get_by_role("button", name="Save the profile").click()
    # the profile's first language (Finnish, the default) is now the page's
    expect(page.get_by_role("status").first).to_contain_text("Tallennettu")

    profile = load_profile(app.state.profile_path).profile  # what the command line reads
    assert profile.name == "Laura Hietanen"
    assert profile.aliases == ("Laura H.", "lhietanen")
    assert profile.birth_year == 1978
    assert profile.activism.years == (1996, 2006)
    assert profile.work.titles == ("sosiaaliohjaaja",)
    assert app.state.profile_path.stat().st_mode & 0o777 == 0o600
    assert serious_violations(page) == []


def test_import_and_download(app: RunningApp, page: Any, tmp_path: Path) -> None:
    mine = tmp_path / "mine.toml"
    mine.write_text('name = "Åsa Öst"\nlanguages = ["sv"]\n[work]\ntitles = ["lärare"]\n')
    bad = tmp_path / "bad.toml"
    bad.write_text('name = "X"\nbirth_year = "nineteen"\n')
    open_app(page, app, "/profile")
    page.get_by_label("Use a profile file you already have (TOML)").set_input_files(str(bad))
    page.get_by_role("button", name="Import").click()
    assert "birth_year" in page.locator("#err-import").inner_text()
    page.get_by_label("Use a profile file you already have (TOML)").set_input_files(str(mine))
    page.get_by_role("button", name="Import").click()
    # the profile's language is Swedish, and no language was chosen in this browser
    expect(page.locator("h1")).to_have_text("Din profil")
    assert page.get_by_label("Ditt namn").input_value() == "Åsa Öst"
    with page.expect_download() as download:
        page.get_by_role("link", name="Ladda ner profilfilen").click()
    saved = Path(download.value.path()).read_text("utf-8")
    assert 'name = "Åsa Öst"' in saved and "lärare" in saved


def test_a_broken_profile_file_can_be_mended_in_the_form(app: RunningApp, page: Any) -> None:
    app.state.profile_path.write_text('name = "Laura Hietanen"\nbirth_year = "1978"\n')
    open_app(page, app, "/profile?lang=en")
    assert "birth_year" in page.get_by_role("alert").inner_text()
    page.get_by_label("Your name").fill("Laura Hietanen")
    page.get_by_label("Year of birth").fill("1978")
    page.get_by_role("button", name="Save the profile").click()
    assert load_profile(app.state.profile_path).profile.birth_year == 1978
