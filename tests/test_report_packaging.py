"""The wheel ships the report's templates and data, and its installed copy renders a report.

The wheel is built with hatchling (no network), unpacked into a folder that stands in for
site-packages, and run from a folder outside the checkout so that only the wheel's files
can be found. Removing one template from that copy must make rendering fail.
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = (
    "footprint/templates/report/report.html.j2",
    "footprint/templates/report/card.html.j2",
    "footprint/templates/report/report.css",
    "footprint/report/locale/fi.toml",
    "footprint/report/locale/sv.toml",
    "footprint/report/locale/en.toml",
    "footprint/guidance/links.toml",
    "footprint/guidance/checklist.toml",
    "footprint/guidance/letter.toml",
    "footprint/guidance/sources.toml",
    "footprint/guidance/levers.toml",
    "footprint/report/locale/routes.fi.toml",
    "footprint/report/locale/routes.sv.toml",
    "footprint/report/locale/routes.en.toml",
    "footprint/templates/report/routes.html.j2",
    "footprint/templates/report/levers.html.j2",
    "footprint/templates/report/help.html.j2",
    "footprint/templates/report/letters.html.j2",
    "footprint/demo/profile.toml",
    "footprint/demo/results.jsonl",
    "footprint/demo/checks.jsonl",
)

BOOT = "import sys; sys.path.insert(0, sys.argv[1]); exec(sys.argv[2])"
RENDER = """
import sys, footprint
from datetime import date
from footprint.models import *
from footprint.profile import Profile
from footprint.report.context import build_report_context
from footprint.report.render import render_report_pdf
assert footprint.__file__.startswith(sys.argv[1]), footprint.__file__
finding = Finding(SearchResult(url="https://a.example.fi/x", title="Kehäkukka 3/2001"),
                  Classification(Category.DEFUNCT, 0.9), PageCheck(PageStatus.GONE))
ctx = build_report_context([finding], Profile(name="Laura Hietanen"), lang="sv",
                           generated=date(2026, 1, 5))
pdf = render_report_pdf(ctx)
assert pdf.startswith(b"%PDF") and len(pdf) > 10000
print("rendered", len(pdf))
"""


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(out)],
        cwd=ROOT, check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    (built,) = out.glob("footprint-*.whl")
    return built


def test_the_wheel_holds_the_templates_and_report_data(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    missing = [name for name in SHIPPED if name not in names]
    assert not missing
    assert not any(name.startswith("templates/") for name in names)


def _run(site: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {"PYTHONPATH": str(site), "FOOTPRINT_HOME": str(cwd / "home"), "PATH": "/usr/bin:/bin"}
    return subprocess.run(
        [sys.executable, "-I", "-c", BOOT, str(site), RENDER],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip


@pytest.mark.slow
def test_the_installed_copy_renders_and_a_missing_template_fails(
    wheel: Path, tmp_path: Path
) -> None:
    site = tmp_path / "site-packages"
    zipfile.ZipFile(wheel).extractall(site)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()

    done = _run(site, elsewhere)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("rendered ")

    (site / "footprint/templates/report/card.html.j2").unlink()
    broken = _run(site, elsewhere)
    assert broken.returncode != 0
    assert "card.html.j2" in broken.stderr and "missing" in broken.stderr
