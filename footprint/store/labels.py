"""Corrections: the person is the authority on what is about them.

A correction names an address and a category; it overrides the classifier in every
audit and report that contains the address, and says so ("your correction").
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from footprint.errors import InputError, UsageError
from footprint.models import Category, Classification, Finding, Reason
from footprint.store.urlkey import url_key

CORRECTION_CODE = "user_correction"


@dataclass(frozen=True)
class Label:
    url: str
    category: Category
    note: str = ""
    created_at: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "url": self.url,
            "category": self.category.value,
            "note": self.note,
            "created_at": self.created_at,
        }


def parse_category(text: str) -> Category:
    """A category from the command line, or an error that lists the right ones."""
    try:
        return Category(text.strip().lower())
    except ValueError:
        choices = ", ".join(c.value for c in Category)
        raise UsageError(f"unknown category {text!r}: use one of {choices}") from None


def check_url(url: str) -> str:
    """A web address as the person typed it, or an error that shows the right form."""
    text = url.strip()
    if not text.lower().startswith(("http://", "https://")) or len(text) < 11:
        raise InputError(
            f"{url!r} is not a web address: give it in full, e.g. https://example.fi/page"
        )
    return text


def correct(finding: Finding, label: Label) -> Finding:
    """The finding with the person's category, and the classifier's kept in the reason."""
    old = finding.classification
    text = "your correction" + (f": {label.note}" if label.note else "")
    reason = Reason(
        CORRECTION_CODE,
        text,
        {"note": label.note, "classifier_category": old.category.value},
    )
    keeps_topic = label.category in (Category.DEFUNCT, Category.NAMESAKE)
    classification = Classification(
        category=label.category,
        confidence=1.0,
        reasons=(reason,),
        year=old.year,
        topic=old.topic if keeps_topic else None,
        page_status=old.page_status,
        corrected=True,
    )
    return replace(finding, classification=classification)


def apply_labels(
    findings: Sequence[Finding], labels: Iterable[Label] | Mapping[str, Label]
) -> list[Finding]:
    """Every finding, with the person's corrections in place of the classifier's category."""
    by_key = (
        {url_key(k): v for k, v in labels.items()}
        if isinstance(labels, Mapping)
        else {url_key(label.url): label for label in labels}
    )
    out = []
    for finding in findings:
        label = by_key.get(url_key(finding.result.url))
        out.append(correct(finding, label) if label else finding)
    return out


def save_label(conn: sqlite3.Connection, label: Label) -> None:
    conn.execute(
        "INSERT INTO labels (url_key, url, category, note, created_at) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (url_key) DO UPDATE SET url = excluded.url, category = excluded.category, "
        "note = excluded.note, created_at = excluded.created_at",
        (url_key(label.url), label.url, label.category.value, label.note, label.created_at),
    )


def remove_label(conn: sqlite3.Connection, url: str) -> bool:
    return conn.execute("DELETE FROM labels WHERE url_key = ?", (url_key(url),)).rowcount > 0


def list_labels(conn: sqlite3.Connection) -> list[Label]:
    rows = conn.execute("SELECT url, category, note, created_at FROM labels ORDER BY created_at")
    return [Label(url, Category(category), note, created) for url, category, note, created in rows]
