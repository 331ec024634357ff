"""Connections for the page check: to the address that was checked, within a deadline.

Two promises of the check need the connection itself:

- **A search result cannot make footprint probe the person's network.** `safety` looks a
  host up once and checks every address; the connection then goes to one of *those*
  addresses (they are pinned for the run), never to the answer of a second lookup, so a
  name server that answers a public address first and 127.0.0.1 next (DNS rebinding)
  cannot turn the fetch inwards. TLS still sends the host name (SNI) and verifies the
  certificate for the name: only the socket's destination is fixed.
- **The per-page and total deadlines hold inside a read.** A socket timeout bounds each
  wait for a byte, so a server that sends one byte a second never trips it. Each fetch
  runs in a `Scope` with a deadline; a `Watchdog` thread shuts the scope's sockets down
  when the deadline passes or the run is stopped, which wakes a read at once.

The scope of the running fetch is a thread-local: requests' adapter API has no way to
hand it to the connection, and each fetch runs in one thread.
"""

from __future__ import annotations

import heapq
import itertools
import socket
import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, suppress
from typing import Any
from urllib.parse import urlsplit
from urllib.request import getproxies

import requests
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import ConnectTimeoutError, NewConnectionError

Pins = Mapping[tuple[str, int], tuple[str, ...]]  # (host, port) -> the checked addresses
_local = threading.local()


def pin_key(host: str, port: int) -> tuple[str, int]:
    return (host.lower().strip("[]").rstrip("."), port)


class Scope:
    """One fetch: the addresses it may connect to, and the sockets to shut at its deadline."""

    def __init__(self, deadline: float, pins: Pins) -> None:
        self.deadline = deadline
        self.pins = pins
        self.expired = False
        self._handles: list[socket.socket] = []
        self._lock = threading.Lock()

    def watch(self, sock: socket.socket) -> None:
        """Shut `sock` down when the scope expires. A duplicate of its descriptor is kept:
        it survives the TLS wrapper taking the original over, and shutting it down ends
        the connection for every descriptor."""
        try:
            handle = socket.fromfd(sock.fileno(), sock.family, sock.type)
        except OSError:
            return
        with self._lock:
            if not self.expired:
                self._handles.append(handle)
                return
        _shut(handle)
        handle.close()

    def expire(self) -> None:
        with self._lock:
            self.expired = True
            handles = list(self._handles)
        for handle in handles:
            _shut(handle)

    def close(self) -> None:
        with self._lock:
            handles, self._handles = self._handles, []
        for handle in handles:
            handle.close()


def _shut(handle: socket.socket) -> None:
    with suppress(OSError):
        handle.shutdown(socket.SHUT_RDWR)


def current_scope() -> Scope | None:
    return getattr(_local, "scope", None)


class Watchdog:
    """One thread that expires scopes at their deadlines; `expire_all` stops a run."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._heap: list[tuple[float, int, Scope]] = []
        self._active: set[Scope] = set()
        self._order = itertools.count()
        self._thread: threading.Thread | None = None
        self._closed = False

    @contextmanager
    def scope(self, seconds: float, pins: Pins) -> Iterator[Scope]:
        """Run a fetch in this thread under a deadline `seconds` from now."""
        scope = Scope(time.monotonic() + seconds, pins)
        with self._cond:
            sooner = not self._heap or scope.deadline < self._heap[0][0]
            heapq.heappush(self._heap, (scope.deadline, next(self._order), scope))
            self._active.add(scope)
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="footprint-check-watchdog", daemon=True
                )
                self._thread.start()
            elif sooner:  # else the watchdog wakes for an earlier deadline anyway
                self._cond.notify()
        previous, _local.scope = current_scope(), scope
        try:
            yield scope
        finally:
            _local.scope = previous
            with self._cond:
                self._active.discard(scope)
            scope.close()

    def expire_all(self) -> None:
        """Wake every fetch still running: the run is over."""
        with self._cond:
            scopes = list(self._active)
        for scope in scopes:
            scope.expire()

    def close(self) -> None:
        self.expire_all()
        with self._cond:
            self._closed = True
            self._cond.notify()

    def _run(self) -> None:
        while True:
            due: list[Scope] = []
            with self._cond:
                if self._closed:
                    return
                now = time.monotonic()
                while self._heap and self._heap[0][0] <= now:
                    scope = heapq.heappop(self._heap)[2]
                    if scope in self._active:
                        due.append(scope)
                if not due:
                    self._cond.wait(self._heap[0][0] - now if self._heap else None)
                    continue
            for scope in due:
                scope.expire()


class _Pinned:
    """Connects to the checked addresses of the host, and puts its sockets in the scope."""

    host: str
    port: int
    timeout: Any
    source_address: tuple[str, int] | None
    socket_options: Any
    sock: socket.socket | None
    _dns_host: str

    def _new_conn(self) -> socket.socket:
        scope = current_scope()
        addresses = scope.pins.get(pin_key(self._dns_host, self.port)) if scope else None
        if not addresses:  # a proxy (which resolves itself) or the Archive: not pinned
            sock: socket.socket = super()._new_conn()  # type: ignore[misc]
            if scope is not None:
                scope.watch(sock)
            return sock
        error: OSError = OSError(f"no address to connect to for {self.host}")
        for address in addresses:
            family = socket.AF_INET6 if ":" in address else socket.AF_INET
            sock = socket.socket(family, socket.SOCK_STREAM)
            if scope is not None:
                scope.watch(sock)
            try:
                for option in self.socket_options or ():
                    sock.setsockopt(*option)
                if isinstance(self.timeout, int | float):
                    sock.settimeout(self.timeout)
                if self.source_address:
                    sock.bind(self.source_address)
                sock.connect((address, self.port))
                return sock
            except TimeoutError as exc:
                sock.close()
                raise ConnectTimeoutError(
                    self, f"Connection to {self.host} timed out. (connect timeout={self.timeout})"
                ) from exc
            except OSError as exc:
                sock.close()
                error = exc
        connection: Any = self  # a PinnedHTTP(S)Connection: _Pinned is only its mixin
        raise NewConnectionError(
            connection, f"Failed to establish a new connection: {error}"
        ) from error

    def request(self, *args: Any, **kwargs: Any) -> None:
        scope = current_scope()
        if scope is not None and self.sock is not None:  # a kept-alive connection, reused
            scope.watch(self.sock)
        super().request(*args, **kwargs)  # type: ignore[misc]


class PinnedHTTPConnection(_Pinned, HTTPConnection):
    pass


class PinnedHTTPSConnection(_Pinned, HTTPSConnection):
    pass


class _PinnedHTTPPool(HTTPConnectionPool):
    ConnectionCls = PinnedHTTPConnection


class _PinnedHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = PinnedHTTPSConnection


def _no_password(request: Any) -> Any:
    return request


class CheckSession(requests.Session):
    """requests' session, with what it reads for every request read once per host.

    requests looks up the proxy settings (HTTPS_PROXY, NO_PROXY …) and REQUESTS_CA_BUNDLE
    in the environment for each request — about a millisecond, with the GIL held, for
    each of hundreds of pages — and looks in ~/.netrc for a password for the host. Here
    the environment is read once per scheme and host, and no password from ~/.netrc is
    ever sent to the site of a search result.
    """

    def __init__(self) -> None:
        super().__init__()
        self.auth = _no_password
        self._environment: dict[tuple[Any, ...], dict[str, Any]] = {}
        self._any_proxy = bool(getproxies())  # without one, every host has the same settings

    def merge_environment_settings(
        self, url: Any, proxies: Any, stream: Any, verify: Any, cert: Any
    ) -> dict[str, Any]:
        if proxies:  # asked for by the caller: nothing to remember
            return super().merge_environment_settings(url, proxies, stream, verify, cert)
        parts = urlsplit(str(url))
        host = (parts.scheme, parts.netloc) if self._any_proxy else ()
        key = (*host, stream, verify, cert)
        found = self._environment.get(key)
        if found is None:
            found = super().merge_environment_settings(url, {}, stream, verify, cert)
            self._environment[key] = found
        return dict(found)


class PinnedAdapter(HTTPAdapter):
    """requests' adapter whose connections are pinned and watched (see the module)."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {
            "http": _PinnedHTTPPool,
            "https": _PinnedHTTPSPool,
        }
