"""Helpers for the workshop tests: findings, audit files, random audits, the CLI, PDF text."""

from __future__ import annotations

import io
import json
import random
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from hypothesis import strategies as st
from typer.testing import CliRunner

from footprint.cli import app
from footprint.models import (
    ArchiveCopy,
    Category,
    Classification,
    Finding,
    PageCheck,
    PageStatus,
    SearchResult,
)
from footprint.workshop.codes import Code, random_symbols
from footprint.workshop.share import Share, build_share

TEST_COST = 16  # scrypt cost for workshops made in tests: fast, same code path


def any_code(tag: str = "TEST", rng: random.Random | None = None) -> str:
    """A well-formed participant code: made up, of workshop `tag` (by default one no device
    has made)."""
    return str(Code(tag, random_symbols(9, rng or random.Random())))


def facilitator(participants: int, home: Path | None = None) -> list[str]:
    """A workshop made on the facilitator's device (data folder `home`, else this test's);
    its codes, as printed on the slips."""
    from footprint.store import Store
    from footprint.workshop.ledger import create_workshop

    with Store.open(home / "footprint.db" if home else None) as store:
        made = create_workshop(store, participants, cost=TEST_COST)
    return [str(code) for code in made.codes]


def cli(*args: str, input: str | None = None, home: Path | None = None):  # type: ignore[no-untyped-def]
    """Run `footprint ARGS` in-process (on the device whose data folder is `home`)."""
    env = {"FOOTPRINT_HOME": str(home)} if home is not None else None
    return CliRunner().invoke(app, list(args), input=input, env=env)


def finding(
    category: Category | str = Category.WORK,
    status: PageStatus | str | None = PageStatus.LIVE,
    *,
    year: int | None = None,
    archived: bool = False,
    url: str = "https://example.invalid/page",
    title: str = "",
    snippet: str = "",
    published: str | None = None,
) -> Finding:
    status = PageStatus(status) if status else None
    archive = ArchiveCopy(True, url=f"https://web.archive.org/web/2019/{url}") if archived else None
    check = PageCheck(status, archive=archive, title=title) if status else None
    return Finding(
        result=SearchResult(url=url, title=title, snippet=snippet, published=published),
        classification=Classification(Category(category), 0.8, year=year, page_status=status),
        check=check,
    )


def write_audit(
    path: Path, findings: Sequence[Finding], profile: dict[str, Any] | None = None
) -> Path:
    """Write a file the way `footprint audit --json` does."""
    profile = profile or {"name": "Laura Hietanen"}
    data = {
        "schema": 1,
        "name": profile["name"],
        "generated": "2026-03-02T10:00:00+00:00",
        "profile": profile,
        "lang": "fi",
        "findings": [f.to_dict() for f in findings],
        "failures": [],
    }
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def share_of(
    categories: dict[str, int] | None = None,
    *,
    needs_action: Sequence[str] = (),
    archived: int = 0,
    statuses: dict[str, int] | None = None,
    ages: dict[str, int] | None = None,
    code: str | None = None,
) -> Share:
    """A share with the given counts per category (all results live, of unknown age)."""
    categories = categories or {"work": 3}
    total = sum(categories.values())
    return Share(
        code=code or any_code(),
        results=total,
        categories=categories,
        page_status=statuses or {"live": total},
        age=ages or {"unknown": total},
        archived=archived,
        needs_action=tuple(needs_action),
    )


def example_share_dict(code: str | None = None) -> dict[str, Any]:
    findings = [
        finding("work", "live", year=2025, archived=True),
        finding("private", "gone", year=2012),
        finding("activism", None, year=2001),
    ]
    return build_share(
        findings, ["client-photos"], current_year=2026, code=code or any_code()
    ).to_dict()


def pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


# --- random audits for the privacy properties ------------------------------------------

_LETTERS = "abcdefghijklmnopqrstuvwxyzåäöéABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖ"
_word = st.text(_LETTERS, min_size=3, max_size=10)
_long = st.text(_LETTERS, min_size=6, max_size=12)
_lower = st.text("abcdefghijklmnopqrstuvwxyz", min_size=4, max_size=12)
names = st.builds(lambda a, b: f"{a.title()} {b.title()}", _word, _word)
hosts = st.builds(lambda a, tld: f"{a}.{tld}", _lower, st.sampled_from(["fi", "com", "org", "se"]))
urls = st.builds(
    lambda host, path: f"https://{host}/{path}",
    hosts,
    st.text("abcdefghijklmnopqrstuvwxyz0123456789_", min_size=3, max_size=14),
)
phrases = st.lists(_word, min_size=2, max_size=8).map(" ".join)
dates = st.dates(min_value=date(1995, 1, 1), max_value=date(2026, 12, 31)).map(date.isoformat)


@st.composite
def random_findings(draw: st.DrawFn) -> Finding:
    url = draw(urls)
    return finding(
        draw(st.sampled_from(list(Category))),
        draw(st.sampled_from([*PageStatus, None])),
        year=draw(st.one_of(st.none(), st.integers(1990, 2026))),
        archived=draw(st.booleans()),
        url=url,
        title=draw(phrases),
        snippet=draw(phrases),
        published=draw(dates),
    )


@st.composite
def random_audits(draw: st.DrawFn) -> dict[str, Any]:
    """A person (name, aliases, profile fields) and their findings."""
    name = draw(names)
    profile = {
        "name": name,
        "aliases": draw(st.lists(names, max_size=2)),
        "locations": draw(st.lists(_long.map(str.title), max_size=2)),
        "work": {
            "employers": draw(st.lists(phrases, max_size=2)),
            "domains": draw(st.lists(hosts, max_size=2)),
        },
    }
    return {"profile": profile, "findings": draw(st.lists(random_findings(), max_size=12))}


def secrets_of(audit: dict[str, Any]) -> set[str]:
    """Every string of an audit that names or points to the person."""
    profile = audit["profile"]
    found: set[str] = {profile["name"], *profile["aliases"], *profile["locations"],
                       *profile["work"]["employers"], *profile["work"]["domains"]}  # fmt: skip
    for f in audit["findings"]:
        host = f.result.url.split("/")[2]
        found |= {f.result.url, host, f.result.title, f.result.snippet, f.result.published or ""}
    return {s for s in found if s}


def leaks(secrets: set[str], text: str, fixed_text: str) -> list[str]:
    """The secrets that are in `text`, leaving out words footprint prints anyway.

    Hypothesis also draws strings from footprint's own source (such as "unknown"); a secret
    that is part of the fixed text cannot be told apart from it, so it proves nothing.
    """
    flat = " ".join(text.lower().split())
    fixed = " ".join(fixed_text.lower().split())
    found = []
    for secret in secrets:
        s = " ".join(secret.lower().split())
        if s in fixed:
            continue
        escaped = " ".join(json.dumps(secret)[1:-1].lower().split())
        if s in flat or escaped in flat:
            found.append(secret)
    return found
