"""Removal requests followed to the end: deadlines, what to do next, and what is gone.

A GDPR erasure request to a controller (the site owner, the Internet Archive, a
platform) must be answered within one month (GDPR art. 12(3)); search engines and the
Data Protection Ombudsman have no deadline footprint can count on. The pure half takes
`today` as an argument so that tests can move the clock.
"""

from __future__ import annotations

import calendar
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum
from typing import Any

from footprint.errors import InputError, UsageError
from footprint.guidance import LETTER_KINDS
from footprint.models import DEFUNCT_STATUSES, PageCheck
from footprint.store.urlkey import url_key


class Channel(StrEnum):
    SITE_OWNER = "site-owner"
    GOOGLE_DELISTING = "google-delisting"
    GOOGLE_OUTDATED = "google-outdated"
    BING = "bing"
    ARCHIVE = "archive"
    PLATFORM = "platform"
    OMBUDSMAN = "ombudsman"


CONTROLLERS = frozenset({Channel.SITE_OWNER, Channel.ARCHIVE, Channel.PLATFORM})
SEARCH_ENGINES = frozenset({Channel.GOOGLE_DELISTING, Channel.GOOGLE_OUTDATED, Channel.BING})


class Status(StrEnum):
    OPEN = "open"
    REMOVED = "removed"  # a later audit no longer finds it
    CLOSED = "closed"  # the person closed the request
    REFUSED = "refused"  # the controller or search engine said no: the Ombudsman is next


def parse_channel(text: str) -> Channel:
    try:
        return Channel(text.strip().lower())
    except ValueError:
        choices = "|".join(c.value for c in Channel)
        raise UsageError(f"unknown channel {text!r}: use one of {choices}") from None


def parse_letter(text: str) -> str:
    """Which letter was sent: one of footprint's letter kinds."""
    kind = text.strip().lower()
    if kind not in LETTER_KINDS:
        raise UsageError(f"unknown letter {text!r}: use one of {'|'.join(LETTER_KINDS)}")
    return kind


def parse_date(text: str, today: date) -> date:
    """A date the person typed (YYYY-MM-DD), not in the future."""
    try:
        parsed = date.fromisoformat(text.strip())
    except ValueError:
        raise InputError(
            f"--date {text!r} is not a date: use YYYY-MM-DD, e.g. {today.isoformat()}"
        ) from None
    if parsed > today:
        raise InputError(f"--date {text!r} is in the future: give the day the request was sent")
    return parsed


def add_month(day: date) -> date:
    """The same day a month later, or the month's last day (31 January → 28/29 February)."""
    year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def deadline(channel: Channel, sent: date) -> date | None:
    """When the answer is due: a month for a controller, none for the others."""
    return add_month(sent) if channel in CONTROLLERS else None


@dataclass(frozen=True)
class RemovalRequest:
    id: int
    url: str
    channel: Channel
    sent: date
    note: str = ""
    name: str | None = None  # the audited name the address was found for
    status: Status = Status.OPEN
    status_at: str | None = None
    removed_reason: str = ""
    letter: str = ""  # the letter kind sent ('' when not recorded)

    @property
    def deadline(self) -> date | None:
        return deadline(self.channel, self.sent)

    def overdue(self, today: date) -> bool:
        due = self.deadline
        return self.status is Status.OPEN and due is not None and today > due

    def next_step(self, today: date) -> tuple[str, str]:
        """(code, text): what the person should do now."""
        if self.status is Status.REMOVED:
            return "confirm_removed", (
                f"it is gone ({self.removed_reason}): close it with 'footprint track --done URL'"
            )
        if self.status is Status.CLOSED:
            return "none", "nothing: the request is closed"
        if self.status is Status.REFUSED and self.channel in SEARCH_ENGINES:
            return "appeal_ombudsman", (
                "the search engine refused: send the delisting appeal to the Data Protection "
                "Ombudsman with its answer ('footprint report … --letters FOLDER' writes it)"
            )
        if self.status is Status.REFUSED:
            return "notify_ombudsman", (
                "the request was refused: notify the Data Protection Ombudsman (tietosuoja.fi), "
                "attaching your letter and the answer"
            )
        if self.overdue(today):
            return "notify_ombudsman", (
                "no answer within a month: notify the Data Protection Ombudsman (tietosuoja.fi)"
            )
        if self.channel in CONTROLLERS:
            return "await_answer", f"wait for the answer, due by {self.deadline}"
        if self.channel in SEARCH_ENGINES:
            return "await_search_engine", (
                "wait for the search engine's decision; a refusal can be taken to the "
                "Data Protection Ombudsman"
            )
        return "await_ombudsman", "wait for the Data Protection Ombudsman's decision"

    def to_dict(self, today: date) -> dict[str, Any]:
        code, text = self.next_step(today)
        due = self.deadline
        return {
            "url": self.url,
            "channel": self.channel.value,
            "sent": self.sent.isoformat(),
            "deadline": due.isoformat() if due else None,
            "overdue": self.overdue(today),
            "status": self.status.value,
            "next_step": text,
            "next_step_code": code,
            "note": self.note,
            "letter": self.letter,
        }


def ordered(requests: Sequence[RemovalRequest], today: date) -> list[RemovalRequest]:
    """Overdue first (the longest overdue first), then by deadline, then the rest by date."""
    return sorted(
        requests,
        key=lambda r: (
            not r.overdue(today),
            r.status is not Status.OPEN,
            r.deadline is None,
            r.deadline or r.sent,
            r.sent,
            r.id,
        ),
    )


FILE_PROVIDER = "file"  # a saved results file: not a search of the web as it is now


def absence_counts(complete: bool, failures: Sequence[str], providers: Iterable[str]) -> bool:
    """Whether an audit's missing an address shows it is out of the search results.

    Only an audit that finished, in which no search source failed, and that asked at
    least one real search provider (not only a saved results file) shows that.
    """
    return complete and not failures and any(p != FILE_PROVIDER for p in providers)


def removal_evidence(
    channel: Channel, present: bool, check: PageCheck | None, absence_is_evidence: bool
) -> str | None:
    """Why an audit shows the request worked, or None.

    Absence counts only when `absence_is_evidence` (see `absence_counts()`). A gone
    page counts for requests to whoever holds the page; for search engines only absence
    from the results counts (a Google 'outdated content' request is about a page that is
    already gone). An archive request counts when the archive no longer has a copy.
    """
    if channel is Channel.ARCHIVE:
        if check is not None and check.archive is not None and not check.archive.available:
            return "the Internet Archive has no copy any more"
        return None
    if not present:
        return "no longer in the search results" if absence_is_evidence else None
    if channel not in SEARCH_ENGINES and check is not None and check.status in DEFUNCT_STATUSES:
        return f"the page is {check.status.value}"
    return None


_COLUMNS = "id, url, channel, sent, note, name, status, status_at, removed_reason, letter"


def _request(row: Sequence[Any]) -> RemovalRequest:
    return RemovalRequest(
        id=row[0],
        url=row[1],
        channel=Channel(row[2]),
        sent=date.fromisoformat(row[3]),
        note=row[4],
        name=row[5],
        status=Status(row[6]),
        status_at=row[7],
        removed_reason=row[8],
        letter=row[9],
    )


def add_request(
    conn: sqlite3.Connection,
    url: str,
    channel: Channel,
    sent: date,
    note: str,
    name: str | None,
    letter: str = "",
) -> tuple[RemovalRequest, bool]:
    """Record a request; a second one to the same channel updates the first. -> (request, new)"""
    key = url_key(url)
    row = conn.execute(
        "SELECT id FROM removal_requests WHERE url_key = ? AND channel = ? AND status != 'closed'",
        (key, channel.value),
    ).fetchone()
    if row:
        conn.execute(
            "UPDATE removal_requests SET sent = ?, note = ?, status = 'open', status_at = NULL, "
            "removed_reason = '', letter = ? WHERE id = ?",
            (sent.isoformat(), note, letter, row[0]),
        )
        request_id, new = row[0], False
    else:
        cursor = conn.execute(
            "INSERT INTO removal_requests (url, url_key, channel, sent, note, name, letter) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (url, key, channel.value, sent.isoformat(), note, name, letter),
        )
        request_id, new = cursor.lastrowid, True
    found = conn.execute(
        f"SELECT {_COLUMNS} FROM removal_requests WHERE id = ?", (request_id,)
    ).fetchone()
    return _request(found), new


def list_requests(conn: sqlite3.Connection, include_closed: bool = False) -> list[RemovalRequest]:
    where = "" if include_closed else "WHERE status != 'closed'"
    rows = conn.execute(f"SELECT {_COLUMNS} FROM removal_requests {where} ORDER BY sent, id")
    return [_request(row) for row in rows]


def close_requests(
    conn: sqlite3.Connection,
    url: str,
    channel: Channel | None,
    now: str,
    status: Status = Status.CLOSED,
) -> int:
    """Close (or mark refused) the address's requests, only `channel`'s when given."""
    query = (
        "UPDATE removal_requests SET status = ?, status_at = ? "
        "WHERE url_key = ? AND status NOT IN ('closed', ?)"
    )
    params: list[Any] = [status.value, now, url_key(url), status.value]
    if channel is not None:
        query += " AND channel = ?"
        params.append(channel.value)
    return conn.execute(query, params).rowcount


def mark_removed(
    conn: sqlite3.Connection,
    audit_id: int,
    found: dict[str, tuple[str | None, PageCheck | None]],
    now: str,
    absent_is_removed: bool,
) -> list[RemovalRequest]:
    """Mark the open requests that this audit shows have worked; return them.

    `absent_is_removed`: whether an address missing from this audit counts (see
    `absence_counts()`); page evidence counts either way.
    """
    audit = conn.execute("SELECT name, started_at FROM audits WHERE id = ?", (audit_id,)).fetchone()
    if audit is None:
        return []
    name, started_at = audit
    rows = conn.execute(
        f"SELECT {_COLUMNS}, url_key FROM removal_requests WHERE status = 'open' "
        "AND sent <= ? AND (name IS NULL OR name = ?)",
        (started_at[:10], name),
    ).fetchall()
    marked = []
    for row in rows:
        request, key = _request(row), row[-1]
        _, check = found.get(key, (None, None))
        evidence = removal_evidence(request.channel, key in found, check, absent_is_removed)
        if evidence is None:
            continue
        conn.execute(
            "UPDATE removal_requests SET status = 'removed', status_at = ?, removed_by = ?, "
            "removed_reason = ? WHERE id = ?",
            (now, audit_id, evidence, request.id),
        )
        marked.append(
            replace(request, status=Status.REMOVED, status_at=now, removed_reason=evidence)
        )
    return marked
