"""Summaries of one workshop must not be subtractable down to a few people.

Two group reports whose share sets differ by one share give that share's figures by
subtraction, and more reports can be combined the same way. Whatever anyone computes from
the reports (any sum or difference of them), the participants who were in exactly the same
reports always appear together: call such a group an *atom*. A new summary is allowed only
if every atom it creates holds at least `min_group` participants; so the same shares can be
summarised again (in another language), and a later summary may add at least `min_group`
new shares, but it may not add or leave out one or two.

Pure: participants are whatever hashable ids the caller uses (code ids in the store).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Sequence
from typing import TypeVar

T = TypeVar("T", bound=Hashable)


def atoms(sets: Sequence[frozenset[T]]) -> list[frozenset[T]]:
    """The participants grouped by exactly which of `sets` they are in."""
    groups: dict[tuple[bool, ...], set[T]] = defaultdict(set)
    for member in frozenset().union(*sets):
        groups[tuple(member in s for s in sets)].add(member)
    return [frozenset(group) for group in groups.values()]


def too_small(
    earlier: Sequence[frozenset[T]], new: frozenset[T], min_group: int
) -> list[frozenset[T]]:
    """The groups of fewer than `min_group` that adding `new` to `earlier` would single out.

    Groups that were already that small before (possible only if `min_group` grew) are not
    counted: the new summary does not make them smaller or new.
    """
    before = {atom for atom in atoms(earlier) if len(atom) < min_group}
    return [atom for atom in atoms([*earlier, new]) if len(atom) < min_group and atom not in before]
