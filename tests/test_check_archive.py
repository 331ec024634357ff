"""The Internet Archive lookup, against a local stand-in serving the APIs' documented JSON."""

from __future__ import annotations

import json
from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import pytest

from footprint.check import Checker, archive
from footprint.check.archive import LookupFailed, Wayback, iso_date, parse_available, parse_cdx
from footprint.check.fetch import Limits
from footprint.http import new_session
from footprint.models import ArchiveCopy, PageStatus
from tests.page_server import Handler, PageServer, Reply, html

FAST = Limits(connect_timeout=1.0, read_timeout=1.0, retry_pause=0.01)

# The documented answers (archive.org/help/wayback_api.php and the CDX server's README).
AVAILABLE = {
    "url": "kehakukka.fi/arkisto/1999/juttu.html",
    "archived_snapshots": {
        "closest": {
            "available": True,
            "url": "http://web.archive.org/web/20090511103301/http://kehakukka.fi/arkisto/1999/juttu.html",
            "timestamp": "20090511103301",
            "status": "200",
        }
    },
}
UNAVAILABLE = {"url": "kehakukka.fi/x", "archived_snapshots": {}}
CDX = [["timestamp"], ["20010304120000"], ["20050101101010"], ["20090511103301"]]


def json_reply(data: object, status: int = 200) -> Reply:
    return Reply(status, json.dumps(data), content_type="application/json")


pytestmark = pytest.mark.usefixtures("allow_loopback")  # the test servers are on 127.0.0.1


@pytest.fixture
def stand_in() -> Iterator[PageServer]:
    with PageServer() as server:
        yield server


def params(server: PageServer, path: str) -> list[dict[str, list[str]]]:
    return [parse_qs(urlsplit(r).query) for r in server.requests if urlsplit(r).path == path]


def test_parse_the_documented_available_answer() -> None:
    assert parse_available(AVAILABLE) == (
        "https://web.archive.org/web/20090511103301/http://kehakukka.fi/arkisto/1999/juttu.html"
    )
    assert parse_available(UNAVAILABLE) is None
    assert parse_available({"archived_snapshots": {"closest": {"available": False}}}) is None


@pytest.mark.parametrize(
    "garbage", [[], "x", {"archived": 1}, {"archived_snapshots": {"closest": 3}}]
)
def test_parse_available_rejects_garbage(garbage: object) -> None:
    with pytest.raises(LookupFailed):
        parse_available(garbage)


def test_parse_the_documented_cdx_answer() -> None:
    full = [
        ["urlkey", "timestamp", "original", "mimetype", "statuscode", "digest", "length"],
        ["fi,kehakukka)/", "20010304120000", "http://kehakukka.fi/", "text/html", "200", "X", "9"],
    ]
    assert parse_cdx(full) == ["20010304120000"]
    assert parse_cdx(CDX) == ["20010304120000", "20050101101010", "20090511103301"]
    assert parse_cdx([]) == []
    assert iso_date("20010304120000") == "2001-03-04"


@pytest.mark.parametrize("garbage", [{}, [["url"]], [["timestamp"], "row"], [["timestamp"], ["x"]]])
def test_parse_cdx_rejects_garbage(garbage: object) -> None:
    with pytest.raises(LookupFailed):
        parse_cdx(garbage)


def test_an_archived_page(stand_in: PageServer) -> None:
    stand_in.route("/wayback/available", json_reply(AVAILABLE))
    stand_in.route("/cdx/search/cdx", json_reply(CDX))
    wayback = Wayback.at(stand_in.url(""), new_session())
    copy = wayback.lookup("http://kehakukka.fi/arkisto/1999/juttu.html")
    assert copy == ArchiveCopy(
        available=True,
        url="https://web.archive.org/web/20090511103301/http://kehakukka.fi/arkisto/1999/juttu.html",
        first_capture="2001-03-04",
        last_capture="2009-05-11",
        captures=3,
    )
    (asked,) = params(stand_in, "/wayback/available")
    assert asked["url"] == ["http://kehakukka.fi/arkisto/1999/juttu.html"]
    (cdx,) = params(stand_in, "/cdx/search/cdx")
    assert cdx["output"] == ["json"]
    assert cdx["url"] == ["http://kehakukka.fi/arkisto/1999/juttu.html"]


def test_a_page_never_archived_asks_no_more(stand_in: PageServer) -> None:
    stand_in.route("/wayback/available", json_reply(UNAVAILABLE))
    stand_in.route("/cdx/search/cdx", json_reply(CDX))
    copy = Wayback.at(stand_in.url(""), new_session()).lookup("http://kehakukka.fi/x")
    assert copy == ArchiveCopy(available=False)
    assert stand_in.hits["/cdx/search/cdx"] == 0


def test_garbage_from_the_availability_api_falls_back_to_the_cdx(stand_in: PageServer) -> None:
    stand_in.route("/wayback/available", Reply(200, "<html>oops</html>"))
    stand_in.route("/cdx/search/cdx", json_reply(CDX))
    copy = Wayback.at(stand_in.url(""), new_session()).lookup("http://kehakukka.fi/x")
    assert copy is not None and copy.available
    assert copy.url == "https://web.archive.org/web/20090511103301/http://kehakukka.fi/x"
    assert copy.captures == 3


def test_no_answer_at_all_is_unknown(stand_in: PageServer) -> None:
    stand_in.route("/wayback/available", Reply(500, "error"))
    stand_in.route("/cdx/search/cdx", Reply(503, "busy"))
    assert Wayback.at(stand_in.url(""), new_session()).lookup("http://kehakukka.fi/x") is None


def test_cdx_failure_keeps_the_snapshot(stand_in: PageServer) -> None:
    stand_in.route("/wayback/available", json_reply(AVAILABLE))
    stand_in.route("/cdx/search/cdx", json_reply({"error": "x"}))
    copy = Wayback.at(stand_in.url(""), new_session()).lookup("http://kehakukka.fi/x")
    assert copy is not None and copy.available and copy.url
    assert copy.first_capture is None and copy.captures is None


def test_many_captures_ask_for_the_last_one_separately(
    stand_in: PageServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(archive, "CDX_CAP", 3)

    def cdx(handler: Handler) -> Reply:
        limit = parse_qs(urlsplit(handler.path).query)["limit"][0]
        return json_reply([["timestamp"], ["20230101000000"]] if limit == "-1" else CDX)

    stand_in.route("/wayback/available", json_reply(AVAILABLE))
    stand_in.route("/cdx/search/cdx", cdx)
    copy = Wayback.at(stand_in.url(""), new_session()).lookup("http://kehakukka.fi/x")
    assert copy is not None
    assert (copy.first_capture, copy.last_capture, copy.captures) == (
        "2001-03-04",
        "2023-01-01",
        None,
    )


@pytest.fixture
def site() -> Iterator[PageServer]:
    with PageServer() as server:
        server.route("/live", Reply(body=html("Live", "<p>" + "sana " * 400 + "</p>")))
        yield server


@pytest.mark.parametrize(
    ("mode", "path", "asked"),
    [("auto", "/gone", True), ("auto", "/live", False), ("all", "/live", True),
     ("none", "/gone", False)],
)  # fmt: skip
def test_archive_modes(
    stand_in: PageServer, site: PageServer, mode: str, path: str, asked: bool
) -> None:
    stand_in.route("/wayback/available", json_reply(AVAILABLE))
    stand_in.route("/cdx/search/cdx", json_reply(CDX))
    with Checker(archive=mode, archive_base=stand_in.url(""), limits=FAST) as checker:
        check = checker.check(site.url(path))
    assert (check.archive is not None) is asked
    assert stand_in.hits["/wayback/available"] == int(asked)
    if asked:
        assert check.archive is not None and check.archive.captures == 3


def test_an_archive_that_does_not_answer_is_said_in_the_reason(
    stand_in: PageServer, site: PageServer
) -> None:
    stand_in.route("/wayback/available", Reply(500))
    stand_in.route("/cdx/search/cdx", Reply(500))
    with Checker(archive="auto", archive_base=stand_in.url(""), limits=FAST) as checker:
        check = checker.check(site.url("/gone"))
    assert check.status is PageStatus.GONE
    assert check.archive is None
    assert "Internet Archive did not answer" in check.reason


def test_default_endpoints_are_the_archives_own() -> None:
    wayback = Wayback(new_session())
    assert wayback.available_url == "https://archive.org/wayback/available"
    assert wayback.cdx_url == "https://web.archive.org/cdx/search/cdx"
