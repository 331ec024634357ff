"""Many pages at once: order, duplicates, the pool and per-host bounds, the deadline."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from footprint.check import Checker, check_results
from footprint.check.fetch import Limits
from footprint.check.pool import HostGates, interleave
from footprint.models import PageStatus, SearchResult
from tests.page_server import PageServer, Reply, SilentServer, html

FAST = Limits(connect_timeout=1.0, read_timeout=2.0, retry_pause=0.01)


pytestmark = pytest.mark.usefixtures("allow_loopback")  # the test servers are on 127.0.0.1


@pytest.fixture
def server() -> Iterator[PageServer]:
    with PageServer() as s:
        yield s


def slow_pages(server: PageServer, count: int, delay: float) -> list[str]:
    return [
        server.route(f"/p{i}", Reply(body=html(f"Page {i}", "<p>text</p>"), delay=delay))
        for i in range(count)
    ]


def test_checks_come_back_in_order_and_each_address_is_fetched_once(server: PageServer) -> None:
    server.route("/a", Reply(body=html("A", "<p>a</p>")))
    server.route("/b", Reply(404))
    urls = [server.url("/a"), server.url("/b"), server.url("/a"), "mailto:x@example.fi"]
    results = [SearchResult(url=u, provider=f"p{i}") for i, u in enumerate(urls)]
    seen: list[tuple[int, int]] = []
    checks = check_results(results, archive="none", progress=lambda d, t: seen.append((d, t)))
    assert [c.status for c in checks] == [
        PageStatus.LIVE, PageStatus.GONE, PageStatus.LIVE, PageStatus.SKIPPED,
    ]  # fmt: skip
    assert checks[0] is checks[2]
    assert server.hits == {"/a": 1, "/b": 1}
    assert seen[-1] == (3, 3)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_no_results_no_work() -> None:
    assert check_results([]) == []


def test_at_most_per_host_requests_on_one_server(server: PageServer) -> None:
    urls = slow_pages(server, 12, 0.2)
    with Checker(concurrency=16, per_host=4, archive="none", limits=FAST) as checker:
        checks = checker.check_all(urls)
    assert all(c.status is PageStatus.LIVE for c in checks)
    assert server.peak == 4


def test_the_pool_bounds_all_requests(server: PageServer) -> None:
    urls = slow_pages(server, 9, 0.2)
    with Checker(concurrency=3, per_host=16, archive="none", limits=FAST) as checker:
        started = time.monotonic()
        checker.check_all(urls)
        elapsed = time.monotonic() - started
    assert server.peak == 3
    assert 0.6 <= elapsed < 2.0


def test_many_hosts_run_side_by_side() -> None:
    with PageServer() as one, PageServer() as two:
        urls = slow_pages(one, 4, 0.3) + slow_pages(two, 4, 0.3)
        with Checker(concurrency=8, per_host=4, archive="none", limits=FAST) as checker:
            started = time.monotonic()
            checks = checker.check_all(urls)
            elapsed = time.monotonic() - started
    assert all(c.status is PageStatus.LIVE for c in checks)
    assert one.peak == two.peak == 4
    assert elapsed < 0.3 * 2  # one round of 0.3 s, not two


def test_interleave_alternates_hosts() -> None:
    a = [f"http://a.fi/{i}" for i in range(3)]
    b = ["http://b.fi/1"]
    assert interleave([*a, *b]) == [a[0], b[0], a[1], a[2]]


def test_host_gates_are_shared_per_host() -> None:
    gates = HostGates(2)
    assert gates("a.fi:80") is gates("a.fi:80")
    assert gates("a.fi:80") is not gates("a.fi:8080")


def test_the_deadline_marks_the_rest_unreachable(server: PageServer) -> None:
    quick = server.route("/quick", Reply(body=html("Quick", "<p>q</p>")))
    limits = Limits(connect_timeout=5.0, read_timeout=5.0, retry_pause=0.01)
    with SilentServer() as silent:
        urls = [quick, *(silent.url(f"/{i}") for i in range(6))]
        with Checker(concurrency=4, per_host=2, archive="none", deadline=0.5, limits=limits) as c:
            started = time.monotonic()
            checks = c.check_all(urls)
            elapsed = time.monotonic() - started
            again = c.check_all([quick]), c.check(quick)  # the checker is still usable
    assert [a.status for a in (*again[0], again[1])] == [PageStatus.LIVE, PageStatus.LIVE]
    assert elapsed < 1.5
    assert checks[0].status is PageStatus.LIVE
    assert all(ch.status is PageStatus.UNREACHABLE for ch in checks[1:])
    assert all(ch.reason.startswith("deadline") for ch in checks[1:])


def test_a_page_checked_before_the_deadline_keeps_its_status_without_the_archive(
    server: PageServer,
) -> None:
    """The page was judged; only the Archive lookup ran out of time."""
    with SilentServer() as archive:
        server.route("/gone", Reply(410))
        with Checker(archive="auto", archive_base=archive.url(""), deadline=0.5, limits=FAST) as c:
            (check,) = c.check_all([server.url("/gone")])
    assert check.status is PageStatus.GONE
    assert check.archive is None


def test_an_unknown_archive_mode_is_refused() -> None:
    with pytest.raises(ValueError, match="archive must be one of"):
        Checker(archive="sometimes")
