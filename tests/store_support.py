"""Helpers for the store tests: findings, saved audits, a movable clock, the CLI."""

from __future__ import annotations

import os
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from typer.testing import CliRunner

from footprint.cli import app
from footprint.models import Category, Classification, Finding, PageCheck, PageStatus, SearchResult
from footprint.store import Store, StoreSink

REPO = Path(__file__).resolve().parent.parent


def finding(
    url: str, category: Category | str, status: PageStatus | str | None = None, title: str = ""
) -> Finding:
    check = PageCheck(PageStatus(status)) if status else None
    return Finding(
        result=SearchResult(url=url, title=title or url.rsplit("/", 1)[-1]),
        classification=Classification(
            Category(category), 0.7, page_status=check.status if check else None
        ),
        check=check,
    )


def save_audit(
    store: Store,
    name: str,
    findings: list[Finding],
    complete: bool = True,
    *,
    providers: tuple[str, ...] = ("brave",),
    failures: tuple[str, ...] = (),
) -> int:
    """Save an audit through the sink, step by step as the audit does."""
    sink = StoreSink(store, providers=providers)
    sink.started(name, {"name": name}, [f'"{name}"'])
    sink.results_found([f.result for f in findings])
    for f in findings:
        if f.check:
            sink.page_checked(f.result.url, f.check)
        sink.classified(f)
    sink.finished(complete, list(failures))
    assert sink.audit_id is not None
    return sink.audit_id


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, start: str = "2026-03-02T10:00:00+00:00") -> None:
        self.now = datetime.fromisoformat(start).astimezone(UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def cli(*args: str, input: str | None = None):  # type: ignore[no-untyped-def]
    """Run `footprint ARGS` in-process; the result has exit_code, stdout and stderr."""
    return CliRunner().invoke(app, list(args), input=input)


def subprocess_env() -> dict[str, str]:
    """The environment for a real `python -m footprint` child: this checkout, this home."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO)
    env["COLUMNS"] = "100"
    return env


PYTHON = sys.executable
