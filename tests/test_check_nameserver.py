"""A name server that says "no such name" for everything must not make pages `gone`.

Names under `.invalid` are NXDOMAIN (tests/conftest.py); `localhost` resolves. Canary
names are injected, so no test looks up a real host.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from footprint.check import Checker, NameServerCheck, check_results
from footprint.check.fetch import Limits
from footprint.check.nameserver import (
    CANARIES_ENV,
    DEFAULT_CANARIES,
    UNTRUSTED_REASON,
    resolve_name,
)
from footprint.cli import app
from footprint.models import PageStatus, SearchResult
from tests.page_server import PageServer, Reply, html

FAST = Limits(connect_timeout=1.0, read_timeout=2.0, retry_pause=0.01)
HEALTHY = ("localhost",)
DENIED = ("web.archive.invalid", "www.wikipedia.invalid")


pytestmark = pytest.mark.usefixtures("allow_loopback")  # the test servers are on 127.0.0.1


@pytest.fixture
def server() -> Iterator[PageServer]:
    with PageServer() as s:
        for i in range(4):
            s.route(f"/live{i}", Reply(body=html(f"Juttu {i}", "<p>" + "sana " * 400 + "</p>")))
        yield s


class CountingResolver:
    """Resolves like the system does, slowly, and counts the lookups."""

    def __init__(self, delay: float = 0.0) -> None:
        self.delay = delay
        self.names: list[str] = []
        self._lock = threading.Lock()

    def __call__(self, host: str) -> object:
        with self._lock:
            self.names.append(host)
        time.sleep(self.delay)
        return resolve_name(host)


def live_urls(server: PageServer) -> list[str]:
    return [server.url(f"/live{i}") for i in range(4)]


def test_one_dead_name_among_live_pages_is_gone_when_the_canaries_resolve(
    server: PageServer,
) -> None:
    resolver = CountingResolver()
    names = NameServerCheck(HEALTHY, resolver)
    dead = "https://lakkautettu-lehti.invalid/arkisto"
    with Checker(archive="none", limits=FAST) as checker:
        checks = checker.check_all([*live_urls(server), dead], names=names)
    assert [c.status for c in checks] == [PageStatus.LIVE] * 4 + [PageStatus.GONE]
    assert "NXDOMAIN" in checks[-1].reason
    assert names.verdict is True and not names.untrusted
    assert resolver.names == ["localhost"]


def test_every_dead_name_is_unreachable_when_the_canaries_fail_too(server: PageServer) -> None:
    names = NameServerCheck(DENIED, CountingResolver())
    dead = [f"https://sivu{i}.invalid/" for i in range(3)]
    with Checker(archive="auto", limits=FAST) as checker:
        checks = checker.check_all([*dead, *live_urls(server)], names=names)
    assert [c.status for c in checks] == [PageStatus.UNREACHABLE] * 3 + [PageStatus.LIVE] * 4
    assert {c.reason for c in checks[:3]} == {UNTRUSTED_REASON}
    assert all(c.archive is None for c in checks[:3])  # unreachable: no Archive lookup
    assert names.untrusted


def test_a_canary_that_fails_in_any_way_makes_the_name_server_untrusted() -> None:
    def flaky(host: str) -> object:
        if host == "b":
            raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")
        return ()

    assert NameServerCheck(("a",), flaky).trusted()
    assert not NameServerCheck(("a", "b"), flaky).trusted()
    assert NameServerCheck((), flaky).trusted()  # no canaries: nothing to doubt


def test_the_canaries_are_looked_up_once_per_run_under_concurrency() -> None:
    resolver = CountingResolver(delay=0.2)  # slow, so that all 16 workers wait on it
    urls = [f"https://kuollut{i}.invalid/sivu" for i in range(24)]
    with Checker(concurrency=16, archive="none", limits=FAST, canaries=DENIED,
                 resolve=resolver) as checker:  # fmt: skip
        names = checker.name_server_check()
        checks = checker.check_all(urls, names=names)
        assert sorted(resolver.names) == sorted(DENIED[:1])  # the first failure decides
        assert {c.status for c in checks} == {PageStatus.UNREACHABLE}
        checker.check_all(urls[:3])
    assert len(resolver.names) == 2  # a new run asks again, once


def test_each_run_has_its_own_verdict() -> None:
    answers = iter([socket.gaierror(socket.EAI_NONAME, "Name or service not known"), None])

    def recovering(host: str) -> object:
        answer = next(answers)
        if answer is not None:
            raise answer
        return ()

    url = "https://lakkautettu-lehti.invalid/"
    with Checker(archive="none", limits=FAST, canaries=("x",), resolve=recovering) as checker:
        (first,) = checker.check_all([url])
        (second,) = checker.check_all([url])
    assert first.status is PageStatus.UNREACHABLE
    assert second.status is PageStatus.GONE


def test_no_canary_lookup_when_no_name_is_missing(server: PageServer) -> None:
    resolver = CountingResolver()
    names = NameServerCheck(DENIED, resolver)
    checks = check_results([SearchResult(url=u) for u in live_urls(server)], archive="none",
                           names=names)  # fmt: skip
    assert {c.status for c in checks} == {PageStatus.LIVE}
    assert resolver.names == []
    assert names.verdict is None and not names.untrusted


def test_canaries_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(CANARIES_ENV, " localhost , ip6-localhost,")
    assert NameServerCheck().canaries == ("localhost", "ip6-localhost")
    monkeypatch.setenv(CANARIES_ENV, "")
    assert NameServerCheck().canaries == DEFAULT_CANARIES


def write_results(tmp_path: Path, urls: list[str]) -> Path:
    path = tmp_path / "results.jsonl"
    path.write_text("".join(json.dumps({"url": u}) + "\n" for u in urls), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("canaries", "status", "warned"),
    [("localhost", "gone", False), ("dns-canary.invalid", "unreachable", True)],
)
def test_check_warns_once_when_the_name_server_denies_everything(
    tmp_path: Path,
    server: PageServer,
    monkeypatch: pytest.MonkeyPatch,
    canaries: str,
    status: str,
    warned: bool,
) -> None:
    monkeypatch.setenv(CANARIES_ENV, canaries)
    dead = [f"https://sivu{i}.invalid/" for i in range(3)]
    path = write_results(tmp_path, [*dead, server.url("/live0")])
    out = CliRunner().invoke(app, ["check", str(path), "-f", "jsonl", "--archive", "none"])
    assert out.exit_code == 0, out.output
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["check"]["status"] for r in rows] == [status] * 3 + ["live"]
    assert out.stderr.count("Warning:") == (1 if warned else 0)
    if warned:
        assert "name server" in out.stderr and "'unreachable'" in out.stderr
