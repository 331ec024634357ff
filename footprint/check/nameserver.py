"""Can the name server be believed when it says a name does not exist?

A resolver that answers "no such name" (NXDOMAIN) for every host — a captive portal, a
sandbox, a filtering resolver, an offline machine — would make every page look `gone`.
So the first NXDOMAIN in a run makes footprint look up a few well-known names
(`canaries`) once; if any of them fails too, the name server is not trusted for that run
and its "no such name" answers mean `unreachable`, not `gone`.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable, Sequence

from footprint import settings

CANARIES_ENV = settings.DNS_CANARIES  # comma-separated host names
DEFAULT_CANARIES = ("web.archive.org", "www.wikipedia.org", "www.facebook.com")
UNTRUSTED_REASON = (
    "the name server answered 'no such name' even for well-known sites: check your network or DNS"
)

Resolve = Callable[[str], object]  # looks a host name up; raises when it cannot


def resolve_name(host: str) -> object:
    """Look `host` up with the system resolver (the same call the page fetch makes)."""
    return socket.getaddrinfo(host, 443, type=socket.SOCK_STREAM)


def canaries_from_env() -> tuple[str, ...]:
    """FOOTPRINT_DNS_CANARIES when set, else the built-in well-known names."""
    return settings.dns_canaries() or DEFAULT_CANARIES


class NameServerCheck:
    """One run's verdict on the name server, asked for at most once (thread-safe).

    `trusted()` resolves every canary on the first call and remembers the answer: the
    name server is trusted only when all of them resolve (no canaries: always trusted).
    `verdict` is None while nobody has asked (no NXDOMAIN in the run), else the answer.
    """

    def __init__(
        self, canaries: Sequence[str] | None = None, resolve: Resolve | None = None
    ) -> None:
        self.canaries = tuple(canaries) if canaries is not None else canaries_from_env()
        self.resolve = resolve or resolve_name
        self._lock = threading.Lock()
        self._verdict: bool | None = None

    @property
    def verdict(self) -> bool | None:
        return self._verdict

    @property
    def untrusted(self) -> bool:
        """Whether this run found the name server denying even well-known names."""
        return self._verdict is False

    def trusted(self) -> bool:
        if self._verdict is not None:
            return self._verdict
        with self._lock:
            if self._verdict is None:
                self._verdict = all(map(self._resolves, self.canaries))
            return self._verdict

    def _resolves(self, host: str) -> bool:
        try:
            self.resolve(host)
        except Exception:  # NXDOMAIN, a temporary failure, a blocked lookup: all count
            return False
        return True
