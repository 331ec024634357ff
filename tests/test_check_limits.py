"""The page check's limits hold inside a read, and it connects only where it checked.

A server that drips one byte at a time never trips a socket timeout; the per-page and the
total deadline must still end the fetch. A name server that answers a public address
first and 127.0.0.1 next (DNS rebinding) must not get a loopback page fetched: the
address that was checked is the one connected to. Only loopback is ever contacted.
"""

from __future__ import annotations

import shutil
import socket
import ssl
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from footprint.check import Checker
from footprint.check.fetch import Limits
from footprint.check.safety import vet_address
from footprint.models import PageStatus
from tests.page_server import DripServer, PageServer, Reply, html

SLOW = Limits(connect_timeout=1.0, read_timeout=5.0, page_seconds=1.0, retry_pause=0.01)
ARTICLE = html("Juttu", "<main><p>" + "Laura Hietanen kirjoitti. " * 80 + "</p></main>")
PUBLIC = "93.184.216.34"  # a global address: it must never be connected to


def _within(seconds: float, call: Any) -> Any:
    """Run `call` in a thread; fail if it is still running after `seconds`."""
    box: list[Any] = []
    worker = threading.Thread(target=lambda: box.append(call()), daemon=True)
    started = time.monotonic()
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), f"still running after {seconds} s"
    return box[0], time.monotonic() - started


@pytest.mark.usefixtures("allow_loopback")
@pytest.mark.parametrize("headers", [True, False], ids=["slow-body", "slow-headers"])
def test_a_one_byte_a_second_server_is_cut_at_the_page_deadline(headers: bool) -> None:
    with DripServer(headers=headers) as server, Checker(archive="none", limits=SLOW) as checker:
        check, took = _within(6.0, lambda: checker.check(server.url("/juttu")))
    assert check.status is PageStatus.UNREACHABLE
    assert "took longer than 1 s" in check.reason
    assert took < 4.0  # the page deadline (1 s), not the read timeout (5 s) per byte
    assert server.connections == 1  # no retry after the page's own deadline


@pytest.mark.usefixtures("allow_loopback")
def test_the_total_deadline_ends_reads_that_are_running() -> None:
    limits = Limits(connect_timeout=1.0, read_timeout=30.0, page_seconds=60.0)
    with (
        PageServer() as pages,
        DripServer() as drip,
        Checker(archive="none", limits=limits, deadline=1.0) as checker,
    ):
        fine = pages.route("/ok", Reply(body=ARTICLE))
        urls = [fine, drip.url("/a"), drip.url("/b")]
        checks, took = _within(5.0, lambda: checker.check_all(urls))
        assert took < 3.0
        assert checks[0].status is PageStatus.LIVE
        assert [c.status for c in checks[1:]] == [PageStatus.UNREACHABLE] * 2
        assert all(c.reason.startswith("deadline") for c in checks[1:])
        deadline = time.monotonic() + 2.0  # the workers end too, so the process can exit
        while time.monotonic() < deadline and _check_threads():
            time.sleep(0.05)
        assert not _check_threads()


def _check_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith("footprint-check")]


# --- DNS rebinding: resolve once, connect to what was checked --------------------------------


class Resolver:
    """A name server stub: the answers for one name, in turn (the last one repeats)."""

    def __init__(self, name: str, answers: list[str]) -> None:
        self.name = name
        self.answers = answers
        self.lookups = 0
        self._real = socket.getaddrinfo

    def __call__(self, host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        if host != self.name:
            return self._real(host, port, *args, **kwargs)
        address = self.answers[min(self.lookups, len(self.answers) - 1)]
        self.lookups += 1
        family = socket.AF_INET6 if ":" in address else socket.AF_INET
        return [(family, socket.SOCK_STREAM, 6, "", (address, port))]


@pytest.fixture
def connects(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Any]]:
    """Every address a socket connects to; anything but loopback is refused unsent."""
    seen: list[Any] = []
    guarded = socket.socket.connect

    def connect(self: socket.socket, address: Any) -> None:
        seen.append(address)
        if isinstance(address, tuple) and not str(address[0]).startswith("127."):
            raise ConnectionRefusedError(111, "refused by the test: not loopback")
        return guarded(self, address)

    monkeypatch.setattr(socket.socket, "connect", connect)
    yield seen


def test_a_rebinding_name_server_gets_no_loopback_page_fetched(
    monkeypatch: pytest.MonkeyPatch, connects: list[Any]
) -> None:
    monkeypatch.delenv("FOOTPRINT_ALLOW_PRIVATE", raising=False)
    with PageServer() as server:
        server.route("/admin", Reply(body=html("Router", "<p>secret</p>")))
        resolver = Resolver("rebind.test", [PUBLIC, "127.0.0.1"])
        monkeypatch.setattr(socket, "getaddrinfo", resolver)
        with Checker(archive="none", limits=SLOW) as checker:
            check = checker.check(f"http://rebind.test:{server.port}/admin")
    assert server.hits["/admin"] == 0
    assert resolver.lookups == 1  # looked up once, by the safety check
    assert connects and all(address == (PUBLIC, server.port) for address in connects)
    assert check.status is not PageStatus.LIVE and "secret" not in check.excerpt


def test_the_checked_address_is_the_one_connected_to_on_every_hop(
    monkeypatch: pytest.MonkeyPatch, connects: list[Any]
) -> None:
    """Both answers are loopback here (allowed): the first one checked must be the one used."""
    with PageServer() as first:
        try:
            second = PageServer(host="127.0.0.2", port=first.port)
        except OSError:
            pytest.skip("127.0.0.2 is not usable on this machine")
        with second:
            for server, text in ((first, "first answer"), (second, "second answer")):
                server.route("/page", Reply(body=html(text, f"<p>{text}</p>")))
                server.route("/hop", Reply(status=302, headers={"Location": "/page"}))
            resolver = Resolver("rebind.test", ["127.0.0.1", "127.0.0.2"])
            monkeypatch.setattr(socket, "getaddrinfo", resolver)
            with Checker(archive="none", limits=SLOW, allow_private=True) as checker:
                check = checker.check(f"http://rebind.test:{first.port}/hop")
    assert check.status is PageStatus.LIVE and check.title == "first answer"
    assert first.hits == {"/hop": 1, "/page": 1} and not second.hits
    assert resolver.lookups == 1
    assert {address[0] for address in connects} == {"127.0.0.1"}


@pytest.mark.parametrize(
    "url",
    [
        "http://[::127.0.0.1]/",  # IPv4-compatible
        "http://[::ffff:127.0.0.1]/",  # IPv4-mapped
        "http://[::ffff:a00:1]/",
        "http://[64:ff9b::7f00:1]/",  # NAT64 of 127.0.0.1
        "http://[64:ff9b::c0a8:101]/",  # NAT64 of 192.168.1.1
        "http://[64:ff9b:1::808:808]/",  # local-use NAT64
        "http://[2002:7f00:1::]/",  # 6to4 of 127.0.0.1
        "http://[2002:a9fe:a9fe::1]/",  # 6to4 of 169.254.169.254
        "http://127.1/",  # shorthands the C library reads
        "http://2130706433/",
        "http://0x7f.0.0.1/",
    ],
)
def test_private_addresses_in_every_written_form_are_skipped(url: str) -> None:
    for resolve in (True, False):
        outcome = vet_address(url, allow_private=False, resolve=resolve)
        assert not isinstance(outcome, tuple) and outcome.status is PageStatus.SKIPPED, url


@pytest.mark.parametrize(
    "url", ["http://[64:ff9b::808:808]/", "http://[2002:808:808::]/", "http://8.8.8.8/"]
)
def test_public_addresses_in_those_forms_pass(url: str) -> None:
    assert isinstance(vet_address(url, allow_private=False, resolve=False), tuple)


def test_a_name_that_resolves_to_an_embedded_private_address_is_skipped(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(socket, "getaddrinfo", Resolver("nat64.test", ["64:ff9b::a00:1"]))
    outcome = vet_address("https://nat64.test/", allow_private=False)
    assert not isinstance(outcome, tuple) and outcome.status is PageStatus.SKIPPED


# --- TLS to a pinned address still checks the name ------------------------------------------


def _certificate(folder: Path, name: str) -> tuple[Path, Path]:
    key, cert = folder / f"{name}.key", folder / f"{name}.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", f"/CN={name}", "-addext", f"subjectAltName=DNS:{name}",
         "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    return key, cert


@pytest.mark.skipif(shutil.which("openssl") is None, reason="needs the openssl command")
@pytest.mark.parametrize(("served", "ok"), [("pinned.test", True), ("other.test", False)])
def test_tls_to_the_pinned_address_sends_and_verifies_the_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, served: str, ok: bool
) -> None:
    key, cert = _certificate(tmp_path, served)
    names: list[str | None] = []
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    context.sni_callback = lambda _sock, name, _ctx: names.append(name)  # type: ignore[assignment,misc,func-returns-value]
    with PageServer() as server:
        server._server.socket = context.wrap_socket(server._server.socket, server_side=True)
        server.route("/", Reply(body=ARTICLE))
        monkeypatch.setattr(socket, "getaddrinfo", Resolver("pinned.test", ["127.0.0.1"]))
        monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(cert))
        with Checker(archive="none", limits=SLOW, allow_private=True) as checker:
            check = checker.check(f"https://pinned.test:{server.port}/")
    assert names and names[0] == "pinned.test"  # SNI carries the name, not the address
    if ok:
        assert check.status is PageStatus.LIVE, check.reason
    else:
        assert check.status is PageStatus.UNREACHABLE and "TLS" in check.reason
        assert not server.hits


def test_behind_a_proxy_the_proxy_resolves_and_the_page_is_checked(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """HTTP_PROXY is honoured: the name is not looked up here (the guard would refuse
    `page.test`), the request goes to the proxy, and the environment is read per host once."""
    for name in ("NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.delenv("FOOTPRINT_ALLOW_PRIVATE", raising=False)
    with PageServer() as proxy:
        proxy.route("/juttu", Reply(body=ARTICLE))
        monkeypatch.setenv("HTTP_PROXY", proxy.url(""))
        with Checker(archive="none", limits=SLOW) as checker:
            checks = checker.check_all(["http://page.test/juttu", "http://page.test/juttu?2"])
    assert [c.status for c in checks] == [PageStatus.LIVE, PageStatus.LIVE], checks
    assert sorted(proxy.requests) == ["http://page.test/juttu", "http://page.test/juttu?2"]


@pytest.mark.usefixtures("allow_loopback")
def test_no_netrc_password_is_sent_to_a_results_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    netrc = tmp_path / "netrc"
    netrc.write_text("machine 127.0.0.1 login laura password salainen\n")
    netrc.chmod(0o600)
    monkeypatch.setenv("NETRC", str(netrc))
    seen: list[str | None] = []

    def page(handler: Any) -> Reply:
        seen.append(handler.headers.get("Authorization"))
        return Reply(body=ARTICLE)

    with PageServer() as server, Checker(archive="none", limits=SLOW) as checker:
        check = checker.check(server.route("/juttu", page))
    assert check.status is PageStatus.LIVE
    assert seen == [None]


def test_an_international_name_is_pinned_too(
    monkeypatch: pytest.MonkeyPatch, connects: list[Any]
) -> None:
    """urllib3 connects to the IDNA form (xn--…) of the name that safety looked up."""
    monkeypatch.delenv("FOOTPRINT_ALLOW_PRIVATE", raising=False)
    resolver = Resolver("müller.test", [PUBLIC])
    rebound = Resolver("xn--mller-kva.test", ["127.0.0.1"])
    monkeypatch.setattr(
        socket,
        "getaddrinfo",
        lambda host, *a, **k: (resolver if "xn--" not in host else rebound)(host, *a, **k),
    )
    with PageServer() as server, Checker(archive="none", limits=SLOW) as checker:
        check = checker.check(f"http://müller.test:{server.port}/")
    assert rebound.lookups == 0 and resolver.lookups == 1
    assert connects and all(address == (PUBLIC, server.port) for address in connects)
    assert check.status is not PageStatus.LIVE


@pytest.mark.usefixtures("allow_loopback")
def test_a_tls_handshake_that_drips_is_cut_at_the_page_deadline() -> None:
    """The socket is watched from the moment it connects, before TLS takes it over.

    CPython bounds a handshake by the socket timeout in all (here the connect timeout,
    5 s), so the page deadline (1 s) must come from the watchdog."""
    limits = Limits(connect_timeout=5.0, read_timeout=5.0, page_seconds=1.0)
    with DripServer(tls=True) as server, Checker(archive="none", limits=limits) as checker:
        url = f"https://127.0.0.1:{server.port}/juttu"
        check, took = _within(8.0, lambda: checker.check(url))
    assert check.status is PageStatus.UNREACHABLE
    assert "took longer than 1 s" in check.reason
    assert 0.9 < took < 4.0
