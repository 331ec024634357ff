"""Bounded downloads: redirects followed by hand, each hop re-checked, one retry at most.

`Fetcher.fetch(url)` returns a `Fetched` response or, when the page could not be
fetched, an `Outcome` that says why. Only HTML bodies are read, up to a cap. Each host
is looked up once and its checked addresses are pinned, and each fetch runs under a
watchdog that ends it at its deadline, also in the middle of a read (`connect`).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from footprint.check import safety
from footprint.check.connect import Watchdog, pin_key
from footprint.check.failures import Stopped, is_transient, outcome_for_error
from footprint.check.page import HTML_TYPES, Fetched, media_type
from footprint.check.verdict import Outcome
from footprint.models import PageStatus

if TYPE_CHECKING:
    import requests

REDIRECTS = frozenset({301, 302, 303, 307, 308})
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
CHUNK = 64 * 1024

Gate = Callable[[str], AbstractContextManager[object]]


@dataclass(frozen=True)
class Limits:
    """How long to wait and how much to read."""

    connect_timeout: float = 5.0
    read_timeout: float = 10.0
    max_bytes: int = 2 * 1024 * 1024
    max_redirects: int = 10
    page_seconds: float = 60.0  # wall time for one page, redirects and the retry included
    retry_pause: float = 0.5


def host_key(url: str) -> str:
    """The per-host limit's key: host and port."""
    parts = urlsplit(url)
    return (parts.netloc.rsplit("@", 1)[-1] or parts.path).lower()


def no_gate(_key: str) -> AbstractContextManager[object]:
    return nullcontext()


class Fetcher:
    """Fetches one page at a time; many threads may share one Fetcher."""

    def __init__(
        self,
        session: requests.Session,
        limits: Limits | None = None,
        *,
        allow_private: bool = False,
        gate: Gate = no_gate,
        stop: threading.Event | None = None,
        watchdog: Watchdog | None = None,
    ) -> None:
        self.session = session
        self.limits = limits or Limits()
        self.allow_private = allow_private
        self.gate = gate
        self.stop = stop or threading.Event()
        self.watchdog = watchdog or Watchdog()
        self.pins: dict[tuple[str, int], tuple[str, ...]] = {}  # the checked addresses
        self._proxy_for: dict[str, bool] = {}
        self._address_for: dict[str, Outcome | None] = {}

    def fetch(self, url: str) -> Fetched | Outcome:
        """Follow `url` through its redirects to a response, or say why that failed."""
        started = time.monotonic()
        with self.watchdog.scope(self.limits.page_seconds, self.pins) as scope:
            fetched = self._follow(url, started)
        if scope.expired and isinstance(fetched, Outcome):  # the watchdog ended a read
            if self.stop.is_set():
                return outcome_for_error(Stopped())
            return Outcome(
                PageStatus.UNREACHABLE,
                f"timed out: the page took longer than {self.limits.page_seconds:g} s to load",
            )
        return fetched

    def _follow(self, url: str, started: float) -> Fetched | Outcome:
        chain: list[str] = []
        current = url
        for _hop in range(self.limits.max_redirects + 1):
            blocked = self._blocked(current)
            if blocked:
                if chain and blocked.status is PageStatus.SKIPPED:
                    return Outcome(blocked.status, f"redirected to {current}: {blocked.reason}")
                return blocked
            try:
                fetched = self._get(url, current, tuple(chain), started)
            except Exception as exc:  # every failure becomes a page status
                return outcome_for_error(exc)
            if isinstance(fetched, Fetched):
                return fetched
            chain.append(current)
            current = fetched
            if current in chain:
                return Outcome(PageStatus.UNREACHABLE, f"a redirect loop at {current}")
        return Outcome(PageStatus.UNREACHABLE, f"more than {self.limits.max_redirects} redirects")

    def _blocked(self, url: str) -> Outcome | None:
        """Why `url` is not fetched (see `safety`); remembered per host for this fetcher.
        A temporary DNS failure is tried once more and never remembered."""
        try:
            key = f"{urlsplit(url).scheme}://{host_key(url)}"
        except ValueError:
            return Outcome(PageStatus.SKIPPED, "not a valid address")
        if key in self._address_for:
            return self._address_for[key]
        resolve = not self._proxied(url)
        vetted = safety.vet_address(url, allow_private=self.allow_private, resolve=resolve)
        if isinstance(vetted, Outcome) and vetted.status is PageStatus.UNREACHABLE:
            if self.stop.wait(self.limits.retry_pause):
                return vetted
            vetted = safety.vet_address(url, allow_private=self.allow_private, resolve=resolve)
        if isinstance(vetted, Outcome):
            if vetted.status is not PageStatus.UNREACHABLE:
                self._address_for[key] = vetted
            return vetted
        if vetted:  # connect only to these: a second lookup could answer otherwise
            from urllib3.util import parse_url

            parts = parse_url(url)  # the host as urllib3 will connect to it (IDNA-encoded)
            port = parts.port or (443 if (parts.scheme or "").lower() == "https" else 80)
            self.pins[pin_key(parts.host or "", port)] = vetted
        self._address_for[key] = None
        return None

    def _proxied(self, url: str) -> bool:
        """Whether a proxy (HTTPS_PROXY, NO_PROXY …) carries requests to this host."""
        from requests.utils import select_proxy

        key = f"{urlsplit(url).scheme}://{host_key(url)}"
        if key not in self._proxy_for:
            settings = self.session.merge_environment_settings(url, {}, None, None, None)
            self._proxy_for[key] = bool(select_proxy(url, settings.get("proxies") or {}))
        return self._proxy_for[key]

    def _get(self, origin: str, url: str, chain: tuple[str, ...], started: float) -> Fetched | str:
        """One hop: the response, or the next address when it redirects. Retries once."""
        try:
            return self._attempt(origin, url, chain, started, last=False)
        except _RetryStatus:
            pass
        except Exception as exc:
            if not is_transient(exc) or not self._time_left(started):
                raise
        self._pause(started)
        return self._attempt(origin, url, chain, started, last=True)

    def _attempt(
        self, origin: str, url: str, chain: tuple[str, ...], started: float, *, last: bool
    ) -> Fetched | str:
        self._check_time(started)
        timeout = (self.limits.connect_timeout, self.limits.read_timeout)
        with self.gate(host_key(url)):
            response = self.session.get(url, timeout=timeout, stream=True, allow_redirects=False)
            with response:
                status = response.status_code
                location = response.headers.get("Location")
                if status in REDIRECTS and location:
                    return urljoin(url, location.strip())
                if status in RETRY_STATUSES and not last and self._time_left(started):
                    raise _RetryStatus(status)
                kind, charset = media_type(response.headers.get("Content-Type"))
                body, truncated = b"", False
                if 200 <= status < 300 and (kind in HTML_TYPES or not kind):
                    body, truncated = self._read(response, started)
        return Fetched(origin, url, status, kind, charset, body, truncated, redirects=chain)

    def _read(self, response: requests.Response, started: float) -> tuple[bytes, bool]:
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_content(CHUNK):
            self._check_time(started)
            chunks.append(chunk)
            size += len(chunk)
            if size > self.limits.max_bytes:
                return b"".join(chunks)[: self.limits.max_bytes], True
        self._check_time(started)  # the watchdog may have cut the body short
        return b"".join(chunks), False

    def _time_left(self, started: float) -> bool:
        return not self.stop.is_set() and time.monotonic() - started < self.limits.page_seconds

    def _check_time(self, started: float) -> None:
        if self.stop.is_set():
            raise Stopped()
        if time.monotonic() - started >= self.limits.page_seconds:
            import requests

            raise requests.exceptions.ReadTimeout("the page took too long to download")

    def _pause(self, started: float) -> None:
        if self.stop.wait(self.limits.retry_pause):
            raise Stopped()


class _RetryStatus(Exception):
    """A 5xx or 429 answer worth one more try."""

    def __init__(self, status: int) -> None:
        super().__init__(f"HTTP {status}")
        self.status = status
