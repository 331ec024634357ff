"""The pure halves of the check: HTML parsing, the verdict, error meanings, safety."""

from __future__ import annotations

import errno
import socket

import pytest
import requests

from footprint.check.failures import Stopped, is_transient, outcome_for_error
from footprint.check.page import Fetched, Page, media_type, parse_html, shorten
from footprint.check.safety import check_address
from footprint.check.verdict import (
    is_deep_link,
    is_front_page,
    judge,
    registered_domain,
    same_site,
)
from footprint.models import PageStatus

LONG = " ".join(["Sosiaaliohjaaja Laura Hietanen kertoo työstään."] * 60)


def page(title: str = "Juttu", text: str = LONG, hosts: frozenset[str] = frozenset()) -> Page:
    return Page(title=title, text=text, excerpt=text[:500], hosts=hosts, words=len(text.split()))


def fetched(url: str = "https://lehti.fi/2004/juttu", final: str | None = None, status: int = 200,
            redirects: tuple[str, ...] = ()) -> Fetched:  # fmt: skip
    return Fetched(url, final or url, status, "text/html", redirects=redirects)


@pytest.mark.parametrize(
    ("host", "domain"),
    [("www.yle.fi", "yle.fi"), ("arkisto.kehakukka.fi", "kehakukka.fi"),
     ("news.bbc.co.uk", "bbc.co.uk"), ("127.0.0.1", "127.0.0.1"), ("LOCALHOST.", "localhost")],
)  # fmt: skip
def test_registered_domain_uses_the_bundled_suffix_list(host: str, domain: str) -> None:
    assert registered_domain(host) == domain


def test_same_site() -> None:
    assert same_site("http://lehti.fi/a", "https://www.lehti.fi/b")
    assert same_site("https://yle.fi/a", "https://yle.com/")
    assert not same_site("https://kehakukka.fi/a", "https://kasino-bonus.com/")
    assert not same_site("http://127.0.0.1:8000/a", "http://localhost:8000/")


@pytest.mark.parametrize(
    ("url", "deep", "front"),
    [("https://lehti.fi/", False, True), ("https://lehti.fi", False, True),
     ("https://lehti.fi/index.php", False, True), ("https://lehti.fi/fi/", True, True),
     ("https://lehti.fi/?p=123", True, False), ("https://lehti.fi/2004/juttu", True, False)],
)  # fmt: skip
def test_deep_links_and_front_pages(url: str, deep: bool, front: bool) -> None:
    assert is_deep_link(url) is deep
    assert is_front_page(url) is front


def test_the_verdict_for_each_case() -> None:
    assert judge(fetched(), page()).status is PageStatus.LIVE
    assert judge(fetched(status=410), None).status is PageStatus.GONE
    assert judge(fetched(status=502), None).status is PageStatus.UNREACHABLE
    front = fetched(final="https://lehti.fi/", redirects=("https://lehti.fi/2004/juttu",))
    assert judge(front, page()).status is PageStatus.GONE
    away = fetched(final="https://kasino.example.com/", redirects=("https://lehti.fi/2004/juttu",))
    outcome = judge(away, page())
    assert outcome.status is PageStatus.GONE
    assert "example.com" in outcome.reason
    market = fetched(final="https://dan.com/buy-domain/lehti.fi", redirects=("x",))
    assert judge(market, page()).status is PageStatus.PARKED
    pdf = Fetched("https://lehti.fi/a.pdf", "https://lehti.fi/a.pdf", 200, "application/pdf")
    assert judge(pdf, None).status is PageStatus.LIVE


def test_a_redirect_from_the_front_page_to_itself_is_live() -> None:
    home = fetched(url="http://lehti.fi/", final="https://www.lehti.fi/", redirects=("x",))
    assert judge(home, page()).status is PageStatus.LIVE


@pytest.mark.parametrize(
    "text",
    ["Tämä verkkotunnus on myytävänä.", "Domänen är till salu!", "This domain is for sale."],
)
def test_sale_notices_park_only_short_pages(text: str) -> None:
    assert judge(fetched(), page(text=f"lehti.fi {text}")).status is PageStatus.PARKED
    assert judge(fetched(), page(text=f"{LONG} {text} {LONG}")).status is PageStatus.LIVE


def test_a_parking_service_hallmark_needs_a_nearly_empty_page() -> None:
    hosts = frozenset({"img.sedoparking.com"})
    assert judge(fetched(), page(text="lehti.fi Related links", hosts=hosts)).status is (
        PageStatus.PARKED
    )
    assert judge(fetched(), page(hosts=hosts)).status is PageStatus.LIVE


@pytest.mark.parametrize(
    "notice",
    ["Lehti lopetti ilmestymisensä 2009.", "Sivuston arkisto ei enää päivity.",
     "Lehti lakkasi ilmestymästä.", "Tidningen har upphört.", "Tidskriften har slutat utkomma.",
     "The magazine ceased publication.", "This site is no longer updated.",
     "This archive is no longer maintained."],
)  # fmt: skip
def test_ceased_notices_in_three_languages(notice: str) -> None:
    outcome = judge(fetched(), page(text=f"{notice} {LONG}"))
    assert outcome.status is PageStatus.CEASED
    assert "stopped" in outcome.reason


def test_parse_html_title_text_excerpt_and_hosts() -> None:
    body = (
        "<html><head><title> Otsikko \n tässä </title><style>p{}</style>"
        '<script src="https://cdn.parkingcrew.net/x.js">var a = "hidden";</script></head>'
        "<body><header>Ylätunniste</header><main><h1>Pääotsikko</h1><p>Teksti.</p></main>"
        '<footer><a href="https://www.sedo.com/x">sedo</a></footer></body></html>'
    ).encode()
    parsed = parse_html(body, "utf-8")
    assert parsed.title == "Otsikko tässä"
    assert parsed.headings == "Pääotsikko"
    assert parsed.text == "Ylätunniste Pääotsikko Teksti. sedo"
    assert parsed.excerpt == "Pääotsikko Teksti."
    assert parsed.hosts == {"cdn.parkingcrew.net", "www.sedo.com"}
    assert "hidden" not in parsed.text


def test_parse_html_falls_back_to_the_heading_for_a_title() -> None:
    assert parse_html(b"<h1>Vain otsikko</h1><p>x</p>").title == "Vain otsikko"


def test_a_truncated_utf8_body_is_not_garbled() -> None:
    body = ("<html><head><title>Äänestys</title></head><body><p>" + "öljy " * 50).encode()
    parsed = parse_html(body + b"\xc3")  # cut inside an "ä"
    assert parsed.title == "Äänestys"
    assert "Ã" not in parsed.text


def test_media_type_and_shorten() -> None:
    assert media_type('text/HTML; Charset="ISO-8859-1"') == ("text/html", "iso-8859-1")
    assert media_type(None) == ("", None)
    assert shorten("yksi kaksi kolme", 10) == "yksi…"
    assert shorten("lyhyt", 10) == "lyhyt"


def _wrapped(inner: BaseException) -> requests.ConnectionError:
    """The way requests reports a failed connection: errors inside errors."""
    try:
        try:
            raise inner
        except OSError as exc:
            raise RuntimeError("urllib3 NewConnectionError") from exc
    except RuntimeError as middle:
        return requests.ConnectionError(middle)


def test_error_meanings() -> None:
    nx = _wrapped(socket.gaierror(socket.EAI_NONAME, "Name or service not known"))
    assert outcome_for_error(nx).status is PageStatus.GONE
    assert not is_transient(nx)
    again = _wrapped(socket.gaierror(socket.EAI_AGAIN, "Temporary failure"))
    assert outcome_for_error(again).status is PageStatus.UNREACHABLE
    assert is_transient(again)
    refused = _wrapped(ConnectionRefusedError(errno.ECONNREFUSED, "refused"))
    assert outcome_for_error(refused).status is PageStatus.GONE
    assert not is_transient(refused)
    reset = _wrapped(ConnectionResetError(errno.ECONNRESET, "reset"))
    assert outcome_for_error(reset).status is PageStatus.UNREACHABLE
    assert is_transient(reset)
    assert outcome_for_error(requests.exceptions.SSLError("bad cert")).status is (
        PageStatus.UNREACHABLE
    )
    assert not is_transient(requests.exceptions.SSLError("bad cert"))
    assert is_transient(requests.exceptions.ReadTimeout())
    assert outcome_for_error(Stopped()).reason.startswith("deadline")


def test_safety_without_resolving(monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = check_address("http://192.168.1.1/admin", allow_private=False, resolve=False)
    assert blocked is not None and blocked.status is PageStatus.SKIPPED
    for private in ("http://10.0.0.8/", "http://169.254.169.254/latest/meta-data",
                    "http://[::1]/", "http://[::ffff:127.0.0.1]/", "http://0.0.0.0/"):  # fmt: skip
        outcome = check_address(private, allow_private=False, resolve=False)
        assert outcome is not None and outcome.status is PageStatus.SKIPPED, private
    assert check_address("http://93.184.216.34/", allow_private=False, resolve=False) is None
    assert check_address("http://192.168.1.1/", allow_private=True, resolve=False) is None


def test_safety_checks_every_address_a_name_resolves_to(monkeypatch: pytest.MonkeyPatch) -> None:
    def two(host, port, *args, **kwargs):  # type: ignore[no-untyped-def]
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", port)),
                (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.1.2.3", port))]  # fmt: skip

    monkeypatch.setattr(socket, "getaddrinfo", two)
    outcome = check_address("https://rebind.example/", allow_private=False)
    assert outcome is not None and outcome.status is PageStatus.SKIPPED
    assert "10.1.2.3" in outcome.reason
