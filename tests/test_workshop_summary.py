"""The group summary: totals, small-cell suppression, the minimum group, rule counts."""

from __future__ import annotations

import pytest

from footprint.errors import InputError
from footprint.workshop.summary import CellState, summarise
from tests.workshop_support import share_of


def _cells(cells):  # type: ignore[no-untyped-def]
    return {c.key: c for c in cells}


def test_refuses_a_group_smaller_than_the_minimum() -> None:
    shares = [share_of() for _ in range(4)]
    with pytest.raises(InputError, match=r"only 4 usable shares.*at least 5 \(--min-group\)"):
        summarise(shares)
    assert summarise(shares, min_group=4).participants == 4
    with pytest.raises(InputError, match="at least 3"):
        summarise(shares, min_group=2)


def test_totals_and_participants_behind_each_figure() -> None:
    shares = [share_of({"work": 4, "private": 1}, archived=1) for _ in range(5)]
    summary = summarise(shares)
    assert summary.participants == 5
    assert (summary.results.results, summary.results.participants) == (25, 5)
    assert summary.archived.results == 5
    cats = _cells(summary.categories)
    assert (cats["work"].results, cats["work"].participants) == (20, 5)
    assert (cats["activism"].results, cats["activism"].state) == (0, CellState.SHOWN)


def test_a_figure_from_one_or_two_participants_is_suppressed() -> None:
    shares = [share_of({"work": 3, "private": 2}) for _ in range(4)]
    shares.append(share_of({"work": 3, "activism": 7}))  # only one person has activism results
    cats = _cells(summarise(shares).categories)
    assert cats["activism"].state is CellState.SMALL
    assert cats["activism"].results is None and cats["activism"].participants is None
    # with the total shown, the smallest other non-zero cell is hidden too, so that
    # activism cannot be worked out as total minus the rest
    assert cats["private"].state is CellState.HIDDEN
    assert cats["work"].shown and cats["work"].results == 15
    hidden_sum = summarise(shares).results.results - cats["work"].results  # type: ignore[operator]
    assert hidden_sum == 15  # only the sum of the two is known


def test_two_small_cells_need_no_extra_hiding() -> None:
    shares = [share_of({"work": 3}) for _ in range(4)]
    shares += [share_of({"activism": 1}), share_of({"defunct": 2})]
    cats = _cells(summarise(shares).categories)
    assert cats["activism"].state is CellState.SMALL and cats["defunct"].state is CellState.SMALL
    assert cats["work"].shown


def test_three_participants_are_enough_to_show_a_figure() -> None:
    shares = [share_of({"work": 2}) for _ in range(3)] + [
        share_of({"private": 1}) for _ in range(3)
    ]
    cats = _cells(summarise(shares).categories)
    assert cats["work"].results == 6 and cats["private"].results == 3


def test_small_totals_are_suppressed() -> None:
    shares = [share_of({"work": 0}, archived=0) for _ in range(4)]
    shares.append(share_of({"work": 5}, archived=2, needs_action=["client-photos"]))
    summary = summarise(shares)
    assert summary.results.state is CellState.SMALL
    assert summary.archived.state is CellState.SMALL
    assert summary.marked_any.state is CellState.SMALL


def test_rules_most_marked_first_and_small_ones_without_order_hints() -> None:
    rule_ids = ["a", "b", "c", "d", "e"]
    marks = [["c", "e", "b"], ["c", "e", "a"], ["c", "e"], ["c", "a"], ["b"]]
    shares = [share_of(needs_action=m) for m in marks]
    rules = summarise(shares, rule_ids).rules
    assert [(c.key, c.results, c.state) for c in rules] == [
        ("c", 4, CellState.SHOWN),
        ("e", 3, CellState.SHOWN),
        ("a", None, CellState.SMALL),  # two people: "fewer than 3", in the rules' order
        ("b", None, CellState.SMALL),
        ("d", 0, CellState.SHOWN),  # nobody
    ]
    assert summarise(shares, rule_ids).marked_any.results == 5


def test_distributions_keep_every_key_in_order() -> None:
    summary = summarise([share_of() for _ in range(5)])
    assert [c.key for c in summary.categories] == [
        "namesake",
        "defunct",
        "activism",
        "work",
        "private",
    ]
    assert [c.key for c in summary.age] == ["under-2", "2-5", "5-10", "over-10", "unknown"]
    assert [c.key for c in summary.page_status][-1] == "unchecked"
