"""What changed between two audits: results that are new, gone, or changed. Pure."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from footprint.models import Finding, PageStatus
from footprint.store.urlkey import url_key


def page_status(finding: Finding) -> PageStatus | None:
    """The page status a finding was given, if its page was checked at all."""
    status = finding.check.status if finding.check else finding.classification.page_status
    return None if status is PageStatus.SKIPPED else status


@dataclass(frozen=True)
class Change:
    old: Finding
    new: Finding

    @property
    def category_changed(self) -> bool:
        return self.old.classification.category is not self.new.classification.category

    @property
    def status_changed(self) -> bool:
        before, after = page_status(self.old), page_status(self.new)
        return before is not None and after is not None and before is not after

    def to_dict(self) -> dict[str, Any]:
        before, after = page_status(self.old), page_status(self.new)
        return {
            "url": self.new.result.url,
            "title": self.new.result.title or self.old.result.title,
            "old_category": self.old.classification.category.value,
            "new_category": self.new.classification.category.value,
            "old_status": before.value if before else None,
            "new_status": after.value if after else None,
        }


@dataclass(frozen=True)
class AuditDiff:
    new: tuple[Finding, ...] = ()
    gone: tuple[Finding, ...] = ()
    changed: tuple[Change, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.new or self.gone or self.changed)

    def to_dict(self) -> dict[str, Any]:
        return {
            "new": [f.to_dict() for f in self.new],
            "gone": [gone_entry(f) for f in self.gone],
            "changed": [c.to_dict() for c in self.changed],
        }


def gone_entry(finding: Finding) -> dict[str, Any]:
    return {
        "url": finding.result.url,
        "title": finding.result.title,
        "category": finding.classification.category.value,
    }


def diff_findings(old: Sequence[Finding], new: Sequence[Finding]) -> AuditDiff:
    """Compare two audits by address. A page status counts as changed only when both
    audits checked the page (an offline audit is not news)."""
    before = {url_key(f.result.url): f for f in old}
    after = {url_key(f.result.url): f for f in new}
    changed = []
    for key, finding in after.items():
        if key in before:
            change = Change(before[key], finding)
            if change.category_changed or change.status_changed:
                changed.append(change)
    return AuditDiff(
        new=tuple(f for k, f in after.items() if k not in before),
        gone=tuple(f for k, f in before.items() if k not in after),
        changed=tuple(changed),
    )


def since_last_audit(previous_date: str, diff: AuditDiff) -> dict[str, Any]:
    """The report's "since your last audit" section."""
    return {
        "date": previous_date,
        "new": list(diff.new),
        "gone": [gone_entry(f) for f in diff.gone],
        "changed": [c.to_dict() for c in diff.changed],
    }
