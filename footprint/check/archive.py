"""The Internet Archive lookup: is there a copy of a page, and when was it captured?

Two public APIs: the Wayback availability API gives the closest snapshot, the CDX API
the first and last successful capture and their count. The base URLs are arguments,
so tests and mirrors can point them elsewhere. The parsing halves are pure.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from footprint.check.fetch import Gate, host_key, no_gate
from footprint.models import ArchiveCopy

if TYPE_CHECKING:
    import requests

AVAILABLE_URL = "https://archive.org/wayback/available"
CDX_URL = "https://web.archive.org/cdx/search/cdx"
CDX_CAP = 1000  # captures listed at most; beyond that the count is left unknown


class LookupFailed(Exception):
    """The Archive did not answer, or answered something we cannot read."""


def parse_available(data: Any) -> str | None:
    """The closest snapshot's URL from an availability answer, or None when there is none.

    `{"archived_snapshots": {"closest": {"available": true, "url": …, "timestamp": …}}}`,
    or `{"archived_snapshots": {}}` when nothing is archived.
    """
    if not isinstance(data, Mapping) or not isinstance(data.get("archived_snapshots"), Mapping):
        raise LookupFailed("the availability answer has no 'archived_snapshots'")
    closest = data["archived_snapshots"].get("closest")
    if closest is None:
        return None
    if not isinstance(closest, Mapping):
        raise LookupFailed("'closest' is not an object")
    url = closest.get("url")
    if not closest.get("available") or not isinstance(url, str) or not url:
        return None
    if url.startswith("http://web.archive.org/"):
        url = "https://" + url.removeprefix("http://")
    return url


def parse_cdx(data: Any) -> list[str]:
    """The capture timestamps from a CDX answer (`output=json&fl=timestamp`).

    The answer is a list of rows whose first row names the fields; `[]` when nothing
    was captured.
    """
    if not isinstance(data, list):
        raise LookupFailed("the CDX answer is not a list of rows")
    if not data:
        return []
    header = data[0]
    if not isinstance(header, list) or "timestamp" not in header:
        raise LookupFailed("the CDX answer has no 'timestamp' column")
    column = header.index("timestamp")
    stamps = []
    for row in data[1:]:
        if not isinstance(row, list) or len(row) <= column:
            raise LookupFailed("a CDX row is malformed")
        stamp = str(row[column])
        if len(stamp) < 8 or not stamp.isdigit():
            raise LookupFailed(f"a CDX timestamp is malformed: {stamp[:20]!r}")
        stamps.append(stamp)
    return stamps


def iso_date(stamp: str) -> str:
    """`20130919044612` → `2013-09-19`."""
    return f"{stamp[:4]}-{stamp[4:6]}-{stamp[6:8]}"


class Wayback:
    """Asks the Internet Archive about addresses, through the given session."""

    def __init__(
        self,
        session: requests.Session,
        *,
        available_url: str = AVAILABLE_URL,
        cdx_url: str = CDX_URL,
        timeout: tuple[float, float] = (5.0, 20.0),
        gate: Gate = no_gate,
    ) -> None:
        self.session = session
        self.available_url = available_url
        self.cdx_url = cdx_url
        self.timeout = timeout
        self.gate = gate

    @classmethod
    def at(cls, base: str, session: requests.Session, **kwargs: Any) -> Wayback:
        """A client for a server that serves both APIs under `base` (a mirror, or a test)."""
        root = base.rstrip("/")
        return cls(session, available_url=f"{root}/wayback/available",
                   cdx_url=f"{root}/cdx/search/cdx", **kwargs)  # fmt: skip

    def lookup(self, url: str) -> ArchiveCopy | None:
        """What the Archive holds of `url`; None when the Archive could not be asked."""
        try:
            snapshot: str | LookupFailed | None = parse_available(
                self._json(self.available_url, {"url": url})
            )
        except LookupFailed as exc:
            snapshot = exc
        if snapshot is None:
            return ArchiveCopy(available=False)
        try:
            stamps: Sequence[str] | None = self._captures(url)
        except LookupFailed:
            stamps = None
        if isinstance(snapshot, LookupFailed):
            if stamps is None:
                return None
            if not stamps:
                return ArchiveCopy(available=False)
            snapshot = f"https://web.archive.org/web/{stamps[-1]}/{url}"
        if not stamps:
            return ArchiveCopy(available=True, url=snapshot)
        return ArchiveCopy(
            available=True,
            url=snapshot,
            first_capture=iso_date(stamps[0]),
            last_capture=iso_date(stamps[-1]),
            captures=len(stamps) if len(stamps) < CDX_CAP else None,
        )

    def _captures(self, url: str) -> list[str]:
        query = {"url": url, "output": "json", "fl": "timestamp", "filter": "statuscode:200"}
        stamps = parse_cdx(self._json(self.cdx_url, {**query, "limit": str(CDX_CAP)}))
        if len(stamps) >= CDX_CAP:  # more than listed: ask for the very last one too
            last = parse_cdx(self._json(self.cdx_url, {**query, "limit": "-1"}))
            stamps = [*stamps[:-1], *(last or stamps[-1:])]
        return stamps

    def _json(self, api: str, params: Mapping[str, str]) -> Any:
        import requests

        try:
            with self.gate(host_key(api)):
                response = self.session.get(api, params=params, timeout=self.timeout)
        except requests.RequestException as exc:
            raise LookupFailed(f"the Archive did not answer: {type(exc).__name__}") from exc
        if response.status_code != 200:
            raise LookupFailed(f"the Archive answered HTTP {response.status_code}")
        try:
            return response.json()
        except ValueError as exc:
            raise LookupFailed("the Archive's answer is not JSON") from exc
