"""Participant codes and the workshop ledger, attacked: forging, duplicating, differencing.

Issue 12 item 9: a summary that trusted each share's own id let one participant hand in
made-up shares beside a victim's and subtract their own, counted copies as people, and let
two reports that differ by one share reveal it. These properties try each attack.
"""

from __future__ import annotations

import itertools
import random
from dataclasses import replace
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from footprint.errors import InputError
from footprint.store import Store
from footprint.workshop.codes import ALPHABET, Code, parse_code, verifier
from footprint.workshop.differencing import atoms, too_small
from footprint.workshop.group import admit_shares, prepare_summary, record_summary
from footprint.workshop.ledger import create_workshop
from footprint.workshop.validate import check_shares
from tests.workshop_support import TEST_COST, share_of

_symbols = st.text(ALPHABET, min_size=9, max_size=9)
_tags = st.text(ALPHABET, min_size=4, max_size=4)
_FAST = settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


# --- codes ------------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(tag=_tags, secret=_symbols, position=st.integers(0, 13), symbol=st.sampled_from(ALPHABET))
def test_every_single_typo_is_caught(tag: str, secret: str, position: int, symbol: str) -> None:
    printed = str(Code(tag, secret)).replace("-", "")
    if printed[position] == symbol:
        return
    typo = printed[:position] + symbol + printed[position + 1 :]
    with pytest.raises(InputError, match="mistyped"):
        parse_code(typo)


@settings(max_examples=200, deadline=None)
@given(tag=_tags, secret=_symbols)
def test_a_code_reads_back_however_it_is_typed(tag: str, secret: str) -> None:
    code = Code(tag, secret)
    printed = str(code)
    assert parse_code(printed) == code
    assert parse_code(f"  {printed.lower().replace('-', ' ')} ") == code
    assert parse_code(printed.replace("0", "O").replace("1", "I")) == code


def test_the_device_keeps_no_code(tmp_path: Path) -> None:
    """Only salted slow hashes are stored: no code, no secret, in any form in the file."""
    db = tmp_path / "footprint.db"
    with Store.open(db) as store:
        made = create_workshop(store, 5, cost=TEST_COST)
    raw = b"".join(p.read_bytes() for p in tmp_path.iterdir() if p.is_file())
    for code in made.codes:
        assert code.secret.encode() not in raw and str(code).encode() not in raw
    salt = made.workshop.salt
    with Store.open(db) as store, store.reading() as conn:
        stored = {row[0] for row in conn.execute("SELECT verifier FROM workshop_codes")}
    assert stored == {verifier(code, salt, TEST_COST) for code in made.codes}


# --- forging and duplicating, through the ledger ---------------------------------------


@pytest.fixture
def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    with Store.open(tmp_path / "footprint.db") as opened:
        yield opened


def _files(shares):  # type: ignore[no-untyped-def]
    return [(f"share{i}.json", share.to_json()) for i, share in enumerate(shares)]


@_FAST
@given(
    made_up=st.lists(_symbols, min_size=1, max_size=8),
    real=st.integers(0, 6),
    seed=st.integers(0, 2**32),
)
def test_made_up_codes_never_count(store: Store, made_up: list[str], real: int, seed: int) -> None:
    """However many shares an attacker invents with the workshop's tag, none is counted."""
    made = create_workshop(store, 6, cost=TEST_COST, rng=random.Random(seed))
    tag = made.workshop.tag
    genuine = {code.secret for code in made.codes}
    shares = [share_of({"work": 1}, code=str(code)) for code in made.codes[:real]]
    shares += [share_of({"work": 9}, code=str(Code(tag, s))) for s in made_up if s not in genuine]
    admission = admit_shares(store, check_shares(_files(shares)), tag)
    assert len(admission.shares) == real
    assert all(share.categories["work"] == 1 for share in admission.shares)


@_FAST
@given(
    picks=st.lists(st.tuples(st.integers(0, 5), st.booleans()), min_size=1, max_size=20),
    seed=st.integers(0, 2**32),
)
def test_each_code_counts_once_whatever_is_handed_in(
    store: Store, picks: list[tuple[int, bool]], seed: int
) -> None:
    """Copies, and other shares under a code already used, never add a participant."""
    made = create_workshop(store, 6, cost=TEST_COST, rng=random.Random(seed))
    shares = []
    for index, changed in picks:
        share = share_of({"work": 2}, code=str(made.codes[index]))
        shares.append(replace(share, needs_action=("client-photos",)) if changed else share)
    admission = admit_shares(store, check_shares(_files(shares)), made.workshop.tag)
    assert len(admission.shares) == len({index for index, _ in picks})
    assert len({share.code for share in admission.shares}) == len(admission.shares)


# --- differencing -----------------------------------------------------------------------


def _rank(rows: list[list[Fraction]]) -> int:
    """The rank of a small matrix, by exact Gaussian elimination."""
    rows = [row[:] for row in rows]
    rank, columns = 0, len(rows[0]) if rows else 0
    for col in range(columns):
        pivot = next((r for r in range(rank, len(rows)) if rows[r][col] != 0), None)
        if pivot is None:
            continue
        rows[rank], rows[pivot] = rows[pivot], rows[rank]
        for r in range(len(rows)):
            if r != rank and rows[r][col] != 0:
                factor = rows[r][col] / rows[rank][col]
                rows[r] = [a - factor * b for a, b in zip(rows[r], rows[rank], strict=True)]
        rank += 1
    return rank


def _indicator(members: frozenset[int] | tuple[int, ...], pool: int) -> list[Fraction]:
    return [Fraction(int(i in members)) for i in range(pool)]


def _reports_isolate(reports: list[frozenset[int]], group: tuple[int, ...], pool: int) -> bool:
    """Whether some sum and difference of the reports adds up exactly the `group`'s shares."""
    rows = [_indicator(r, pool) for r in reports]
    return _rank([*rows, _indicator(group, pool)]) == _rank(rows)


POOL = 9


@settings(max_examples=120, deadline=None)
@given(
    min_group=st.integers(3, 4),
    attempts=st.lists(st.sets(st.integers(0, POOL - 1), min_size=3), min_size=1, max_size=7),
)
def test_no_combination_of_allowed_reports_singles_out_a_small_group(
    min_group: int, attempts: list[set[int]]
) -> None:
    """Whatever report sets a facilitator tries, those allowed can never be added and
    subtracted into the figures of fewer than `min_group` participants."""
    allowed: list[frozenset[int]] = []
    for attempt in attempts:
        new = frozenset(attempt)
        if len(new) >= min_group and not too_small(allowed, new, min_group):
            allowed.append(new)
    if not allowed:
        return
    members = sorted(frozenset().union(*allowed))
    for size in range(1, min_group):
        for group in itertools.combinations(members, size):
            assert not _reports_isolate(allowed, group, POOL), (allowed, group)
    assert all(len(atom) >= min_group for atom in atoms(allowed))


@settings(max_examples=80, deadline=None)
@given(first=st.sets(st.integers(0, 20), min_size=5), extra=st.sets(st.integers(21, 40)))
def test_the_same_shares_again_or_a_large_enough_addition_is_allowed(
    first: set[int], extra: set[int]
) -> None:
    earlier = [frozenset(first)]
    assert too_small(earlier, frozenset(first), 5) == []  # another language, the same shares
    grown = too_small(earlier, frozenset(first | extra), 5)
    assert (grown == []) == (len(extra) == 0 or len(extra) >= 5)


def test_two_reports_that_differ_by_one_share_are_refused(store: Store) -> None:
    """The exact attack of the issue, through the ledger: the second report is refused."""
    made = create_workshop(store, 6, cost=TEST_COST)
    shares = [share_of({"work": 1, "activism": i}, code=str(c)) for i, c in enumerate(made.codes)]
    first = admit_shares(store, check_shares(_files(shares[:5])))
    prepared = prepare_summary(store, first, (), given=5, min_group=5)
    record_summary(store, prepared)
    again = admit_shares(store, check_shares(_files(shares[:5])))
    record_summary(store, prepare_summary(store, again, (), given=5, min_group=5))
    for attempt in (shares[:6], shares[1:6], [*shares[:4], shares[5]]):
        admission = admit_shares(store, check_shares(_files(attempt)))
        with pytest.raises(InputError, match="subtracting one report from another"):
            prepare_summary(store, admission, (), given=len(attempt), min_group=5)
    # and a lower --min-group does not get round it
    admission = admit_shares(store, check_shares(_files(shares[:6])))
    with pytest.raises(InputError, match="subtracting"):
        prepare_summary(store, admission, (), given=6, min_group=3)


def test_forget_all_deletes_the_workshops(store: Store) -> None:
    create_workshop(store, 3, cost=TEST_COST)
    store.forget_all()
    with store.reading() as conn:
        for table in ("workshops", "workshop_codes", "workshop_summaries"):
            assert conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] == 0
