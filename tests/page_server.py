"""A real HTTP server on 127.0.0.1 (an ephemeral port) that serves scripted pages.

Each path maps to a `Reply`, a list of replies served in turn (the last one repeats), or
a function of the request that returns a reply. The server counts hits per path and the
most requests it ever had in flight at once.
"""

from __future__ import annotations

import socket
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit


@dataclass
class Reply:
    status: int = 200
    body: bytes | str = b""
    content_type: str | None = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds to wait before answering
    stream_bytes: int = 0  # instead of `body`: this many bytes of filler, sent in chunks


def html(title: str, body: str, *, head: str = "") -> str:
    return (
        f"<!doctype html><html><head><title>{title}</title>{head}</head><body>{body}</body></html>"
    )


def redirect(location: str, status: int = 301) -> Reply:
    return Reply(status=status, headers={"Location": location}, content_type=None)


Route = Reply | list[Reply] | Callable[["Handler"], Reply]


class Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # else a delayed ACK adds 40 ms to every answer

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass

    def do_GET(self) -> None:
        owner = self.server.owner
        path = urlsplit(self.path).path
        with owner.lock:
            owner.hits[path] += 1
            owner.requests.append(self.path)
            owner.in_flight += 1
            owner.peak = max(owner.peak, owner.in_flight)
            count = owner.hits[path]
        try:
            self._answer(owner.reply_for(path, count, self))
        finally:
            with owner.lock:
                owner.in_flight -= 1

    def _answer(self, reply: Reply) -> None:
        if reply.delay:
            time.sleep(reply.delay)
        body = reply.body.encode() if isinstance(reply.body, str) else reply.body
        self.send_response(reply.status)
        if reply.content_type:
            self.send_header("Content-Type", reply.content_type)
        for key, value in reply.headers.items():
            self.send_header(key, value)
        try:
            if reply.stream_bytes:
                self.send_header("Content-Length", str(reply.stream_bytes))
                self.end_headers()
                chunk = b"<p>" + b"x" * 65530 + b"</p>\n"
                sent = 0
                while sent < reply.stream_bytes:
                    self.wfile.write(chunk[: reply.stream_bytes - sent])
                    sent += len(chunk)
                return
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    owner: PageServer

    def handle_error(self, request: object, client_address: object) -> None:
        """A client that hangs up (the download cap, a TLS probe) is not an error here."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


class PageServer:
    """`with PageServer() as server: server.route("/a", Reply(...)); server.url("/a")`."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: Counter[str] = Counter()
        self.requests: list[str] = []
        self.lock = threading.Lock()
        self.in_flight = 0
        self.peak = 0
        self._server = _Server((host, port), Handler)
        self._server.owner = self
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def route(self, path: str, reply: Route) -> str:
        self.routes[path] = reply
        return self.url(path)

    def url(self, path: str = "/", host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"

    def reply_for(self, path: str, count: int, handler: Handler) -> Reply:
        route = self.routes.get(path)
        if route is None:
            return Reply(404, html("Not Found", "<h1>Not Found</h1>"))
        if isinstance(route, list):
            return route[min(count, len(route)) - 1]
        if callable(route):
            return route(handler)
        return route

    def __enter__(self) -> PageServer:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()


class SilentServer:
    """Accepts connections (the kernel's backlog) and never answers a byte."""

    def __init__(self) -> None:
        self._socket = socket.socket()
        self._socket.bind(("127.0.0.1", 0))
        self._socket.listen(64)
        self.port = self._socket.getsockname()[1]

    def url(self, path: str = "/") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def __enter__(self) -> SilentServer:
        return self

    def __exit__(self, *_exc: object) -> None:
        self._socket.close()


class DripServer:
    """Answers every request one byte at a time, `interval` seconds apart, for ever.

    `headers=True` sends the status line and headers at once, then drips the body (a slow
    page); `headers=False` drips the status line and headers too (a slow server); `tls`
    drips a TLS handshake record instead (a slow TLS server).
    Counts connections; stops dripping when the client hangs up.
    """

    def __init__(self, *, headers: bool = True, interval: float = 0.05, tls: bool = False) -> None:
        self.headers = headers
        self.tls = tls  # answer a TLS hello with a record header, then drip its 16 KB body
        self.interval = interval
        self.connections = 0
        self.hung_up = 0  # connections the client closed while the server still dripped
        self._socket = socket.socket()
        self._socket.bind(("127.0.0.1", 0))
        self._socket.listen(16)
        self.port = self._socket.getsockname()[1]
        self._stop = threading.Event()
        threading.Thread(target=self._accept, daemon=True).start()

    def url(self, path: str = "/") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._socket.accept()
            except OSError:
                return
            self.connections += 1
            threading.Thread(target=self._drip, args=(conn,), daemon=True).start()

    def _drip(self, conn: socket.socket) -> None:
        head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000000\r\n"
        with conn:
            try:
                conn.recv(65536)
                if self.tls:
                    conn.sendall(b"\x16\x03\x03\x40\x00")  # handshake record, 16384 bytes
                    head = b""
                elif self.headers:
                    conn.sendall(head + b"\r\n")
                    head = b""
                data = head + b"X-Slow: " + b"a" * 100_000_000
                for i in range(len(data)):
                    if self._stop.wait(self.interval):
                        return
                    conn.sendall(data[i : i + 1])
            except OSError:
                self.hung_up += 1

    def __enter__(self) -> DripServer:
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._socket.close()


def closed_port() -> int:
    """A port on 127.0.0.1 where nothing listens (bound, then released)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def serving(server: PageServer) -> Iterator[PageServer]:
    """For fixtures: `yield from serving(PageServer())`."""
    with server:
        yield server
