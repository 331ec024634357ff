"""From handed-in share files to a group summary that counts each participant once.

`admit_shares` takes the already validated shares (`validate.py`) and keeps those whose
participant code is one of the workshop's and is not already counted with another share,
saying why each other one is left out. `prepare_summary` refuses a group smaller than
`--min-group` and a report that could be subtracted from the workshop's earlier ones
(`differencing.py`), and returns the summary. Only after the report is written does
`record_summary` remember it, so a failed write changes nothing. The CLI and the web app
call these three; none prints.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from footprint.errors import InputError, UsageError
from footprint.workshop import ledger
from footprint.workshop.codes import parse_code
from footprint.workshop.differencing import too_small
from footprint.workshop.report import Intake
from footprint.workshop.share import Share
from footprint.workshop.summary import GroupSummary, summarise
from footprint.workshop.validate import Duplicate, ReadShares, Rejected

if TYPE_CHECKING:
    from footprint.store import Store


@dataclass(frozen=True)
class Admission:
    """The shares a workshop counts, and every other one with why it is left out."""

    workshop: ledger.Workshop
    shares: tuple[Share, ...]
    counted: tuple[tuple[int, str], ...]  # (code id, binding) of each share, in order
    rejected: tuple[Rejected, ...]  # validation and codes, in the order the files were given
    duplicates: tuple[Duplicate, ...]


@dataclass(frozen=True)
class PreparedSummary:
    """A group summary ready to render, and what to record once it is written."""

    admission: Admission
    summary: GroupSummary
    intake: Intake
    min_group: int


def _choose_workshop(store: Store, shares: Sequence[Share], tag: str | None) -> ledger.Workshop:
    if tag is not None:
        return ledger.find_workshop(store, tag)
    tags = Counter(share.code[:4] for share in shares)
    known = []
    for candidate in tags:
        try:
            known.append(ledger.find_workshop(store, candidate))
        except InputError:
            continue
    if len(known) == 1:
        return known[0]
    if not known:
        raise InputError(
            "none of the shares has a participant code of a workshop made on this device: "
            "make the group report on the device that made the kit"
        )
    listed = ", ".join(f"{w.tag} ({tags[w.tag]} shares)" for w in known)
    raise UsageError(f"the shares come from several workshops, {listed}: give --workshop TAG")


def _admit(
    store: Store, workshop: ledger.Workshop, shares: Sequence[Share], sources: Sequence[str]
) -> tuple[list[Share], list[tuple[int, str]], list[Rejected]]:
    """Keep the shares whose code is one of the workshop's and not counted with another share."""
    from footprint.workshop.codes import binding

    used: list[Share] = []
    counted: list[tuple[int, str]] = []
    rejected: list[Rejected] = []
    codes = [parse_code(share.code) for share in shares]
    ours = [i for i, code in enumerate(codes) if code.tag == workshop.tag]
    for i in set(range(len(shares))) - set(ours):
        rejected.append(
            Rejected(
                sources[i],
                f"its participant code is from workshop {codes[i].tag}, not {workshop.tag}",
            )
        )
    records = ledger.lookup_codes(store, workshop, [codes[i] for i in ours])
    for i, record in zip(ours, records, strict=True):
        if record is None:
            rejected.append(
                Rejected(
                    sources[i],
                    f"its participant code is not one of workshop {workshop.tag}'s codes: "
                    "it is made up or mistyped",
                )
            )
            continue
        bound = binding(codes[i], shares[i].canonical())
        if record.binding is not None and record.binding != bound:
            rejected.append(
                Rejected(
                    sources[i],
                    "its participant code was already counted with another share in an "
                    "earlier group report: a code counts one share",
                )
            )
            continue
        used.append(shares[i])
        counted.append((record.id, bound))
    return used, counted, rejected


def admit_shares(store: Store, read: ReadShares, tag: str | None = None) -> Admission:
    """The validated shares whose participant codes this device's workshop accepts."""
    if not read.shares and read.rejected:
        first = read.rejected[0]
        more = len(read.rejected) - 1
        others = f" (and {more} other file{'s' if more > 1 else ''})" if more else ""
        raise InputError(f"no share file could be used: {first.source}{others}: {first.reason}")
    workshop = _choose_workshop(store, read.shares, tag)
    used, counted, refused = _admit(store, workshop, read.shares, read.sources)
    order = {source: n for n, source in enumerate(read.order)}
    rejected = sorted((*read.rejected, *refused), key=lambda r: order.get(r.source, 0))
    return Admission(workshop, tuple(used), tuple(counted), tuple(rejected), read.duplicates)


def prepare_summary(
    store: Store,
    admission: Admission,
    rule_ids: Sequence[str],
    *,
    given: int,
    min_group: int,
) -> PreparedSummary:
    """The group summary of the admitted shares, or an error saying why not.

    `given` is how many share files were handed in. Raises `InputError` when fewer than
    `min_group` shares count, or when the report could be subtracted from an earlier one.
    """
    workshop = admission.workshop
    earlier, earlier_min = ledger.earlier_summaries(store, workshop)
    group_min = max(min_group, earlier_min)
    summary = summarise(admission.shares, rule_ids, min_group=group_min)
    counted = frozenset(code_id for code_id, _ in admission.counted)
    singled_out = too_small(earlier, counted, group_min)
    if singled_out:
        sizes = sorted((len(group) for group in singled_out), reverse=True)
        listed = ", ".join(map(str, sizes[:-1])) + (" and " if len(sizes) > 1 else "")
        raise InputError(
            f"this group report could be subtracted from the {len(earlier)} earlier one"
            f"{'' if len(earlier) == 1 else 's'} of workshop {workshop.tag}: that would single "
            f"out groups of {listed}{sizes[-1]} participants, fewer than {group_min}, and "
            "subtracting one report from another would reveal their figures; summarise "
            f"exactly the shares of an earlier report, or add at least {group_min} new ones"
        )
    intake = Intake(
        given, len(admission.shares), len(admission.rejected), len(admission.duplicates)
    )
    return PreparedSummary(admission, summary, intake, group_min)


def record_summary(store: Store, prepared: PreparedSummary) -> None:
    """Remember a written group report, so later ones cannot be subtracted from it."""
    admission = prepared.admission
    ledger.record_summary(store, admission.workshop, admission.counted, prepared.min_group)
