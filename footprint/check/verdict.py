"""The verdict: from what a fetch brought back to a page status and the reason for it.

Pure: reads a `Fetched` response and its parsed `Page`, never the network. Registered
domains come from `footprint.domains` (the bundled public-suffix list; nothing is downloaded).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from footprint.check import markers
from footprint.check.page import Fetched, Page
from footprint.domains import registered_domain
from footprint.models import PageStatus

SHORT_PAGE_WORDS = 300  # "almost no own text": parking and error pages are this short
SOFT_404_WORDS = 400
_FRONT_SEGMENTS = frozenset({"fi", "sv", "en", "se", "etusivu", "home", "startsida", "start"})
_INDEX = re.compile(r"^(index|default|home)\.(html?|php|aspx?|jsp)$", re.I)
_TITLE_404 = re.compile(r"\b404\b")


@dataclass(frozen=True)
class Outcome:
    """A page status and the reason for it, in plain words."""

    status: PageStatus
    reason: str


def _host(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").lower().rstrip(".")
    except ValueError:
        return ""


def same_site(a: str, b: str) -> bool:
    """Whether two URLs belong to one site: the same registered domain, or the same name
    under another suffix (`yle.fi` and `yle.com`)."""
    ha, hb = _host(a), _host(b)
    if ha == hb:
        return True
    da, db = registered_domain(ha), registered_domain(hb)
    if da == db:
        return True
    return bool("." in da and "." in db and da.split(".", 1)[0] == db.split(".", 1)[0])


def _segments(path: str) -> list[str]:
    parts = [p for p in path.split("/") if p]
    if parts and _INDEX.match(parts[-1]):
        parts.pop()
    return parts


def is_deep_link(url: str) -> bool:
    """An address of a page below the front page: a path, or a query such as `?p=123`."""
    parts = urlsplit(url)
    return bool(_segments(parts.path) or parts.query)


def is_front_page(url: str) -> bool:
    """The site's front page, or a language's front page (`/`, `/fi/`, `/index.html`)."""
    parts = urlsplit(url)
    segments = _segments(parts.path)
    if parts.query:
        return False
    return not segments or (len(segments) == 1 and segments[0].lower() in _FRONT_SEGMENTS)


def judge(fetched: Fetched, page: Page | None) -> Outcome:
    """The page status of a response that arrived (errors are judged in `failures`)."""
    status = fetched.status
    if status in (404, 410):
        return Outcome(PageStatus.GONE, f"HTTP {status}: the page does not exist")
    if status >= 500:
        return Outcome(PageStatus.UNREACHABLE, f"HTTP {status}: the server failed, also on retry")
    if status == 429:
        return Outcome(PageStatus.UNREACHABLE, "HTTP 429: the site asked us to slow down")
    if status >= 400:
        return Outcome(PageStatus.UNREACHABLE, f"HTTP {status}: the site refused the check")
    if status >= 300:
        return Outcome(PageStatus.UNREACHABLE, f"HTTP {status}: a redirect without a target")
    parked = _parked(fetched, page)
    if parked:
        return Outcome(PageStatus.PARKED, parked)
    moved = _moved(fetched)
    if moved:
        return Outcome(PageStatus.GONE, moved)
    if page is None:
        kind = fetched.content_type or "an undeclared type"
        return Outcome(PageStatus.LIVE, f"HTTP {status}: served as {kind}")
    soft = _soft_404(page)
    if soft:
        return Outcome(PageStatus.GONE, soft)
    ceased = markers.find_marker(markers.normalise(page.text), markers.CEASED)
    if ceased:
        return Outcome(PageStatus.CEASED, f"the site says the publication has stopped: “{ceased}”")
    return Outcome(PageStatus.LIVE, f"HTTP {status}: the page is served")


def _parked(fetched: Fetched, page: Page | None) -> str | None:
    final_domain = registered_domain(_host(fetched.final_url))
    if final_domain in markers.PARKING_SERVICES and not same_site(fetched.url, fetched.final_url):
        return f"redirected to the domain marketplace {final_domain}"
    if page is None:
        return None
    short = page.words < SHORT_PAGE_WORDS
    title = markers.normalise(page.title)
    sale = markers.find_marker(title, markers.FOR_SALE)
    if not sale and short:
        sale = markers.find_marker(markers.normalise(page.text), markers.FOR_SALE)
    if sale:
        return f"a domain-parking page: “{sale}”"
    services = sorted({registered_domain(h) for h in page.hosts} & markers.PARKING_SERVICES)
    if services and short:
        return f"a domain-parking page with almost no own text, served by {services[0]}"
    return None


def _moved(fetched: Fetched) -> str | None:
    if not fetched.redirects:
        return None
    if not same_site(fetched.url, fetched.final_url):
        return f"redirected to another site: {registered_domain(_host(fetched.final_url))}"
    if is_deep_link(fetched.url) and is_front_page(fetched.final_url):
        return "the link now redirects to the site's front page"
    return None


def _soft_404(page: Page) -> str | None:
    head = markers.normalise(f"{page.title} {page.headings}")
    found = markers.find_marker(head, markers.NOT_FOUND)
    if not found and page.words < SOFT_404_WORDS:
        found = markers.find_marker(markers.normalise(page.text), markers.NOT_FOUND)
        if not found and _TITLE_404.search(page.title):
            found = "404"
    if found:
        return f"a “not found” page served as a normal page: “{found}”"
    return None
