"""A fictional person to try footprint on: profile, search results and recorded page checks.

Everything here is invented. `footprint demo` runs the whole audit on it offline: the
results come through the `file` search provider and the page statuses from
`checks.jsonl`, as they were recorded, so no network and no key is needed.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

from footprint.models import PageCheck
from footprint.profile import Profile, parse_profile


def profile() -> Profile:
    """The demo person's profile."""
    text = resources.files(__name__).joinpath("profile.toml").read_text("utf-8")
    return parse_profile(text, "demo profile").profile


@contextmanager
def results_file() -> Iterator[Path]:
    """The demo's saved search results as a file path (for the `file` provider)."""
    with resources.as_file(resources.files(__name__).joinpath("results.jsonl")) as path:
        yield path


def recorded_checks() -> dict[str, PageCheck]:
    """The recorded page check of each demo result, by URL."""
    text = resources.files(__name__).joinpath("checks.jsonl").read_text("utf-8")
    checks = {}
    for line in text.splitlines():
        if line.strip():
            record = json.loads(line)
            checks[record["url"]] = PageCheck.from_dict(record["check"])
    return checks
