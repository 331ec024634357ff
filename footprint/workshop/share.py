"""A participant's anonymous share: counts from their audit and the rules they marked.

Pure: the current year and the participant code come in as arguments. A share is built
from fixed keys and whole numbers only (plus rule ids from the organisation's rules and the
one-time code from a slip the participant drew at random), so that nothing the audit
found — a name, an alias, an address, a domain, a title, a snippet, a date or a profile
field — can end up in it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from footprint.models import Category, Finding, PageStatus
from footprint.workshop.rules import Rule

SCHEMA = 2  # 2: a one-time participant code instead of a self-made id
KIND = "footprint-workshop-share"
UNCHECKED = "unchecked"  # a finding whose page was never checked

CATEGORY_KEYS: tuple[str, ...] = tuple(c.value for c in Category)
STATUS_KEYS: tuple[str, ...] = (*(s.value for s in PageStatus), UNCHECKED)
AGE_KEYS: tuple[str, ...] = ("under-2", "2-5", "5-10", "over-10", "unknown")

# Audit figures a rule's `relates_to` may name, besides the categories.
OLD_RESULTS = "old-results"
ARCHIVED_COPIES = "archived-copies"


@dataclass(frozen=True)
class Share:
    """What one participant chose to share: only counts, marked rule ids and their code."""

    code: str  # the participant code from the kit, as printed (TTTT-SSSSS-SSSSC)
    results: int
    categories: Mapping[str, int]
    page_status: Mapping[str, int]
    age: Mapping[str, int]
    archived: int
    needs_action: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "kind": KIND,
            "code": self.code,
            "results": self.results,
            "categories": {k: self.categories.get(k, 0) for k in CATEGORY_KEYS},
            "page_status": {k: self.page_status.get(k, 0) for k in STATUS_KEYS},
            "age": {k: self.age.get(k, 0) for k in AGE_KEYS},
            "archived": self.archived,
            "needs_action": list(self.needs_action),
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2) + "\n"

    def canonical(self) -> str:
        """One spelling of the share's content, whatever the file's layout."""
        return json.dumps(self.to_dict(), sort_keys=True, separators=(",", ":"))


def age_bucket(year: int | None, current_year: int) -> str:
    """How old a result is: under 2, 2–5, 5–10 or over 10 years, or unknown."""
    if year is None or year > current_year:
        return "unknown"
    age = current_year - year
    if age < 2:
        return "under-2"
    if age < 5:
        return "2-5"
    if age <= 10:
        return "5-10"
    return "over-10"


def page_status_of(finding: Finding) -> str:
    """The page status the classifier used, else the check's, else `unchecked`."""
    status = finding.classification.page_status or (finding.check.status if finding.check else None)
    return status.value if status else UNCHECKED


def has_archived_copy(finding: Finding) -> bool:
    archive = finding.check.archive if finding.check else None
    return bool(archive and archive.available)


def build_share(
    findings: Sequence[Finding],
    needs_action: Iterable[str],
    *,
    current_year: int,
    code: str,
) -> Share:
    """Count the findings per category, page status and age; keep only the marked rule ids."""
    categories = dict.fromkeys(CATEGORY_KEYS, 0)
    statuses = dict.fromkeys(STATUS_KEYS, 0)
    ages = dict.fromkeys(AGE_KEYS, 0)
    archived = 0
    for finding in findings:
        categories[finding.classification.category.value] += 1
        statuses[page_status_of(finding)] += 1
        ages[age_bucket(finding.classification.year, current_year)] += 1
        archived += has_archived_copy(finding)
    marked = tuple(dict.fromkeys(needs_action))  # unique, in the order given
    return Share(
        code=code,
        results=len(findings),
        categories=categories,
        page_status=statuses,
        age=ages,
        archived=archived,
        needs_action=marked,
    )


def related_figures(rule: Rule, share: Share) -> list[tuple[str, int]]:
    """The audit figures a rule relates to, e.g. [("private", 4), ("old-results", 2)]."""
    figures: list[tuple[str, int]] = []
    for topic in rule.relates_to:
        key = topic.strip().lower()
        if key in share.categories:
            figures.append((key, share.categories[key]))
        elif key == OLD_RESULTS:
            figures.append((key, share.age.get("over-10", 0)))
        elif key == ARCHIVED_COPIES:
            figures.append((key, share.archived))
    return figures
