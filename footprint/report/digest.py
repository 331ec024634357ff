"""Which results a large report shows in full, and which as one line: pure selection logic.

A report is read, not searched: up to `FULL_UP_TO` results every result gets its card.
Above that, full cards go to the results that ask something of the person — activism,
private and defunct results first, then work; live pages before pages that are gone;
then by search rank (what a searcher sees first) — up to `MOST_FULL` cards in all. The
person's own corrections and the results they track a removal request for always get a
card, whatever their number. Every other result is one line in its section.

Nothing here renders or reads files: the CLI, the web app and the benchmarks share it.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from footprint.models import Category, Finding, PageStatus
from footprint.store.urlkey import url_key

FULL_UP_TO = 40  # every result keeps its card up to this many results
MOST_FULL = 30  # above that, about this many full cards (more only for corrections and requests)

# How much a result asks of the person: lower first. Namesakes ask nothing.
_CATEGORY_NEED = {Category.ACTIVISM: 0, Category.PRIVATE: 0, Category.DEFUNCT: 0, Category.WORK: 1}
# A page that is there is seen; one that is gone lives on only in old snippets and copies.
_STATUS_NEED = {
    PageStatus.LIVE: 0,
    None: 1,  # not checked: it may well be there
    PageStatus.SKIPPED: 1,
    PageStatus.UNREACHABLE: 1,
    PageStatus.CEASED: 2,
    PageStatus.PARKED: 3,
    PageStatus.GONE: 4,
}


def status_of(finding: Finding) -> PageStatus | None:
    """The page status of a result: its check's, else the classifier's, else None."""
    if finding.check is not None:
        return finding.check.status
    return finding.classification.page_status


def choose_full(
    findings: Sequence[Finding],
    *,
    tracked_urls: Collection[str] = (),
    full_up_to: int = FULL_UP_TO,
    most: int = MOST_FULL,
) -> frozenset[int]:
    """The indexes (into `findings`) of the results shown with a full card."""
    if len(findings) <= full_up_to:
        return frozenset(range(len(findings)))
    tracked = {url_key(u) for u in tracked_urls}
    always = {
        i
        for i, f in enumerate(findings)
        if f.classification.corrected or (tracked and url_key(f.result.url) in tracked)
    }
    candidates = sorted(
        (i for i, f in enumerate(findings)
         if i not in always and f.classification.category in _CATEGORY_NEED),
        key=lambda i: _need(findings[i]),
    )  # fmt: skip
    return frozenset(always | set(candidates[: max(0, most - len(always))]))


def _need(finding: Finding) -> tuple[int, int, int]:
    rank = finding.result.rank if finding.result.rank is not None else 10**6
    return (
        _CATEGORY_NEED[finding.classification.category],
        _STATUS_NEED.get(status_of(finding), 1),
        rank,
    )
