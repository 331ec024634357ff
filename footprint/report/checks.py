"""Were the pages checked? How many were, and when none could be, why not (pure)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from footprint.models import Finding, PageStatus

# A check that tells something about the page itself.
CONCLUSIVE = frozenset({PageStatus.LIVE, PageStatus.GONE, PageStatus.PARKED, PageStatus.CEASED})
# How the page check words these failures (footprint.check.nameserver.UNTRUSTED_REASON and
# footprint.check.pool); the report's tests tie the two together.
_NAME_SERVER = "the name server answered 'no such name'"
_DEADLINE = "deadline"


@dataclass(frozen=True)
class PageChecks:
    """How many of the results' pages were checked, and why none was, if none was."""

    checked: int
    total: int
    why_none: str | None  # offline | dns | deadline | network, when no page was checked


def page_checks(findings: Sequence[Finding]) -> PageChecks:
    """Count the conclusive page checks; when there are none, say what stopped them."""
    checks = [f.check for f in findings if f.check is not None]
    checked = sum(1 for c in checks if c.status in CONCLUSIVE)
    why = None
    reasons = [c.reason for c in checks if c.status is PageStatus.UNREACHABLE]
    if findings and not checked:
        if not checks:
            why = "offline"  # no check was made: --offline, or a report of saved results
        elif not reasons:
            why = None  # only addresses that are not fetched (local, or not http)
        elif any(r.startswith(_NAME_SERVER) for r in reasons):
            why = "dns"
        elif all(r.startswith(_DEADLINE) for r in reasons):
            why = "deadline"
        else:
            why = "network"
    return PageChecks(checked, len(findings), why)
