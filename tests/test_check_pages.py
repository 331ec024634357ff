"""Every page status, over real HTTP against servers on 127.0.0.1."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator

import pytest

from footprint.check import Checker
from footprint.check.fetch import Fetcher, Limits
from footprint.check.page import Fetched
from footprint.http import USER_AGENT, new_session
from footprint.models import PageStatus
from tests.page_server import PageServer, Reply, SilentServer, closed_port, html, redirect

FAST = Limits(connect_timeout=1.0, read_timeout=1.0, retry_pause=0.01)
ARTICLE = " ".join(["Laura Hietanen kirjoitti nuorisotyöstä Tampereella."] * 80)


pytestmark = pytest.mark.usefixtures("allow_loopback")  # the test servers are on 127.0.0.1


@pytest.fixture
def server() -> Iterator[PageServer]:
    with PageServer() as s:
        yield s


@pytest.fixture
def checker() -> Iterator[Checker]:
    with Checker(archive="none", limits=FAST) as c:
        yield c


def test_a_live_page_gives_title_excerpt_and_status(server: PageServer, checker: Checker) -> None:
    url = server.route(
        "/juttu",
        Reply(body=html("Nuorisotyö ja minä", f"<nav>Valikko</nav><main><p>{ARTICLE}</p></main>")),
    )
    check = checker.check(url)
    assert check.status is PageStatus.LIVE
    assert check.http_status == 200
    assert check.final_url == url
    assert check.title == "Nuorisotyö ja minä"
    assert check.excerpt.startswith("Laura Hietanen kirjoitti")
    assert "Valikko" not in check.excerpt
    assert 400 <= len(check.excerpt) <= 501
    assert check.checked_at and check.checked_at.endswith("+00:00")


def test_the_user_agent_names_the_tool(server: PageServer, checker: Checker) -> None:
    seen: list[str] = []

    def record(handler):  # type: ignore[no-untyped-def]
        seen.append(handler.headers["User-Agent"])
        return Reply(body=html("x", "<p>x</p>"))

    checker.check(server.route("/ua", record))
    assert seen == [USER_AGENT]
    assert seen[0].startswith("footprint/")


@pytest.mark.parametrize("status", [404, 410])
def test_404_and_410_are_gone(server: PageServer, checker: Checker, status: int) -> None:
    check = checker.check(server.route("/old", Reply(status, html("x", "<p>x</p>"))))
    assert check.status is PageStatus.GONE
    assert check.http_status == status
    assert str(status) in check.reason


def test_a_500_is_retried_once_and_the_200_counts(server: PageServer, checker: Checker) -> None:
    url = server.route("/flaky", [Reply(500), Reply(body=html("Back", f"<p>{ARTICLE}</p>"))])
    check = checker.check(url)
    assert check.status is PageStatus.LIVE
    assert server.hits["/flaky"] == 2


def test_a_lasting_503_is_unreachable_after_exactly_one_retry(
    server: PageServer, checker: Checker
) -> None:
    check = checker.check(server.route("/down", Reply(503)))
    assert check.status is PageStatus.UNREACHABLE
    assert "503" in check.reason
    assert server.hits["/down"] == 2


def test_a_404_is_not_retried(server: PageServer, checker: Checker) -> None:
    checker.check(server.route("/missing", Reply(404)))
    assert server.hits["/missing"] == 1


def test_a_403_is_unreachable_not_gone(server: PageServer, checker: Checker) -> None:
    check = checker.check(server.route("/forbidden", Reply(403)))
    assert check.status is PageStatus.UNREACHABLE


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Virhe", "<h1>Hups! Sivua ei löytynyt</h1><p>Palaa etusivulle.</p>"),
        ("Tampereen kaupunki", "<p>Valitettavasti hakemaasi sivua ei ole olemassa.</p>"),
        ("Fel", "<h1>Sidan kunde inte hittas</h1>"),
        ("Oops", "<h2>Page not found</h2><p>Try the search.</p>"),
        ("404", "<p>Nothing here.</p>"),
    ],
)
def test_soft_404_pages_are_gone(
    server: PageServer, checker: Checker, title: str, text: str
) -> None:
    check = checker.check(server.route("/artikkeli/123", Reply(body=html(title, text))))
    assert check.status is PageStatus.GONE
    assert check.http_status == 200
    assert "not found" in check.reason


def test_a_long_article_that_mentions_page_not_found_is_live(
    server: PageServer, checker: Checker
) -> None:
    body = f"<p>{ARTICLE} Kerran sain virheilmoituksen: page not found. {ARTICLE}</p>"
    check = checker.check(server.route("/essee", Reply(body=html("Essee", body))))
    assert check.status is PageStatus.LIVE


PARKING_HALLMARK = '<script src="https://www.parkingcrew.net/jsparking/lander.js"></script>'


@pytest.mark.parametrize(
    ("title", "body"),
    [
        ("kehakukka.fi", "<h1>kehakukka.fi</h1><p>Tämä verkkotunnus on myytävänä!</p>"),
        ("kehakukka.fi", "<p>Domänen är till salu. Kontakta oss.</p>"),
        ("This domain is for sale", "<p>Make an offer today.</p>"),
        ("kehakukka.fi", f"<p>Related searches</p>{PARKING_HALLMARK}"),
        ("kehakukka.fi", '<a href="https://sedo.com/search/details/?domain=kehakukka.fi">Buy</a>'),
    ],
)
def test_parking_pages_are_parked(
    server: PageServer, checker: Checker, title: str, body: str
) -> None:
    check = checker.check(server.route("/lehti/1998/juttu", Reply(body=html(title, body))))
    assert check.status is PageStatus.PARKED, check.reason


def test_a_long_page_that_links_a_marketplace_is_live(server: PageServer, checker: Checker) -> None:
    body = f'<p>{ARTICLE}</p><a href="https://dan.com/">dan.com</a>'
    check = checker.check(server.route("/blogi", Reply(body=html("Blogi", body))))
    assert check.status is PageStatus.LIVE


@pytest.mark.parametrize(
    "notice",
    [
        "Kehäkukka-lehti lopetti ilmestymisensä vuonna 2009. Arkisto ei enää päivity.",
        "Lehti lakkasi ilmestymästä 2011.",
        "Tidningen har upphört. Arkivet finns kvar.",
        "Tidskriften har slutat utkomma.",
        "This magazine ceased publication in 2010.",
        "This archive is no longer maintained.",
    ],
)
def test_ceased_publication_notices(server: PageServer, checker: Checker, notice: str) -> None:
    body = f'<div class="banner">{notice}</div><article><p>{ARTICLE}</p></article>'
    check = checker.check(server.route("/2005/03/juttu", Reply(body=html("Juttu", body))))
    assert check.status is PageStatus.CEASED, check.reason
    assert check.excerpt.startswith("Laura Hietanen")


def test_a_deep_link_redirected_to_the_front_page_is_gone(
    server: PageServer, checker: Checker
) -> None:
    server.route("/", Reply(body=html("Etusivu", f"<p>{ARTICLE}</p>")))
    url = server.route("/arkisto/2004/juttu.html", redirect("/", 302))
    check = checker.check(url)
    assert check.status is PageStatus.GONE
    assert "front page" in check.reason
    assert check.final_url == server.url("/")


def test_a_redirect_within_the_site_is_followed_and_live(
    server: PageServer, checker: Checker
) -> None:
    server.route("/uusi/juttu", Reply(body=html("Juttu", f"<p>{ARTICLE}</p>")))
    check = checker.check(server.route("/vanha/juttu", redirect("/uusi/juttu")))
    assert check.status is PageStatus.LIVE
    assert check.final_url == server.url("/uusi/juttu")


def test_a_redirect_to_another_site_is_gone(server: PageServer, checker: Checker) -> None:
    with PageServer() as other:
        other.route("/", Reply(body=html("Casino", f"<p>{ARTICLE}</p>")))
        url = server.route("/juttu", redirect(other.url("/", host="localhost")))
        check = checker.check(url)
    assert check.status is PageStatus.GONE
    assert "another site" in check.reason
    assert check.final_url == other.url("/", host="localhost")


@pytest.mark.parametrize(
    "loop", [{"/a": "/b", "/b": "/a"}, {"/self": "/self"}], ids=["two-step", "self"]
)
def test_redirect_loops_are_unreachable(
    server: PageServer, checker: Checker, loop: dict[str, str]
) -> None:
    for source, target in loop.items():
        server.route(source, redirect(target))
    check = checker.check(server.url(next(iter(loop))))
    assert check.status is PageStatus.UNREACHABLE
    assert "loop" in check.reason
    assert sum(server.hits.values()) <= 3


def test_too_many_redirects_stop(server: PageServer) -> None:
    for i in range(20):
        server.route(f"/r{i}", redirect(f"/r{i + 1}"))
    with Checker(archive="none", limits=Limits(max_redirects=5, retry_pause=0.01)) as checker:
        check = checker.check(server.url("/r0"))
    assert check.status is PageStatus.UNREACHABLE
    assert "more than 5 redirects" in check.reason
    assert sum(server.hits.values()) == 6


def test_a_server_that_never_answers_is_unreachable_within_the_timeouts() -> None:
    limits = Limits(connect_timeout=0.5, read_timeout=0.5, retry_pause=0.01)
    with SilentServer() as silent, Checker(archive="none", limits=limits) as checker:
        started = time.monotonic()
        check = checker.check(silent.url("/x"))
        elapsed = time.monotonic() - started
    assert check.status is PageStatus.UNREACHABLE
    assert "timed out" in check.reason
    assert 0.9 <= elapsed < 3.0  # one try and one retry, each waiting for the read timeout


def test_a_huge_body_is_cut_at_the_cap(server: PageServer) -> None:
    url = server.route("/huge", Reply(body=b"", stream_bytes=50 * 1024 * 1024))
    fetcher = Fetcher(new_session(), Limits(max_bytes=300_000), allow_private=True)
    started = time.monotonic()
    fetched = fetcher.fetch(url)
    assert isinstance(fetched, Fetched)
    assert fetched.truncated
    assert len(fetched.body) == 300_000
    assert time.monotonic() - started < 5


def test_a_huge_page_is_still_judged_live(server: PageServer, checker: Checker) -> None:
    head = html("Iso sivu", f"<p>{ARTICLE}</p>").replace("</body></html>", "").encode()
    url = server.route("/big", Reply(body=head + b"<p>" + b"y " * 3_000_000 + b"</p>"))
    check = checker.check(url)
    assert check.status is PageStatus.LIVE
    assert check.title == "Iso sivu"


def test_a_pdf_is_live_and_not_read(server: PageServer) -> None:
    pdf = b"%PDF-1.4\n" + b"0" * 10_000 + b"\n%%EOF\n"
    url = server.route("/raportti.pdf", Reply(body=pdf, content_type="application/pdf"))
    fetched = Fetcher(new_session(), FAST, allow_private=True).fetch(url)
    assert isinstance(fetched, Fetched)
    assert fetched.content_type == "application/pdf"
    assert fetched.body == b""
    with Checker(archive="none", limits=FAST) as checker:
        check = checker.check(url)
    assert check.status is PageStatus.LIVE
    assert "application/pdf" in check.reason
    assert check.title == ""


LATIN1 = html(
    "Yhdistyksen hallitus – Tämä", f"<p>Hallituksen jäsenet: Jörö Äänismaa. {ARTICLE}</p>"
)


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("text/html; charset=ISO-8859-1", LATIN1.replace("–", "-")),
        ("text/html", LATIN1.replace("–", "-").replace(
            "<head>", '<head><meta charset="iso-8859-1">')),
        ("text/html", LATIN1.replace("–", "-")),
    ],
    ids=["header", "meta", "detected"],
)  # fmt: skip
def test_a_latin1_page_is_decoded(
    server: PageServer, checker: Checker, content_type: str, body: str
) -> None:
    url = server.route("/latin1", Reply(body=body.encode("iso-8859-1"), content_type=content_type))
    check = checker.check(url)
    assert check.status is PageStatus.LIVE
    assert check.title == "Yhdistyksen hallitus - Tämä"
    assert "Jörö Äänismaa" in check.excerpt


def test_a_name_that_does_not_exist_is_gone() -> None:
    with Checker(archive="none", limits=FAST, canaries=("localhost",)) as checker:
        check = checker.check("https://kehakukka-lehti.invalid/arkisto/1999")
    assert check.status is PageStatus.GONE
    assert "NXDOMAIN" in check.reason


def test_a_temporary_dns_failure_is_unreachable(
    checker: Checker, monkeypatch: pytest.MonkeyPatch
) -> None:
    lookups: list[str] = []

    def flaky(host, *args, **kwargs):  # type: ignore[no-untyped-def]
        lookups.append(host)
        raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")

    monkeypatch.setattr(socket, "getaddrinfo", flaky)
    check = checker.check("https://lehti.example/juttu")
    assert check.status is PageStatus.UNREACHABLE
    assert "temporary DNS failure" in check.reason
    assert lookups == ["lehti.example", "lehti.example"]  # one retry, then given up


def test_a_refused_connection_is_gone(checker: Checker) -> None:
    check = checker.check(f"http://127.0.0.1:{closed_port()}/juttu")
    assert check.status is PageStatus.GONE
    assert "refused" in check.reason


def test_a_tls_failure_is_unreachable(server: PageServer, checker: Checker) -> None:
    server.route("/", Reply(body=html("x", "<p>x</p>")))
    check = checker.check(f"https://127.0.0.1:{server.port}/")
    assert check.status is PageStatus.UNREACHABLE
    assert "TLS" in check.reason


def test_private_addresses_are_skipped_unless_allowed(
    server: PageServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("FOOTPRINT_ALLOW_PRIVATE")
    url = server.route("/intranet", Reply(body=html("Intra", "<p>secret</p>")))
    with Checker(archive="all", limits=FAST) as checker:
        for address in (url, server.url("/intranet", host="localhost")):
            check = checker.check(address)
            assert check.status is PageStatus.SKIPPED
            assert "FOOTPRINT_ALLOW_PRIVATE=1" in check.reason
            assert check.archive is None
    assert server.hits["/intranet"] == 0


def test_a_redirect_to_a_private_address_is_not_followed(
    server: PageServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each hop is re-checked: here 127.0.0.2 stands for a private address."""
    from footprint.check import safety

    monkeypatch.delenv("FOOTPRINT_ALLOW_PRIVATE")
    monkeypatch.setattr(safety, "_non_public", lambda address: address == "127.0.0.2")
    url = server.route("/hop", redirect(f"http://127.0.0.2:{server.port}/router-admin"))
    with Checker(archive="none", limits=FAST) as checker:
        check = checker.check(url)
    assert check.status is PageStatus.SKIPPED
    assert "redirected to http://127.0.0.2" in check.reason
    assert server.hits["/hop"] == 1


@pytest.mark.parametrize(
    "url", ["mailto:laura@example.fi", "ftp://files.example.fi/cv.pdf", "javascript:alert(1)",
            "file:///etc/passwd", "http:///no-host", "http://[::1", "http://a.fi:99999/"],
)  # fmt: skip
def test_non_web_addresses_are_skipped(checker: Checker, url: str) -> None:
    check = checker.check(url)
    assert check.status is PageStatus.SKIPPED
    assert check.reason


def test_a_redirect_to_a_non_web_address_is_skipped(server: PageServer, checker: Checker) -> None:
    check = checker.check(server.route("/dl", redirect("ftp://files.example.fi/x")))
    assert check.status is PageStatus.SKIPPED
    assert "not a web address" in check.reason
