"""The facilitator's side of a workshop, kept in footprint's database.

A workshop is its tag, a random salt and one verifier per participant code (`codes.py`);
the codes themselves are printed once and never stored. When a group report is written the
ledger records which codes it counted (so later summaries cannot be subtracted from it,
`differencing.py`) and, per code, a binding to the share it was counted with (so one code
counts one share, once).

The functions take an open `Store`; each is one transaction. They never print.
"""

from __future__ import annotations

import random
import secrets
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from footprint.errors import InputError
from footprint.workshop import codes as codes_mod
from footprint.workshop.codes import Code

if TYPE_CHECKING:
    from footprint.store import Store

MAX_PARTICIPANTS = 500
SALT_BYTES = 16


@dataclass(frozen=True)
class Workshop:
    id: int
    tag: str
    created_at: str
    salt: bytes
    cost: int
    codes: int  # how many codes were made


@dataclass(frozen=True)
class NewWorkshop:
    """A workshop just made: its record and its codes, to print once and forget."""

    workshop: Workshop
    codes: tuple[Code, ...]


@dataclass(frozen=True)
class CodeRecord:
    id: int
    binding: str | None  # the share the code was counted with, if any


def create_workshop(
    store: Store,
    participants: int,
    *,
    cost: int = codes_mod.DEFAULT_COST,
    rng: random.Random | None = None,
) -> NewWorkshop:
    """A new workshop with one code per participant; only the codes' verifiers are kept."""
    if not 1 <= participants <= MAX_PARTICIPANTS:
        raise InputError(f"--participants {participants}: give 1 to {MAX_PARTICIPANTS}")
    salt = (
        bytes(rng.getrandbits(8) for _ in range(SALT_BYTES))
        if rng
        else secrets.token_bytes(SALT_BYTES)
    )
    now = store.now()
    with store.writing() as conn:
        taken = {row[0] for row in conn.execute("SELECT tag FROM workshops")}
        tag = codes_mod.new_tag(rng)
        while tag in taken:
            tag = codes_mod.new_tag(rng)
        made = codes_mod.new_codes(tag, participants, rng)
        verifiers = [codes_mod.verifier(code, salt, cost) for code in made]
        workshop_id = conn.execute(
            "INSERT INTO workshops (tag, created_at, salt, cost, codes) VALUES (?, ?, ?, ?, ?)",
            (tag, now, salt, cost, participants),
        ).lastrowid
        assert workshop_id is not None
        conn.executemany(
            "INSERT INTO workshop_codes (workshop_id, verifier) VALUES (?, ?)",
            [(workshop_id, v) for v in verifiers],
        )
    workshop = Workshop(workshop_id, tag, now, salt, cost, participants)
    return NewWorkshop(workshop, tuple(made))


def _workshop(conn: sqlite3.Connection, tag: str) -> Workshop | None:
    row = conn.execute(
        "SELECT id, tag, created_at, salt, cost, codes FROM workshops WHERE tag = ?", (tag,)
    ).fetchone()
    return Workshop(*row) if row else None


def find_workshop(store: Store, tag: str) -> Workshop:
    """The workshop with this tag, or an error that says where summaries are made."""
    with store.reading() as conn:
        found = _workshop(conn, tag.upper())
    if found is None:
        raise InputError(
            f"no workshop {tag.upper()} on this device: make the group report on the device "
            "that made the kit ('footprint workshop kit')"
        )
    return found


def lookup_codes(
    store: Store, workshop: Workshop, found: Sequence[Code]
) -> list[CodeRecord | None]:
    """Each code's record in the workshop, or None for a code that is not one of its codes."""
    verifiers = [codes_mod.verifier(code, workshop.salt, workshop.cost) for code in found]
    records: list[CodeRecord | None] = []
    with store.reading() as conn:
        for v in verifiers:
            row = conn.execute(
                "SELECT id, binding FROM workshop_codes WHERE workshop_id = ? AND verifier = ?",
                (workshop.id, v),
            ).fetchone()
            records.append(CodeRecord(row[0], row[1]) if row else None)
    return records


def earlier_summaries(store: Store, workshop: Workshop) -> tuple[list[frozenset[int]], int]:
    """The code sets of the workshop's earlier group reports, and the largest minimum group."""
    with store.reading() as conn:
        rows = conn.execute(
            "SELECT s.id, s.min_group, m.code_id FROM workshop_summaries s "
            "JOIN workshop_summary_codes m ON m.summary_id = s.id WHERE s.workshop_id = ?",
            (workshop.id,),
        ).fetchall()
    sets: dict[int, set[int]] = {}
    largest = 0
    for summary_id, min_group, code_id in rows:
        sets.setdefault(summary_id, set()).add(code_id)
        largest = max(largest, min_group)
    return [frozenset(s) for s in sets.values()], largest


def record_summary(
    store: Store,
    workshop: Workshop,
    counted: Sequence[tuple[int, str]],
    min_group: int,
) -> None:
    """Remember a written group report: which codes it counted, each bound to its share."""
    with store.writing() as conn:
        summary_id = conn.execute(
            "INSERT INTO workshop_summaries (workshop_id, created_at, min_group) VALUES (?, ?, ?)",
            (workshop.id, store.now(), min_group),
        ).lastrowid
        conn.executemany(
            "INSERT INTO workshop_summary_codes (summary_id, code_id) VALUES (?, ?)",
            [(summary_id, code_id) for code_id, _ in counted],
        )
        conn.executemany(
            "UPDATE workshop_codes SET binding = ? WHERE id = ? AND binding IS NULL",
            [(binding, code_id) for code_id, binding in counted],
        )
