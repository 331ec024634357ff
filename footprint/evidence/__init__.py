"""An evidence log for harassment: a hostile page saved as it was, with when and a checksum.

`capture(url)` fetches the page with the page check's safe fetcher (private and local
addresses refused, redirects re-checked, bounded in time and size) and returns an
`Evidence`: the HTML as received, its visible text, the final address, the time (UTC) and a
SHA-256 of each. The store keeps them (`footprint.store.evidence`); `package.export`
writes a folder for the police, the employer or the Data Protection Ombudsman with a
manifest of checksums that `package.verify` (or `sha256sum -c`) checks.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from footprint.errors import InputError, NetworkError
from footprint.models import PageStatus

if TYPE_CHECKING:
    from footprint.check.pool import Checker


def sha256(data: bytes | str) -> str:
    """The hex SHA-256 of bytes, or of text as UTF-8."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return hashlib.sha256(raw).hexdigest()


@dataclass(frozen=True)
class Evidence:
    """One saved page."""

    url: str  # the address the person gave
    final_url: str  # where the redirects ended
    fetched_at: str  # ISO 8601, UTC, seconds
    http_status: int
    content_type: str
    html: bytes  # the body as received (HTML only, at most the page check's cap)
    text: str  # its visible text
    sha256_html: str
    sha256_text: str
    truncated: bool = False  # the page was longer than the cap: only its start is saved
    note: str = ""
    id: int | None = None  # set once stored


def from_page(
    url: str,
    final_url: str,
    status: int,
    content_type: str,
    body: bytes,
    *,
    charset: str | None = None,
    truncated: bool = False,
    note: str = "",
    now: datetime | None = None,
) -> Evidence:
    """Evidence from a fetched body (pure): its visible text and both checksums."""
    from footprint.check.page import parse_html

    text = parse_html(body, charset).text if body else ""
    when = (now or datetime.now(UTC)).astimezone(UTC).isoformat(timespec="seconds")
    return Evidence(
        url=url,
        final_url=final_url,
        fetched_at=when,
        http_status=status,
        content_type=content_type,
        html=body,
        text=text,
        sha256_html=sha256(body),
        sha256_text=sha256(text),
        truncated=truncated,
        note=note,
    )


def capture(url: str, *, note: str = "", checker: Checker | None = None) -> Evidence:
    """Fetch `url` with the safe page fetcher and keep what it shows."""
    from footprint.check.page import Fetched
    from footprint.check.pool import Checker

    url = url.strip()
    if not url.lower().startswith(("http://", "https://")):
        raise InputError(f"{url!r} is not a web address: give one starting with https://")
    own = checker is None
    checker = checker or Checker(archive="none", deadline=None)
    try:
        got = checker.fetcher.fetch(url)
    finally:
        if own:
            checker.close()
    if not isinstance(got, Fetched):
        if got.status is PageStatus.SKIPPED:
            raise InputError(f"{url}: not fetched ({got.reason})")
        raise NetworkError(f"{url}: could not be saved ({got.reason}); try again later")
    return from_page(
        url, got.final_url, got.status, got.content_type, got.body,
        charset=got.charset, truncated=got.truncated, note=note,
    )  # fmt: skip
