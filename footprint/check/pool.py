"""The checker: many pages at once, a few per host, within a total deadline.

A bounded thread pool fetches the pages; a semaphore per host (and port) keeps at most
`per_host` requests on one server at a time; when the deadline passes, every page not
yet checked becomes `unreachable` with the reason "deadline". A "no such name" answer
means `gone` only when the run's name server passes the canary check (`nameserver`).
"""

from __future__ import annotations

import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import replace
from datetime import UTC, datetime
from queue import Empty, SimpleQueue
from typing import TYPE_CHECKING

from footprint import settings
from footprint.check.archive import Wayback
from footprint.check.failures import NO_SUCH_NAME
from footprint.check.fetch import Fetcher, Limits, host_key
from footprint.check.nameserver import UNTRUSTED_REASON, NameServerCheck, Resolve
from footprint.check.page import parse_html
from footprint.check.safety import SCHEMES, allow_private_from_env
from footprint.check.verdict import Outcome, judge
from footprint.errors import Cancelled
from footprint.models import DEFUNCT_STATUSES, PageCheck, PageStatus, SearchResult

if TYPE_CHECKING:
    import requests

ARCHIVE_MODES = ("auto", "all", "none")
ARCHIVE_URL_ENV = settings.ARCHIVE_URL  # a mirror serving both Wayback APIs
Progress = Callable[[int, int], None]
OnCheck = Callable[[str, PageCheck], None]  # each page's check as soon as it is done
POLL_SECONDS = 0.1  # how often a run looks at its cancel token while pages are fetched


class HostGates:
    """One semaphore per host: `with gates(key):` waits while `per_host` requests run there."""

    def __init__(self, per_host: int) -> None:
        self.per_host = max(1, per_host)
        self._lock = threading.Lock()
        self._gates: dict[str, threading.BoundedSemaphore] = {}

    def __call__(self, key: str) -> threading.BoundedSemaphore:
        with self._lock:
            gate = self._gates.get(key)
            if gate is None:
                gate = self._gates[key] = threading.BoundedSemaphore(self.per_host)
            return gate


def interleave(urls: Iterable[str]) -> list[str]:
    """The URLs reordered round-robin by host, so that no host holds up the pool."""
    by_host: dict[str, list[str]] = defaultdict(list)
    for url in urls:
        by_host[host_key(url)].append(url)
    queues = list(by_host.values())
    ordered: list[str] = []
    for i in range(max((len(q) for q in queues), default=0)):
        ordered += [q[i] for q in queues if i < len(q)]
    return ordered


def _warm_up() -> None:
    """Load the HTML parser, the markers and the public-suffix list once, while the first
    requests are on their way: else the first answers wait for them."""
    from footprint.check.page import Fetched

    page = parse_html(b"<!doctype html><title>x</title><main><p>x</p></main>")
    judge(Fetched("https://a.fi/x", "https://a.fi/x", 200, "text/html"), page)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _mount_pinned(session: requests.Session, concurrency: int, per_host: int) -> None:
    """Connections that go only to checked addresses and end at the deadline (`connect`)."""
    from footprint.check.connect import PinnedAdapter

    # A pool per host is kept (LRU) for many more hosts than run at once: results come
    # round-robin by host, and a host's pool dropped in between cannot reuse a connection.
    adapter = PinnedAdapter(pool_connections=max(4 * concurrency, 128),
                            pool_maxsize=max(per_host, 10), max_retries=0)  # fmt: skip
    session.mount("http://", adapter)
    session.mount("https://", adapter)


def _pooled_session(concurrency: int, per_host: int) -> requests.Session:
    from footprint.check.connect import CheckSession
    from footprint.http import USER_AGENT

    session = CheckSession()
    session.headers["User-Agent"] = USER_AGENT
    _mount_pinned(session, concurrency, per_host)
    return session


class Checker:
    """Checks result pages and, where it helps, asks the Internet Archive for a copy.

    `archive`: "auto" looks up pages that are gone, parked or ceased; "all" every page
    that was fetched or tried; "none" none. `deadline` (seconds, or None) bounds a whole
    `check_all` run. `archive_base` defaults to FOOTPRINT_ARCHIVE_URL, else the Archive's
    own endpoints; `allow_private` defaults to FOOTPRINT_ALLOW_PRIVATE. `canaries`
    (default FOOTPRINT_DNS_CANARIES, else well-known sites) are looked up with `resolve`
    once per run when a name does not exist, to tell a dead domain from a lying resolver.
    """

    def __init__(
        self,
        *,
        session: requests.Session | None = None,
        concurrency: int = 16,
        per_host: int = 4,
        archive: str = "auto",
        deadline: float | None = 300,
        archive_base: str | None = None,
        limits: Limits | None = None,
        allow_private: bool | None = None,
        canaries: Sequence[str] | None = None,
        resolve: Resolve | None = None,
    ) -> None:
        if archive not in ARCHIVE_MODES:
            raise ValueError(f"archive must be one of {', '.join(ARCHIVE_MODES)}, not {archive!r}")
        self.concurrency = max(1, concurrency)
        self.archive = archive
        self.deadline = deadline
        self._own_session = session is None
        self.session = session or _pooled_session(self.concurrency, per_host)
        if session is not None:  # the page check's safety does not depend on the caller
            _mount_pinned(session, self.concurrency, per_host)
        self.gates = HostGates(per_host)
        self.limits = limits or Limits()
        self.allow_private = allow_private_from_env() if allow_private is None else allow_private
        self.canaries = canaries
        self.resolve = resolve
        self.stop = threading.Event()  # set by close(); each check_all run has its own
        self.fetcher = self._fetcher(self.stop)
        archive_base = archive_base or settings.archive_url()
        if archive_base:
            self.wayback = Wayback.at(archive_base, self.session, gate=self.gates)
        else:
            self.wayback = Wayback(self.session, gate=self.gates)

    def _fetcher(self, stop: threading.Event) -> Fetcher:
        return Fetcher(self.session, self.limits, allow_private=self.allow_private,
                       gate=self.gates, stop=stop)  # fmt: skip

    def name_server_check(self) -> NameServerCheck:
        """A fresh verdict on the name server, for one run."""
        return NameServerCheck(self.canaries, self.resolve)

    def close(self) -> None:
        """Stop work still running and close the session this checker made."""
        self.stop.set()
        self.fetcher.watchdog.close()
        if self._own_session:
            self.session.close()

    def __enter__(self) -> Checker:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def check(self, url: str) -> PageCheck:
        """Check one page, with the Archive lookup the mode asks for."""
        return self.with_archive(url, self.check_page(url))

    def check_page(
        self, url: str, fetcher: Fetcher | None = None, names: NameServerCheck | None = None
    ) -> PageCheck:
        """Fetch one page and judge it; `names` is the run's verdict on the name server."""
        fetched = (fetcher or self.fetcher).fetch(url)
        if fetched == NO_SUCH_NAME and not (names or self.name_server_check()).trusted():
            fetched = Outcome(PageStatus.UNREACHABLE, UNTRUSTED_REASON)
        if isinstance(fetched, Outcome):
            return PageCheck(fetched.status, fetched.reason, checked_at=_now())
        page = (
            parse_html(fetched.body, fetched.charset)
            if (fetched.is_html and fetched.body)
            else None
        )
        outcome = judge(fetched, page)
        return PageCheck(
            status=outcome.status,
            reason=outcome.reason,
            final_url=fetched.final_url,
            http_status=fetched.status,
            title=page.title if page else "",
            excerpt=page.excerpt if page else "",
            checked_at=_now(),
        )

    def wants_archive(self, url: str, check: PageCheck) -> bool:
        if self.archive == "none" or url.split(":", 1)[0].lower() not in SCHEMES:
            return False
        if check.status is PageStatus.SKIPPED:  # a private address is not sent anywhere
            return False
        return self.archive == "all" or check.status in DEFUNCT_STATUSES

    def with_archive(self, url: str, check: PageCheck) -> PageCheck:
        """The check with what the Internet Archive holds of `url`, when the mode asks."""
        if not self.wants_archive(url, check):
            return check
        copy = self.wayback.lookup(url)
        if copy is None:
            return replace(check, reason=f"{check.reason}; the Internet Archive did not answer")
        return replace(check, archive=copy)

    def check_all(
        self,
        urls: Sequence[str],
        progress: Progress | None = None,
        names: NameServerCheck | None = None,
        *,
        on_check: OnCheck | None = None,
        cancel: threading.Event | None = None,
    ) -> list[PageCheck]:
        """Check every URL (each distinct one once); the checks in the order of `urls`.

        `names` holds the run's verdict on the name server (a fresh one by default):
        pass one in to learn afterwards whether it was found untrustworthy. `on_check`
        gets each page's check as soon as it is done (to save it at once); setting
        `cancel` stops the run within `POLL_SECONDS` with `Cancelled`.
        """
        unique = list(dict.fromkeys(urls))
        if not unique:
            return []
        names = names or self.name_server_check()
        stop = threading.Event()  # set when the run ends: what still runs gives up
        fetcher = self._fetcher(stop)
        ends = None if self.deadline is None else time.monotonic() + self.deadline
        partial: dict[str, PageCheck] = {}
        checks: dict[str, PageCheck] = {}
        threading.Thread(target=_warm_up, name="footprint-check-warm-up", daemon=True).start()
        pool = ThreadPoolExecutor(
            max_workers=min(self.concurrency, len(unique)), thread_name_prefix="footprint-check"
        )
        # Each finished check is queued by its worker and handled here, in this thread (the
        # store's connection lives here): one wake-up per batch. concurrent.futures.wait
        # would hang a waiter on every pending future at each call, O(pages²) in all.
        done: SimpleQueue[Future[PageCheck]] = SimpleQueue()
        futures: dict[Future[PageCheck], str] = {}
        for url in interleave(unique):
            future = pool.submit(self._task, fetcher, names, url, partial)
            futures[future] = url
            future.add_done_callback(done.put)
        try:
            while len(checks) < len(unique):
                if cancel is not None and cancel.is_set():
                    raise Cancelled("the page check was cancelled; the pages checked are kept")
                left = None if ends is None else ends - time.monotonic()
                if left is not None and left <= 0:
                    break
                timeout = POLL_SECONDS if left is None else min(POLL_SECONDS, left)
                try:
                    finished = [done.get(timeout=timeout)]
                except Empty:
                    continue
                while not done.empty():
                    finished.append(done.get_nowait())
                for future in finished:
                    url = futures[future]
                    checks[url] = _result(future)
                    if on_check:
                        on_check(url, checks[url])
                if progress:
                    progress(len(checks), len(unique))
        finally:
            stop.set()
            fetcher.watchdog.close()  # a read still running ends now, not at its own timeout
            pool.shutdown(wait=False, cancel_futures=True)
        late = PageCheck(PageStatus.UNREACHABLE, "deadline: not checked within the time limit")
        for url in unique:
            if url not in checks:
                checks[url] = partial.get(url) or replace(late, checked_at=_now())
        if progress and len(checks) > 0:
            progress(len(unique), len(unique))
        return [checks[url] for url in urls]

    def _task(
        self, fetcher: Fetcher, names: NameServerCheck, url: str, partial: dict[str, PageCheck]
    ) -> PageCheck:
        check = self.check_page(url, fetcher, names)
        partial[url] = check
        if fetcher.stop.is_set():  # the deadline passed: no Archive lookup any more
            return check
        with fetcher.watchdog.scope(self.limits.page_seconds, fetcher.pins):
            return self.with_archive(url, check)


def _result(future: Future[PageCheck]) -> PageCheck:
    try:
        return future.result()
    except Exception as exc:  # a bug in one check must not sink the others
        return PageCheck(PageStatus.UNREACHABLE, f"the check failed: {type(exc).__name__}: {exc}",
                         checked_at=_now())  # fmt: skip


def check_results(
    results: Sequence[SearchResult],
    *,
    concurrency: int = 16,
    per_host: int = 4,
    archive: str = "auto",
    deadline: float | None = 300,
    progress: Progress | None = None,
    session: requests.Session | None = None,
    archive_base: str | None = None,
    names: NameServerCheck | None = None,
    on_check: OnCheck | None = None,
    cancel: threading.Event | None = None,
) -> list[PageCheck]:
    """Check every result's page; the checks come back in the order of `results`.

    Pass `names` (a `NameServerCheck`) to learn afterwards whether the name server
    denied even well-known names (`names.untrusted`): then no page was called gone
    for want of a name, and the person should hear why.
    """
    with Checker(session=session, concurrency=concurrency, per_host=per_host, archive=archive,
                 deadline=deadline, archive_base=archive_base) as checker:  # fmt: skip
        return checker.check_all(
            [r.url for r in results], progress, names, on_check=on_check, cancel=cancel
        )
