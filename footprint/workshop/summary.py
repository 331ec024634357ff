"""The group summary: totals and distributions over shares, with small figures suppressed.

Pure. A figure backed by fewer than three participants could point at one person, so it
is not given (`SMALL`); when one cell of a distribution is small and the total is given,
the smallest other cell is hidden too (`HIDDEN`), so the small one cannot be worked out
by subtraction. With fewer shares than the minimum group the summary is refused.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from footprint.errors import InputError
from footprint.workshop.share import AGE_KEYS, CATEGORY_KEYS, STATUS_KEYS, Share

SMALL_CELL = 3  # a figure backed by fewer participants than this is not shown
DEFAULT_MIN_GROUP = 5


class CellState(StrEnum):
    SHOWN = "shown"
    SMALL = "small"  # backed by fewer than SMALL_CELL participants
    HIDDEN = "hidden"  # hidden so that a small figure cannot be worked out


@dataclass(frozen=True)
class Cell:
    """One figure: a total over the group and how many participants it comes from."""

    key: str
    results: int | None  # None unless shown
    participants: int | None  # None unless shown
    state: CellState = CellState.SHOWN

    @property
    def shown(self) -> bool:
        return self.state is CellState.SHOWN


@dataclass(frozen=True)
class GroupSummary:
    participants: int
    results: Cell  # all results of the group
    archived: Cell  # results with an archived copy
    marked_any: Cell  # participants who marked at least one rule
    categories: tuple[Cell, ...]
    page_status: tuple[Cell, ...]
    age: tuple[Cell, ...]
    rules: tuple[Cell, ...]  # per rule: how many participants marked it, most common first


def _cell(key: str, values: Sequence[int]) -> Cell:
    """Sum `values` (one per participant); suppress it if 1 or 2 participants are behind it."""
    backers = sum(1 for v in values if v > 0)
    if 0 < backers < SMALL_CELL:
        return Cell(key, None, None, CellState.SMALL)
    return Cell(key, sum(values), backers)


def _distribution(
    keys: Sequence[str], shares: Sequence[Share], part: Callable[[Share], Mapping[str, int]],
    total: Cell,
) -> tuple[Cell, ...]:  # fmt: skip
    cells = [_cell(key, [part(s).get(key, 0) for s in shares]) for key in keys]
    small = [c for c in cells if c.state is CellState.SMALL]
    if len(small) == 1 and total.shown:
        candidates = [c for c in cells if c.shown and (c.results or 0) > 0]
        if candidates:
            victim = min(candidates, key=lambda c: c.results or 0)
            cells[cells.index(victim)] = Cell(victim.key, None, None, CellState.HIDDEN)
    return tuple(cells)


def _rule_cells(shares: Sequence[Share], rule_ids: Sequence[str]) -> tuple[Cell, ...]:
    """Each rule with how many marked it: given ones by count, then small ones, then zeros."""
    order = list(dict.fromkeys([*rule_ids, *(r for s in shares for r in s.needs_action)]))
    cells = [_cell(rid, [int(rid in s.needs_action) for s in shares]) for rid in order]
    shown = sorted(
        (c for c in cells if c.shown and c.results), key=lambda c: -(c.results or 0)
    )  # stable: ties keep the rules' order
    small = [c for c in cells if c.state is CellState.SMALL]  # rules' order: no hint of 1 vs 2
    zeros = [c for c in cells if c.shown and not c.results]
    return (*shown, *small, *zeros)


def summarise(
    shares: Sequence[Share], rule_ids: Sequence[str] = (), *, min_group: int = DEFAULT_MIN_GROUP
) -> GroupSummary:
    """Aggregate shares into a group summary; refuse a group smaller than `min_group`."""
    if min_group < SMALL_CELL:
        raise InputError(
            f"--min-group must be at least {SMALL_CELL}: a smaller group is identifiable"
        )
    if len(shares) < min_group:
        raise InputError(
            f"only {len(shares)} usable share{'s' if len(shares) != 1 else ''}: the group report "
            f"needs at least {min_group} (--min-group), or people could be recognised from it"
        )
    results = _cell("results", [s.results for s in shares])
    return GroupSummary(
        participants=len(shares),
        results=results,
        archived=_cell("archived", [s.archived for s in shares]),
        marked_any=_cell("marked_any", [int(bool(s.needs_action)) for s in shares]),
        categories=_distribution(CATEGORY_KEYS, shares, lambda s: s.categories, results),
        page_status=_distribution(STATUS_KEYS, shares, lambda s: s.page_status, results),
        age=_distribution(AGE_KEYS, shares, lambda s: s.age, results),
        rules=_rule_cells(shares, rule_ids),
    )
